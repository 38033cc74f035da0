// Where main reads a token from on the operator's behalf, so the renderer never sees it:
// the clipboard (cleared after a successful import), a file picked in a native dialog, or the
// II_API_TOKEN environment variable. Each returns the raw text; the vault checks the shape.
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../shared/app-error';
import type { TokenSource } from '../../shared/ipc/channels/token';
import { englishTranslator, type MainTranslator } from '../i18n';

/** Electron 45's clipboard.readText is async (modelled on navigator.clipboard); fakes may be sync. */
export interface ClipboardLike {
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
}

export interface OpenDialogLike {
  showOpenDialog(options: {
    title?: string;
    properties?: Array<'openFile'>;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface TokenSourceDeps {
  clipboard: ClipboardLike;
  dialog: OpenDialogLike;
  env: Record<string, string | undefined>;
  /** The open dialog's texts in the app's language (English without). */
  t?: MainTranslator | undefined;
}

const MAX_FILE_BYTES = 16 * 1024;

/**
 * Reads a token and hands it to `use` (the vault's import or rotate). The clipboard is cleared
 * only after `use` succeeded, so a failed import leaves the operator's clipboard as it was.
 * Resolves null when the operator cancelled the file dialog.
 */
export async function withTokenFromSource<T>(
  source: TokenSource,
  deps: TokenSourceDeps,
  use: (rawToken: string) => Promise<T>,
): Promise<T | null> {
  if (source === 'clipboard') {
    const text = await deps.clipboard.readText();
    if (!text.trim()) throw new AppError('invalid_token', 'The clipboard is empty. Copy the token from the Dashboard first.', { details: { reason: 'empty' } });
    const result = await use(text);
    await deps.clipboard.clear();
    return result;
  }
  if (source === 'file') {
    const t = deps.t ?? englishTranslator;
    const choice = await deps.dialog.showOpenDialog({
      title: t('dialogs.tokenFile'),
      properties: ['openFile'],
      filters: [
        { name: t('dialogs.tokenFiles'), extensions: ['txt', 'jwt', 'token'] },
        { name: t('dialogs.allFiles'), extensions: ['*'] },
      ],
    });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return null;
    let text: string;
    try {
      if ((await stat(path)).size > MAX_FILE_BYTES) {
        throw new AppError('invalid_token', 'That file is too large to hold only an API token.', { details: { reason: 'too_long' } });
      }
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('not_found', 'The chosen file could not be read.');
    }
    return use(text);
  }
  const value = deps.env.II_API_TOKEN;
  if (!value || !value.trim()) {
    throw new AppError('no_token', 'II_API_TOKEN is not set in the environment the console was started from.');
  }
  return use(value);
}
