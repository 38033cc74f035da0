// Renderer entry: ask main for app info and settings first (language and theme depend on them),
// then render. If main cannot answer, show a plain message instead of a blank window.
import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './bridge/ipc';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { preloadScreenForHash } from './app/route-preload';
import { initI18n, loadCatalogue, resolveLanguage } from './i18n';
import { profilesQuery, sessionKeys } from './session/session-queries';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  const queryClient = createQueryClient();
  // Side by side with the calls below rather than after them: the first screen's code, and the
  // profiles the shell waits for before showing it (errors surface through the shell's own query).
  preloadScreenForHash(location.hash);
  void queryClient.prefetchQuery(profilesQuery);
  try {
    const [info, settingsView] = await Promise.all([call('app:info', {}), call('settings:get', {})]);
    queryClient.setQueryData(sessionKeys.appInfo, info);
    queryClient.setQueryData(sessionKeys.settings, settingsView);
    await initI18n(resolveLanguage(settingsView.settings.language, info.locale));
  } catch (error) {
    // i18n is not up and the settings never came: the browser's language picks the catalogue.
    const language = resolveLanguage('system', navigator.language);
    document.documentElement.lang = language;
    const catalogue = await loadCatalogue(language).catch(() => null);
    // Without even its catalogue (the build is damaged), still a sentence rather than a blank window.
    container.textContent = catalogue?.main.startFailed ?? 'The console could not start. Restart the app.';
    console.error('Renderer start failed', error instanceof Error ? error.name : typeof error);
    return;
  }
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}

void start();
