// Shown when the Webhooks screen was opened to highlight an endpoint (`?endpoint=<id>`, a link from
// an event's delivery attempt) that is not in the endpoints table. Usually the endpoint was deleted
// after the delivery; it can also exist beyond the first page of the table. The endpoint's own
// detail tells the two apart, so the note says which — never a crash, never a blank.
import { Alert, Button, Code, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from '../../bridge/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWebhookEndpoint } from '../../queries';

export function MissingEndpointNote({ id, onDismiss }: { id: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const endpoint = useWebhookEndpoint(id);
  const dismiss = (
    <Button size="compact-xs" variant="subtle" onClick={onDismiss} data-testid="endpoint-highlight-dismiss">
      {t('webhooks.highlight.dismiss')}
    </Button>
  );

  if (endpoint.isPending) {
    return (
      <Group gap="xs" data-testid="endpoint-highlight-checking">
        <Loader size="xs" />
        <Text size="sm">{t('webhooks.highlight.checking')}</Text>
      </Group>
    );
  }
  if (endpoint.error && !(endpoint.error instanceof IpcCallError && endpoint.error.code === 'not_found')) {
    // Not a 404: we cannot tell whether it exists (offline, expired token…); say why.
    return <ErrorAlert error={endpoint.error} testId="endpoint-highlight-error" />;
  }
  const existingUrl = endpoint.data?.url;
  const deleted = existingUrl === undefined;
  return (
    <Alert color={deleted ? 'orange' : 'blue'} role="status" data-testid="endpoint-highlight-missing" data-reason={deleted ? 'not_found' : 'not_listed'}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">
          {deleted ? t('webhooks.highlight.deleted') : t('webhooks.highlight.notListed', { url: existingUrl })} <Code>{id}</Code>
        </Text>
        {dismiss}
      </Group>
    </Alert>
  );
}
