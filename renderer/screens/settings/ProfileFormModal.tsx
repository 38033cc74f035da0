// Create or edit a profile. Validation runs as the operator types (same rules as main), and a
// refusal from main (e.g. invalid_input with field paths) is shown under the form.
import { Button, Checkbox, ColorInput, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileEnvironment } from '../../../shared/ipc/channels/profiles';
import { call } from '../../bridge/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRefreshProfiles } from '../../session/session-queries';
import { baseUrlErrorKey, colorErrorKey, emptyProfileForm, maxResponseMbErrorKey, nameErrorKey, profileColors, profileToForm } from './profile-form';
import type { ProfileFormValues } from './profile-form';

const environments: ProfileEnvironment[] = ['production', 'staging', 'sandbox', 'other'];

export function ProfileFormModal({ profile, opened, onClose }: { profile: Profile | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refreshProfiles = useRefreshProfiles();
  const errorText = (key: string | null) => (key ? t(`settings.profileForm.errors.${key}`) : null);
  const form = useForm<ProfileFormValues>({
    mode: 'controlled',
    initialValues: profile ? profileToForm(profile) : emptyProfileForm(),
    validateInputOnBlur: true,
    validate: {
      name: (value) => errorText(nameErrorKey(value)),
      baseUrl: (value) => errorText(baseUrlErrorKey(value)),
      color: (value) => errorText(colorErrorKey(value)),
      maxResponseMb: (value) => errorText(maxResponseMbErrorKey(value)),
    },
  });
  const save = useMutation({
    meta: { silentError: true },
    mutationFn: (values: ProfileFormValues) => {
      const body = { ...values, name: values.name.trim(), baseUrl: values.baseUrl.trim(), maxResponseMb: Number(values.maxResponseMb) };
      return profile ? call('profiles:update', { id: profile.id, ...body }) : call('profiles:create', body);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(profile ? 'settings.profiles.updated' : 'settings.profiles.created', { name: saved.name }) });
      await refreshProfiles();
      onClose();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t(profile ? 'settings.profileForm.editTitle' : 'settings.profileForm.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="profile-form">
        <Stack gap="sm">
          <TextInput label={t('settings.profileForm.name')} placeholder={t('settings.profileForm.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('settings.profileForm.baseUrl')}
            description={t('settings.profileForm.baseUrlHint')}
            required
            spellCheck={false}
            {...form.getInputProps('baseUrl')}
          />
          <Group grow align="flex-start">
            <ColorInput label={t('settings.profileForm.color')} format="hex" swatches={profileColors} withEyeDropper={false} {...form.getInputProps('color')} />
            <Select
              label={t('settings.profileForm.environment')}
              allowDeselect={false}
              data={environments.map((value) => ({ value, label: t(`environment.${value}`) }))}
              {...form.getInputProps('environment')}
            />
          </Group>
          <NumberInput
            label={t('settings.profileForm.maxResponseMb')}
            description={t('settings.profileForm.maxResponseMbHint')}
            min={1}
            max={200}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            // Not clamped silently: an out-of-range number gets the same message main would give.
            clampBehavior="none"
            suffix=" MB"
            data-testid="profile-max-response-mb"
            {...form.getInputProps('maxResponseMb')}
          />
          <Checkbox label={t('settings.profileForm.readOnly')} {...form.getInputProps('readOnly', { type: 'checkbox' })} />
          <ErrorAlert error={save.error} testId="profile-form-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.profileForm.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('settings.profileForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
