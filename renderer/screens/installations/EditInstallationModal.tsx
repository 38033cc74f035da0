// Edit an installation: name, meta and settings, sent as a partial PATCH. Secrets start empty with
// "stored / not set"; an untouched (or emptied) secret is not sent, so it keeps its value.
import { Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newActionId } from '../../queries/action-id';
import { WriteButton } from '../../components/confirm/WriteGuard';
import { MetaEditor } from '../../components/settings-form/MetaEditor';
import { SettingsForm } from '../../components/settings-form/SettingsForm';
import type { Driver } from '../../../shared/api/drivers';
import type { Installation } from '../../../shared/api/installations';
import {
  buildPatchSettings,
  buildSettingsForm,
  initialFormState,
  metaObjectFromRows,
  metaRowsFromObject,
  validateSettings,
} from '../../../shared/settings-form';
import { submitErrorsFrom, type SubmitErrors } from './installation-submit';
import { OtherFieldErrors } from './OtherFieldErrors';
import { useUpdateInstallation } from '../../queries/installations';

const noErrors: SubmitErrors = { settings: {}, name: null, other: {}, general: null };

export function EditInstallationModal({ installation, driver, onClose }: { installation: Installation; driver: Driver | null; onClose: () => void }) {
  const { t } = useTranslation();
  const model = useMemo(() => buildSettingsForm(driver?.available_settings ?? {}), [driver]);
  const [name, setName] = useState(installation.name ?? '');
  const [form, setForm] = useState(() => initialFormState(model, installation.settings ?? {}));
  const initialMeta = useMemo(() => metaRowsFromObject(installation.meta), [installation.meta]);
  const [meta, setMeta] = useState(initialMeta);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [errors, setErrors] = useState<SubmitErrors>(noErrors);
  const update = useUpdateInstallation();

  const save = async () => {
    setShowAllErrors(true);
    const metaResult = metaObjectFromRows(meta);
    if (name.trim() === '' || Object.keys(validateSettings(model, form)).length > 0 || Object.keys(metaResult.errors).length > 0) return;
    const body: { name?: string; meta?: Record<string, unknown>; settings?: Record<string, unknown> } = {};
    if (name.trim() !== (installation.name ?? '')) body.name = name.trim();
    if (JSON.stringify(meta) !== JSON.stringify(initialMeta)) body.meta = metaResult.meta;
    const settings = buildPatchSettings(model, form);
    if (Object.keys(settings).length > 0) body.settings = settings;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setErrors(noErrors);
    try {
      // Settles once the lists have refetched (useUpdateInstallation), so the dialog closes onto current data.
      await update.mutateAsync({ id: installation.id, actionId: newActionId(), body });
      notifications.show({ color: 'teal', message: t('installations.edit.saved', { name: name.trim() }) });
      onClose();
    } catch (error) {
      setErrors(submitErrorsFrom(model, error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('installations.edit.title', { name: installation.name ?? installation.id })} size="xl">
      <Stack component="form" {...{ noValidate: true }} onSubmit={(event) => { event.preventDefault(); void save(); }} data-testid="edit-installation-form">
        <TextInput
          label={t('installations.fields.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name?.join(' ') ?? (showAllErrors && name.trim() === '' ? t('installations.settingsForm.errors.required') : undefined)}
          data-testid="installation-name"
        />
        <SettingsForm model={model} state={form} onChange={setForm} showAllErrors={showAllErrors} serverErrors={errors.settings} mode="edit" />
        <MetaEditor rows={meta} onChange={setMeta} />
        <OtherFieldErrors errors={errors.other} testId="edit-other-errors" />
        <ErrorAlert error={errors.general} testId="edit-error" />
        <Group justify="flex-end">
          <WriteButton type="submit" loading={update.isPending} data-testid="edit-save">
            {t('installations.edit.save')}
          </WriteButton>
        </Group>
      </Stack>
    </Modal>
  );
}
