// Mantine theme and the theme preference (system / light / dark). The preference lives in the
// settings file (settings:update), not in localStorage, so it follows the app's data folder.
import { createTheme } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 with white text is 4.3:1; 7 passes WCAG AA (4.5:1).
  primaryShade: { light: 7, dark: 8 },
  // Focus rings on keyboard focus (:focus-visible), never hidden.
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
});

export type ThemePreference = 'system' | 'light' | 'dark';

/** The scheme to render: the preference, or the OS scheme (live) when the preference is `system`. */
export function useResolvedColorScheme(preference: ThemePreference | undefined): 'light' | 'dark' {
  const system = useColorScheme('light', { getInitialValueInEffect: false });
  if (preference === 'light' || preference === 'dark') return preference;
  return system;
}
