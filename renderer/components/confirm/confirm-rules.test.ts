import { describe, expect, it } from 'vitest';
import { newActionId } from '../../queries/action-id';
import { requiresTypedName, typedNameMatches, writeAccess } from './confirm-rules';

describe('confirmation rules', () => {
  it('only production needs the typed name', () => {
    expect(requiresTypedName({ name: 'Prod', environment: 'production' })).toBe(true);
    for (const environment of ['staging', 'sandbox', 'other']) expect(requiresTypedName({ name: 'x', environment })).toBe(false);
  });

  it('the typed name must match exactly (ends trimmed, case kept), never an empty name', () => {
    expect(typedNameMatches(' Produção BR ', 'Produção BR')).toBe(true);
    expect(typedNameMatches('produção br', 'Produção BR')).toBe(false);
    expect(typedNameMatches('Produção', 'Produção BR')).toBe(false);
    expect(typedNameMatches('', '  ')).toBe(false);
  });
});

describe('write access', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('no profile → blocked', () => {
    expect(writeAccess(null, now)).toEqual({ writable: false, reason: 'no_profile', unlockedUntilMs: null });
  });
  it('writable profile → allowed', () => {
    expect(writeAccess({ readOnly: false }, now).writable).toBe(true);
  });
  it('read-only → blocked unless unlocked until a future time', () => {
    expect(writeAccess({ readOnly: true }, now)).toMatchObject({ writable: false, reason: 'read_only' });
    expect(writeAccess({ readOnly: true, writesUnlockedUntil: '2026-01-01T11:59:59Z' }, now).writable).toBe(false);
    expect(writeAccess({ readOnly: true, writesUnlockedUntil: 'garbage' }, now).writable).toBe(false);
    expect(writeAccess({ readOnly: true, writesUnlockedUntil: '2026-01-01T12:10:00Z' }, now)).toEqual({
      writable: true,
      reason: null,
      unlockedUntilMs: Date.parse('2026-01-01T12:10:00Z'),
    });
  });
  it('action ids are unique per call', () => {
    expect(newActionId()).not.toBe(newActionId());
  });
});
