// The profile form's fields over a @mantine/form form (validation in profile-form.ts). The
// onboarding shows the essentials (name, environment, URL); the Settings form shows them all.
import { Checkbox, ColorInput, Group, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ProfileEnvironment } from '../../../shared/ipc/channels/profiles';
import { baseUrlErrorKey, colorErrorKey, nameErrorKey, profileColors } from './profile-form';
import type { ProfileFormValues } from './profile-form';

export const environments: ProfileEnvironment[] = ['production', 'staging', 'sandbox', 'other'];

/** @mantine/form `validate` rules, with messages from the catalogue. */
export function profileFormRules(t: (key: string) => string) {
  const errorText = (key: string | null) => (key ? t(`settings.profileForm.errors.${key}`) : null);
  return {
    name: (value: string) => errorText(nameErrorKey(value)),
    baseUrl: (value: string) => errorText(baseUrlErrorKey(value)),
    color: (value: string) => errorText(colorErrorKey(value)),
  };
}

export function ProfileFields({ form, essentialsOnly = false, baseUrlHint }: { form: UseFormReturnType<ProfileFormValues>; essentialsOnly?: boolean; baseUrlHint?: string }) {
  const { t } = useTranslation();
  const environment = (
    <Select
      label={t('settings.profileForm.environment')}
      allowDeselect={false}
      data={environments.map((value) => ({ value, label: t(`environment.${value}`) }))}
      {...form.getInputProps('environment')}
    />
  );
  return (
    <>
      <TextInput label={t('settings.profileForm.name')} placeholder={t('settings.profileForm.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
      {essentialsOnly && environment}
      <TextInput label={t('settings.profileForm.baseUrl')} description={baseUrlHint ?? t('settings.profileForm.baseUrlHint')} required spellCheck={false} {...form.getInputProps('baseUrl')} />
      {!essentialsOnly && (
        <>
          <Group grow align="flex-start">
            <ColorInput label={t('settings.profileForm.color')} format="hex" swatches={profileColors} withEyeDropper={false} {...form.getInputProps('color')} />
            {environment}
          </Group>
          <Checkbox label={t('settings.profileForm.readOnly')} {...form.getInputProps('readOnly', { type: 'checkbox' })} />
        </>
      )}
    </>
  );
}
