// One failure breakdown (by driver, installation, response code or endpoint): a bar per group, scaled
// to the largest, with the numbers beside it ("12 of 40 attempts"). Main sends the top groups only;
// every failure belongs to exactly one group, so what the shown groups do not account for is said
// in one line under them, and the card always adds up to the window's failures.
import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface BreakdownRow {
  key: string;
  label: string;
  failures: number;
  attempts: number;
}

/** Failures in groups main left out of the top list (never negative). */
function failuresNotShown(rows: readonly BreakdownRow[], totalFailures: number): number {
  return Math.max(0, totalFailures - rows.reduce((sum, row) => sum + row.failures, 0));
}

/**
 * `countOnly`: the groups are failures themselves (response codes), so "n of n" would say nothing.
 * `totalFailures`: the window's failed attempts (totals.failed).
 */
export function FailureBreakdown({
  title,
  rows,
  testId,
  totalFailures,
  countOnly = false,
}: {
  title: string;
  rows: BreakdownRow[];
  testId: string;
  totalFailures: number;
  countOnly?: boolean;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.failures));
  const rest = failuresNotShown(rows, totalFailures);
  return (
    <Card withBorder padding="sm" data-testid={testId} component="section" aria-label={title}>
      <Title order={4} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
          {t('overview.noFailures')}
        </Text>
      ) : (
        <Stack gap={6}>
          {rows.map((row) => (
            <div key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" ff="monospace" truncate="end" title={row.label} maw="65%">
                  {row.label}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {countOnly ? t('overview.failedCount', { failures: row.failures }) : t('overview.failuresOf', { failures: row.failures, attempts: row.attempts })}
                </Text>
              </Group>
              <Progress value={(row.failures / max) * 100} color="red" size="sm" aria-hidden />
            </div>
          ))}
          {rest > 0 && (
            <Text size="xs" c="dimmed" data-testid={`${testId}-rest`} data-failures={rest}>
              {t('overview.otherFailures', { count: rest })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
