// What every sandbox module receives: the database, the options it was started with, the clock,
// where it is served, and hooks through which modules react to each other without importing each other.
import { randomBytes } from 'node:crypto';
import type { SandboxDatabase } from './db/connection';

export type SeedName = 'demo' | 'empty';

/** Which API the sandbox serves: OURS + DOC (`contract`) or only what the vendor documents (`docs`). See docs/api-contract.md §9. */
export type Dialect = 'contract' | 'docs';

/** How the docs dialect pages lists, where the docs are silent: bare `{data}`, Laravel length-aware, or Laravel simple. */
export type DocsPaging = 'none' | 'page' | 'simple';

export interface SandboxOptions {
  /** 0 = a free port (tests). */
  port?: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** A file path or ':memory:' (the default for the library; the CLI defaults to .sandbox-data/sandbox.db). */
  db?: string;
  /** API prefix: default '/v1' for the contract dialect, '' (the root) for the docs dialect. */
  prefix?: string;
  /** Default 'contract'. */
  dialect?: Dialect;
  /** Docs dialect only; default 'none'. */
  paging?: DocsPaging;
  /** Docs dialect only: the `page` query parameter is ignored (every request gets the first page). */
  ignorePage?: boolean;
  seed?: SeedName;
  /** Injectable clock for fake-clock tests. */
  now?: () => Date;
  /** Requests per token per window before 429; generous by default so tests never trip it. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** Extra events to seed (SANDBOX-OPS). */
  events?: number;
  /** Over how many days before now the extra events are spread; default 30. */
  eventsSpanDays?: number;
  /** How many historical events seed `demo` generates: the CLI asks for 50,000; the library default is 2,000 so tests start fast; 0 = none. */
  demoEvents?: number;
  /** Provider events per second to keep producing (SANDBOX-OPS). */
  simulate?: number;
  /** Fault spec, e.g. "error_rate=0.1,latency=0-2000" (SANDBOX-OPS). */
  faults?: string;
  /** Whether the webhook dispatcher runs (SANDBOX-PROCESSING); tests may turn it off. */
  dispatch?: boolean;
}

/** An installation exactly as the API serves it (secrets already nulled). */
export interface InstallationResource {
  id: string;
  driver_id: string;
  integration_driver_slug: string;
  name: string;
  status: string;
  status_reason: string | null;
  method: string;
  auth_url: string | null;
  meta: Record<string, unknown>;
  settings: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SandboxHooks {
  /** Called after an installation's change is committed (status change, approval, patch). */
  onInstallationUpdated: (installation: InstallationResource) => void;
}

export interface RateLimitConfig {
  limit: number;
  windowSeconds: number;
}

export interface SandboxContext {
  db: SandboxDatabase;
  options: SandboxOptions;
  now: () => Date;
  /** e.g. http://127.0.0.1:4010 — known once the server listens. */
  origin: string;
  /** e.g. /v1 */
  prefix: string;
  hooks: SandboxHooks;
  /** Mutable at runtime (faults may tighten it). */
  rateLimit: RateLimitConfig;
  /** Random per start; guards the /_sandbox control routes (sent as a header by tests and tools). */
  adminSecret: string;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 6000, windowSeconds: 60 };

export function createContext(db: SandboxDatabase, options: SandboxOptions): SandboxContext {
  const dialect = options.dialect ?? 'contract';
  if (dialect === 'contract' && (options.paging !== undefined || options.ignorePage !== undefined)) {
    throw new Error('paging and ignorePage apply to the docs dialect only.');
  }
  return {
    db,
    options,
    now: options.now ?? (() => new Date()),
    origin: '',
    prefix: normalizePrefix(options.prefix ?? (dialect === 'docs' ? '' : '/v1')),
    hooks: { onInstallationUpdated: () => {} },
    rateLimit: { ...(options.rateLimit ?? DEFAULT_RATE_LIMIT) },
    adminSecret: randomBytes(24).toString('base64url'),
  };
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed.startsWith('/') ? trimmed : `/${trimmed}`)) {
    throw new Error(`Invalid API prefix "${prefix}": use path segments like /v1 or /api/v1.`);
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
