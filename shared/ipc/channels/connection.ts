// connection:* — is the profile's server reachable with its token, and under which base path.
import { z } from 'zod';
import { ipcErrorSchema, op } from '../kit';
import { baseUrlSchema } from './profiles';

const profileRef = z.object({ profileId: z.string().min(1).max(64).optional() }).strict();

const detectInput = z
  .object({
    profileId: z.string().min(1).max(64).optional(),
    /** A URL not saved yet (a new profile, an edited base URL): probed without any token. */
    baseUrl: baseUrlSchema.optional(),
  })
  .strict()
  .refine((input) => input.profileId === undefined || input.baseUrl === undefined, { message: 'Give a profileId or a baseUrl, not both.', path: ['baseUrl'] });

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  baseUrl: z.string(),
  latencyMs: z.number(),
  status: z.number().int().nullable(),
  /** What failed (same shape as an IPC error, so the renderer shows its usual message). */
  failure: ipcErrorSchema.nullable(),
  rateLimit: z.object({ limit: z.number(), remaining: z.number() }).nullable(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

export const basePathDetectionSchema = z.object({
  /** The first candidate that answered 200; the renderer offers to save it with profiles:update. */
  baseUrl: z.string().nullable(),
  tried: z.array(z.object({ baseUrl: z.string(), status: z.number().int().nullable(), code: z.string().nullable() })),
});
export type BasePathDetection = z.infer<typeof basePathDetectionSchema>;

export const connectionChannels = {
  /** `GET /drivers?limit=1` once, no retries: latency, or what failed. Default: the active profile. */
  'connection:test': op(profileRef, connectionTestResultSchema),
  /**
   * Tries `<origin>/v1`, `<origin>/api/v1`, `<origin>` on the profile's own origin with its token;
   * with `baseUrl` instead, `<origin>`, `/v1`, `/api/v1`, the URL as typed, with NO token (detect on
   * save, before the profile has one). Only that URL's origin is probed. Saves nothing.
   */
  'connection:detectBasePath': op(detectInput, basePathDetectionSchema),
};

export const connectionEvents = {};
