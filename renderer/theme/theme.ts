// Mantine theme and the theme preference (system / light / dark). The preference lives in the
// settings file (settings:update), not in localStorage, so it follows the app's data folder.
import { Badge, Combobox, createTheme, Drawer, Modal, Notification } from '@mantine/core';
import type { MantineThemeOverride } from '@mantine/core';
import { useColorScheme } from '@mantine/hooks';

/**
 * The theme. `closeLabel` names every modal's, drawer's and notification's close button (the "×" has no text, and
 * axe counts an unnamed button as a critical violation); it is the `common.close` text in the
 * current language, so the theme is rebuilt when the language changes.
 */
export function buildTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'indigo',
    // Shade 6 with white text is 4.3:1; 7 passes WCAG AA (4.5:1).
    primaryShade: { light: 7, dark: 8 },
    // Focus rings on keyboard focus (:focus-visible), never hidden.
    focusRing: 'auto',
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      // Light badges (tinted background, dark text; their colours are tuned in shell.css): white on
      // the filled shades is under 4.5:1 for most colours (teal-7 3.1:1, red-7 3.8:1).
      Badge: Badge.extend({ defaultProps: { variant: 'light' } }),
      // A closed dropdown is not rendered. Mantine's default keeps every Select's dropdown mounted
      // (hidden), so each filter bar rendered all its options and positioned each hidden dropdown,
      // a forced style recalculation, whenever its screen opened.
      Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
    },
  });
}

export type ThemePreference = 'system' | 'light' | 'dark';

/** The scheme to render: the preference, or the OS scheme (live) when the preference is `system`. */
export function useResolvedColorScheme(preference: ThemePreference | undefined): 'light' | 'dark' {
  const system = useColorScheme('light', { getInitialValueInEffect: false });
  if (preference === 'light' || preference === 'dark') return preference;
  return system;
}
