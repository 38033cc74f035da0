// What detect on save found (profile-save.ts): where the API answers, or — when nothing answered
// like the API — why, what was tried, and a way to keep the typed URL anyway, with a warning.
import { Alert, Button, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BasePathDetection } from '../../../shared/ipc/channels/connection';

/** i18n key under onboarding.detect for a found base URL: the root of its origin, or a path. */
export function foundKey(baseUrl: string): 'foundRoot' | 'found' {
  return new URL(baseUrl).pathname.replace(/\/+$/, '') === '' ? 'foundRoot' : 'found';
}

export function DetectionFound({ baseUrl }: { baseUrl: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" data-testid="detection-found">
      <Text size="sm">{t(`onboarding.detect.${foundKey(baseUrl)}`, { baseUrl })}</Text>
    </Alert>
  );
}

/** Nothing answered at all (the first probe failed in transport), or answers that were not the API. */
function nothingAnswered(detection: BasePathDetection): boolean {
  return detection.tried.length > 0 && detection.tried.every((c) => c.status === null);
}

export function DetectionNotFound({ detection, typedUrl, onKeep, keeping }: { detection: BasePathDetection; typedUrl: string; onKeep: () => void; keeping: boolean }) {
  const { t } = useTranslation();
  const origin = new URL(typedUrl).origin;
  const unreachable = nothingAnswered(detection);
  return (
    <Alert color="orange" title={t('onboarding.detect.notFoundTitle')} data-testid="detection-not-found" data-reason={unreachable ? 'unreachable' : 'not_api'}>
      <Stack gap="xs">
        <Text size="sm">{t(unreachable ? 'onboarding.detect.unreachable' : 'onboarding.detect.notApi', { origin })}</Text>
        <Text size="xs" fw={600}>
          {t('onboarding.detect.tried')}
        </Text>
        <List size="xs">
          {detection.tried.map((c) => (
            <List.Item key={c.baseUrl}>
              <Code>{c.baseUrl}</Code> → {c.status ?? c.code ?? '—'}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('onboarding.detect.keepWarning', { baseUrl: typedUrl })}</Text>
        <Button size="xs" variant="light" color="orange" w="fit-content" loading={keeping} onClick={onKeep} data-testid="keep-typed-url">
          {t('onboarding.detect.keep')}
        </Button>
      </Stack>
    </Alert>
  );
}
