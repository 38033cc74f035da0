// The one way anything leaves the app for the system browser. https only; the vendor's Dashboard
// and docs open directly; any other https host only after the operator confirms in a native
// dialog; plain http only to the active profile's own loopback origin (sandbox OAuth pages).
import { AppError } from '../shared/app-error';
import { isLoopbackHost } from '../shared/base-url';
import type { DashboardPage } from '../shared/ipc/channels/shell';
import type { MainTranslator } from './i18n';

export const VENDOR_HOSTS: ReadonlySet<string> = new Set(['app.integracoesinteligentes.com', 'docs.integracoesinteligentes.xyz']);

// The vendor documents the menu path (Configurações > API Keys) but no deep link to it, so both
// pages open the Dashboard home; the Settings screen tells the operator where to click.
export const DASHBOARD_URLS: Record<DashboardPage, string> = {
  home: 'https://app.integracoesinteligentes.com/',
  'api-keys': 'https://app.integracoesinteligentes.com/',
};

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** The confirm-open box's texts (electron/main.ts shows them); Cancel first: it is the default. */
export function openExternalDialogText(host: string, url: string, t: MainTranslator) {
  return {
    buttons: [t('cancel'), t('openExternal.confirm')],
    message: t('openExternal.message', { host }),
    detail: t('openExternal.detail', { url }),
  };
}

/** Asks the operator (native dialog in the app). Resolves true to open. */
export type ConfirmOpen = (host: string, url: string) => Promise<boolean>;

export type OpenDecision = { action: 'open'; url: string } | { action: 'confirm'; url: string; host: string } | { action: 'refuse'; reason: string };

/** Pure rule: what to do with a URL, given the active profile's base URL (or null). */
export function decideOpenExternal(rawUrl: string, activeBaseUrl: string | null): OpenDecision {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { action: 'refuse', reason: 'Not a valid URL.' };
  }
  if (url.username || url.password) return { action: 'refuse', reason: 'Links with a user name or password are not opened.' };
  if (url.protocol === 'https:') {
    if (VENDOR_HOSTS.has(url.hostname.toLowerCase()) && !url.port) return { action: 'open', url: url.href };
    return { action: 'confirm', url: url.href, host: url.host };
  }
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname) && activeBaseUrl) {
    const active = new URL(activeBaseUrl);
    if (active.protocol === 'http:' && active.host.toLowerCase() === url.host.toLowerCase()) return { action: 'open', url: url.href };
  }
  return { action: 'refuse', reason: 'Only https links (or the local sandbox of the active profile) can be opened.' };
}

export async function openExternalSafely(
  rawUrl: string,
  deps: { shell: ShellLike; confirm?: ConfirmOpen | undefined; activeBaseUrl: string | null },
): Promise<{ opened: boolean }> {
  const decision = decideOpenExternal(rawUrl, deps.activeBaseUrl);
  if (decision.action === 'refuse') throw new AppError('forbidden', decision.reason, { details: { reason: 'url_not_allowed' } });
  if (decision.action === 'confirm') {
    // Without a way to ask, the answer is no.
    const ok = deps.confirm ? await deps.confirm(decision.host, decision.url) : false;
    if (!ok) return { opened: false };
  }
  await deps.shell.openExternal(decision.url);
  return { opened: true };
}
