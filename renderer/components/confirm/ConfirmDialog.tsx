// The confirmation every destructive or wide action goes through. It names the profile (with its
// environment badge) and states the impact; on a production profile the confirm button stays
// disabled until the operator types the profile's name. `openConfirm` resolves true/false so a
// caller reads like `if (!(await openConfirm(...))) return;`.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EnvironmentBadge } from '../../shell/ProfileIndicator';
import type { ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import { requiresTypedName, typedNameMatches } from './confirm-rules';

export interface ConfirmOptions {
  profile: Pick<ProfileWithToken, 'name' | 'environment'>;
  title: string;
  /** What will happen, in the operator's words ("3 installations use this driver…"). */
  impact: ReactNode;
  confirmLabel: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
}

function ConfirmBody({ options, onDone }: { options: ConfirmOptions; onDone: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const needsName = requiresTypedName(options.profile);
  const canConfirm = !needsName || typedNameMatches(typed, options.profile.name);
  return (
    <Stack gap="sm" data-testid="confirm-dialog" data-environment={options.profile.environment}>
      <Group gap="xs" data-testid="confirm-profile">
        <Text size="sm">{t('confirm.profile')}</Text>
        <Text size="sm" fw={700} data-testid="confirm-profile-name">
          {options.profile.name}
        </Text>
        <EnvironmentBadge environment={options.profile.environment} />
      </Group>
      <div data-testid="confirm-impact">{typeof options.impact === 'string' ? <Text size="sm">{options.impact}</Text> : options.impact}</div>
      {needsName && (
        <TextInput
          label={t('confirm.typeName', { name: options.profile.name })}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          data-testid="confirm-type-name"
          autoComplete="off"
          data-autofocus
        />
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={() => onDone(false)} data-testid="confirm-cancel">
          {t('confirm.cancel')}
        </Button>
        <Button color={options.danger ? 'red' : undefined} disabled={!canConfirm} onClick={() => onDone(true)} data-testid="confirm-ok">
          {options.confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export function openConfirm(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (confirmed: boolean) => {
      if (settled) return;
      settled = true;
      modals.close(id);
      resolve(confirmed);
    };
    const id = modals.open({
      title: options.title,
      children: <ConfirmBody options={options} onDone={finish} />,
      onClose: () => finish(false),
    });
  });
}
