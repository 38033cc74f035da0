// The signing secret, shown once: after create or rotate. It lives only in this component's props
// (never in the query cache, storage or logs); closing the dialog forgets it.
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretOnceDialog({ secret, rotated, onClose }: { secret: string | null; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={rotated ? t('webhooks.secret.rotatedTitle') : t('webhooks.secret.createdTitle')} closeOnClickOutside={false}>
      <Stack gap="sm" data-testid="secret-dialog">
        <Alert color="yellow">{t('webhooks.secret.onceWarning')}</Alert>
        {rotated && <Text size="sm">{t('webhooks.secret.oldStillValid')}</Text>}
        <Code block data-testid="secret-value">
          {secret ?? ''}
        </Code>
        <Group justify="space-between">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} data-testid="secret-copy">
                {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="secret-close">
            {t('webhooks.secret.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
