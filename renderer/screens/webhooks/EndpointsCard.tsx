// The endpoints table (url, enabled, events, timeout, last delivery result, recent success rate)
// with per-row actions: edit, enable/disable, send test event, rotate secret, delete. Enabling,
// disabling and deleting confirm with the profile named; rotating shows the new secret once. One endpoint can be
// highlighted (the screen's `?endpoint=<id>`, linked from an event's delivery attempt): its row is
// marked and scrolled into view once, or a note says it is not in the table. The list keys work here:
// j/k select an endpoint, Enter opens its delivery log (Deliveries filtered to it).
import { Alert, Badge, Button, Card, Code, Group, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openConfirm } from '../../components/confirm/ConfirmDialog';
import { newActionId } from '../../queries/action-id';
import { IpcCallError } from '../../bridge/ipc';
import { useWriteAccess, WriteButton, WriteGuarded } from '../../components/confirm/WriteGuard';
import { errorMessage } from '../../errors/error-message';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useTestWebhookEndpoint, useUpdateWebhookEndpoint, useWebhookEndpoints } from '../../queries';
import type { Dispatch } from '../../../shared/api/processing';
import type { WebhookEndpoint } from '../../../shared/api/webhooks';
import { MiddleTruncate } from '../../components/table/MiddleTruncate';
import { ResizableTh } from '../../components/table/ResizableTh';
import { useColumnWidths } from '../../components/table/column-widths';
import tableClasses from '../../components/table/table.module.css';
import { EndpointFormModal } from './EndpointFormModal';
import { MissingEndpointNote } from './MissingEndpointNote';
import { useEndpointHealth } from '../../queries/endpoint-health';
import { SecretOnceDialog } from './SecretOnceDialog';

