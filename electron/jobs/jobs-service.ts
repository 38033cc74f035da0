// The jobs of this session, in main: start, cancel, list, and the summary export. Screens come and
// go; the jobs keep running here and report through `emit('jobs:progress', snapshot)`.
// Everything Electron-shaped (the save dialog) and every I/O (client, files) is injected.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/app-error';
import { redeliverOutcomeSerializer, type ExportFormat } from '../../shared/export-format';
import { BULK_REDELIVER_CAP, type EventFilter, type JobCount, type JobSnapshot } from '../../shared/ipc/channels/jobs';
import { boundedFilter, countEvents, runBulkRedeliver, type RedeliverPacing } from './bulk-redeliver';
import type { JobsClient } from './events-source';
import { runExport } from './export-events';
import { openNodeFileSink, type FileSink, type OpenFileSink } from './file-sink';
import { JobRecord } from './job-record';
import { openFileOutcomeLog, type OpenOutcomeLog } from './outcome-log';

import { englishTranslator, type MainTranslator } from '../i18n';
import type { SaveDialogLike } from '../save-dialog';
export type { SaveDialogLike };

export interface JobsProfile {
  id: string;
  name: string;
}

export interface JobsServiceDeps {
  /** The profile jobs start on (the active one); null when none is set up. */
  activeProfile: () => JobsProfile | null | Promise<JobsProfile | null>;
  /** The platform client of a profile; a job keeps its profile's client even if the operator switches. */
  clientFor: (profileId: string) => JobsClient | Promise<JobsClient>;
  dialog: SaveDialogLike;
  /** The save dialogs' titles in the app's language (English without). */
  t?: MainTranslator;
  emit: (event: 'jobs:progress', snapshot: JobSnapshot) => void;
  openFileSink?: OpenFileSink;
  /** Where a bulk redelivery keeps its per-event outcomes (a private temp file by default). */
  openOutcomeLog?: OpenOutcomeLog;
  now?: () => Date;
  /** Overrides for tests and benchmarks (e.g. a faster pace). */
  pacing?: Partial<RedeliverPacing>;
}

// Finished jobs kept for jobs:list; running ones are never dropped.
const KEEP_FINISHED = 50;

