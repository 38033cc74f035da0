// Demo installations: 200 across the catalogue, in every status, generated from a fixed PRNG seed
// so counts and names are the same on every run (tests rely on them). Timestamps are spread over
// the 180 days before the sandbox's clock. OAuth states are truly random: they are credentials.
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { InstallationStatus } from '../installations/repository';
import { insertInstallation } from '../installations/repository';
import type { Settings } from '../installations/settings';
import { toApiTimestamp } from '../time';
import type { DriverSeed, SettingDefinition } from './drivers';
import { driverCatalogue } from './drivers';
import { createPrng, type Prng } from './prng';

export const DEMO_INSTALLATION_COUNT = 200;
const DAY_MS = 24 * 3600 * 1000;

// Guru and Bling carry most of the traffic in the vendor's examples, so most installations use them.
const DRIVER_WEIGHTS: Record<string, number> = {
  digital_manager_guru: 30,
  bling: 30,
  shopify: 20,
  hotmart: 15,
  stripe: 15,
  nuvemshop: 12,
  vtex: 6,
  mercado_livre: 18,
  kiwify: 12,
  eduzz: 10,
  pagarme: 12,
  tray: 5,
};

const STORE_NAMES = [
  'Loja Aurora', 'Casa Verde', 'Empório Serra', 'Bazar Horizonte', 'Ateliê Lua', 'Mercado Sol',
  'Cantinho Doce', 'Oficina Norte', 'Vila Café', 'Estúdio Maré', 'Rota Sul', 'Livraria Farol',
  'Pet Feliz', 'Sabor Mineiro', 'Moda Ipê', 'Tech Pampa', 'Curso Ágil', 'Academia Foco',
];
const ENVIRONMENTS = ['production', 'production', 'production', 'staging'] as const;

const ERROR_REASONS = [
  'The provider rejected the stored credentials (HTTP 401).',
  'The OAuth refresh token expired; reauthorize the installation.',
  'The store was not found at the provider (HTTP 404).',
  'The provider kept answering HTTP 503 while registering webhooks.',
];

export function seedDemoInstallations(ctx: SandboxContext): void {
  const prng = createPrng('sandbox-demo-installations-v1');
  const drivers = driverCatalogue();
  const weighted = drivers.map((driver) => [driver, DRIVER_WEIGHTS[driver.slug] ?? 1] as const);
  const nowMs = ctx.now().getTime();

  for (let index = 0; index < DEMO_INSTALLATION_COUNT; index++) {
    const driver = prng.weighted(weighted);
    const createdMs = nowMs - prng.int(1, 180 * DAY_MS);
    const updatedMs = Math.min(nowMs, createdMs + prng.int(0, 20 * DAY_MS));
    const status = pickStatus(prng, driver);
    const store = `${prng.pick(STORE_NAMES)} ${index + 1}`;
    const created = toApiTimestamp(new Date(createdMs));
    const updated = toApiTimestamp(new Date(updatedMs));
    insertInstallation(ctx.db, {
      id: uuidFrom(prng),
      driver_id: driver.id,
      name: `${store} — ${driver.name}`,
      status,
      status_reason: status === 'error' ? prng.pick(ERROR_REASONS) : null,
      method: driver.auth_method,
      oauth_state: status === 'pending_auth' ? randomBytes(24).toString('base64url') : null,
      authorized_at: status === 'pending_auth' ? null : created,
      meta: { external_id: `ext-${prng.hex(10)}`, environment: prng.pick(ENVIRONMENTS) },
      settings: demoSettings(prng, driver, store),
      created_at: created,
      updated_at: updated,
      disabled_at: status === 'disabled' ? updated : null,
    });
  }
}

function pickStatus(prng: Prng, driver: DriverSeed): InstallationStatus {
  // Only OAuth installations wait for approval.
  const entries: [InstallationStatus, number][] = [
    ['active', 70],
    ['disabled', 12],
    ['error', 8],
  ];
  if (driver.auth_method === 'oauth') entries.push(['pending_auth', 25]);
  return prng.weighted(entries);
}

function demoSettings(prng: Prng, driver: DriverSeed, store: string): Settings {
  const slug = store
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const settings: Settings = {};
  const definitions = Object.entries(driver.available_settings);
  // Booleans first, so `required_if` rules can look at them.
  for (const [key, definition] of definitions) {
    if (definition.type === 'boolean') settings[key] = prng.chance(0.3);
  }
  for (const [key, definition] of definitions) {
    if (definition.type === 'boolean') continue;
    if (!isRequired(definition, settings) && !prng.chance(0.5)) continue;
    settings[key] = demoValue(prng, key, definition, slug);
  }
  return settings;
}

function isRequired(definition: SettingDefinition, settings: Settings): boolean {
  if (definition.required === true) return true;
  if (definition.required_if === undefined) return false;
  const [other = '', expected = ''] = definition.required_if.split(',');
  return String(settings[other]) === expected;
}

function demoValue(prng: Prng, key: string, definition: SettingDefinition, slug: string): unknown {
  switch (definition.type) {
    case 'url':
      return key.includes('redirect') ? `https://${slug}.example.com/oauth/callback` : `https://${slug}.example.com`;
    case 'integer':
      return prng.int(1, 12);
    case 'enum':
      return prng.pick(definition.options ?? ['']);
    case 'secret':
      return `sk_demo_${prng.hex(24)}`;
    default:
      return key.includes('id') || key.includes('key') ? `${slug}-${prng.hex(8)}` : slug;
  }
}

/** A version-4-shaped UUID drawn from the seeded PRNG (reproducible, unlike randomUUID). */
function uuidFrom(prng: Prng): string {
  const hex = prng.hex(32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[parseInt(hex[16] ?? '0', 16) & 3] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
