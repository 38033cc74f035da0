// Stands in for a screen while the console is not ready (onboarding-start.ts): no request is made
// for a screen that could only fail. Once shown, the onboarding stays until the operator finishes
// it (importing the token already makes the profile "ready", and the test step still follows) or
// leaves for a screen it does not gate.
import { Loader } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screens } from '../app/screens';
import { useProfiles } from '../session/session-queries';
import { leadsToOnboarding, onboardingStart } from './onboarding-start';
import type { OnboardingStart } from './onboarding-start';

// Its own chunk (the stepper and the Settings forms it reuses): a console that is set up never loads it.
const Onboarding = lazy(() => import('./Onboarding').then((m) => ({ default: m.Onboarding })));

export function OnboardingGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const profiles = useProfiles();
  const gated = leadsToOnboarding(
    pathname,
    screens.map((s) => s.path),
  );
  const start = onboardingStart(profiles.data);
  const [shown, setShown] = useState<OnboardingStart | null>(null);
  // Adjusting state while rendering (React's pattern for state derived from changing inputs).
  if (gated && start && !shown) setShown(start);
  if (!gated && shown) setShown(null);

  if (gated && profiles.isPending) return <Loader aria-label={t('shell.loading')} />;
  const current = gated ? (shown ?? start) : null;
  if (current) {
    return (
      <Suspense fallback={<Loader aria-label={t('shell.loading')} />}>
        <Onboarding
          start={current}
          onDone={() => {
            setShown(null);
            void navigate({ to: '/overview' });
          }}
        />
      </Suspense>
    );
  }
  return children;
}
