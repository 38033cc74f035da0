// IPC handlers for activity:list and activity:export. The save dialog is injected (Electron's
// `dialog.showSaveDialog` in the app, a fake returning a temp path in tests) so this runs in Node.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/app-error';
import { csvSerializer, ndjsonSerializer, type CsvColumn, type ExportFormat } from '../../shared/export-format';
import type { ActivityEntry } from '../../shared/ipc/channels/activity';
import type { PartialHandlers } from '../ipc/handler-types';
import type { ActivityLog } from './activity-log';

import type { SaveDialogLike } from '../save-dialog';
import { englishTranslator, type MainTranslator } from '../i18n';
export type { SaveDialogLike };

export interface ActivityHandlerDeps {
  log: ActivityLog;
  dialog: SaveDialogLike;
  now?: () => Date;
  /** The save dialog's title in the app's language (English without). */
  t?: MainTranslator;
}

const DEFAULT_LIMIT = 500;

export const activityCsvColumns: readonly CsvColumn<ActivityEntry>[] = [
  { header: 'time', value: (e) => e.at },
  { header: 'profile', value: (e) => e.profileName ?? e.profileId },
  { header: 'environment', value: (e) => e.environment },
  { header: 'action', value: (e) => e.action },
  { header: 'target_kind', value: (e) => e.target.kind },
  { header: 'target_id', value: (e) => e.target.id },
  { header: 'target_name', value: (e) => e.target.name },
  { header: 'target_host', value: (e) => e.target.host ?? null },
  { header: 'result', value: (e) => e.result },
  { header: 'error_code', value: (e) => e.errorCode },
  { header: 'action_id', value: (e) => e.actionId },
];

export function serializeActivity(entries: ActivityEntry[], format: ExportFormat): string {
  const serializer = format === 'csv' ? csvSerializer(activityCsvColumns) : ndjsonSerializer<ActivityEntry>();
  return serializer.header() + entries.map((entry) => serializer.row(entry)).join('');
}

export function createActivityHandlers(deps: ActivityHandlerDeps): Pick<Required<PartialHandlers>, 'activity:list' | 'activity:export'> {
  const now = deps.now ?? (() => new Date());
  return {
    'activity:list': async (input) => {
      const { limit, ...filters } = input;
      const entries = await deps.log.query(filters);
      return { entries: entries.slice(0, limit ?? DEFAULT_LIMIT), total: entries.length };
    },
    'activity:export': async (input) => {
      const entries = await deps.log.query(input.filters ?? {});
      const stamp = now().toISOString().slice(0, 19).replaceAll(':', '-');
      const choice = await deps.dialog.showSaveDialog({
        title: (deps.t ?? englishTranslator)('dialogs.exportActivity'),
        defaultPath: `activity-${stamp}.${input.format}`,
        filters: [{ name: input.format.toUpperCase(), extensions: [input.format] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, count: 0, fileName: null };
      try {
        await writeFile(choice.filePath, serializeActivity(entries, input.format), { encoding: 'utf8', mode: 0o600 });
      } catch (error) {
        throw new AppError('internal', 'Could not write the export file. Check the folder exists and is writable.', { cause: error });
      }
      return { saved: true, count: entries.length, fileName: basename(choice.filePath) };
    },
  };
}
