// Create or edit a profile. Validation runs as the operator types (same rules as main), and a
// refusal from main (e.g. invalid_input with field paths) is shown under the form. A new profile,
// or a changed base URL, is detected on save (profile-save.ts): the form says where the API was
// found, or offers to keep the typed URL when nothing answered like the API.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/ipc/channels/profiles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DetectionNotFound, foundKey } from './DetectionNotice';
import type { ProfileFormValues } from './profile-form';
import { ProfileFields, useProfileForm } from './ProfileFields';
import { useSaveProfile } from './profile-save';

export function ProfileFormModal({ profile, opened, onClose }: { profile: Profile | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProfile(profile);
  const form = useProfileForm(profile, () => save.reset());
  const submit = (values: ProfileFormValues, keepTypedUrl = false) =>
    save.mutate(
      { values, keepTypedUrl },
      {
        onSuccess: (result) => {
          if (result.kind !== 'saved') return;
          const found = result.detection?.baseUrl;
          const message = t(profile ? 'settings.profiles.updated' : 'settings.profiles.created', { name: result.profile.name });
          notifications.show({ color: 'green', message: found ? `${message} ${t(`onboarding.detect.${foundKey(found)}`, { baseUrl: found })}` : message });
          onClose();
        },
      },
    );
  const notFound = save.data?.kind === 'not_found' ? save.data : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(profile ? 'settings.profileForm.editTitle' : 'settings.profileForm.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => submit(values))} noValidate data-testid="profile-form">
        <Stack gap="sm">
          <ProfileFields form={form} />
          {notFound && <DetectionNotFound detection={notFound.detection} typedUrl={notFound.typedUrl} keeping={save.isPending} onKeep={() => submit(form.getValues(), true)} />}
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
