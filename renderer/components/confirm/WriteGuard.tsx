// Read-only safety in the UI. `useWriteAccess` mirrors main's rule (main refuses the write anyway);
// `WriteButton` is a Button that, when writes are blocked, is disabled with a tooltip saying how to
// unlock; `ReadOnlyBanner` sits on top of every admin screen and offers the time-limited unlock.
import { Alert, Button, Group, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ComponentPropsWithoutRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/ipc';
import { errorMessage } from '../../errors/error-message';
import { useActiveProfile, useRefreshProfiles } from '../../session/session-queries';
import type { ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import { writeAccess, type WriteAccess } from './confirm-rules';

/** How long the banner's unlock button opens writes for. */
export const UNLOCK_MINUTES = 15;

export function useWriteAccess(): WriteAccess & { profile: ProfileWithToken | null } {
  const profile = useActiveProfile();
  const [now, setNow] = useState(() => Date.now());
  const access = writeAccess(profile, now);
  // Re-render when an unlock expires so controls lock again without a refetch.
  useEffect(() => {
    if (access.unlockedUntilMs === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, access.unlockedUntilMs - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [access.unlockedUntilMs]);
  return { ...access, profile };
}

/** The tooltip text for a blocked write control. */
export function useWriteBlockedLabel(): string | null {
  const { t } = useTranslation();
  const access = useWriteAccess();
  if (access.writable) return null;
  return access.reason === 'no_profile' ? t('confirm.noProfileTooltip') : t('confirm.readOnlyTooltip', { minutes: UNLOCK_MINUTES });
}

/** Wraps any control: when writes are blocked it is shown disabled with the unlock explanation. */
export function WriteGuarded({ children }: { children: (disabled: boolean) => ReactElement }) {
  const label = useWriteBlockedLabel();
  if (!label) return children(false);
  return (
    <Tooltip label={label} multiline maw={320} withArrow>
      {/* A disabled button gets no pointer events; the span carries the tooltip. */}
      <span data-testid="write-blocked" style={{ display: 'inline-block' }}>
        {children(true)}
      </span>
    </Tooltip>
  );
}

type WriteButtonProps = ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & { children?: ReactNode };

export function WriteButton(props: WriteButtonProps) {
  return <WriteGuarded>{(disabled) => <Button {...props} disabled={disabled || props.disabled} />}</WriteGuarded>;
}

export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const access = useWriteAccess();
  const refreshProfiles = useRefreshProfiles();
  const unlock = useMutation({
    mutationFn: (minutes: number) => call('profiles:unlockWrites', { profileId: access.profile?.id ?? '', minutes }),
    onSuccess: () => refreshProfiles(),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  if (!access.profile || !access.profile.readOnly) return null;
  if (access.writable && access.unlockedUntilMs !== null) {
    return (
      <Alert color="yellow" data-testid="writes-unlocked-banner">
        <Group justify="space-between">
          <Text size="sm">{t('confirm.unlockedUntil', { time: new Date(access.unlockedUntilMs).toLocaleTimeString() })}</Text>
          <Button size="xs" variant="default" onClick={() => unlock.mutate(0)} loading={unlock.isPending} data-testid="lock-writes">
            {t('confirm.lockNow')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="gray" data-testid="read-only-banner">
      <Group justify="space-between">
        <Text size="sm">{t('confirm.readOnlyBanner', { name: access.profile.name })}</Text>
        <Button size="xs" onClick={() => unlock.mutate(UNLOCK_MINUTES)} loading={unlock.isPending} data-testid="unlock-writes">
          {t('confirm.unlockFor', { minutes: UNLOCK_MINUTES })}
        </Button>
      </Group>
    </Alert>
  );
}
