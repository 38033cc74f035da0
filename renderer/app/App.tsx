// Providers around the router: Mantine (theme resolved from the settings preference), the query
// client, notifications and modals. The language follows the settings preference live.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, resolveLanguage } from '../i18n';
import { useAppInfo, useSettings } from '../session/session-queries';
import { buildTheme, useResolvedColorScheme } from '../theme/theme';
import { preloadScreensWhenIdle } from './route-preload';
import { createAppRouter } from './router';

function ThemedApp({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createAppRouter(queryClient));
  const settings = useSettings().data?.settings;
  const locale = useAppInfo().data?.locale;
  const colorScheme = useResolvedColorScheme(settings?.theme);
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => buildTheme(closeLabel), [closeLabel]);

  useEffect(() => preloadScreensWhenIdle(router), [router]);

  useEffect(() => {
    void changeLanguage(resolveLanguage(settings?.language, locale));
  }, [settings?.language, locale]);

  return (
    <MantineProvider theme={theme} forceColorScheme={colorScheme}>
      <ModalsProvider>
        <Notifications position="bottom-right" />
        <RouterProvider router={router} />
      </ModalsProvider>
    </MantineProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp queryClient={queryClient} />
    </QueryClientProvider>
  );
}
