// Each screen is its own chunk (route.tsx: lazyRouteComponent), so start-up loads only the shell and
// the screen it opens on. The others are fetched ahead of use so a navigation never waits on a file:
// on hover or focus of their nav link (NavLinks: preload="intent") and, a moment after start-up
// (when the first screen has had its turn at the main thread), all of them while the page is idle.
import type { AnyRouter } from '@tanstack/react-router';
import { screens } from './screens';

const PRELOAD_AFTER_MS = 1500;

/**
 * Start-up: fetch the chunk of the screen the window opens on (its hash) right away, while main
 * answers the start-up IPC calls, instead of after the router has matched it (a file fetch and
 * parse that used to wait for those calls). Unknown paths load nothing; the router handles them.
 */
export function preloadScreenForHash(hash: string, list = screens): void {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const screen = list.find((s) => s.path === path);
  const component = screen?.route.options.component as { preload?: () => Promise<void> } | undefined;
  void component?.preload?.().catch(() => undefined);
}

export function preloadScreensWhenIdle(router: AnyRouter): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(() => {
      for (const screen of screens) void router.loadRouteChunk(screen.route);
    });
  }, PRELOAD_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
