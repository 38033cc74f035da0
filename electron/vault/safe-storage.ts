// The part of Electron's safeStorage the vault uses, and the decision whether encryption is good
// enough to write a token to disk. Electron 45 has the async API (encryptStringAsync,
// decryptStringAsync, isAsyncEncryptionAvailable); the sync one is deprecated.
import type { SessionOnlyReason } from '../../shared/ipc/channels/token';

export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only. */
  getSelectedStorageBackend?(): LinuxBackend;
}

export type StorageDecision = { storage: 'keychain' } | { storage: 'session-only'; reason: SessionOnlyReason };

/**
 * `basic_text` encrypts with a key hard-coded in Chromium: that is obfuscation, not protection, so
 * the token stays in memory instead (as Signal Desktop does). `unknown` means the backend could
 * not be determined; we do not guess.
 */
export async function decideStorage(safeStorage: SafeStorageLike, platform: string): Promise<StorageDecision> {
  if (platform === 'linux') {
    let backend: LinuxBackend | undefined;
    try {
      backend = safeStorage.getSelectedStorageBackend?.();
    } catch {
      backend = 'unknown';
    }
    if (backend === 'basic_text') return { storage: 'session-only', reason: 'basic_text' };
    if (backend === undefined || backend === 'unknown') return { storage: 'session-only', reason: 'encryption_unavailable' };
  }
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  return available === true ? { storage: 'keychain' } : { storage: 'session-only', reason: 'encryption_unavailable' };
}
