// Main→renderer events the shell reacts to: profile changes refresh the profile list; an expired
// session or a token close to expiry becomes a notification that says what to do.
import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/ipc';
import { sessionKeys } from '../session/session-queries';

export function MainEvents() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(() => {
    const ii = bridge();
    const offs = [
      ii.on('profiles:changed', () => void queryClient.invalidateQueries({ queryKey: sessionKeys.profiles })),
      ii.on('session:expired', () => {
        void queryClient.invalidateQueries({ queryKey: sessionKeys.profiles });
        notifications.show({ id: 'session-expired', color: 'red', title: t('errors.title'), message: t('errors.unauthenticated'), autoClose: false });
      }),
      ii.on('token:expiring', ({ daysUntilExpiry }) =>
        notifications.show({ id: 'token-expiring', color: 'yellow', message: t('settings.token.expiringSoon', { days: daysUntilExpiry }), autoClose: false }),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [queryClient, t]);
  return null;
}
