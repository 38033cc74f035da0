// Status badges for events and attempts. Known statuses get a colour and a translated label;
// unknown ones (a newer server) are shown exactly as the server sent them, never dropped.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  pending: 'yellow',
  dispatching: 'blue',
  dispatched: 'green',
  succeeded: 'green',
  failed: 'red',
  discarded: 'gray',
  processed: 'green',
  rejected: 'red',
};

export function StatusBadge({ status, testId }: { status: string | null | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!status) return null;
  const known = Object.hasOwn(colors, status);
  const key = `events.status.${status}`;
  const label = known && i18n.exists(key) ? t(key) : status;
  return (
    <Badge color={known ? colors[status] : 'gray'} variant={known ? 'light' : 'outline'} size="sm" data-testid={testId} data-status={status}>
      {label}
    </Badge>
  );
}

/** The HTTP code coloured by class; a missing code (timeout, refused) shows the error instead. */
export function ResponseCode({ code, error }: { code: number | null | undefined; error?: string | null | undefined }) {
  if (code === null || code === undefined) {
    return error ? (
      <Badge color="red" variant="outline" size="sm">
        {error}
      </Badge>
    ) : (
      <span>—</span>
    );
  }
  const color = code >= 500 ? 'red' : code >= 400 ? 'orange' : code >= 300 ? 'yellow' : 'green';
  return (
    <Badge color={color} variant="light" size="sm" data-code={code}>
      {code}
    </Badge>
  );
}
