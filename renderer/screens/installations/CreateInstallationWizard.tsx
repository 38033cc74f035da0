// Create an installation: pick an enabled driver (or enable one from here), fill the form generated
// from its available_settings, then — for OAuth drivers — open the approval page and follow the
// installation until it is active. API-key drivers are active at once, or show the server's error
// on the key field.
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newActionId } from '../../queries/action-id';
import { WriteButton, WriteGuarded } from '../../components/confirm/WriteGuard';
import { MetaEditor } from '../../components/settings-form/MetaEditor';
import { SettingsForm } from '../../components/settings-form/SettingsForm';
import type { Driver } from '../../../shared/api/drivers';
import type { Installation } from '../../../shared/api/installations';
import {
  buildCreateSettings,
  buildSettingsForm,
  initialFormState,
  metaObjectFromRows,
  validateSettings,
  type MetaRow,
  type SettingsFormState,
} from '../../../shared/settings-form';
import { useDriverToggleAction } from '../../components/driver-toggle/use-driver-toggle';
import { useDrivers } from '../../queries/drivers';
import { submitErrorsFrom, type SubmitErrors } from './installation-submit';
import { OtherFieldErrors } from './OtherFieldErrors';
import { useCreateInstallation, useInvalidateInstallations } from '../../queries/installations';
import { OAuthFollow } from './OAuthFollow';

const noErrors: SubmitErrors = { settings: {}, name: null, other: {}, general: null };

