import { describe, expect, it } from 'vitest';
import { createFakeConfirm, createFakeSafeStorage } from '../../harness/fake-electron';

describe('fake safeStorage', () => {
  it('really encrypts: the ciphertext does not contain the plain text and round-trips', async () => {
    const storage = createFakeSafeStorage();
    const secret = 'eyJhbGciOiJIUzI1NiJ9.payload-part.signature-part';
    const encrypted = await storage.encryptStringAsync(secret);
    expect(encrypted.includes(Buffer.from(secret))).toBe(false);
    expect(encrypted.includes(Buffer.from('payload-part'))).toBe(false);
    expect((await storage.decryptStringAsync(encrypted)).result).toBe(secret);
  });

  it('uses a different key per instance (per run)', async () => {
    const a = createFakeSafeStorage();
    const b = createFakeSafeStorage();
    const encrypted = await a.encryptStringAsync('x');
    await expect(b.decryptStringAsync(encrypted)).rejects.toThrow();
  });

  it('reports the configured backend and refuses when unavailable', async () => {
    const storage = createFakeSafeStorage({ backend: 'basic_text', available: false });
    expect(storage.getSelectedStorageBackend()).toBe('basic_text');
    expect(await storage.isAsyncEncryptionAvailable()).toBe(false);
    await expect(storage.encryptStringAsync('x')).rejects.toThrow(/not available/);
  });
});

describe('fake native confirm', () => {
  it('refuses by default, records every question, and answers as the test says', async () => {
    const fake = createFakeConfirm();
    const request = { kinds: ['unlock_writes' as const], title: 't', message: 'm', detail: 'd', confirmLabel: 'Allow', cancelLabel: 'Cancel' };
    expect(await fake.confirm(request)).toBe(false);
    fake.answer(true);
    expect(await fake.confirm(request)).toBe(true);
    expect(fake.asked).toHaveLength(2);
  });
});
