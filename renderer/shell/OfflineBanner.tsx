// Says plainly when the machine is offline (navigator.onLine + online/offline events). Requests
// still go to main, which answers `offline`; the banner explains why before they fail.
import { Alert } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export function OfflineBanner() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Alert color="orange" variant="filled" radius={0} title={t('offline.title')} role="alert" data-testid="offline-banner">
      {t('offline.body')}
    </Alert>
  );
}
