// Registers the app:// scheme: privileged (standard + secure, so the renderer gets a real origin
// and a secure context) before the app is ready, and served from dist/renderer once it is.
import { protocol } from 'electron';
import { APP_SCHEME, createAppRequestHandler } from './protocol-handler';

/** Must run before app `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot));
}