function HealthCell({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const health = useEndpointHealth(endpointId);
  if (!health.data) return <Text size="xs">—</Text>;
  const { last, attempts, succeeded } = health.data;
  return (
    <Stack gap={2} data-testid="endpoint-health">
      {last ? (
        <Badge size="sm" color={last.status === 'succeeded' ? 'teal' : 'red'} variant="light" data-testid="endpoint-last-result" data-no-truncate="">
          {last.code ?? last.error ?? last.status}
        </Badge>
      ) : (
        <Text size="xs">{t('webhooks.endpoints.noDeliveries')}</Text>
      )}
      {attempts > 0 && <Text size="xs">{t('webhooks.endpoints.successRate', { rate: Math.round((succeeded / attempts) * 100), count: attempts })}</Text>}
    </Stack>
  );
}

function TestResult({ dispatch, onClose }: { dispatch: Dispatch | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={dispatch !== null} onClose={onClose} title={t('webhooks.test.title')}>
      {dispatch && (
        <Stack gap="xs" data-testid="test-result" data-status={dispatch.status ?? ''}>
          <Alert color={dispatch.status === 'succeeded' ? 'teal' : 'red'}>{dispatch.status === 'succeeded' ? t('webhooks.test.succeeded') : t('webhooks.test.failed')}</Alert>
          <Text size="sm">
            {t('webhooks.test.code')}: <Code data-testid="test-result-code">{dispatch.attempt_response_code ?? '—'}</Code>
          </Text>
          {dispatch.error && (
            <Text size="sm">
              {t('webhooks.test.error')}: <Code>{dispatch.error}</Code>
            </Text>
          )}
          <Text size="sm">
            {t('webhooks.test.duration')}: {dispatch.duration_ms ?? '—'} ms · {t('webhooks.test.attempt')} {dispatch.attempt ?? 1}
          </Text>
          <Text size="xs" c="dimmed">
            {dispatch.url ?? ''}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}

export interface EndpointsCardProps {
  /** The endpoint to highlight (from the URL), if any. */
  highlightId?: string;
  /** Drops the highlight (clears the URL's `endpoint`). */
  onClearHighlight: () => void;
}

const ENDPOINT_COLUMNS = ['url', 'enabled', 'events', 'timeout', 'health'] as const;

export function EndpointsCard({ highlightId, onClearHighlight }: EndpointsCardProps) {
  const { t } = useTranslation();
  const columns = useColumnWidths('webhooks.endpoints', ENDPOINT_COLUMNS);
  const access = useWriteAccess();
  const list = useWebhookEndpoints({ limit: 100 });
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const test = useTestWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<WebhookEndpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<{ value: string; rotated: boolean } | null>(null);
  const [testResult, setTestResult] = useState<Dispatch | null>(null);
  // Scroll to the highlighted row once per highlighted id, not on every re-render or refetch, so
  // the operator can scroll away freely.
  const scrolledTo = useRef<string | undefined>(undefined);
  const scrollOnce = useCallback(
    (row: HTMLTableRowElement | null) => {
      if (!row || !highlightId || scrolledTo.current === highlightId) return;
      scrolledTo.current = highlightId;
      row.scrollIntoView({ block: 'center' });
    },
    [highlightId],
  );
  const highlightMissing = highlightId !== undefined && list.data !== undefined && !list.data.items.some((endpoint) => endpoint.id === highlightId);
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) });
  const endpoints = list.data?.items ?? [];
  const keyboard = useListKeyboard({
    count: endpoints.length,
    // Enter leaves for the Deliveries screen; dialogs opened from a row close on their own Esc.
    isOpen: false,
    onOpen: (index) => {
      const endpoint = endpoints[index];
      if (endpoint) window.location.hash = `/deliveries?endpoint=${encodeURIComponent(endpoint.id)}`;
    },
    onClose: () => undefined,
  });

  const toggleEnabled = async (endpoint: WebhookEndpoint) => {
    if (!access.profile) return;
    const enable = endpoint.enabled === false;
    // Both ways confirm: enabling starts sending the account's events to this URL again.
    const ok = await openConfirm({
      profile: access.profile,
      title: enable ? t('webhooks.endpoints.enableTitle') : t('webhooks.endpoints.disableTitle'),
      impact: enable ? t('webhooks.endpoints.enableImpact', { url: endpoint.url }) : t('webhooks.endpoints.disableImpact', { url: endpoint.url }),
      confirmLabel: enable ? t('webhooks.endpoints.enable') : t('webhooks.endpoints.disable'),
      danger: !enable,
    });
    if (!ok) return;
    update.mutate({ id: endpoint.id, actionId: newActionId(), body: { enabled: enable } }, { onError: fail });
  };

  const deleteEndpoint = async (endpoint: WebhookEndpoint) => {
    if (!access.profile) return;
    const ok = await openConfirm({
      profile: access.profile,
      title: t('webhooks.endpoints.deleteTitle'),
      impact: t('webhooks.endpoints.deleteImpact', { url: endpoint.url }),
      confirmLabel: t('webhooks.endpoints.delete'),
      danger: true,
    });
    if (ok) remove.mutate({ id: endpoint.id, actionId: newActionId() }, { onError: fail });
  };

  const rotateSecret = async (endpoint: WebhookEndpoint) => {
    if (!access.profile) return;
    const ok = await openConfirm({
      profile: access.profile,
      title: t('webhooks.secret.rotateTitle'),
      impact: t('webhooks.secret.rotateImpact', { url: endpoint.url }),
      confirmLabel: t('webhooks.secret.rotate'),
    });
    if (!ok) return;
    rotate.mutate({ id: endpoint.id, actionId: newActionId() }, { onSuccess: (result) => setSecret({ value: result.secret, rotated: true }), onError: fail });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="endpoints-title" data-testid="endpoints-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="endpoints-title">
          {t('webhooks.endpoints.title')}
        </Title>
        {/* Where the server has no endpoints routes there is nothing to add to. */}
        {!(list.error instanceof IpcCallError && list.error.code === 'unsupported') && (
          <WriteButton onClick={() => setEditing(null)} data-testid="endpoint-create">
            {t('webhooks.endpoints.add')}
          </WriteButton>
        )}
      </Group>
      <ErrorAlert error={list.error} testId="endpoints-error" onRetry={() => void list.refetch()} />
      {highlightMissing && <MissingEndpointNote id={highlightId} onDismiss={onClearHighlight} />}
      {list.data && list.data.items.length === 0 && <Text data-testid="endpoints-empty">{t('webhooks.endpoints.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table data-testid="endpoints-table" verticalSpacing="xs" className={tableClasses.table}>
          <Table.Thead>
            <Table.Tr>
              <ResizableTh id="url" label={t('webhooks.endpoints.url')} {...columns} />
              <ResizableTh id="enabled" label={t('webhooks.endpoints.enabled')} {...columns} />
              <ResizableTh id="events" label={t('webhooks.endpoints.events')} {...columns} />
              <ResizableTh id="timeout" label={t('webhooks.endpoints.timeout')} {...columns} />
              <ResizableTh id="health" label={t('webhooks.endpoints.health')} {...columns} />
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((endpoint, index) => {
              const highlighted = endpoint.id === highlightId;
              const active = keyboard.activeIndex === index;
              return (
                <Table.Tr
                  key={endpoint.id}
                  ref={highlighted ? scrollOnce : undefined}
                  aria-current={highlighted ? 'true' : undefined}
                  data-highlighted={highlighted || undefined}
                  data-active={active || undefined}
                  bg={highlighted || active ? 'var(--mantine-primary-color-light)' : undefined}
                  data-testid="endpoint-row"
                  data-endpoint-id={endpoint.id}
                  data-url={endpoint.url}
                >
                  <Table.Td data-cell-kind="url">
                    <Text size="sm" component="div">
                      <MiddleTruncate value={endpoint.url} testId="endpoint-url" />
                    </Text>
                    {endpoint.description && (
                      <Text size="xs" c="dimmed">
                        {endpoint.description}
                      </Text>
                    )}
                    {endpoint.secret_hint && (
                      <Text size="xs" c="dimmed" data-testid="endpoint-secret-hint">
                        {t('webhooks.endpoints.secretHint', { hint: endpoint.secret_hint })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-cell-kind="badge">
                    <Badge color={endpoint.enabled === false ? 'gray' : 'teal'} variant="light" data-testid="endpoint-enabled" data-enabled={endpoint.enabled !== false}>
                      {endpoint.enabled === false ? t('webhooks.endpoints.off') : t('webhooks.endpoints.on')}
                    </Badge>
                    {endpoint.disabled_reason && (
                      // The cell does not wrap (its badge must not); the reason under it does.
                      <Text size="xs" c="red" miw={180} style={{ whiteSpace: 'normal' }}>
                        {endpoint.disabled_reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={220}>
                    <Text size="xs">{(endpoint.events ?? []).join(', ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td data-cell-kind="number">{endpoint.timeout_seconds ?? '—'} s</Table.Td>
                  <Table.Td data-cell-kind="badge">
                    <HealthCell endpointId={endpoint.id} />
                  </Table.Td>
                  <Table.Td>
                    <WriteGuarded>
                      {(blocked) => (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button size="xs" variant="default" disabled={blocked} data-testid="endpoint-actions">
                              {t('webhooks.endpoints.actions')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setEditing(endpoint)} data-testid="endpoint-edit">
                              {t('webhooks.endpoints.edit')}
                            </Menu.Item>
                            <Menu.Item onClick={() => void toggleEnabled(endpoint)} data-testid="endpoint-toggle">
                              {endpoint.enabled === false ? t('webhooks.endpoints.enable') : t('webhooks.endpoints.disable')}
                            </Menu.Item>
                            <Menu.Item
                              onClick={() => test.mutate({ id: endpoint.id, actionId: newActionId() }, { onSuccess: setTestResult, onError: fail })}
                              data-testid="endpoint-test"
                            >
                              {t('webhooks.endpoints.test')}
                            </Menu.Item>
                            <Menu.Item onClick={() => void rotateSecret(endpoint)} data-testid="endpoint-rotate">
                              {t('webhooks.secret.rotate')}
                            </Menu.Item>
                            <Menu.Item color="red" onClick={() => void deleteEndpoint(endpoint)} data-testid="endpoint-delete">
                              {t('webhooks.endpoints.delete')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </WriteGuarded>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {test.isPending && <Text size="sm">{t('webhooks.test.sending')}</Text>}
      {editing !== undefined && (
        <EndpointFormModal
          endpoint={editing}
          onClose={() => setEditing(undefined)}
          onCreated={(created) => {
            setEditing(undefined);
            setSecret({ value: created.secret, rotated: false });
          }}
        />
      )}
      <SecretOnceDialog secret={secret?.value ?? null} rotated={secret?.rotated ?? false} onClose={() => setSecret(null)} />
      <TestResult dispatch={testResult} onClose={() => setTestResult(null)} />
    </Card>
  );
}
