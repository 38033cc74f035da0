// Settings: profiles, then the selected profile's token and connection, then preferences.
import { Loader, Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useProfiles } from '../../session/session-queries';
import { ConnectionCard } from './ConnectionCard';
import { PayloadIndexCard } from '../../payload-index/PayloadIndexCard';
import { PreferencesCard } from './PreferencesCard';
import { ProfilesCard } from './ProfilesCard';
import { TokenCard } from './TokenCard';
import { settingsRoute } from './route';

export function SettingsScreen() {
  const { t } = useTranslation();
  const search = settingsRoute.useSearch();
  const navigate = useNavigate({ from: '/settings' });
  const profilesQuery = useProfiles();
  const list = profilesQuery.data;
  const selected = list?.profiles.find((p) => p.id === search.profile) ?? list?.profiles.find((p) => p.id === list.activeId) ?? list?.profiles[0] ?? null;

  return (
    <Stack gap="lg" maw={1100} data-testid="settings-screen">
      <Title order={1}>{t('settings.title')}</Title>
      {profilesQuery.isPending && <Loader aria-label={t('shell.loading')} />}
      <ErrorAlert error={profilesQuery.error} testId="profiles-error" onRetry={() => void profilesQuery.refetch()} />
      {list && (
        <ProfilesCard
          profiles={list.profiles}
          activeId={list.activeId}
          selectedId={selected?.id ?? null}
          onSelect={(id) => void navigate({ search: { profile: id }, replace: true })}
        />
      )}
      {selected && <TokenCard key={`token-${selected.id}`} profile={selected} />}
      {selected && <ConnectionCard key={`conn-${selected.id}`} profile={selected} />}
      {selected && <PayloadIndexCard key={`payload-index-${selected.id}`} profile={selected} />}
      <PreferencesCard />
    </Stack>
  );
}
