// The Overview: for a window (1 h, 24 h, 7 d or custom, in the URL) the delivery success rate over
// time, failures by driver / installation / response code, p50/p95 attempt latency, the top failing
// endpoints, and a live strip of the last events. Pictures first, numbers beside. The figures are
// computed in main (overview:summary); when main read only a sample, the screen says so.
import { Alert, Button, Card, Grid, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title, useComputedColorScheme } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewFigures, OverviewSummary } from '../../../shared/ipc/channels/overview';
import { ChoiceChips } from '../../components/choice/ChoiceChips';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNames } from '../../queries/names';
import { formatDuration, fromLocalInput, toLocalInput } from '../../components/time/format-time';
import { Time } from '../../components/time/Time';
import { FailureBreakdown, type BreakdownRow } from './FailureBreakdown';
import { LastEventsStrip } from './LastEventsStrip';
import { useOverviewProgress, useOverviewSummary } from '../../queries/overview';
import { overviewRanges, windowFor, type OverviewRange, type OverviewSearch } from './overview-search';
import { overviewRoute } from './route';
import { LatencyChart } from './LatencyChart';
import { SeriesTable } from './SeriesTable';
import { SuccessRateChart } from './SuccessRateChart';

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)} %`;
}

function CustomRange({ search, onApply }: { search: OverviewSearch; onApply: (from?: string, to?: string) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(toLocalInput(search.from));
  const [to, setTo] = useState(toLocalInput(search.to));
  return (
    <Group gap="xs" align="end">
      <TextInput type="datetime-local" size="xs" label={t('overview.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="overview-from" />
      <TextInput type="datetime-local" size="xs" label={t('overview.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="overview-to" />
      <Button size="xs" onClick={() => onApply(fromLocalInput(from), fromLocalInput(to))} data-testid="overview-apply">
        {t('overview.apply')}
      </Button>
    </Group>
  );
}

/** Good/bad figures in a shade that keeps text contrast (WCAG AA) in either theme. */
function Stat({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'good' | 'bad' }) {
  const scheme = useComputedColorScheme('light');
  const color = tone === undefined ? undefined : `${tone === 'good' ? 'green' : 'red'}.${scheme === 'dark' ? 4 : 9}`;
  return (
    <Card withBorder padding="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} {...(color ? { c: color } : {})}>
        {value}
      </Text>
    </Card>
  );
}

function Figures({ summary, figures }: { summary: Extract<OverviewSummary, { supported: true }>; figures: OverviewFigures }) {
  const { t } = useTranslation();
  const unknown = t('overview.unknownOwner');
  const rows = (groups: OverviewFigures['failuresByDriver'], names?: ReadonlyMap<string, string>): BreakdownRow[] =>
    groups.map((g) => {
      const name = g.key ? names?.get(g.key) : undefined;
      return { key: g.key ?? '∅', label: g.key ? (name ? `${name} (${g.key})` : g.key) : unknown, failures: g.failures, attempts: g.attempts };
    });
  // Installations and drivers by name (the breakdown carries ids and slugs), from main's lookup; the id stays beside it.
  const lookup = useNames();
  const installationNames = new Map(figures.failuresByInstallation.flatMap((g) => (g.key && lookup.installation(g.key) ? [[g.key, lookup.installation(g.key)!.name] as const] : [])));
  const driverNames = new Map(figures.failuresByDriver.flatMap((g) => (g.key && lookup.driver(g.key) ? [[g.key, lookup.driver(g.key)!.name] as const] : [])));
  const { totals, latency } = figures;
  return (
    <Stack gap="sm">
      {summary.source === 'events' && (
        <Alert color="gray" data-testid="overview-from-events">
          {t('overview.fromEvents')}
        </Alert>
      )}
      {summary.sample.truncated && (
        <Alert color="yellow" data-testid="overview-sampled">
          {t('overview.sampled', { count: summary.sample.dispatchesRead, pages: summary.sample.maxPages })}{' '}
          <Time value={summary.sample.coveredFrom} withMillis={false} />
        </Alert>
      )}
      {figures.unresolvedFailures > 0 && (
        <Text size="xs" c="dimmed" data-testid="overview-unresolved">
          {t('overview.unresolved', { count: figures.unresolvedFailures })}
        </Text>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="sm" component="section" aria-label={t('overview.chartTitle')}>
            <Title order={3} size="h5" mb="xs">
              {t('overview.chartTitle')}
            </Title>
            <SuccessRateChart
              series={figures.series}
              labels={{ time: t('overview.series.time'), rate: t('overview.series.rate'), failed: t('overview.series.failed') }}
              ariaLabel={t('overview.chartLabel', { rate: percent(totals.rate), failed: totals.failed })}
            />
            <Title order={3} size="h5" mt="sm" mb="xs">
              {t('overview.latencyChartTitle')}
            </Title>
            <LatencyChart
              series={figures.series}
              labels={{ time: t('overview.series.time'), p50: t('overview.series.p50'), p95: t('overview.series.p95') }}
              ariaLabel={t('overview.latencyChartLabel', { p50: formatDuration(latency.p50) || '—', p95: formatDuration(latency.p95) || '—' })}
            />
            <SeriesTable series={figures.series} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SimpleGrid cols={2} spacing="xs" data-testid="overview-stats">
            <Stat label={t('overview.stats.rate')} value={percent(totals.rate)} testId="overview-stat-rate" {...(totals.rate !== null ? { tone: totals.rate < 0.95 ? ('bad' as const) : ('good' as const) } : {})} />
            <Stat label={t('overview.stats.attempts')} value={String(totals.attempts)} testId="overview-stat-attempts" />
            <Stat label={t('overview.stats.failed')} value={String(totals.failed)} testId="overview-stat-failed" {...(totals.failed > 0 ? { tone: 'bad' as const } : {})} />
            <Stat label={t('overview.stats.pending')} value={String(totals.pending)} testId="overview-stat-pending" />
            <Stat label={t('overview.stats.p50')} value={formatDuration(latency.p50)} testId="overview-stat-p50" />
            <Stat label={t('overview.stats.p95')} value={formatDuration(latency.p95)} testId="overview-stat-p95" />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            {latency.samples > 0 ? t('overview.latencyNote', { count: latency.samples }) : t('overview.noLatency')}
          </Text>
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <FailureBreakdown title={t('overview.byDriver')} rows={rows(figures.failuresByDriver, driverNames)} testId="overview-by-driver" totalFailures={totals.failed} />
        <FailureBreakdown
          title={t('overview.byInstallation')}
          rows={rows(figures.failuresByInstallation, installationNames)}
          testId="overview-by-installation"
          totalFailures={totals.failed}
        />
        <FailureBreakdown title={t('overview.byCode')} rows={rows(figures.failuresByCode)} testId="overview-by-code" totalFailures={totals.failed} countOnly />
        <FailureBreakdown
          title={t('overview.topEndpoints')}
          rows={figures.topFailingEndpoints.map((e) => ({ key: e.endpointId ?? e.url, label: e.url || (e.endpointId ?? unknown), failures: e.failures, attempts: e.attempts }))}
          testId="overview-top-endpoints"
          totalFailures={totals.failed}
        />
      </SimpleGrid>
    </Stack>
  );
}

function SummaryBody({ search }: { search: OverviewSearch }) {
  const { t } = useTranslation();
  const window = windowFor(search);
  const summary = useOverviewSummary(search);
  const progress = useOverviewProgress();
  if (!window.ok) return <Alert color="yellow" data-testid="overview-invalid-window">{t(`overview.invalid.${window.reason}`)}</Alert>;
  if (summary.error) {
    return (
      <Stack gap="xs" align="start">
        <ErrorAlert error={summary.error} testId="overview-error" />
        <Button size="xs" variant="default" onClick={() => void summary.refetch()} data-testid="overview-retry">
          {t('overview.retry')}
        </Button>
      </Stack>
    );
  }
  if (summary.isPending) {
    return (
      <Group gap="xs" data-testid="overview-loading" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('overview.loading')}</Text>
        {progress && progress.bucketsTotal > 0 && (
          <Text size="sm" c="dimmed" data-testid="overview-progress">
            {t('overview.progress', { done: progress.bucketsDone, total: progress.bucketsTotal, count: progress.attemptsRead })}
          </Text>
        )}
      </Group>
    );
  }
  const data = summary.data;
  if (!data.supported) return <Alert color="gray" data-testid="overview-unsupported">{t('overview.unsupported')}</Alert>;
  if (data.figures.totals.attempts === 0) return <Alert color="gray" data-testid="overview-empty">{t('overview.empty')}</Alert>;
  return <Figures summary={data} figures={data.figures} />;
}

export function OverviewScreen() {
  const { t } = useTranslation();
  const search = overviewRoute.useSearch();
  const navigate = useNavigate({ from: '/overview' });
  const range: OverviewRange = search.range ?? '24h';
  const setRange = (next: OverviewRange) => {
    if (next !== 'custom') return void navigate({ search: { range: next } });
    // Custom starts from the window on screen, so the operator edits it rather than typing both ends.
    const current = windowFor(search);
    const from = search.from ?? (current.ok ? current.from : undefined);
    const to = search.to ?? (current.ok ? current.to : undefined);
    return void navigate({ search: { range: next, from, to } });
  };
  return (
    <Stack gap="sm" data-testid="overview-screen">
      <Group justify="space-between" align="end">
        <Title order={2}>{t('overview.title')}</Title>
        <Group gap="sm" align="end">
          <ChoiceChips
            value={range}
            onChange={setRange}
            options={overviewRanges.map((r) => ({ value: r, label: t(`overview.range.${r}`) }))}
            label={t('overview.range.label')}
            testId="overview-range"
          />
          {range === 'custom' && (
            <CustomRange key={`${search.from ?? ''}|${search.to ?? ''}`} search={search} onApply={(from, to) => void navigate({ search: { range: 'custom', from, to } })} />
          )}
        </Group>
      </Group>
      <SummaryBody search={search} />
      <LastEventsStrip />
    </Stack>
  );
}
