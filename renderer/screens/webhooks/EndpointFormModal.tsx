// Create or edit a delivery endpoint: URL (https, or loopback http for the sandbox), description,
// subscribed events (drivers' supported_events plus `*`), custom headers with write-only values,
// timeout. Rules and bodies come from endpoint-form.ts; server 422 messages land on their fields.
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from '../../bridge/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newActionId } from '../../queries/action-id';
import { WriteButton } from '../../components/confirm/WriteGuard';
import { useCreateWebhookEndpoint, useDrivers, useUpdateWebhookEndpoint } from '../../queries';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../../shared/api/webhooks';
import {
  buildCreateEndpointBody,
  buildPatchEndpointBody,
  emptyEndpointForm,
  endpointFormFrom,
  eventChoices,
  hasEndpointErrors,
  keepsStoredValue,
  validateEndpointForm,
  type EndpointFormValues,
} from './endpoint-form';

interface Props {
  /** null: create. */
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onCreated: (endpoint: WebhookEndpointWithSecret) => void;
}

export function EndpointFormModal({ endpoint, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const drivers = useDrivers({ limit: 100 });
  const initial = endpoint ? endpointFormFrom(endpoint) : null;
  const [values, setValues] = useState<EndpointFormValues>(initial ?? emptyEndpointForm());
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string[]>>({});
  const create = useCreateWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const errors = validateEndpointForm(values, initial);
  const show = (message: { key: string; params?: Record<string, string | number> } | undefined) => (submitted && message ? t(message.key, message.params ?? {}) : undefined);
  const serverError = (key: string) => serverFields[key]?.join(' ');
  const set = (patch: Partial<EndpointFormValues>) => setValues({ ...values, ...patch });
  const choices = eventChoices(drivers.data?.items ?? []);
  const failure = create.error ?? update.error;

  const save = async () => {
    setSubmitted(true);
    if (hasEndpointErrors(errors)) return;
    setServerFields({});
    try {
      if (endpoint && initial) {
        const body = buildPatchEndpointBody(initial, values);
        if (Object.keys(body).length > 0) await update.mutateAsync({ id: endpoint.id, actionId: newActionId(), body });
        onClose();
      } else {
        const created = await create.mutateAsync({ actionId: newActionId(), body: buildCreateEndpointBody(values) });
        onCreated(created);
      }
    } catch (error) {
      if (error instanceof IpcCallError && error.fields) setServerFields(error.fields);
    }
  };

  return (
    <Modal opened onClose={onClose} title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')} size="lg">
      <Stack component="form" {...{ noValidate: true }} onSubmit={(event) => { event.preventDefault(); void save(); }} data-testid="endpoint-form">
        <TextInput
          label={t('webhooks.form.url')}
          description={t('webhooks.form.urlHint')}
          required
          value={values.url}
          onChange={(event) => set({ url: event.currentTarget.value })}
          error={show(errors.url) ?? serverError('url')}
          data-testid="endpoint-url"
        />
        <TextInput label={t('webhooks.form.description')} value={values.description} onChange={(event) => set({ description: event.currentTarget.value })} data-testid="endpoint-description" />
        <MultiSelect
          label={t('webhooks.form.events')}
          description={t('webhooks.form.eventsHint')}
          data={choices.map((value) => ({ value, label: value === '*' ? t('webhooks.form.allEvents') : value }))}
          value={values.events}
          onChange={(events) => set({ events })}
          searchable
          error={show(errors.events) ?? serverError('events')}
          data-testid="endpoint-events"
        />
        <TextInput
          label={t('webhooks.form.timeout')}
          value={values.timeoutSeconds}
          onChange={(event) => set({ timeoutSeconds: event.currentTarget.value })}
          error={show(errors.timeoutSeconds) ?? serverError('timeout_seconds')}
          inputMode="numeric"
          data-testid="endpoint-timeout"
        />
        <Switch label={t('webhooks.form.enabled')} checked={values.enabled} onChange={(event) => set({ enabled: event.currentTarget.checked })} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('webhooks.form.headers')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('webhooks.form.headersHint')}
          </Text>
          {values.headers.map((row, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid={`endpoint-header-${index}`}>
              <TextInput
                aria-label={t('webhooks.form.headerName')}
                placeholder={t('webhooks.form.headerName')}
                value={row.name}
                onChange={(event) => set({ headers: values.headers.map((r, i) => (i === index ? { ...r, name: event.currentTarget.value } : r)) })}
                error={show(errors.headers?.[index])}
              />
              <TextInput
                aria-label={t('webhooks.form.headerValue')}
                type="password"
                autoComplete="off"
                placeholder={keepsStoredValue(initial, row) ? t('webhooks.form.headerStored') : t('webhooks.form.headerValue')}
                value={row.value}
                style={{ flex: 1 }}
                onChange={(event) => set({ headers: values.headers.map((r, i) => (i === index ? { ...r, value: event.currentTarget.value } : r)) })}
              />
              <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('webhooks.form.removeHeader')} onClick={() => set({ headers: values.headers.filter((_, i) => i !== index) })}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" onClick={() => set({ headers: [...values.headers, { name: '', value: '', stored: false }] })} data-testid="endpoint-add-header">
              {t('webhooks.form.addHeader')}
            </Button>
          </Group>
          {serverError('headers') && <Alert color="red">{serverError('headers')}</Alert>}
        </Stack>
        {!(failure instanceof IpcCallError && failure.fields) && <ErrorAlert error={failure} testId="endpoint-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('confirm.cancel')}
          </Button>
          <WriteButton type="submit" loading={create.isPending || update.isPending} data-testid="endpoint-save">
            {endpoint ? t('webhooks.form.save') : t('webhooks.form.create')}
          </WriteButton>
        </Group>
      </Stack>
    </Modal>
  );
}