export function createJobsService(deps: JobsServiceDeps) {
  const jobs = new Map<string, JobRecord>();
  const now = deps.now ?? (() => new Date());
  const openFileSink = deps.openFileSink ?? openNodeFileSink;
  const openOutcomeLog = deps.openOutcomeLog ?? openFileOutcomeLog();

  async function requireProfile(): Promise<JobsProfile> {
    const profile = await deps.activeProfile();
    if (!profile) throw new AppError('no_token', 'No active profile: add a profile and its token in Settings first.');
    return profile;
  }

  function track(record: JobRecord): void {
    jobs.set(record.snapshot.id, record);
    const finished = [...jobs.values()].filter((j) => j.finished);
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      jobs.delete(old.snapshot.id);
      void old.outcomeLog?.dispose().catch(() => undefined);
    }
  }

  function newRecord(kind: JobSnapshot['kind'], profile: JobsProfile, filters: EventFilter, extra: { format?: ExportFormat; fileName?: string; total?: number } = {}) {
    return new JobRecord(
      {
        id: randomUUID(),
        kind,
        profileId: profile.id,
        profileName: profile.name,
        filters,
        format: extra.format ?? null,
        fileName: extra.fileName ?? null,
        total: extra.total ?? null,
        startedAt: now().toISOString(),
      },
      (snapshot) => deps.emit('jobs:progress', snapshot),
      now,
    );
  }

  function stamp(): string {
    return now().toISOString().slice(0, 19).replaceAll(':', '-');
  }

  return {
    async countEvents(filters: EventFilter, cap: number = BULK_REDELIVER_CAP, signal: AbortSignal): Promise<JobCount> {
      const profile = await requireProfile();
      const client = await deps.clientFor(profile.id);
      const asOf = now().toISOString();
      const result = await countEvents(client, boundedFilter(filters, asOf), cap, signal);
      return { ...result, asOf, profileId: profile.id, profileName: profile.name };
    },

    async startExport(filters: EventFilter, format: ExportFormat): Promise<JobSnapshot | null> {
      const profile = await requireProfile();
      const client = await deps.clientFor(profile.id);
      const choice = await deps.dialog.showSaveDialog({
        title: (deps.t ?? englishTranslator)('dialogs.exportEvents'),
        defaultPath: `events-${stamp()}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (choice.canceled || !choice.filePath) return null;
      const record = newRecord('export', profile, filters, { format, fileName: basename(choice.filePath) });
      let sink;
      try {
        sink = await openFileSink(choice.filePath, record.snapshot.id.slice(0, 8));
      } catch (error) {
        throw new AppError('internal', 'Could not create the export file. Check the folder exists and is writable.', { cause: error });
      }
      track(record);
      record.flush();
      record.done = runExport(record, client, sink, format);
      return record.copy();
    },

    async startBulkRedeliver(input: { filters: EventFilter; asOf: string; expected: number; ratePerSecond?: number | undefined; actionId: string }): Promise<JobSnapshot> {
      const profile = await requireProfile();
      const client = await deps.clientFor(profile.id);
      const running = [...jobs.values()].find((j) => j.snapshot.kind === 'bulk_redeliver' && j.snapshot.profileId === profile.id && !j.finished);
      // Two bulk redeliveries on one account would race for the same rate budget and events.
      if (running) throw new AppError('conflict', 'A bulk redelivery is already running on this profile. Wait for it or cancel it first.');
      const record = newRecord('bulk_redeliver', profile, boundedFilter(input.filters, input.asOf), { total: input.expected });
      try {
        record.outcomeLog = await openOutcomeLog();
      } catch (error) {
        throw new AppError('internal', 'Could not create the temporary file that keeps the redelivery summary. Check the disk has free space.', { cause: error });
      }
      track(record);
      record.flush();
      const pacing = { ...deps.pacing, ...(input.ratePerSecond ? { ratePerSecond: input.ratePerSecond } : {}) };
      record.done = runBulkRedeliver(record, client, { expected: input.expected, actionId: input.actionId, pacing });
      return record.copy();
    },

    cancel(jobId: string): JobSnapshot {
      const record = jobs.get(jobId);
      if (!record) throw new AppError('not_found', 'No such job in this session.');
      record.requestCancel();
      return record.copy();
    },

    list(): JobSnapshot[] {
      return [...jobs.values()].map((j) => j.copy()).reverse();
    },

    async exportSummary(jobId: string, format: ExportFormat): Promise<{ saved: boolean; count: number; fileName: string | null }> {
      const record = jobs.get(jobId);
      if (!record || record.snapshot.kind !== 'bulk_redeliver') throw new AppError('not_found', 'No such bulk redelivery in this session.');
      const choice = await deps.dialog.showSaveDialog({
        title: (deps.t ?? englishTranslator)('dialogs.exportRedeliverySummary'),
        defaultPath: `redelivery-${stamp()}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, count: 0, fileName: null };
      const serializer = redeliverOutcomeSerializer(format);
      // Streamed from the job's outcome log into the file: the summary is never one big string.
      let sink: FileSink;
      try {
        sink = await openFileSink(choice.filePath, `${jobId.slice(0, 8)}-summary`);
      } catch (error) {
        throw new AppError('internal', 'Could not write the summary file. Check the folder exists and is writable.', { cause: error });
      }
      let count = 0;
      try {
        await sink.write(serializer.header());
        if (record.outcomeLog) {
          for await (const outcome of record.outcomeLog.read()) {
            await sink.write(serializer.row(outcome));
            count++;
          }
        }
        await sink.commit();
      } catch (error) {
        await sink.discard().catch(() => undefined);
        throw new AppError('internal', 'Could not write the summary file. Check the folder exists and is writable.', { cause: error });
      }
      return { saved: true, count, fileName: basename(choice.filePath) };
    },

    /** Waits for a job to stop (tests, shutdown). */
    async settled(jobId: string): Promise<JobSnapshot> {
      const record = jobs.get(jobId);
      if (!record) throw new AppError('not_found', 'No such job in this session.');
      await record.done;
      return record.copy();
    },

    /** App shutdown: cancel everything and wait (partial exports are removed). */
    async close(): Promise<void> {
      for (const record of jobs.values()) record.requestCancel();
      await Promise.all([...jobs.values()].map((j) => j.done));
      await Promise.all([...jobs.values()].map((j) => j.outcomeLog?.dispose().catch(() => undefined)));
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
