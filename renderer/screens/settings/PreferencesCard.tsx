// Theme, language and local/UTC time, saved by main in the settings file.
import { Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../shared/ipc/channels/settings';
import { ChoiceChips } from '../../components/choice/ChoiceChips';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings, useUpdateSettings } from '../../session/session-queries';

export function PreferencesCard() {
  const { t } = useTranslation();
  const settings = useSettings().data?.settings;
  const update = useUpdateSettings();
  const save = (patch: SettingsPatch) => update.mutate(patch);
  if (!settings) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="preferences-title" data-testid="preferences-card">
      <Title order={2} size="h3" id="preferences-title" mb="md">
        {t('settings.preferences.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="pref-theme-label">
            {t('settings.preferences.theme')}
          </Text>
          <ChoiceChips
            labelledBy="pref-theme-label"
            testId="pref-theme"
            value={settings.theme}
            onChange={(theme) => save({ theme })}
            options={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`theme.${value}`) }))}
          />
        </Stack>
        <Select
          label={t('settings.preferences.language')}
          data-testid="pref-language"
          allowDeselect={false}
          value={settings.language}
          onChange={(value) => value && save({ language: value as SettingsPatch['language'] })}
          data={(['system', 'pt-BR', 'en'] as const).map((value) => ({ value, label: t(`language.${value}`) }))}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="pref-time-label">
            {t('settings.preferences.timeDisplay')}
          </Text>
          <ChoiceChips
            labelledBy="pref-time-label"
            testId="pref-time"
            value={settings.timeDisplay}
            onChange={(timeDisplay) => save({ timeDisplay })}
            options={(['local', 'utc'] as const).map((value) => ({ value, label: t(`timeDisplay.${value}`) }))}
          />
        </Stack>
      </SimpleGrid>
      <ErrorAlert error={update.error} testId="preferences-error" />
    </Card>
  );
}
