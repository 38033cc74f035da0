// profiles:* — the accounts/environments the console can talk to. A profile holds no secret; its
// token lives in main's TokenVault and appears here only as a description.
import { z } from 'zod';
import { op } from '../kit';
import { baseUrlProblem } from '../../base-url';
import { tokenDescriptionSchema } from './token';

export const environmentSchema = z.enum(['production', 'staging', 'sandbox', 'other']);
export type ProfileEnvironment = z.infer<typeof environmentSchema>;

export const profileIdSchema = z.string().min(1).max(64);

export const baseUrlSchema = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = baseUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const profileNameSchema = z.string().trim().min(1, 'A name is required.').max(80);
/** A CSS hex colour; the renderer uses it for the profile badge. */
export const profileColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1c7ed6.');
/**
 * The largest API answer main reads for this profile, in MB; larger ones fail with
 * `response_too_large` (electron/api/http.ts). Absent = the default, 20 MB. Optional, so settings
 * files written before it existed still parse (no schema version change).
 */
export const DEFAULT_MAX_RESPONSE_MB = 20;
export const maxResponseMbSchema = z.number().int('Use a whole number of MB.').min(1, 'At least 1 MB.').max(200, 'At most 200 MB.');

export const profileSchema = z.object({
  id: profileIdSchema,
  name: profileNameSchema,
  baseUrl: baseUrlSchema,
  color: profileColorSchema,
  environment: environmentSchema,
  readOnly: z.boolean(),
  /** ISO time until which writes are allowed on a read-only profile. */
  writesUnlockedUntil: z.string().nullable().optional(),
  /** Exists only for this run (the `npm start` Sandbox profile); never saved. */
  ephemeral: z.boolean().optional(),
  maxResponseMb: maxResponseMbSchema.optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileWithTokenSchema = profileSchema.extend({
  token: tokenDescriptionSchema.nullable(),
  /** Writes allowed right now (not read-only, or unlocked and not yet expired). */
  writable: z.boolean(),
});
export type ProfileWithToken = z.infer<typeof profileWithTokenSchema>;

export const profileCreateSchema = z
  .object({
    name: profileNameSchema,
    baseUrl: baseUrlSchema.optional(),
    color: profileColorSchema.optional(),
    environment: environmentSchema.optional(),
    readOnly: z.boolean().optional(),
    maxResponseMb: maxResponseMbSchema.optional(),
  })
  .strict();
export type ProfileCreate = z.infer<typeof profileCreateSchema>;

export const profileUpdateSchema = z
  .object({
    id: profileIdSchema,
    name: profileNameSchema.optional(),
    baseUrl: baseUrlSchema.optional(),
    color: profileColorSchema.optional(),
    environment: environmentSchema.optional(),
    readOnly: z.boolean().optional(),
    maxResponseMb: maxResponseMbSchema.optional(),
  })
  .strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

const idInput = z.object({ id: profileIdSchema }).strict();

export const profilesChannels = {
  'profiles:list': op(
    z.object({}).strict(),
    z.object({ profiles: z.array(profileWithTokenSchema), activeId: z.string().nullable() }),
  ),
  'profiles:create': op(profileCreateSchema, profileSchema),
  'profiles:update': op(profileUpdateSchema, profileSchema),
  /** Also wipes the profile's token. */
  'profiles:remove': op(idInput, z.object({ id: z.string() })),
  'profiles:activate': op(idInput, profileSchema),
  /** minutes 0 locks again at once. */
  'profiles:unlockWrites': op(
    z.object({ profileId: profileIdSchema, minutes: z.number().int().min(0).max(240) }).strict(),
    profileSchema,
  ),
};

export const profilesEvents = {
  /** Profiles, the active profile or a token description changed: refetch profiles:list. */
  'profiles:changed': z.object({ profileId: z.string().nullable() }),
};
