// The profile form's fields over a @mantine/form form (validation in profile-form.ts). The
// onboarding shows the essentials (name, environment, URL); the Settings form shows them all.
import { Checkbox, ColorInput, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileEnvironment } from '../../../shared/ipc/channels/profiles';
import { baseUrlErrorKey, colorErrorKey, emptyProfileForm, maxResponseMbErrorKey, nameErrorKey, profileColors, profileToForm } from './profile-form';
import type { ProfileFormValues } from './profile-form';

export const environments: ProfileEnvironment[] = ['production', 'staging', 'sandbox', 'other'];

/**
 * The form for `profile` (null: a new one), validated as the operator types with main's rules.
 * `onBaseUrlChange`: a new URL makes an earlier detection result stale.
 */
export function useProfileForm(profile: Profile | null, onBaseUrlChange: () => void) {
  const { t } = useTranslation();
  const errorText = (key: string | null) => (key ? t(`settings.profileForm.errors.${key}`) : null);
  return useForm<ProfileFormValues>({
    mode: 'controlled',
    initialValues: profile ? profileToForm(profile) : emptyProfileForm(),
    validateInputOnBlur: true,
    validate: {
      name: (value) => errorText(nameErrorKey(value)),
      baseUrl: (value) => errorText(baseUrlErrorKey(value)),
      color: (value) => errorText(colorErrorKey(value)),
      maxResponseMb: (value) => errorText(maxResponseMbErrorKey(value)),
    },
    onValuesChange: (values, previous) => {
      if (values.baseUrl !== previous.baseUrl) onBaseUrlChange();
    },
  });
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
        </>
      )}
    </>
  );
}
