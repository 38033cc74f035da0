// Small helpers for specs: seeding profiles and tokens through main, decoding a JWT's jti.
import type { ConsoleApp } from './fixtures';
import type { Profile, ProfileCreate } from '../../shared/ipc/channels/profiles';
import { decodeJwtPayload } from '../../shared/jwt';

/** The `jti` claim of a JWT (to revoke it in the sandbox). */
export function jtiOf(token: string): string {
  const claims = decodeJwtPayload(token);
  if (!claims) throw new Error('Not a JWT');
  if (typeof claims.jti !== 'string' || !claims.jti) throw new Error('The token has no jti');
  return claims.jti;
}

/** Creates a profile through main (as the app would) and optionally makes it active. */
export async function seedProfile(app: ConsoleApp, input: ProfileCreate, options: { activate?: boolean } = {}): Promise<Profile> {
  const profile = await app.session.call('profiles:create', input);
  if (options.activate) await app.session.call('profiles:activate', { id: profile.id });
  return profile;
}

type Sandbox = ConsoleApp['sandbox'];

/** Mints a sandbox token and imports it into a profile via the fake clipboard. Returns the token. */
export async function seedToken(app: ConsoleApp, profileId: string, mint: Parameters<Sandbox['mintToken']>[0] = {}, sandbox: Sandbox = app.sandbox): Promise<string> {
  const token = await sandbox.mintToken(mint);
  app.session.fakes.clipboard.writeText(token);
  await app.session.call('token:importFromClipboard', { profileId });
  return token;
}

/** A sandbox profile pointing at this worker's sandbox (or `sandbox`, e.g. a spec's scenario), active, with a fresh token. */
export async function seedSandboxProfile(app: ConsoleApp, name = 'Sandbox', sandbox: Sandbox = app.sandbox): Promise<{ profile: Profile; token: string }> {
  const profile = await seedProfile(app, { name, baseUrl: sandbox.baseUrl, environment: 'sandbox', color: '#0c8599' }, { activate: true });
  const token = await seedToken(app, profile.id, {}, sandbox);
  return { profile, token };
}
