// Hook form of formatDateTime: reads language and the local/UTC preference.
import { useTranslation } from 'react-i18next';
import { useSettings } from '../session/session-queries';
import { formatDateTime } from './time';

export function useFormatDateTime(): (value: string | number | Date) => string {
  const { i18n } = useTranslation();
  const timeDisplay = useSettings().data?.settings.timeDisplay ?? 'local';
  return (value) => formatDateTime(value, i18n.language, timeDisplay);
}
