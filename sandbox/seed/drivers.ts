// The driver catalogue. The two drivers the vendor documents (Digital Manager Guru, Bling) are read
// from the vendor's published example unchanged, so they are served exactly as documented; ten
// more give the console realistic variety and, together, use every setting type
// (boolean, url, string, secret, integer, enum) plus `required` and `required_if`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type AuthMethod = 'oauth' | 'api_key' | 'none';

export interface SettingDefinition {
  type: string;
  required?: boolean;
  required_if?: string;
  options?: string[];
}

export interface DriverSeed {
  id: string;
  name: string;
  slug: string;
  description: string;
  version: string;
  type: string;
  available_settings: Record<string, SettingDefinition>;
  supported_events: string[];
  enabled: boolean;
  enabled_at: string | null;
  created_at: string;
  updated_at: string;
  auth_method: AuthMethod;
  /** api_key drivers: the setting holding the key, checked when an installation is created. */
  credential_setting: string | null;
}

const vendorDriver = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  version: z.string(),
  type: z.string(),
  available_settings: z.record(
    z.string(),
    z.object({ type: z.string(), required: z.boolean().optional(), required_if: z.string().optional() }),
  ),
  supported_events: z.array(z.string()),
  enabled: z.boolean(),
  enabled_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const VENDOR_FIXTURE = new URL('../../shared/api/fixtures/vendor-drivers-list.json', import.meta.url);

/** The vendor's documented drivers, parsed from the fixture; key order of their JSON is kept. */
function vendorDrivers(): DriverSeed[] {
  const raw = JSON.parse(readFileSync(VENDOR_FIXTURE, 'utf8')) as { data: unknown[] };
  return raw.data.map((entry) => {
    vendorDriver.parse(entry);
    const documented = entry as Omit<DriverSeed, 'auth_method' | 'credential_setting'>;
    // Bling's settings describe an OAuth app; Guru has none (its webhooks need no credentials).
    const auth_method: AuthMethod = documented.slug === 'bling' ? 'oauth' : 'none';
    return { ...documented, auth_method, credential_setting: null };
  });
}

type OwnDriver = Omit<DriverSeed, 'version' | 'type' | 'updated_at'> & { updated_at?: string };

