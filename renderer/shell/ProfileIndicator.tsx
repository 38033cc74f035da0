// The active profile, always visible in the header: colour swatch, name, environment badge and a
// lock when the profile is read-only. Production gets a loud "PRODUÇÃO"/"PRODUCTION" badge (the
// header itself also turns red, see shell.css).
import { Badge, ColorSwatch, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileWithToken } from '../../shared/ipc/channels/profiles';
import { LockIcon } from '../components/icons';

export function EnvironmentBadge({ environment, inHeader = false }: { environment: ProfileWithToken['environment']; inHeader?: boolean }) {
  const { t } = useTranslation();
  if (environment === 'production') {
    return (
      <Badge color="red.9" variant="filled" size="lg" radius="sm" data-testid={inHeader ? 'production-badge' : 'environment-badge'} className="production-badge">
        {t('environment.productionBadge')}
      </Badge>
    );
  }
  const color = environment === 'staging' ? 'grape' : environment === 'sandbox' ? 'cyan' : 'gray';
  return (
    <Badge color={color} variant="light" data-testid="environment-badge">
      {t(`environment.${environment}`)}
    </Badge>
  );
}

export function ProfileIndicator({ profile }: { profile: ProfileWithToken | null }) {
  const { t } = useTranslation();
  if (!profile) {
    return (
      <Text size="sm" data-testid="active-profile" data-profile-id="">
        {t('shell.noProfile')}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" data-testid="active-profile" data-profile-id={profile.id} data-environment={profile.environment}>
      <ColorSwatch color={profile.color} size={16} aria-hidden className="profile-swatch" />
      <Text fw={700} size="sm" truncate maw={220} data-testid="active-profile-name">
        {profile.name}
      </Text>
      <EnvironmentBadge environment={profile.environment} inHeader />
      {profile.readOnly && (
        <Tooltip label={t('shell.readOnlyHint')}>
          <Badge color="gray" variant="outline" leftSection={<LockIcon width={12} height={12} />} data-testid="read-only-badge">
            {t('shell.readOnly')}
          </Badge>
        </Tooltip>
      )}
      {!profile.token && (
        <Badge color="orange" variant="light" data-testid="no-token-badge">
          {t('shell.noToken')}
        </Badge>
      )}
    </Group>
  );
}