function DriverStep({ drivers, selectedId, onSelect }: { drivers: Driver[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const toggle = useDriverToggleAction();
  const enabled = drivers.filter((d) => d.enabled);
  const disabled = drivers.filter((d) => !d.enabled);
  return (
    <Stack gap="sm" data-testid="wizard-driver-step">
      <Radio.Group label={t('installations.wizard.pickDriver')} value={selectedId} onChange={onSelect}>
        <Stack gap={6} mt="xs">
          {enabled.length === 0 && <Text size="sm">{t('installations.wizard.noEnabledDrivers')}</Text>}
          {enabled.map((driver) => (
            <Radio key={driver.id} value={driver.id} label={`${driver.name} (${driver.slug})`} description={driver.auth_method ?? undefined} data-testid={`wizard-driver-${driver.slug}`} />
          ))}
        </Stack>
      </Radio.Group>
      {disabled.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('installations.wizard.disabledDrivers')}
          </Text>
          {disabled.map((driver) => (
            <Group key={driver.id} gap="xs">
              <Text size="sm">{driver.name}</Text>
              <WriteGuarded>
                {(blocked) => (
                  <Button size="compact-xs" variant="light" disabled={blocked || toggle.pending} onClick={() => void toggle.run(driver)} data-testid={`wizard-enable-${driver.slug}`}>
                    {t('installations.wizard.enableDriver')}
                  </Button>
                )}
              </WriteGuarded>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function CreateInstallationWizard({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const drivers = useDrivers({ sort: 'name', limit: 100 });
  const invalidate = useInvalidateInstallations();
  const [step, setStep] = useState(0);
  const [driverId, setDriverId] = useState<string | null>(null);
  const driver = drivers.data?.items.find((d) => d.id === driverId) ?? null;
  const model = useMemo(() => buildSettingsForm(driver?.available_settings ?? {}), [driver]);
  const [name, setName] = useState('');
  const [form, setForm] = useState<SettingsFormState>(() => initialFormState(model));
  const [meta, setMeta] = useState<MetaRow[]>([]);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [errors, setErrors] = useState<SubmitErrors>(noErrors);
  const [created, setCreated] = useState<Installation | null>(null);

  const create = useCreateInstallation();

  const reset = () => {
    setStep(0);
    setDriverId(null);
    setName('');
    setMeta([]);
    setShowAllErrors(false);
    setErrors(noErrors);
    setCreated(null);
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const chooseDriver = (id: string) => {
    setDriverId(id);
    const next = drivers.data?.items.find((d) => d.id === id);
    setForm(initialFormState(buildSettingsForm(next?.available_settings ?? {})));
    setErrors(noErrors);
  };

  const onFormChange = (next: SettingsFormState) => {
    // A server error on a field goes away as soon as the operator edits that field.
    const changed = [...next.touched].filter((key) => next.values[key] !== form.values[key]);
    if (changed.some((key) => errors.settings[key])) {
      const settings = { ...errors.settings };
      for (const key of changed) delete settings[key];
      setErrors({ ...errors, settings });
    }
    setForm(next);
  };

  const submit = async () => {
    if (!driver) return;
    setShowAllErrors(true);
    const clientErrors = validateSettings(model, form);
    const metaResult = metaObjectFromRows(meta);
    if (name.trim() === '' || Object.keys(clientErrors).length > 0 || Object.keys(metaResult.errors).length > 0) return;
    setErrors(noErrors);
    try {
      const installation = await create.mutateAsync({
        actionId: newActionId(),
        body: {
          // The provisioning page's example passes the driver's slug, and the contract takes an id or
          // a slug (docs/api-contract.md §5): the slug is understood by both.
          driver_id: driver.slug,
          name: name.trim(),
          settings: buildCreateSettings(model, form),
          ...(Object.keys(metaResult.meta).length > 0 ? { meta: metaResult.meta } : {}),
        },
      });
      setCreated(installation);
      setStep(2);
    } catch (error) {
      setErrors(submitErrorsFrom(model, error));
    }
  };

  const nameError = errors.name?.join(' ') ?? (showAllErrors && name.trim() === '' ? t('installations.settingsForm.errors.required') : undefined);
  const needsOAuth = created && (created.status === 'pending_auth' || (created.method === 'oauth' && created.status !== 'active'));

  return (
    <Modal opened={opened} onClose={close} title={t('installations.wizard.title')} size="xl" data-testid="create-installation-modal">
      <Stepper active={step} size="sm" mb="md">
        <Stepper.Step label={t('installations.wizard.stepDriver')} />
        <Stepper.Step label={t('installations.wizard.stepSettings')} />
        <Stepper.Step label={t('installations.wizard.stepConnect')} />
      </Stepper>
      {step === 0 && (
        <Stack>
          {drivers.isPending && <Loader aria-label={t('shell.loading')} />}
          <ErrorAlert error={drivers.error} />
          {drivers.data && <DriverStep drivers={drivers.data.items} selectedId={driverId} onSelect={chooseDriver} />}
          <Group justify="flex-end">
            <Button disabled={!driver || !driver.enabled} onClick={() => setStep(1)} data-testid="wizard-next">
              {t('installations.wizard.next')}
            </Button>
          </Group>
        </Stack>
      )}
      {/* noValidate on the forms: the form model validates with its own pt-BR/en messages; the browser's bubbles would block that. */}
      {step === 1 && driver && (
        <Stack component="form" {...{ noValidate: true }} onSubmit={(event) => { event.preventDefault(); void submit(); }} data-testid="wizard-settings-step" data-driver={driver.slug}>
          <TextInput
            label={t('installations.fields.name')}
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              if (errors.name) setErrors({ ...errors, name: null });
            }}
            error={nameError}
            data-testid="installation-name"
          />
          <SettingsForm model={model} state={form} onChange={onFormChange} showAllErrors={showAllErrors} serverErrors={errors.settings} mode="create" />
          <MetaEditor rows={meta} onChange={setMeta} />
          <OtherFieldErrors errors={errors.other} testId="wizard-other-errors" />
          <ErrorAlert error={errors.general} testId="wizard-error" />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('installations.wizard.back')}
            </Button>
            <WriteButton type="submit" loading={create.isPending} data-testid="wizard-create">
              {t('installations.wizard.create')}
            </WriteButton>
          </Group>
        </Stack>
      )}
      {step === 2 && created && (
        <Stack data-testid="wizard-result" data-installation-id={created.id}>
          {needsOAuth ? (
            <OAuthFollow installation={created} onActive={() => void invalidate()} />
          ) : (
            <Alert color={created.status === 'active' ? 'teal' : 'yellow'} data-testid="wizard-created">
              {t('installations.wizard.created', { name: created.name ?? created.id, status: created.status ?? '' })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={close} data-testid="wizard-done">
              {t('installations.wizard.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
