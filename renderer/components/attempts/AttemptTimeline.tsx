// Every delivery attempt of an event, newest first: trigger (automatic/manual), code or error,
// duration, when, next retry, and — expanded — request and response headers and bodies, with
// "copy as cURL" to replay the attempt against the receiver. Two attempts can be picked to compare.
// An attempt's endpoint links to the Webhooks screen with that endpoint highlighted.
import { Accordion, Anchor, Badge, Button, Checkbox, Code, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dispatch } from '../../../shared/api/index';
import { curlForDelivery } from '../../../shared/curl';
import { JsonViewer } from '../json-viewer/JsonViewer';
import { formatDuration } from '../time/format-time';
import { Time } from '../time/Time';
import { ResponseCode, StatusBadge } from '../status/StatusBadge';

type Headers = Dispatch['request_headers'];

function HeadersTable({ headers, label }: { headers: Headers | undefined; label: string }) {
  const { t } = useTranslation();
  const entries = Object.entries(headers ?? {});
  if (entries.length === 0) return <Text size="xs" c="dimmed">{t('events.detail.noHeaders')}</Text>;
  return (
    <Table fz="xs" withTableBorder withColumnBorders aria-label={label} verticalSpacing={2}>
      <Table.Tbody>
        {entries.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Td ff="monospace" w="35%">
              {name}
            </Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
              {Array.isArray(value) ? value.join(', ') : value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A body as JSON viewer when it parses, else as text (e.g. an HTML error page). */
export function BodyView({ body, label, testId }: { body: string | null | undefined; label: string; testId?: string }) {
  const { t } = useTranslation();
  if (body === null || body === undefined || body === '') return <Text size="xs" c="dimmed">{t('events.detail.noBody')}</Text>;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return (
      <Code block data-testid={testId} style={{ maxHeight: 300, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {body}
      </Code>
    );
  }
  return <JsonViewer value={parsed} label={label} maxHeight={300} testId={testId} />;
}

/** The attempt's endpoint on the Webhooks screen (highlighted there); named by the URL delivered to when known. */
function EndpointLink({ id, url }: { id: string; url: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    // Screens are registered with a generic route type, so another screen's search is cast (as in DriverDetail).
    <Anchor
      component={Link}
      to="/webhooks"
      search={{ endpoint: id } as never}
      size="xs"
      ff="monospace"
      style={{ wordBreak: 'break-all' }}
      title={`${t('events.detail.openEndpoint')} (${id})`}
      data-testid="attempt-endpoint-link"
      data-endpoint-id={id}
    >
      {url || id}
    </Anchor>
  );
}

export interface AttemptTimelineProps {
  dispatches: Dispatch[];
  selected: string[];
  onToggleSelected: (id: string) => void;
}

export function AttemptTimeline({ dispatches, selected, onToggleSelected }: AttemptTimelineProps) {
  const { t } = useTranslation();
  if (dispatches.length === 0) return <Text size="sm" c="dimmed">{t('events.detail.noAttempts')}</Text>;
  return (
    <Accordion multiple variant="separated" data-testid="attempt-timeline" defaultValue={dispatches[0] ? [dispatches[0].id] : []}>
      {dispatches.map((d) => (
        <Accordion.Item key={d.id} value={d.id} data-testid="attempt" data-attempt-id={d.id} data-trigger={d.trigger} data-status={d.status}>
          <Group wrap="nowrap" gap="xs" pl="xs">
            <Checkbox
              size="xs"
              aria-label={t('events.detail.compareAttempt', { attempt: d.attempt })}
              checked={selected.includes(d.id)}
              onChange={() => onToggleSelected(d.id)}
              data-testid="attempt-compare"
            />
            <Accordion.Control>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  #{d.attempt ?? '?'}
                </Text>
                <Badge size="xs" variant="outline" color={d.trigger === 'manual' ? 'grape' : 'gray'} data-testid="attempt-trigger">
                  {d.trigger === 'manual' || d.trigger === 'automatic' ? t(`events.trigger.${d.trigger}`) : (d.trigger ?? '?')}
                </Badge>
                <StatusBadge status={d.status} testId="attempt-status" />
                <ResponseCode code={d.attempt_response_code} error={d.error} />
                <Text size="xs" c="dimmed">
                  {formatDuration(d.duration_ms)}
                </Text>
                <Text size="xs" c="dimmed">
                  <Time value={d.attempted_at} />
                </Text>
              </Group>
            </Accordion.Control>
          </Group>
          <Accordion.Panel>
            <Stack gap="xs">
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('events.detail.url')}
                </Text>
                <Code>{d.url}</Code>
              </Group>
              {d.endpoint_id && (
                <Text size="xs">
                  {t('events.detail.endpoint')}: <EndpointLink id={d.endpoint_id} url={d.url} />
                </Text>
              )}
              {d.error && (
                <Text size="xs" c="red" data-testid="attempt-error">
                  {t('events.detail.error')}: {d.error}
                </Text>
              )}
              {d.next_retry_at && (
                <Text size="xs" data-testid="attempt-next-retry">
                  {t('events.detail.nextRetry')}: <Time value={d.next_retry_at} />
                </Text>
              )}
              <Text size="xs" fw={600}>
                {t('events.detail.responseBody')}
              </Text>
              <BodyView body={d.response_body} label={t('events.detail.responseBody')} testId="attempt-response-body" />
              <Text size="xs" fw={600}>
                {t('events.detail.responseHeaders')}
              </Text>
              <HeadersTable headers={d.response_headers} label={t('events.detail.responseHeaders')} />
              <Text size="xs" fw={600}>
                {t('events.detail.requestHeaders')}
              </Text>
              <HeadersTable headers={d.request_headers} label={t('events.detail.requestHeaders')} />
              <Text size="xs" fw={600}>
                {t('events.detail.requestBody')}
              </Text>
              <BodyView body={d.request_body} label={t('events.detail.requestBody')} />
              <Group>
                <CopyButton value={curlForDelivery({ url: d.url ?? '', request_headers: d.request_headers ?? null, request_body: d.request_body ?? null })}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="default" onClick={copy} data-testid="attempt-copy-curl">
                      {copied ? t('events.json.copied') : t('events.detail.copyReplayCurl')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
