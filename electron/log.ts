// electron-log for main: configured by log-setup.ts (the redaction hook runs before any transport).
import log from 'electron-log/main';
import { configureLog } from './log-setup';

export { apiLogTo } from './log-setup';

export function setupLog(): typeof log {
  configureLog(log);
  // Uncaught errors are logged (redacted by the hook), never shown in a raw dialog.
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
