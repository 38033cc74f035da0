// DOC [PROV]: when an installation changes (e.g. the end user approves OAuth), the platform sends an
// `installation.updated` webhook. CORE calls ctx.hooks.onInstallationUpdated after committing the
// change; this turns it into a real provider event, delivered like any other.
import type { InstallationResource, SandboxContext } from '../context';
import { createProviderEvent } from './event-store';

export function connectInstallationEvents(ctx: SandboxContext): void {
  const previous = ctx.hooks.onInstallationUpdated;
  ctx.hooks.onInstallationUpdated = (installation: InstallationResource) => {
    previous(installation);
    try {
      createProviderEvent(ctx, { installationId: installation.id, name: 'installation.updated', payload: { installation } });
    } catch (error) {
      // The installation change is already committed; a failed notification must not turn it into an error response.
      console.error('[sandbox] could not record installation.updated:', error instanceof Error ? error.message : error);
    }
  };
}
