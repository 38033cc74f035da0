// What the settings file holds, its version history, and how older files are brought up to date.
// Versions are integers; each migration takes version N to N+1 and is kept forever, so any old file
// a user still has can be read.
import { z } from 'zod';
import { profileSchema, type Profile } from '../../shared/ipc/channels/profiles';
import { settingsSchema, type Settings } from '../../shared/ipc/channels/settings';

export const CURRENT_SCHEMA_VERSION = 2;

/** Profiles on disk never carry `ephemeral` (ephemeral ones are never saved). */
const storedProfileSchema = profileSchema.omit({ ephemeral: true });

export const settingsFileSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema,
  profiles: z.array(storedProfileSchema),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  timeDisplay: 'local',
  activeProfileId: null,
  windowBounds: null,
};

export function defaultSettingsFile(): SettingsFile {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS }, profiles: [] };
}

// Version 1 (the first release's shape): flat settings, no time display, no window bounds.
const v1Schema = z.object({
  schemaVersion: z.literal(1),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  language: z.enum(['system', 'pt-BR', 'en']).default('system'),
  activeProfileId: z.string().nullable().default(null),
  profiles: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        baseUrl: z.string(),
        color: z.string(),
        environment: z.enum(['production', 'staging', 'sandbox', 'other']),
        readOnly: z.boolean().default(false),
      }),
    )
    .default([]),
});

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

const migrations: Record<number, Migration> = {
  1: (data) => {
    const v1 = v1Schema.parse(data);
    return {
      schemaVersion: 2,
      settings: { theme: v1.theme, language: v1.language, timeDisplay: 'local', activeProfileId: v1.activeProfileId, windowBounds: null },
      profiles: v1.profiles.map((profile): Profile => ({ ...profile, writesUnlockedUntil: null })),
    };
  },
};

export type LoadOutcome = { ok: true; file: SettingsFile; migrated: boolean } | { ok: false; reason: string };

/** Migrates and validates whatever the store holds. An empty store is a first run, not an error. */
export function loadSettingsFile(raw: unknown): LoadOutcome {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  let data = raw as Record<string, unknown>;
  if (Object.keys(data).length === 0) return { ok: true, file: defaultSettingsFile(), migrated: true };
  const startVersion = data.schemaVersion;
  if (typeof startVersion !== 'number' || !Number.isInteger(startVersion)) return { ok: false, reason: 'no schemaVersion' };
  if (startVersion > CURRENT_SCHEMA_VERSION) return { ok: false, reason: `written by a newer version (${startVersion})` };
  try {
    for (let version = startVersion; version < CURRENT_SCHEMA_VERSION; version++) {
      const migrate = migrations[version];
      if (!migrate) return { ok: false, reason: `no migration from version ${version}` };
      data = migrate(data);
    }
  } catch {
    return { ok: false, reason: `version ${startVersion} data did not match its schema` };
  }
  const parsed = settingsFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'does not match the schema' };
  return { ok: true, file: parsed.data, migrated: startVersion !== CURRENT_SCHEMA_VERSION };
}
