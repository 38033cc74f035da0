// electron-log for main, with a hook that redacts anything JWT-shaped (and Bearer credentials)
// from every message before any transport (console or file) sees it.
import log from 'electron-log/main';
import { redactValue } from '../shared/redact';

export function setupLog(): typeof log {
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
  log.transports.file.level = 'info';
  log.transports.console.level = 'info';
  // Uncaught errors are logged (redacted by the hook above), never shown in a raw dialog.
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
