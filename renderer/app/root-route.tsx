// The root of the route tree: the shell layout wraps every screen. Kept in its own module so each
// screen's route file can import it without importing the registry (no cycles).
import { createRootRoute } from '@tanstack/react-router';
import { ShellLayout } from '../shell/ShellLayout';
import { NotFound } from '../shell/NotFound';

export const rootRoute = createRootRoute({ component: ShellLayout, notFoundComponent: NotFound });
