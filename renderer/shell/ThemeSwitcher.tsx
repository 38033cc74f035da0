// System / light / dark, saved to settings through main (settings:update).
import { useTranslation } from 'react-i18next';
import { ChoiceChips } from '../components/choice/ChoiceChips';
import { useSettings, useUpdateSettings } from '../session/session-queries';
import type { ThemePreference } from '../theme/theme';

const themes = ['system', 'light', 'dark'] as const satisfies readonly ThemePreference[];

export function ThemeSwitcher() {
  const { t } = useTranslation();
  const settings = useSettings().data?.settings;
  const update = useUpdateSettings();
  return (
    <ChoiceChips
      value={settings?.theme ?? 'system'}
      onChange={(theme) => update.mutate({ theme })}
      options={themes.map((value) => ({ value, label: t(`theme.${value}`) }))}
      label={t('shell.theme')}
      testId="theme-switcher"
    />
  );
}
