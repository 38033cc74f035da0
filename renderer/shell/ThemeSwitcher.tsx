// System / light / dark, saved to settings through main (settings:update).
// Chips, not a SegmentedControl: the header is on every screen, and a SegmentedControl's sliding
// indicator measures itself when it mounts — a forced layout in the middle of start-up (the top
// function of the cold-start profile in docs/benchmarks.md).
import { Chip, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings, useUpdateSettings } from '../session/session-queries';
import type { ThemePreference } from '../theme/theme';

const themes = ['system', 'light', 'dark'] as const satisfies readonly ThemePreference[];

export function ThemeSwitcher() {
  const { t } = useTranslation();
  const settings = useSettings().data?.settings;
  const update = useUpdateSettings();
  return (
    <Chip.Group value={settings?.theme ?? 'system'} onChange={(value) => update.mutate({ theme: value as ThemePreference })}>
      <Group gap={4} wrap="nowrap" role="radiogroup" aria-label={t('shell.theme')} data-testid="theme-switcher">
        {themes.map((value) => (
          <Chip key={value} size="xs" value={value}>
            {t(`theme.${value}`)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
