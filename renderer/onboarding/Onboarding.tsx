// The first-run onboarding (and what a profile without a token leads to): name the profile and its
// environment and paste the API URL (detected on save, profile-save.ts), import the token (main
// reads it; the renderer gets a description only), test the connection, open the Overview.
// Each step's failure says what to do (StepError). The pieces are the Settings screen's own.
import { Alert, Anchor, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '../../shared/ipc/channels/connection';
import type { Profile, ProfileWithToken } from '../../shared/ipc/channels/profiles';
import { IpcCallError } from '../bridge/ipc';
import { ErrorAlert } from '../components/ErrorAlert';
import { DetectionFound, DetectionNotFound } from '../screens/settings/DetectionNotice';
import type { ProfileFormValues } from '../screens/settings/profile-form';
import { ProfileFields, useProfileForm } from '../screens/settings/ProfileFields';
import { useSaveProfile } from '../screens/settings/profile-save';
import { TokenImportButtons, useImportToken } from '../screens/settings/TokenImport';
import { useConnectionTest } from '../queries/capabilities';
import { useActivateProfile, useOpenDashboard, useProfiles } from '../session/session-queries';
import type { OnboardingStart } from './onboarding-start';
import { StepError } from './StepError';

const stepNames = ['profile', 'token', 'test', 'done'] as const;

function ProfileStep({ profile, onSaved }: { profile: Profile | null; onSaved: (saved: Profile, found: string | null) => void }) {
  const { t } = useTranslation();
  const save = useSaveProfile(profile);
  const activate = useActivateProfile();
  const form = useProfileForm(profile, () => save.reset());
  const submit = async (values: ProfileFormValues, keepTypedUrl = false) => {
    try {
      const result = await save.mutateAsync({ values, keepTypedUrl });
      if (result.kind !== 'saved') return;
      // The new profile is the one the screens use from now on.
      if (result.created) await activate.mutateAsync(result.profile.id);
      onSaved(result.profile, result.detection?.baseUrl ?? null);
    } catch {
      // Shown below from the mutations' error state.
    }
  };
  const notFound = save.data?.kind === 'not_found' ? save.data : null;

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate data-testid="onboarding-profile-form">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('onboarding.profile.heading')}
        </Title>
        <Text size="sm">{t('onboarding.profile.hint')}</Text>
        <ProfileFields form={form} essentialsOnly baseUrlHint={t('onboarding.profile.urlHint')} />
        {notFound && <DetectionNotFound detection={notFound.detection} typedUrl={notFound.typedUrl} keeping={save.isPending} onKeep={() => void submit(form.getValues(), true)} />}
        <ErrorAlert error={save.error ?? activate.error} testId="onboarding-profile-error" />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending || activate.isPending} data-testid="onboarding-profile-next">
            {t('onboarding.profile.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenStep({ profile, found, onNext, onBack }: { profile: ProfileWithToken; found: string | null; onNext: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const importToken = useImportToken(profile.id, onNext);
  const openDashboard = useOpenDashboard();
  return (
    <Stack gap="sm">
      {found && <DetectionFound baseUrl={found} />}
      <Title order={2} size="h3">
        {t('onboarding.token.heading', { name: profile.name })}
      </Title>
      <Text size="sm">{t('onboarding.token.hint')}</Text>
      <Button variant="subtle" w="fit-content" onClick={() => openDashboard.mutate()}>
        {t('settings.token.openDashboardKeys')}
      </Button>
      {profile.token && (
        <Alert color="green" data-testid="onboarding-token-current">
          <Text size="sm">{t('onboarding.token.current', { last4: profile.token.last4 })}</Text>
        </Alert>
      )}
      <TokenImportButtons importToken={importToken} />
      <StepError step="token" error={importToken.error} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        {profile.token && (
          <Button onClick={onNext} data-testid="onboarding-token-next">
            {t('onboarding.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Which earlier step fixes a failed connection test: the token's, or the URL's. */
function stepThatFixes(error: IpcCallError): 0 | 1 | null {
  if (['unauthenticated', 'no_token', 'invalid_token', 'forbidden'].includes(error.code)) return 1;
  if (['not_found', 'malformed_response', 'network', 'offline', 'timeout', 'invalid_input'].includes(error.code)) return 0;
  return null;
}

function TestStep({ profile, onConnected, onGoTo }: { profile: ProfileWithToken; onConnected: (result: ConnectionTestResult) => void; onGoTo: (step: number) => void }) {
  const { t } = useTranslation();
  const test = useConnectionTest(profile.id, { onSuccess: (result) => result.ok && onConnected(result) });
  const failure = test.data && !test.data.ok && test.data.failure ? new IpcCallError('connection:test', test.data.failure) : (test.error ?? null);
  const fix = failure instanceof IpcCallError ? stepThatFixes(failure) : null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('onboarding.test.heading')}
      </Title>
      <Text size="sm">{t('onboarding.test.hint', { name: profile.name, baseUrl: profile.baseUrl })}</Text>
      <StepError step="test" error={failure} values={{ baseUrl: profile.baseUrl }} />
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={() => onGoTo(1)}>
            {t('onboarding.back')}
          </Button>
          {fix === 0 && (
            <Button variant="light" onClick={() => onGoTo(0)} data-testid="onboarding-fix-url">
              {t('onboarding.test.fixUrl')}
            </Button>
          )}
          {fix === 1 && (
            <Button variant="light" onClick={() => onGoTo(1)} data-testid="onboarding-fix-token">
              {t('onboarding.test.fixToken')}
            </Button>
          )}
        </Group>
        <Button loading={test.isPending} onClick={() => test.mutate()} data-testid="onboarding-test">
          {t('onboarding.test.run')}
        </Button>
      </Group>
    </Stack>
  );
}

export function Onboarding({ start, onDone }: { start: OnboardingStart; onDone: () => void }) {
  const { t } = useTranslation();
  const list = useProfiles().data;
  const [active, setActive] = useState(start.step === 'profile' ? 0 : 1);
  const [profileId, setProfileId] = useState(start.profileId);
  const [found, setFound] = useState<string | null>(null);
  const [connected, setConnected] = useState<ConnectionTestResult | null>(null);
  const profile = list?.profiles.find((p) => p.id === profileId) ?? null;

  return (
    <Stack gap="md" maw={820} data-testid="onboarding" data-step={stepNames[active]}>
      <Title order={1}>{t('onboarding.title')}</Title>
      <Text>{t('onboarding.intro')}</Text>
      <Stepper active={active} onStepClick={setActive} allowNextStepsSelect={false}>
        <Stepper.Step label={t('onboarding.steps.profile')} description={t('onboarding.steps.profileDescription')}>
          <ProfileStep
            profile={profile}
            onSaved={(saved, detected) => {
              setProfileId(saved.id);
              setFound(detected);
              setActive(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('onboarding.steps.token')} description={t('onboarding.steps.tokenDescription')}>
          {profile && <TokenStep profile={profile} found={found} onNext={() => setActive(2)} onBack={() => setActive(0)} />}
        </Stepper.Step>
        <Stepper.Step label={t('onboarding.steps.test')} description={t('onboarding.steps.testDescription')}>
          {profile && (
            <TestStep
              profile={profile}
              onGoTo={setActive}
              onConnected={(result) => {
                setConnected(result);
                setActive(3);
              }}
            />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {profile && connected && (
            <Stack gap="sm">
              <Alert color="green" data-testid="onboarding-connected">
                <Text size="sm">{t('onboarding.done.body', { name: profile.name, baseUrl: connected.baseUrl, ms: Math.round(connected.latencyMs) })}</Text>
              </Alert>
              <Button w="fit-content" onClick={onDone} data-autofocus data-testid="onboarding-open-overview">
                {t('onboarding.done.open')}
              </Button>
            </Stack>
          )}
        </Stepper.Completed>
      </Stepper>
      <Anchor component={Link} to="/settings" size="sm" w="fit-content">
        {t('onboarding.later')}
      </Anchor>
    </Stack>
  );
}
