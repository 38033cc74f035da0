// Each screen is its own chunk (route.tsx: lazyRouteComponent), so start-up loads only the shell and
// the screen it opens on. The others are fetched ahead of use so a navigation never waits on a file:
// on hover or focus of their nav link (NavLinks: preload="intent") and, a moment after start-up
// (when the first screen has had its turn at the main thread), all of them while the page is idle.
import type { AnyRouter } from '@tanstack/react-router';
import { screens } from './screens';

const PRELOAD_AFTER_MS = 1500;

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
