// Stand-ins for the Electron APIs main's services take as injected interfaces, for the end-to-end
// harness. They behave like the real ones where it matters to the tests:
// - safeStorage really encrypts (AES-256-GCM with a per-run random key) and reports a Linux
//   backend, so the vault writes real ciphertext that the secrecy spec can inspect;
// - the clipboard is an in-memory string the test fills before "Import from clipboard";
// - the dialog returns a file path the test prepared (or a cancel);
// - the shell records every URL it was asked to open instead of opening a browser;
// - the safety gates' native message box records what it was asked and answers as the test says
//   (refuse unless told otherwise, as an operator pressing Cancel would).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ConfirmRequest } from '../../electron/native-confirm';

export type FakeLinuxBackend = 'gnome_libsecret' | 'kwallet6' | 'basic_text' | 'unknown';

export function createFakeSafeStorage(options: { backend?: FakeLinuxBackend; available?: boolean } = {}) {
  const key = randomBytes(32);
  const state = { backend: options.backend ?? 'gnome_libsecret', available: options.available ?? true, encryptCalls: 0, decryptCalls: 0 };
  const encrypt = (plainText: string): Buffer => {
    if (!state.available) throw new Error('Encryption is not available.');
    state.encryptCalls += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const decrypt = (encrypted: Buffer): string => {
    if (!state.available) throw new Error('Encryption is not available.');
    state.decryptCalls += 1;
    const iv = encrypted.subarray(0, 12);
    const tag = encrypted.subarray(12, 28);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  };
  return {
    state,
    isEncryptionAvailable: () => state.available,
    isAsyncEncryptionAvailable: async () => state.available,
    encryptString: encrypt,
    decryptString: decrypt,
    encryptStringAsync: async (plainText: string) => encrypt(plainText),
    decryptStringAsync: async (encrypted: Buffer) => ({ result: decrypt(encrypted), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => state.backend,
  };
}
export type FakeSafeStorage = ReturnType<typeof createFakeSafeStorage>;

export function createFakeClipboard() {
  let text = '';
  return {
    readText: () => text,
    writeText: (value: string) => {
      text = value;
    },
    clear: () => {
      text = '';
    },
    /** Test helper: what is on the clipboard now (to check that import cleared it). */
    peek: () => text,
  };
}
export type FakeClipboard = ReturnType<typeof createFakeClipboard>;

export function createFakeDialog() {
  const state: { nextPath: string | null; calls: number } = { nextPath: null, calls: 0 };
  return {
    state,
    /** The next open dialog "chooses" this file; null = the operator cancels. */
    prepareOpen(path: string | null) {
      state.nextPath = path;
    },
    showOpenDialog: async (..._args: unknown[]) => {
      state.calls += 1;
      const path = state.nextPath;
      state.nextPath = null;
      return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (..._args: unknown[]) => {
      state.calls += 1;
      const path = state.nextPath;
      state.nextPath = null;
      return path ? { canceled: false, filePath: path } : { canceled: true, filePath: undefined };
    },
    showMessageBox: async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false }),
  };
}
export type FakeDialog = ReturnType<typeof createFakeDialog>;

export function createFakeShell() {
  const opened: string[] = [];
  return {
    opened,
    openExternal: async (url: string) => {
      opened.push(url);
    },
  };
}
export type FakeShell = ReturnType<typeof createFakeShell>;

export function createFakeConfirm() {
  const asked: ConfirmRequest[] = [];
  const state = { answer: false };
  return {
    asked,
    /** From now on the operator presses the confirm button (true) or Cancel (false, the default). */
    answer(value: boolean) {
      state.answer = value;
    },
    confirm: async (request: ConfirmRequest) => {
      asked.push(request);
      return state.answer;
    },
  };
}
export type FakeConfirm = ReturnType<typeof createFakeConfirm>;
