// An inline error: the i18n message for the error's code, plus per-field messages (422).
import { Alert, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-message';
import { IpcCallError } from '../bridge/ipc';

/** `onRetry`: a "Try again" button (not for "not offered by this API": trying again cannot change that). */
export function ErrorAlert({ error, testId = 'error-alert', onRetry }: { error: unknown; testId?: string; onRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = errorText(t, error);
  // A feature the server does not have is a fact about this API, not a failure: said in grey.
  const unsupported = error instanceof IpcCallError && error.code === 'unsupported';
  return (
    <Alert
      color={unsupported ? 'gray' : 'red'}
      title={unsupported ? t('errors.unsupportedTitle') : t('errors.title')}
      role={unsupported ? 'status' : 'alert'}
      data-testid={testId}
      data-error-code={error instanceof IpcCallError ? error.code : 'unknown'}
    >
      <Text size="sm">{text.message}</Text>
      {text.fields.length > 0 && (
        <List size="sm" mt="xs" aria-label={t('errors.fieldsTitle')}>
          {text.fields.map((f) => (
            <List.Item key={f.field}>
              <strong>{f.field}</strong>: {f.messages.join(' ')}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && !unsupported && (
        <Button size="xs" variant="default" mt="xs" onClick={onRetry} data-testid={`${testId}-retry`}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
