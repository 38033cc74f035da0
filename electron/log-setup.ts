// How main's logger is configured, apart from electron-log's Electron entry point so the same code
// runs in plain Node: the secrecy test applies it to `electron-log/node`, whose file transport is
// the one main uses, and reads the real file it writes.
import type { Logger, NodeLogger } from 'electron-log';
import { redactValue } from '../shared/redact';
import type { ApiLogEntry } from './api/http';

/**
 * A hook that redacts every message before any transport (console or file) sees it: JWTs, Bearer
 * credentials, and values of secret-named keys or `key=value` pairs (shared/redact.ts).
 */
export function configureLog<L extends Pick<NodeLogger, 'hooks' | 'transports'>>(log: L): L {
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
  log.transports.file.level = 'info';
  log.transports.console.level = 'info';
  return log;
}

/** Where the platform client's request log goes (services' `apiLog`). */
export function apiLogTo(log: Pick<Logger, 'warn' | 'debug'>): (entry: ApiLogEntry) => void {
  return (entry) => log[entry.level === 'warn' ? 'warn' : 'debug']('api', entry);
}
