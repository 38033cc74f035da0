// Importing a profile's token: main reads it from the clipboard (then clears it), a file picked in
// its native dialog, or II_API_TOKEN, and answers with a description only — the renderer never sees
// the token. Shared by the Settings token card and the onboarding's token step.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TokenDescription, TokenSource } from '../../../shared/ipc/channels/token';
import { call } from '../../bridge/ipc';
import { useRefreshProfiles } from '../../session/session-queries';

export const tokenSources: TokenSource[] = ['clipboard', 'file', 'env'];
export const sourceButtonKey = { clipboard: 'importClipboard', file: 'importFile', env: 'importEnv' } as const;

function importChannel(source: TokenSource) {
  if (source === 'clipboard') return 'token:importFromClipboard' as const;
  if (source === 'file') return 'token:importFromFile' as const;
  return 'token:importFromEnv' as const;
}

/** Imports into `profileId`; `onImported` runs after the profile list is refreshed. */
export function useImportToken(profileId: string, onImported?: (description: TokenDescription) => void) {
  const { t } = useTranslation();
  const refreshProfiles = useRefreshProfiles();
  return useMutation({
    meta: { silentError: true },
    mutationFn: (source: TokenSource) => call(importChannel(source), { profileId }),
    onSuccess: async (description) => {
      if (!description) notifications.show({ message: t('settings.token.fileCancelled') });
      else notifications.show({ color: 'green', message: t('settings.token.imported', { last4: description.last4 }) });
      await refreshProfiles();
      if (description) onImported?.(description);
    },
  });
}

/** One button per source; the clipboard (the usual way) is the filled one. */
export function TokenImportButtons({ importToken }: { importToken: ReturnType<typeof useImportToken> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {tokenSources.map((source) => (
        <Button
          key={source}
          variant={source === 'clipboard' ? 'filled' : 'light'}
          loading={importToken.isPending && importToken.variables === source}
          disabled={importToken.isPending && importToken.variables !== source}
          onClick={() => importToken.mutate(source)}
          data-testid={`import-${source}`}
        >
          {t(`settings.token.${sourceButtonKey[source]}`)}
        </Button>
      ))}
    </Group>
  );
}
