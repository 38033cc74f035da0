// System / light / dark, saved to settings through main (settings:update).
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings, useUpdateSettings } from '../session/session-queries';
import type { ThemePreference } from '../theme/theme';

export function ThemeSwitcher() {
  const { t } = useTranslation();
  const settings = useSettings().data?.settings;
  const update = useUpdateSettings();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.theme')}
      data-testid="theme-switcher"
      value={settings?.theme ?? 'system'}
      onChange={(value) => update.mutate({ theme: value as ThemePreference })}
      data={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`theme.${value}`) }))}
    />
  );
}
