// The retry policy editor: live validation, the schedule preview (the formula the dispatcher
// uses), and a confirmed save — changing it affects every endpoint of the account.
import { Card, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openConfirm } from '../../components/confirm/ConfirmDialog';
import { newActionId } from '../../queries/action-id';
import { useWriteAccess, WriteButton } from '../../components/confirm/WriteGuard';
import { RetryPreview } from '../../components/retry-preview/RetryPreview';
import { formatDuration } from '../../components/time/format-time';
import { errorMessage } from '../../errors/error-message';
import { usePutRetryPolicy, useRetryPolicy } from '../../queries';
import { retrySchedule } from '../../../shared/retry-schedule';
import { retryOnValues, retryStrategies, type RetryPolicy } from '../../../shared/api/webhooks';
import { buildRetryPolicyBody, previewTiming, retryPolicyFormFrom, validateRetryPolicy, type RetryPolicyFormValues } from './retry-policy-form';

function RetryPolicyForm({ policy }: { policy: RetryPolicy }) {
  const { t } = useTranslation();
  const access = useWriteAccess();
  const put = usePutRetryPolicy();
  const [values, setValues] = useState<RetryPolicyFormValues>(() => retryPolicyFormFrom(policy));
  const errors = validateRetryPolicy(values);
  const timing = previewTiming(values);
  const set = (patch: Partial<RetryPolicyFormValues>) => setValues({ ...values, ...patch });
  const err = (key: keyof RetryPolicyFormValues) => (errors[key] ? t(errors[key].key) : undefined);

  const save = async () => {
    if (!access.profile || Object.keys(errors).length > 0 || !timing) return;
    const schedule = retrySchedule(timing);
    const ok = await openConfirm({
      profile: access.profile,
      title: t('webhooks.retry.saveTitle'),
      impact: t('webhooks.retry.saveImpact', { count: schedule.attempts.length, span: formatDuration(schedule.totalSeconds * 1000) }),
      confirmLabel: t('webhooks.retry.save'),
    });
    if (!ok) return;
    put.mutate(
      { actionId: newActionId(), body: buildRetryPolicyBody(values) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('webhooks.retry.saved') }), onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }) },
    );
  };

  return (
    <Stack gap="sm" component="form" {...{ noValidate: true }} onSubmit={(event) => { event.preventDefault(); void save(); }} data-testid="retry-policy-form">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput label={t('webhooks.retry.maxAttempts')} value={values.maxAttempts} onChange={(e) => set({ maxAttempts: e.currentTarget.value })} error={err('maxAttempts')} data-testid="retry-max-attempts" />
        <Select
          label={t('webhooks.retry.strategy')}
          data={retryStrategies.map((value) => ({ value, label: t(`webhooks.retry.strategies.${value}`) }))}
          value={values.strategy}
          onChange={(value) => set({ strategy: value ?? '' })}
          error={err('strategy')}
          allowDeselect={false}
          data-testid="retry-strategy"
        />
        <TextInput label={t('webhooks.retry.initialDelay')} value={values.initialDelaySeconds} onChange={(e) => set({ initialDelaySeconds: e.currentTarget.value })} error={err('initialDelaySeconds')} data-testid="retry-initial-delay" />
        <TextInput label={t('webhooks.retry.maxDelay')} value={values.maxDelaySeconds} onChange={(e) => set({ maxDelaySeconds: e.currentTarget.value })} error={err('maxDelaySeconds')} data-testid="retry-max-delay" />
        <TextInput
          label={t('webhooks.retry.disableAfter')}
          description={t('webhooks.retry.disableAfterHint')}
          value={values.disableAfterFailures}
          onChange={(e) => set({ disableAfterFailures: e.currentTarget.value })}
          error={err('disableAfterFailures')}
          data-testid="retry-disable-after"
        />
      </SimpleGrid>
      <Checkbox.Group label={t('webhooks.retry.retryOn')} value={values.retryOn} onChange={(retryOn) => set({ retryOn })}>
        <Group mt={4}>
          {retryOnValues.map((value) => (
            <Checkbox key={value} value={value} label={t(`webhooks.retry.on.${value}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {timing ? <RetryPreview policy={timing} /> : <Text size="sm" c="dimmed">{t('webhooks.retry.previewWaiting')}</Text>}
      <ErrorAlert error={put.error} />
      <Group justify="flex-end">
        <WriteButton type="submit" disabled={Object.keys(errors).length > 0} loading={put.isPending} data-testid="retry-save">
          {t('webhooks.retry.save')}
        </WriteButton>
      </Group>
    </Stack>
  );
}

export function RetryPolicyCard() {
  const { t } = useTranslation();
  const policy = useRetryPolicy();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="retry-title" data-testid="retry-policy-card">
      <Title order={2} size="h3" id="retry-title" mb="sm">
        {t('webhooks.retry.title')}
      </Title>
      {policy.isPending && <Loader aria-label={t('shell.loading')} />}
      <ErrorAlert error={policy.error} testId="retry-policy-error" onRetry={() => void policy.refetch()} />
      {/* Keyed by the server's policy so a save or refetch resets the form to what is stored. */}
      {policy.data && <RetryPolicyForm key={JSON.stringify(policy.data)} policy={policy.data} />}
    </Card>
  );
}
