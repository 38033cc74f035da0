import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { IpcCallError } from '../bridge/ipc';
import en from '../i18n/en.json';
import ptBR from '../i18n/pt-BR.json';
import { errorMessage, errorText } from './error-message';

let t: TFunction;
let tPt: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, 'pt-BR': { translation: ptBR } }, lng: 'en', interpolation: { escapeValue: false } });
  t = instance.getFixedT('en');
  tPt = instance.getFixedT('pt-BR');
});

const err = (error: ConstructorParameters<typeof IpcCallError>[1]) => new IpcCallError('connection:test', error);

describe('errorText', () => {
  it('401 picks the message for details.reason', () => {
    expect(errorText(t, err({ code: 'unauthenticated', message: 'x', status: 401, details: { reason: 'expired' } })).message).toMatch(/expired/);
    expect(errorText(t, err({ code: 'unauthenticated', message: 'x', status: 401, details: { reason: 'revoked' } })).message).toMatch(/revoked/);
    expect(errorText(t, err({ code: 'unauthenticated', message: 'x', status: 401, details: { reason: 'something-new' } })).message).toBe(t('errors.unauthenticated'));
    expect(errorText(t, err({ code: 'unauthenticated', message: 'x' })).message).toMatch(/401/);
  });

  it('429 says how long to wait, rounded up', () => {
    expect(errorText(t, err({ code: 'rate_limited', message: 'x', retryAfter: 4.2 })).message).toContain('Wait 5 seconds');
    expect(errorText(tPt, err({ code: 'rate_limited', message: 'x', retryAfter: 30 })).message).toContain('Aguarde 30 segundos');
    expect(errorText(t, err({ code: 'rate_limited', message: 'x' })).message).toContain('Wait a moment');
  });

  it('5xx names the status; 422 keeps the field messages', () => {
    expect(errorText(t, err({ code: 'server', message: 'x', status: 503 })).message).toContain('(503)');
    const text = errorText(t, err({ code: 'validation', message: 'x', status: 422, fields: { name: ['The name field is required.'] } }));
    expect(text.message).toContain('422');
    expect(text.fields).toEqual([{ field: 'name', messages: ['The name field is required.'] }]);
    expect(errorMessage(t, err({ code: 'validation', message: 'x', fields: { name: ['Required.'] } }))).toContain('name: Required.');
  });

  it('a 400 is the server\'s words as they are, never "fix the fields marked below"', () => {
    const said = 'Requested sort(s) `-created_at` is not allowed. Allowed sort(s) are `name`.';
    const text = errorText(t, err({ code: 'bad_request', message: said, status: 400 }));
    expect(text.message).toContain(said);
    expect(text.message).not.toMatch(/422|fields/);
    expect(text.fields).toEqual([]);
    expect(errorText(tPt, err({ code: 'bad_request', message: said, status: 400 })).message).toContain(said);
  });

  it('never shows a raw exception text for non-IPC errors', () => {
    expect(errorText(t, new Error('secret internals')).message).toBe(t('errors.internal'));
    expect(errorText(t, 'boom').message).toBe(t('errors.internal'));
  });

  it('the English fallback message from main is not what the operator reads', () => {
    expect(errorText(t, err({ code: 'network', message: 'ECONNREFUSED 127.0.0.1:9' })).message).not.toContain('ECONNREFUSED');
  });
});