// ids continue the vendor's ULIDs so the default order (created_at, id) keeps Guru then Bling first.
const OWN_DRIVERS: OwnDriver[] = [
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz0',
    name: 'Shopify',
    slug: 'shopify',
    description: 'Pedidos, reembolsos e clientes das lojas Shopify via webhooks do Admin API.',
    available_settings: {
      shop_domain: { required: true, type: 'url' },
      api_version: { required: true, type: 'enum', options: ['2024-07', '2024-10', '2025-01'] },
      sync_inventory: { required: false, type: 'boolean' },
      webhook_secret: { required: false, type: 'secret' },
    },
    supported_events: ['order.created', 'order.paid', 'order.fulfilled', 'order.canceled', 'refund.created', 'customer.created'],
    enabled: true,
    enabled_at: '2024-02-01T12:00:00.000000Z',
    created_at: '2024-02-01T12:00:00.000000Z',
    auth_method: 'oauth',
    credential_setting: null,
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz1',
    name: 'Hotmart',
    slug: 'hotmart',
    description: 'Compras, reembolsos, chargebacks e assinaturas de produtos digitais da Hotmart.',
    available_settings: {
      hottok: { required: true, type: 'secret' },
      product_ids: { required: false, type: 'string' },
      sandbox_mode: { required: false, type: 'boolean' },
    },
    supported_events: ['purchase.approved', 'purchase.canceled', 'purchase.refunded', 'purchase.chargeback', 'subscription.canceled'],
    enabled: true,
    enabled_at: '2024-02-10T09:30:00.000000Z',
    created_at: '2024-02-10T09:30:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'hottok',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz2',
    name: 'Stripe',
    slug: 'stripe',
    description: 'Pagamentos, faturas e assinaturas processados pela Stripe.',
    available_settings: {
      api_key: { required: true, type: 'secret' },
      webhook_signing_secret: { required: false, type: 'secret' },
      account_type: { required: false, type: 'enum', options: ['standard', 'express', 'custom'] },
      capture_delay_days: { required: false, type: 'integer' },
    },
    supported_events: [
      'charge.succeeded',
      'charge.refunded',
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'invoice.paid',
      'customer.subscription.deleted',
    ],
    enabled: true,
    enabled_at: '2024-02-20T15:00:00.000000Z',
    created_at: '2024-02-20T15:00:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'api_key',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz3',
    name: 'Nuvemshop',
    slug: 'nuvemshop',
    description: 'Pedidos e produtos das lojas Nuvemshop (Tiendanube).',
    available_settings: {
      store_id: { required: true, type: 'integer' },
      'oauth_settings.redirect_url': { required: true, type: 'url' },
      language: { required: false, type: 'enum', options: ['pt', 'es', 'en'] },
    },
    supported_events: ['order.created', 'order.paid', 'order.fulfilled', 'order.cancelled', 'product.updated'],
    enabled: true,
    enabled_at: '2024-03-05T11:00:00.000000Z',
    created_at: '2024-03-05T11:00:00.000000Z',
    auth_method: 'oauth',
    credential_setting: null,
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz4',
    name: 'VTEX',
    slug: 'vtex',
    description: 'Pedidos e faturamento de lojas VTEX via Order Hook.',
    available_settings: {
      account_name: { required: true, type: 'string' },
      environment: { required: true, type: 'enum', options: ['vtexcommercestable', 'vtexcommercebeta'] },
      app_key: { required: true, type: 'string' },
      app_token: { required: true, type: 'secret' },
    },
    supported_events: ['order.created', 'order.payment-approved', 'order.invoiced', 'order.canceled'],
    enabled: false,
    enabled_at: null,
    created_at: '2024-03-12T14:20:00.000000Z',
    updated_at: '2024-06-01T08:00:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'app_token',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz5',
    name: 'Mercado Livre',
    slug: 'mercado_livre',
    description: 'Pedidos, perguntas, pagamentos e envios do Mercado Livre.',
    available_settings: {
      site_id: { required: true, type: 'enum', options: ['MLB', 'MLA', 'MLM', 'MLC', 'MCO'] },
      custom_oauth_enabled: { required: false, type: 'boolean' },
      'oauth_settings.custom_oauth.client_id': { required_if: 'custom_oauth_enabled,true', type: 'string' },
      'oauth_settings.custom_oauth.client_secret': { required_if: 'custom_oauth_enabled,true', type: 'secret' },
    },
    supported_events: ['orders_v2', 'items', 'questions', 'payments', 'shipments'],
    enabled: true,
    enabled_at: '2024-03-20T10:00:00.000000Z',
    created_at: '2024-03-20T10:00:00.000000Z',
    auth_method: 'oauth',
    credential_setting: null,
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz6',
    name: 'Kiwify',
    slug: 'kiwify',
    description: 'Vendas, reembolsos e assinaturas de infoprodutos da Kiwify.',
    available_settings: {
      account_id: { required: true, type: 'string' },
      api_key: { required: true, type: 'secret' },
      notify_refunds: { required: false, type: 'boolean' },
    },
    supported_events: ['order.approved', 'order.refunded', 'order.chargeback', 'subscription.renewed', 'subscription.canceled'],
    enabled: true,
    enabled_at: '2024-04-02T13:45:00.000000Z',
    created_at: '2024-04-02T13:45:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'api_key',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz7',
    name: 'Eduzz',
    slug: 'eduzz',
    description: 'Faturas e contratos de produtos digitais da Eduzz.',
    available_settings: {
      public_key: { required: true, type: 'string' },
      api_key: { required: true, type: 'secret' },
      include_subscriptions: { required: false, type: 'boolean' },
    },
    supported_events: ['invoice.paid', 'invoice.canceled', 'invoice.refunded', 'contract.canceled'],
    enabled: true,
    enabled_at: '2024-04-15T16:10:00.000000Z',
    created_at: '2024-04-15T16:10:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'api_key',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz8',
    name: 'Pagar.me',
    slug: 'pagarme',
    description: 'Pedidos, cobranças e assinaturas processados pela Pagar.me.',
    available_settings: {
      secret_key: { required: true, type: 'secret' },
      postback_url: { required: false, type: 'url' },
      max_installments: { required: false, type: 'integer' },
    },
    supported_events: ['order.paid', 'order.payment_failed', 'charge.paid', 'charge.refunded', 'subscription.created'],
    enabled: true,
    enabled_at: '2024-05-03T09:00:00.000000Z',
    created_at: '2024-05-03T09:00:00.000000Z',
    auth_method: 'api_key',
    credential_setting: 'secret_key',
  },
  {
    id: '01ke7rhnt6fhb6tsbbhcdpepz9',
    name: 'Tray',
    slug: 'tray',
    description: 'Pedidos, produtos e clientes das lojas Tray.',
    available_settings: {
      store_url: { required: true, type: 'url' },
      consumer_key: { required: true, type: 'string' },
      consumer_secret: { required: true, type: 'secret' },
      sync_interval_minutes: { required: false, type: 'integer' },
    },
    supported_events: ['order.created', 'order.updated', 'product.updated', 'customer.created'],
    enabled: false,
    enabled_at: null,
    created_at: '2024-05-20T17:30:00.000000Z',
    auth_method: 'oauth',
    credential_setting: null,
  },
];

export function driverCatalogue(): DriverSeed[] {
  const own = OWN_DRIVERS.map(
    (driver): DriverSeed => ({
      id: driver.id,
      name: driver.name,
      slug: driver.slug,
      description: driver.description,
      version: 'v1',
      type: 'webhook',
      available_settings: driver.available_settings,
      supported_events: driver.supported_events,
      enabled: driver.enabled,
      enabled_at: driver.enabled_at,
      created_at: driver.created_at,
      updated_at: driver.updated_at ?? driver.created_at,
      auth_method: driver.auth_method,
      credential_setting: driver.credential_setting,
    }),
  );
  return [...vendorDrivers(), ...own];
}
