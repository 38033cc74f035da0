// The frame around every screen: skip link, header (app name, active profile, switcher, theme),
// navigation, offline banner, and the screen inside an error boundary. A production profile turns
// the header red and frames the content in red (shell.css, keyed on data-environment).
import { Alert, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalKeys } from '../keyboard/GlobalKeys';
import { OnboardingGate } from '../onboarding/OnboardingGate';
import { CommandPalette, PaletteButton } from '../palette/CommandPalette';
import { PaletteRegistryProvider } from '../palette/registry';
import { useActiveProfile, useSettings } from '../session/session-queries';
import { ErrorBoundary } from './ErrorBoundary';
import { MainEvents } from './MainEvents';
import { NavLinks } from './NavLinks';
import { OfflineBanner } from './OfflineBanner';
import { ProfileIndicator } from './ProfileIndicator';
import { ProfileSwitcher } from './ProfileSwitcher';
import { ThemeSwitcher } from './ThemeSwitcher';
import './shell.css';

/**
 * The screen, in an error boundary keyed on the path so leaving a crashed screen gives the next one
 * a fresh boundary. Its own component: only it follows the location, so a navigation re-renders
 * the screen and not the whole shell (header, navigation, palette).
 */
function ScreenOutlet() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <ErrorBoundary key={pathname}>
      <OnboardingGate>
        <Outlet />
      </OnboardingGate>
    </ErrorBoundary>
  );
}

export function ShellLayout() {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav }] = useDisclosure(false);
  const profile = useActiveProfile();
  const recovery = useSettings().data?.recovery ?? null;
  const mainRef = useRef<HTMLElement>(null);
  const environment = profile?.environment ?? 'none';

  return (
    <PaletteRegistryProvider>
    <div className="shell" data-environment={environment} data-testid="shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          // The router owns the URL hash; move focus instead of navigating.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <MainEvents />
      <CommandPalette />
      <GlobalKeys />
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
        <AppShell.Header className="shell-header" aria-label={t('shell.activeProfile')}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.openNavigation')} />
              <Text fw={800} className="shell-title">
                {t('app.name')}
              </Text>
              <ProfileIndicator profile={profile} />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <PaletteButton />
              <ProfileSwitcher />
              <ThemeSwitcher />
            </Group>
          </Group>
        </AppShell.Header>
        {/* Its edge is drawn by the main area (shell.css), which is as tall as the page. */}
        <AppShell.Navbar p="xs" withBorder={false} aria-label={t('shell.mainNavigation')}>
          <NavLinks />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className="shell-main">
          <OfflineBanner />
          {recovery && (
            <Alert color="yellow" title={t('recovery.title')} mb="md" data-testid="settings-recovery">
              {t('recovery.body', { file: recovery.movedTo })}
            </Alert>
          )}
          <ScreenOutlet />
        </AppShell.Main>
      </AppShell>
    </div>
    </PaletteRegistryProvider>
  );
}
