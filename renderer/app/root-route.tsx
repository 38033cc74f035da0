// The root of the route tree: the shell layout wraps every screen. Kept in its own module so each
// screen's route file can import it without importing the registry (no cycles). Loaders get the
// query client from the router's context (router.tsx), to start a screen's first query early.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { ShellLayout } from '../shell/ShellLayout';
import { NotFound } from '../shell/NotFound';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: ShellLayout, notFoundComponent: NotFound });
