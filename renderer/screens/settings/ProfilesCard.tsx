// The profiles list: activate, edit, remove, create. Selecting a row (search param `profile`)
// shows that profile's token and connection cards below.
import { Badge, Button, Card, ColorSwatch, Group, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import { LockIcon } from '../../components/icons';
import { EnvironmentBadge } from '../../shell/ProfileIndicator';
import { useActivateProfile, useRemoveProfile } from '../../session/session-queries';
import { ProfileFormModal } from './ProfileFormModal';

interface Props {
  profiles: ProfileWithToken[];
  activeId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function ProfilesCard({ profiles, activeId, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const activate = useActivateProfile();
  // `undefined`: closed; `null`: creating; a profile: editing it.
  const [editing, setEditing] = useState<Profile | null | undefined>(undefined);
  const remove = useRemoveProfile(() => notifications.show({ message: t('settings.profiles.removed') }));

  const confirmRemove = (profile: Profile) =>
    modals.openConfirmModal({
      title: t('settings.profiles.removeTitle', { name: profile.name }),
      children: <Text size="sm">{t('settings.profiles.removeBody')}</Text>,
      labels: { confirm: t('settings.profiles.removeConfirm'), cancel: t('settings.profiles.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove-profile' } as Record<string, unknown>,
      onConfirm: () => remove.mutate(profile.id),
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profiles-title" data-testid="profiles-card">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="profiles-title">
          {t('settings.profiles.title')}
        </Title>
        <Button onClick={() => setEditing(null)} data-testid="add-profile">
          {t('settings.profiles.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.profiles.description')}
      </Text>
      {profiles.length === 0 ? (
        <Text data-testid="profiles-empty">{t('settings.profiles.empty')}</Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Tbody>
            {profiles.map((profile) => (
              <Table.Tr key={profile.id} data-testid={`profile-row-${profile.id}`} data-selected={profile.id === selectedId} bg={profile.id === selectedId ? 'var(--mantine-color-default-hover)' : undefined}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={profile.color} size={14} aria-hidden />
                    <Button variant="subtle" size="compact-sm" onClick={() => onSelect(profile.id)} aria-pressed={profile.id === selectedId} data-testid={`select-profile-${profile.id}`}>
                      {profile.name}
                    </Button>
                    {profile.readOnly && <LockIcon aria-label={t('shell.readOnly')} role="img" aria-hidden={false} />}
                  </Group>
                  <Text size="xs" c="dimmed" ml={22}>
                    {profile.baseUrl}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <EnvironmentBadge environment={profile.environment} />
                </Table.Td>
                <Table.Td>
                  {profile.token ? (
                    <Text size="sm">{t('settings.profiles.tokenLast4', { last4: profile.token.last4 })}</Text>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t('settings.profiles.tokenNone')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {profile.id === activeId ? (
                      <Badge variant="light" color="green" data-testid="active-marker">
                        {t('settings.profiles.active')}
                      </Badge>
                    ) : (
                      <Button size="xs" variant="light" loading={activate.isPending && activate.variables === profile.id} onClick={() => activate.mutate(profile.id)} data-testid={`activate-${profile.id}`}>
                        {t('settings.profiles.activate')}
                      </Button>
                    )}
                    <Button size="xs" variant="default" onClick={() => setEditing(profile)} data-testid={`edit-${profile.id}`}>
                      {t('settings.profiles.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(profile)} data-testid={`remove-${profile.id}`}>
                      {t('settings.profiles.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <ProfileFormModal key={editing?.id ?? 'new'} profile={editing} opened onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
