// The Deliveries screen: the delivery log (every attempt to every endpoint, with its filters) and
// the received-webhooks log (what providers sent, signature valid or not, the events it produced).
// Both are keyset lists with "Load more" (KeysetLog.tsx); a row opens its attempt or body in a drawer.
import { Anchor, Badge, Code, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dispatch, ReceivedWebhook } from '../../../shared/api/index';
import { FilterSelect } from '../../components/filters/FilterSelect';
import { FilterText } from '../../components/filters/FilterText';
import { JsonViewer } from '../../components/json-viewer/JsonViewer';
import { formatDuration } from '../../components/time/format-time';
import { Time } from '../../components/time/Time';
import { EntityName } from '../../components/entity-name/EntityName';
import { MiddleTruncate } from '../../components/table/MiddleTruncate';
import { ResizableTh } from '../../components/table/ResizableTh';
import { useColumnWidths } from '../../components/table/column-widths';
import { AttemptTimeline } from '../../components/attempts/AttemptTimeline';
import { ResponseCode, StatusBadge } from '../../components/status/StatusBadge';
import { useCapabilities, useDispatches, useReceivedWebhooks } from '../../queries/index';
import { toDispatchesFilters, toReceivedFilters, type DeliveriesSearch } from './deliveries-search';
import { KeysetLog } from './KeysetLog';
import { deliveriesRoute } from './route';

/** Rows per "Load more": the log is read a screenful at a time. */
const DELIVERIES_PAGE_SIZE = 50;
const DISPATCH_COLUMNS = ['attempted', 'event', 'url', 'attempt', 'trigger', 'status', 'code', 'duration', 'next'] as const;
const RECEIVED_COLUMNS = ['received', 'driver', 'installation', 'signature', 'status', 'reason', 'events'] as const;

function EventLink({ id }: { id: string }) {
  return (
    // A plain hash link: screens are registered with a generic route type, so a typed <Link> cannot
    // carry another screen's search params. The Events screen parses `event` from the URL.
    // An id never breaks across lines; several wrap as whole ids.
    <Anchor href={`#/events?event=${encodeURIComponent(id)}`} size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="event-link">
      {id}
    </Anchor>
  );
}

