// Turns the dispatcher's `onWrite` report (channel, parsed input, outcome) into an activity entry.
// The input of a write can hold settings, secrets, header values and payloads, so nothing is copied
// from it wholesale: only top-level ids, slugs and names are picked by an allowlist, and an
// endpoint URL is reduced to its origin (its path or query could embed a secret).
import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ActivityTarget } from '../../shared/ipc/channels/activity';
import type { ActivityLog } from './activity-log';

export interface ActivityProfile {
  id: string;
  name: string;
  environment: string;
}

/** What the dispatcher's onWrite hook reports (structural, so this module does not import it). */
export interface WriteReport {
  channel: string;
  input: unknown;
  ok: boolean;
  errorCode?: string;
  /** What the write answered (a succeeded write): only its `name` is read, for a target the input names by id alone. */
  output?: unknown;
}

export interface ActivityRecorderDeps {
  log: ActivityLog;
  /** The profile a write went to: the input's `profileId` when given, else the active profile. */
  resolveProfile: (profileId: string | null) => ActivityProfile | null;
  now?: () => Date;
  /** Told after each entry is on disk (main pushes `activity:appended`). */
  onAppended?: (entry: ActivityEntry) => void;
  /** Told when writing the log failed; the write itself already happened and is not affected. */
  onError?: (error: unknown) => void;
}

/** Namespace → the kind of thing its writes act on. */
const targetKinds: Record<string, string> = {
  drivers: 'driver',
  installations: 'installation',
  webhooks: 'endpoint',
  profiles: 'profile',
  token: 'token',
  events: 'event',
};

/** Channels whose target is not an endpoint even though they live under `webhooks:`. */
const channelTargetKinds: Record<string, string> = {
  'webhooks:updateRetryPolicy': 'retry_policy',
  'webhooks:setRetryPolicy': 'retry_policy',
  'webhooks:putRetryPolicy': 'retry_policy',
};

const ID_KEYS = ['id', 'driverId', 'driver_id', 'installationId', 'installation_id', 'endpointId', 'endpoint_id', 'eventId', 'event_id', 'slug'];
const NAME_KEYS = ['name', 'driverName', 'installationName', 'profileName'];
const NESTED_KEYS = ['patch', 'changes', 'data', 'body', 'endpoint', 'installation', 'values'];
const MAX_TEXT = 200;

function pickString(record: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.length > 0) return value.slice(0, MAX_TEXT);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

function originOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * The target of a write, from its input: ids and names only. When the input has no name (e.g. a
 * driver toggled by id), the name comes from the write's answer (`output.name`), never any other field.
 */
export function activityTargetOf(channel: string, input: unknown, output?: unknown): ActivityTarget {
  const namespace = channel.split(':')[0] ?? channel;
  const kind = channelTargetKinds[channel] ?? (/retry/i.test(channel) ? 'retry_policy' : targetKinds[namespace] ?? namespace);
  const record = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  // Inputs may nest the resource's fields (`{ id, patch: { name } }`, `{ endpoint: { url } }`): look one level down for a name/url.
  // Only known wrapper keys: `settings`, `meta` and `headers` are never read, even for a name.
  const nested = NESTED_KEYS.map((key) => record[key]).filter(
    (value): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value),
  );
  const name = pickString(record, NAME_KEYS) ?? nested.map((inner) => pickString(inner, ['name'])).find((v) => v !== null) ?? null;
  const host = originOf(record.url) ?? nested.map((inner) => originOf(inner.url)).find((v) => v !== null) ?? null;
  const answered = output && typeof output === 'object' && !Array.isArray(output) ? (output as Record<string, unknown>) : {};
  const target: ActivityTarget = { kind, id: pickString(record, ID_KEYS), name: name ?? pickString(answered, ['name']) };
  if (host) target.host = host;
  return target;
}

export interface ActivityRecorder {
  /** Pass as the dispatcher's `onWrite`. Never throws; the entry is written in the background. */
  onWrite(report: WriteReport): void;
  /** Resolves when every entry recorded so far is on disk. */
  flush(): Promise<void>;
}

export function createActivityRecorder(deps: ActivityRecorderDeps): ActivityRecorder {
  const now = deps.now ?? (() => new Date());
  return {
    onWrite(report) {
      try {
        const record = report.input && typeof report.input === 'object' ? (report.input as Record<string, unknown>) : {};
        const requestedProfile = typeof record.profileId === 'string' ? record.profileId : null;
        const profile = deps.resolveProfile(requestedProfile);
        const entry: ActivityEntry = {
          id: randomUUID(),
          at: now().toISOString(),
          profileId: profile?.id ?? requestedProfile,
          profileName: profile?.name ?? null,
          environment: profile?.environment ?? null,
          action: report.channel,
          target: activityTargetOf(report.channel, report.input, report.ok ? report.output : undefined),
          result: report.ok ? 'ok' : 'error',
          errorCode: report.ok ? null : (report.errorCode ?? 'internal'),
          actionId: typeof record.actionId === 'string' ? record.actionId.slice(0, 64) : null,
        };
        deps.log.append(entry).then(
          () => deps.onAppended?.(entry),
          (error: unknown) => deps.onError?.(error),
        );
      } catch (error) {
        deps.onError?.(error);
      }
    },
    flush: () => deps.log.flush(),
  };
}
