// The router: hash history, because the app is served from `app://console/index.html` and a hash
// keeps every deep link (`#/events?status=failed`) working without the protocol handler knowing
// about routes. `/` goes to the first screen in navigation order.
import { createHashHistory, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { rootRoute } from './root-route';
import { parseSearchAsStrings, stringifySearchAsStrings } from './search-serialization';
import { navScreens, screens } from './screens';
import { markOnce, perfMarks } from './perf-marks';

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    const first = navScreens()[0];
    if (first) throw redirect({ to: first.path });
  },
});

export function createAppRouter(queryClient: QueryClient) {
  const routeTree = rootRoute.addChildren([indexRoute, ...screens.map((s) => s.route)]);
  const router = createRouter({
    routeTree,
    history: createHashHistory(),
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    // Search values stay strings (`?code=500`, not `?code=%22500%22`); see search-serialization.ts.
    parseSearch: parseSearchAsStrings,
    stringifySearch: stringifySearchAsStrings,
  });
  router.subscribe('onBeforeNavigate', () => markOnce(perfMarks.routeChange));
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
