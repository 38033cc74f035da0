// Status badges for events and attempts. Known statuses get a colour and a translated label;
// unknown ones (a newer server) are shown exactly as the server sent them, never dropped.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
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

/** The colour of a status (theme colour name), or null for a status this console does not know. */
export function statusColor(status: string): string | null {
  return Object.hasOwn(colors, status) ? colors[status]! : null;
}

/** The translated label of a known status; an unknown one as the server sent it. */
export function statusLabel(status: string, t: TFunction, exists: (key: string) => boolean): string {
  const key = `events.status.${status}`;
  return statusColor(status) && exists(key) ? t(key) : status;
}

/** The colour of an HTTP response code by class. */
export function codeColor(code: number): string {
  return code >= 500 ? 'red' : code >= 400 ? 'orange' : code >= 300 ? 'yellow' : 'green';
}

export function StatusBadge({ status, testId }: { status: string | null | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!status) return null;
  const color = statusColor(status);
  const label = statusLabel(status, t, (key) => i18n.exists(key));
  return (
    <Badge color={color ?? 'gray'} variant={color ? 'light' : 'outline'} size="sm" data-testid={testId} data-status={status} data-no-truncate="">
      {label}
    </Badge>
  );
}

/** The HTTP code coloured by class; a missing code (timeout, refused) shows the error instead. */
export function ResponseCode({ code, error }: { code: number | null | undefined; error?: string | null | undefined }) {
  if (code === null || code === undefined) {
    return error ? (
      <Badge color="red" variant="outline" size="sm" data-no-truncate="">
        {error}
      </Badge>
    ) : (
      <span>—</span>
    );
  }
  return (
    <Badge color={codeColor(code)} variant="light" size="sm" data-code={code} data-no-truncate="">
      {code}
    </Badge>
  );
}
