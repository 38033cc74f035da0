// The one filter dropdown of the list screens: a clearable Select bound to one search parameter.
// It hands back only a value from its own options (or undefined when cleared), typed as those
// options, so callers need no casts or hand-written narrowing.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FilterOption<V extends string> = V | { value: V; label: string };

export interface FilterSelectProps<V extends string> {
  label: string;
  options: ReadonlyArray<FilterOption<V>>;
  /** The search parameter's current value (a value not among the options shows as empty). */
  value: string | undefined;
  onChange: (value: V | undefined) => void;
  testId: string;
  /** Dense filter bars (Events, Deliveries): small inputs of a fixed width. */
  compactWidth?: number;
  searchable?: boolean;
  placeholder?: string;
}

export function FilterSelect<V extends string>({ label, options, value, onChange, testId, compactWidth, searchable, placeholder }: FilterSelectProps<V>) {
  const { t } = useTranslation();
  const data = options.map((option) => (typeof option === 'string' ? { value: option, label: option } : option));
  return (
    <Select
      size={compactWidth ? 'xs' : undefined}
      w={compactWidth}
      label={label}
      data={data}
      value={value ?? null}
      onChange={(next) => onChange(data.find((option) => option.value === next)?.value)}
      clearable
      searchable={searchable}
      nothingFoundMessage={searchable ? t('events.filters.nothingFound') : undefined}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
}
