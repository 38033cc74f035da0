// Webhooks: delivery endpoints and the account's retry policy.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReadOnlyBanner } from '../../components/confirm/WriteGuard';
import { EndpointsCard } from './EndpointsCard';
import { RetryPolicyCard } from './RetryPolicyCard';

export function WebhooksScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="webhooks-screen">
      <Title order={1}>{t('webhooks.title')}</Title>
      <ReadOnlyBanner />
      <EndpointsCard />
      <RetryPolicyCard />
    </Stack>
  );
}
