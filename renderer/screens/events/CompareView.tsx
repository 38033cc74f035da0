// Side-by-side comparisons: two attempts (response bodies, request bodies, headers) or this event's
// payload against another event's. "Last success vs first failure" is one click.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dispatch, PlatformEventDetail } from '../../../shared/api/index';
import { ChoiceChips } from '../../components/choice/ChoiceChips';
import { DiffView } from '../../components/diff-view/DiffView';
import { canonicalJson, prettyBody } from '../../components/diff-view/side-by-side';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEvent } from '../../queries/processing';
import { statusLabel } from '../../components/status/StatusBadge';

/** The pair an operator usually wants: the last success and the first failure after it (or the two newest). */
export function suggestedPair(dispatches: Dispatch[]): [string, string] | null {
  // dispatches are newest first.
  const chronological = [...dispatches].reverse();
  const lastSuccessIndex = chronological.findLastIndex((d) => d.status === 'succeeded');
  if (lastSuccessIndex >= 0) {
    const failure = chronological.slice(lastSuccessIndex + 1).find((d) => d.status === 'failed') ?? chronological.slice(0, lastSuccessIndex).findLast((d) => d.status === 'failed');
    if (failure) return [chronological[lastSuccessIndex]!.id, failure.id];
  }
  if (dispatches.length >= 2) return [dispatches[1]!.id, dispatches[0]!.id];
  return null;
}

function headersText(headers: Dispatch['response_headers']): string {
  return Object.entries(headers ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
    .join('\n');
}

export function CompareAttempts({ dispatches, ids }: { dispatches: Dispatch[]; ids: string[] }) {
  const { t, i18n } = useTranslation();
  const [part, setPart] = useState<'response' | 'request' | 'headers'>('response');
  // Older on the left, newer on the right.
  const picked = dispatches.filter((d) => ids.includes(d.id)).reverse();
  if (picked.length !== 2) return <Text size="sm" c="dimmed">{t('events.compare.pickTwo')}</Text>;
  const [a, b] = picked as [Dispatch, Dispatch];
  // The status in the operator's language, as the timeline's badges show it.
  const label = (d: Dispatch) => t('events.compare.attemptLabel', { attempt: d.attempt, status: d.status ? statusLabel(d.status, t, (key) => i18n.exists(key)) : '—' });
  const text = (d: Dispatch) =>
    part === 'response' ? prettyBody(d.response_body) : part === 'request' ? prettyBody(d.request_body) : headersText(d.response_headers);
  return (
    <Stack gap="xs" data-testid="compare-attempts">
      <ChoiceChips
        value={part}
        onChange={setPart}
        options={[
          { value: 'response', label: t('events.detail.responseBody') },
          { value: 'request', label: t('events.detail.requestBody') },
          { value: 'headers', label: t('events.detail.responseHeaders') },
        ]}
        label={t('events.compare.part')}
        testId="compare-part"
      />
      <DiffView
        oldText={text(a)}
        newText={text(b)}
        oldLabel={label(a)}
        newLabel={label(b)}
        testId="attempt-diff"
      />
    </Stack>
  );
}

export function ComparePayloads({ event }: { event: PlatformEventDetail }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [otherId, setOtherId] = useState<string | undefined>(undefined);
  const other = useEvent(otherId);
  const suggestion = event.superseded_by ? (typeof event.superseded_by === 'string' ? event.superseded_by : event.superseded_by.id) : null;
  return (
    <Stack gap="xs" data-testid="compare-payloads">
      <Group gap="xs" align="end">
        <TextInput
          size="xs"
          flex={1}
          label={t('events.compare.otherEvent')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && setOtherId(draft.trim() || undefined)}
          data-testid="compare-other-id"
        />
        <Button size="xs" variant="default" onClick={() => setOtherId(draft.trim() || undefined)}>
          {t('events.compare.compare')}
        </Button>
        {suggestion && (
          <Button size="xs" variant="subtle" onClick={() => (setDraft(suggestion), setOtherId(suggestion))}>
            {t('events.compare.withReplacement')}
          </Button>
        )}
      </Group>
      {other.error && <ErrorAlert error={other.error} />}
      {other.data && (
        <DiffView
          oldText={canonicalJson(event.payload)}
          newText={canonicalJson(other.data.payload)}
          oldLabel={`${event.name} · ${event.id}`}
          newLabel={`${other.data.name} · ${other.data.id}`}
          testId="payload-diff"
        />
      )}
    </Stack>
  );
}
