// token:* — importing, describing, rotating and removing a profile's API token. The token itself
// never crosses IPC in either direction: main reads it from the clipboard, a file picked in a
// native dialog, or II_API_TOKEN, and answers with a description (last 4 characters + claims).
import { z } from 'zod';
import { op } from '../kit';

export const tokenSourceSchema = z.enum(['clipboard', 'file', 'env']);
export type TokenSource = z.infer<typeof tokenSourceSchema>;

export const tokenStorageSchema = z.enum(['keychain', 'session-only']);
export type TokenStorage = z.infer<typeof tokenStorageSchema>;

/** Why a token is kept in memory only (the UI says so plainly). */
export const sessionOnlyReasonSchema = z.enum([
  /** Linux picked the `basic_text` backend: "encryption" with a hard-coded key. */
  'basic_text',
  /** safeStorage reports no encryption (no keychain, or the backend is unknown). */
  'encryption_unavailable',
  /** Handed over by `npm start` through the environment for this run only. */
  'environment',
]);
export type SessionOnlyReason = z.infer<typeof sessionOnlyReasonSchema>;

export const tokenClaimsSchema = z.object({
  sub: z.string().nullable(),
  /** Seconds since the epoch, as in the JWT. */
  iat: z.number().nullable(),
  exp: z.number().nullable(),
  /** The first tenant/account-like claim found (e.g. `tenant_id`), for display. */
  tenant: z.object({ claim: z.string(), value: z.string() }).nullable(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export const tokenDescriptionSchema = z.object({
  profileId: z.string(),
  last4: z.string().max(4),
  claims: tokenClaimsSchema,
  storage: tokenStorageSchema,
  sessionOnlyReason: sessionOnlyReasonSchema.nullable(),
  source: tokenSourceSchema,
  importedAt: z.string(),
  /** The only origin (scheme://host:port) main sends this token to; null for a token stored before origins were kept. */
  origin: z.string().nullable().optional(),
  expiresAt: z.string().nullable(),
  /** Whole days left (floor); negative once expired; null without `exp`. */
  daysUntilExpiry: z.number().int().nullable(),
  /** Expires within 7 days (and has not yet). */
  expiringSoon: z.boolean(),
  expired: z.boolean(),
});
export type TokenDescription = z.infer<typeof tokenDescriptionSchema>;

const profileRef = z.object({ profileId: z.string().min(1).max(64) }).strict();

export const tokenChannels = {
  'token:importFromClipboard': op(profileRef, tokenDescriptionSchema),
  /** null: the operator closed the file dialog without choosing a file. */
  'token:importFromFile': op(profileRef, tokenDescriptionSchema.nullable()),
  'token:importFromEnv': op(profileRef, tokenDescriptionSchema),
  'token:describe': op(profileRef, tokenDescriptionSchema.nullable()),
  /** Verifies the new token against the API, then replaces the old one. null: file dialog cancelled. */
  'token:rotate': op(
    z.object({ profileId: z.string().min(1).max(64), source: tokenSourceSchema }).strict(),
    z.object({ description: tokenDescriptionSchema, previousLast4: z.string().max(4).nullable() }).nullable(),
  ),
  'token:remove': op(profileRef, z.object({ removed: z.boolean() })),
};

export const tokenEvents = {
  /** A profile's token expires within 7 days (sent at startup and daily). */
  'token:expiring': z.object({ profileId: z.string(), daysUntilExpiry: z.number().int() }),
  /** The API answered 401 for a profile: the token is expired or revoked. */
  'session:expired': z.object({ profileId: z.string() }),
};
