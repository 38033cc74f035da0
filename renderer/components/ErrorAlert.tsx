// An inline error: the i18n message for the error's code, plus per-field messages (422).
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-message';
import { IpcCallError } from '../bridge/ipc';

export function ErrorAlert({ error, testId = 'error-alert' }: { error: unknown; testId?: string }) {
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
    </Alert>
  );
}
