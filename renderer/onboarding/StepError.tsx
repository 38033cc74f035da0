// A failed onboarding step, in words that say what to do next in the onboarding itself: a message
// under `onboarding.<step>.errors.<code>` (401 by `details.reason` first) when the catalogue has
// one, else the app's usual message for the code (errors/error-message.ts).
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from '../bridge/ipc';
import { errorText } from '../errors/error-message';
import { stepErrorKey, type FailingStep } from './step-error-key';

export function StepError({ step, error, values = {} }: { step: FailingStep; error: unknown; values?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const key = stepErrorKey(step, error, (k) => i18n.exists(k));
  const message = key ? t(key, values) : errorText(t, error).message;
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid={`onboarding-${step}-error`} data-error-code={error instanceof IpcCallError ? error.code : 'unknown'}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