function DispatchesLog({ search, onChange }: { search: DeliveriesSearch; onChange: (patch: Partial<DeliveriesSearch>) => void }) {
  const { t } = useTranslation();
  const capabilities = useCapabilities();
  const unsupported = capabilities.data?.capabilities.dispatches === 'unsupported';
  const list = useDispatches({ filters: toDispatchesFilters(search), limit: DELIVERIES_PAGE_SIZE }, { enabled: !unsupported });
  const columns = useColumnWidths('deliveries.dispatches', DISPATCH_COLUMNS);
  return (
    <KeysetLog<Dispatch>
      unsupported={unsupported}
      unsupportedText={t('deliveries.dispatchesUnsupported')}
      emptyText={t('deliveries.noDispatches')}
      tableLabel={t('deliveries.dispatchesTab')}
      drawerTitle={t('deliveries.attemptTitle')}
      testIds={{ unsupported: 'dispatches-unsupported', empty: 'dispatches-empty', table: 'dispatches-table', row: 'dispatch-row', more: 'dispatches-more' }}
      list={list}
      filters={(searchRef) => (
        <>
          <FilterText w={220} label={t('deliveries.eventId')} value={search.event} onCommit={(event) => onChange({ event })} testId="dispatch-filter-event" inputRef={searchRef} />
          <FilterText w={220} label={t('deliveries.endpointId')} value={search.endpoint} onCommit={(endpoint) => onChange({ endpoint })} testId="dispatch-filter-endpoint" />
          <FilterSelect
            compactWidth={140}
            label={t('events.filters.status')}
            options={['pending', 'succeeded', 'failed'].map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
            value={search.status}
            onChange={(status) => onChange({ status })}
            testId="dispatch-filter-status"
          />
          <FilterSelect compactWidth={110} label={t('events.filters.code')} options={['2xx', '4xx', '5xx']} value={search.code} onChange={(code) => onChange({ code })} testId="dispatch-filter-code" />
        </>
      )}
      head={
        <>
          <ResizableTh id="attempted" label={t('deliveries.attemptedAt')} {...columns} />
          <ResizableTh id="event" label={t('deliveries.event')} {...columns} />
          <ResizableTh id="url" label={t('deliveries.url')} {...columns} />
          <ResizableTh id="attempt" label="#" {...columns} />
          <ResizableTh id="trigger" label={t('deliveries.trigger')} {...columns} />
          <ResizableTh id="status" label={t('events.columns.status')} {...columns} />
          <ResizableTh id="code" label={t('deliveries.code')} {...columns} />
          <ResizableTh id="duration" label={t('deliveries.duration')} {...columns} />
          <ResizableTh id="next" label={t('events.detail.nextRetry')} {...columns} />
        </>
      }
      rowData={(d) => ({ 'data-dispatch-id': d.id })}
      cells={(d) => (
        <>
          <Table.Td data-cell-kind="time">
            <Time value={d.attempted_at} withMillis={false} />
          </Table.Td>
          <Table.Td data-cell-kind="id" onClick={(e) => e.stopPropagation()}>
            {d.event_id ? <EventLink id={d.event_id} /> : '—'}
          </Table.Td>
          <Table.Td data-cell-kind="url">{d.url ? <MiddleTruncate value={d.url} /> : '—'}</Table.Td>
          <Table.Td data-cell-kind="number">{d.attempt}</Table.Td>
          <Table.Td data-cell-kind="badge">{d.trigger === 'manual' || d.trigger === 'automatic' ? t(`events.trigger.${d.trigger}`) : d.trigger}</Table.Td>
          <Table.Td data-cell-kind="badge">
            <StatusBadge status={d.status} />
          </Table.Td>
          <Table.Td data-cell-kind="code">
            <ResponseCode code={d.attempt_response_code} error={d.error} />
          </Table.Td>
          <Table.Td data-cell-kind="number">{formatDuration(d.duration_ms)}</Table.Td>
          <Table.Td data-cell-kind="time">
            <Time value={d.next_retry_at} withMillis={false} />
          </Table.Td>
        </>
      )}
      drawer={(open) => <AttemptTimeline dispatches={[open]} selected={[]} onToggleSelected={() => undefined} />}
    />
  );
}

function ReceivedLog({ search, onChange }: { search: DeliveriesSearch; onChange: (patch: Partial<DeliveriesSearch>) => void }) {
  const { t } = useTranslation();
  const capabilities = useCapabilities();
  const unsupported = capabilities.data?.capabilities.received_webhooks === 'unsupported';
  const list = useReceivedWebhooks({ filters: toReceivedFilters(search), limit: DELIVERIES_PAGE_SIZE }, { enabled: !unsupported });
  const columns = useColumnWidths('deliveries.received', RECEIVED_COLUMNS);
  return (
    <KeysetLog<ReceivedWebhook>
      unsupported={unsupported}
      unsupportedText={t('deliveries.receivedUnsupported')}
      emptyText={t('deliveries.noReceived')}
      tableLabel={t('deliveries.receivedTab')}
      drawerTitle={t('deliveries.receivedTitle')}
      testIds={{ unsupported: 'received-unsupported', empty: 'received-empty', table: 'received-table', row: 'received-row', more: 'received-more' }}
      list={list}
      filters={(searchRef) => (
        <>
          <FilterText w={220} label={t('events.filters.installation')} value={search.installation} onCommit={(installation) => onChange({ installation })} testId="received-filter-installation" inputRef={searchRef} />
          <FilterText w={220} label={t('events.filters.driver')} value={search.driver} onCommit={(driver) => onChange({ driver })} testId="received-filter-driver" />
          <FilterSelect
            compactWidth={150}
            label={t('events.filters.status')}
            options={[
              { value: 'processed' as const, label: t('events.status.processed') },
              { value: 'rejected' as const, label: t('events.status.rejected') },
            ]}
            value={search.received}
            onChange={(received) => onChange({ received })}
            testId="received-filter-status"
          />
        </>
      )}
      head={
        <>
          <ResizableTh id="received" label={t('deliveries.receivedAt')} {...columns} />
          <ResizableTh id="driver" label={t('events.columns.driver')} {...columns} />
          <ResizableTh id="installation" label={t('events.columns.installation')} {...columns} />
          <ResizableTh id="signature" label={t('deliveries.signature')} {...columns} />
          <ResizableTh id="status" label={t('events.columns.status')} {...columns} />
          <ResizableTh id="reason" label={t('deliveries.reason')} {...columns} />
          <ResizableTh id="events" label={t('deliveries.events')} {...columns} />
        </>
      }
      rowData={(w) => ({ 'data-received-id': w.id, 'data-signature-valid': String(w.signature_valid) })}
      cells={(w) => (
        <>
          <Table.Td data-cell-kind="time">
            <Time value={w.received_at} withMillis={false} />
          </Table.Td>
          <Table.Td data-cell-kind="name" onClick={(e) => e.stopPropagation()}>
            <EntityName kind="driver" id={w.integration_driver_slug} />
          </Table.Td>
          <Table.Td data-cell-kind="name" onClick={(e) => e.stopPropagation()}>
            <EntityName kind="installation" id={w.installation_id} />
          </Table.Td>
          <Table.Td data-cell-kind="badge">
            {w.signature_valid === null || w.signature_valid === undefined ? (
              <Badge size="sm" variant="outline" color="gray">
                {t('deliveries.signatureUnknown')}
              </Badge>
            ) : (
              <Badge size="sm" color={w.signature_valid ? 'green' : 'red'} data-testid="signature-badge">
                {w.signature_valid ? t('deliveries.signatureValid') : t('deliveries.signatureInvalid')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td data-cell-kind="badge">
            <StatusBadge status={w.status} />
          </Table.Td>
          <Table.Td>{w.status_reason ?? ''}</Table.Td>
          <Table.Td onClick={(e) => e.stopPropagation()}>
            <Group gap={4}>
              {(w.event_ids ?? []).slice(0, 3).map((id) => (
                <EventLink key={id} id={id} />
              ))}
              {(w.event_ids ?? []).length > 3 && <Text size="xs">+{(w.event_ids ?? []).length - 3}</Text>}
            </Group>
          </Table.Td>
        </>
      )}
      drawer={(open) => (
        <Stack gap="xs">
          <Code>{open.id}</Code>
          <Text size="xs" fw={600}>
            {t('events.detail.requestHeaders')}
          </Text>
          <JsonViewer value={open.headers} label={t('events.detail.requestHeaders')} maxHeight={240} />
          <Text size="xs" fw={600}>
            {t('events.detail.requestBody')}
          </Text>
          <JsonViewer value={open.body} label={t('events.detail.requestBody')} />
        </Stack>
      )}
    />
  );
}

export function DeliveriesScreen() {
  const { t } = useTranslation();
  const search = deliveriesRoute.useSearch();
  const navigate = useNavigate({ from: '/deliveries' });
  const tab = search.tab ?? 'dispatches';
  const onChange = (patch: Partial<DeliveriesSearch>) => void navigate({ search: (prev: DeliveriesSearch) => ({ ...prev, ...patch }) });
  return (
    <Stack gap="sm" data-testid="deliveries-screen">
      <Title order={2}>{t('deliveries.title')}</Title>
      <Tabs value={tab} onChange={(value) => void navigate({ search: { tab: (value ?? 'dispatches') as DeliveriesSearch['tab'] } })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dispatches" data-testid="tab-dispatches">
            {t('deliveries.dispatchesTab')}
          </Tabs.Tab>
          <Tabs.Tab value="received" data-testid="tab-received">
            {t('deliveries.receivedTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dispatches" pt="sm">
          <DispatchesLog search={search} onChange={onChange} />
        </Tabs.Panel>
        <Tabs.Panel value="received" pt="sm">
          <ReceivedLog search={search} onChange={onChange} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
