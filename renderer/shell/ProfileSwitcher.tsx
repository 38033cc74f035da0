// Switch the active profile from anywhere. Switching drops all API data of the previous profile
// (see forgetApiData) so no screen can show one account's data under another's name.
import { Button, ColorSwatch, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CheckIcon, ChevronDownIcon, LockIcon } from '../components/icons';
import { useActivateProfile, useProfiles } from '../session/session-queries';

export function ProfileSwitcher() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useProfiles();
  const activate = useActivateProfile();
  const profiles = data?.profiles ?? [];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" rightSection={<ChevronDownIcon />} data-testid="profile-switcher">
          {t('shell.switchProfile')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {profiles.map((profile) => (
          <Menu.Item
            key={profile.id}
            data-testid={`switch-to-${profile.id}`}
            leftSection={<ColorSwatch color={profile.color} size={12} aria-hidden />}
            rightSection={profile.id === data?.activeId ? <CheckIcon /> : profile.readOnly ? <LockIcon /> : null}
            onClick={() =>
              activate.mutate(profile.id, {
                onSuccess: (p) => notifications.show({ message: t('settings.profiles.activated', { name: p.name }) }),
              })
            }
          >
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{profile.name}</Text>
              <Text size="xs" c="dimmed">
                {profile.environment === 'production' ? t('environment.productionBadge') : t(`environment.${profile.environment}`)}
              </Text>
            </Group>
          </Menu.Item>
        ))}
        {profiles.length > 0 && <Menu.Divider />}
        <Menu.Item onClick={() => void navigate({ to: '/settings' })}>{t('shell.manageProfiles')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
