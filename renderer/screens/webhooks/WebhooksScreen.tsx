// Webhooks: delivery endpoints and the account's retry policy. `?endpoint=<id>` highlights one
// endpoint (see route.tsx).
import { Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ReadOnlyBanner } from '../../components/confirm/WriteGuard';
import { EndpointsCard } from './EndpointsCard';
import { RetryPolicyCard } from './RetryPolicyCard';
import { webhooksRoute } from './route';

export function WebhooksScreen() {
  const { t } = useTranslation();
  const search = webhooksRoute.useSearch();
  const navigate = useNavigate({ from: '/webhooks' });
  return (
    <Stack gap="lg" data-testid="webhooks-screen">
      <Title order={1}>{t('webhooks.title')}</Title>
      <ReadOnlyBanner />
      <EndpointsCard highlightId={search.endpoint} onClearHighlight={() => void navigate({ search: {}, replace: true })} />
      <RetryPolicyCard />
    </Stack>
  );
}
