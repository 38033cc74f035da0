// settings:* — app-wide preferences. Window bounds and the active profile are kept by main and
// are not editable here (profiles:activate changes the active profile).
import { z } from 'zod';
import { op } from '../kit';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export const languageSchema = z.enum(['system', 'pt-BR', 'en']);
export const timeDisplaySchema = z.enum(['local', 'utc']);

export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean().optional(),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export const settingsSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  timeDisplay: timeDisplaySchema,
  activeProfileId: z.string().nullable(),
  windowBounds: windowBoundsSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Something went wrong with the settings file at startup; the renderer shows it once. */
export const settingsRecoverySchema = z.object({
  kind: z.literal('corrupt_settings_moved_aside'),
  /** File name (not a full path) the unreadable file was moved to, inside the app's data folder. */
  movedTo: z.string(),
  at: z.string(),
});
export type SettingsRecovery = z.infer<typeof settingsRecoverySchema>;

export const settingsViewSchema = z.object({
  settings: settingsSchema,
  recovery: settingsRecoverySchema.nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const settingsPatchSchema = z
  .object({
    theme: themeSchema.optional(),
    language: languageSchema.optional(),
    timeDisplay: timeDisplaySchema.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsChannels = {
  'settings:get': op(z.object({}).strict(), settingsViewSchema),
  'settings:update': op(settingsPatchSchema, settingsViewSchema),
};

export const settingsEvents = {};
