// A safeStorage stand-in for Node tests: real AES-256-GCM with a per-instance random key, so
// ciphertext really differs from the token, and the backend/availability can be set per test.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { LinuxBackend, SafeStorageLike } from '../../electron/vault/safe-storage';

export interface FakeSafeStorage extends SafeStorageLike {
  backend: LinuxBackend;
  available: boolean;
  encryptCalls: number;
}

export function createFakeSafeStorage(init: { backend?: LinuxBackend; available?: boolean } = {}): FakeSafeStorage {
  const key = randomBytes(32);
  const fake: FakeSafeStorage = {
    backend: init.backend ?? 'gnome_libsecret',
    available: init.available ?? true,
    encryptCalls: 0,
    async isAsyncEncryptionAvailable() {
      return fake.available;
    },
    getSelectedStorageBackend() {
      return fake.backend;
    },
    async encryptStringAsync(plainText: string) {
      if (!fake.available) throw new Error('Encryption is not available.');
      fake.encryptCalls++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted: Buffer) {
      const iv = encrypted.subarray(3, 15);
      const tag = encrypted.subarray(15, 31);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      const result = Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: false };
    },
  };
  return fake;
}
