// The Events filters. Each control writes straight into the URL (the screen passes `onChange`), so
// the current view is always a deep link. Free-text fields apply on Enter or when leaving the field.
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchStatuses, eventStatuses } from '../../../shared/api/index';
import { fromLocalInput, toLocalInput } from '../../components/time/format-time';
import { rangePresets, type EventsSearch } from './events-search';
import { useDrivers, useInstallations } from '../../queries/index';

export interface FiltersBarProps {
  search: EventsSearch;
  onChange: (patch: Partial<EventsSearch>) => void;
  onClear: () => void;
  nameRef: Ref<HTMLInputElement>;
}

/** A text field that commits on Enter/blur, and follows the URL when it changes from outside. */
function CommitInput({
  label,
  value,
  onCommit,
  placeholder,
  testId,
  inputRef,
  w,
  validate,
}: {
  label: string;
  value: string | undefined;
  onCommit: (v: string | undefined) => void;
  placeholder?: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  w?: number;
  /** Returns an error message for a non-empty value the API would refuse. */
  validate?: (value: string) => string | null;
}) {
  // The draft follows the URL when the URL changes from outside (a saved view, Clear, a link).
  const [draft, setDraft] = useState({ source: value, text: value ?? '' });
  const [error, setError] = useState<string | null>(null);
  if (draft.source !== value) setDraft({ source: value, text: value ?? '' });
  const commit = () => {
    const next = draft.text.trim() || undefined;
    const problem = next && validate ? validate(next) : null;
    setError(problem);
    if (problem) return;
    if (next !== value) onCommit(next);
  };
  return (
    <TextInput
      ref={inputRef}
      size="xs"
      w={w ?? 160}
      label={label}
      placeholder={placeholder}
      value={draft.text}
      error={error}
      onChange={(e) => setDraft({ source: value, text: e.currentTarget.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      data-testid={testId}
    />
  );
}

export function FiltersBar({ search, onChange, onClear, nameRef }: FiltersBarProps) {
  const { t } = useTranslation();
  const drivers = useDrivers({ limit: 100 });
  const installations = useInstallations({ limit: 100, ...(search.driver ? { filters: { integration_driver_slug: search.driver } } : {}) });
  const driverData = (drivers.data?.items ?? []).map((d) => ({ value: d.slug ?? d.id, label: d.name ?? d.slug ?? d.id }));
  if (search.driver && !driverData.some((d) => d.value === search.driver)) driverData.push({ value: search.driver, label: search.driver });
  const installationData = (installations.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.id})` }));
  if (search.installation && !installationData.some((i) => i.value === search.installation)) {
    installationData.push({ value: search.installation, label: search.installation });
  }
  const statusData: { value: string; label: string }[] = eventStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) }));
  if (search.status && !statusData.some((s) => s.value === search.status)) statusData.push({ value: search.status, label: search.status });

  return (
    <Group gap="xs" align="end" wrap="wrap" data-testid="events-filters" role="search" aria-label={t('events.filters.label')}>
      <CommitInput label={t('events.filters.name')} placeholder="order.paid" value={search.name} onCommit={(name) => onChange({ name })} testId="filter-name" inputRef={nameRef} />
      <Select
        size="xs"
        w={140}
        label={t('events.filters.status')}
        data={statusData}
        value={search.status ?? null}
        onChange={(status) => onChange({ status: status ?? undefined })}
        clearable
        data-testid="filter-status"
      />
      <Select
        size="xs"
        w={170}
        label={t('events.filters.driver')}
        data={driverData}
        value={search.driver ?? null}
        onChange={(driver) => onChange({ driver: driver ?? undefined, installation: undefined })}
        searchable
        clearable
        nothingFoundMessage={t('events.filters.nothingFound')}
        data-testid="filter-driver"
      />
      <Select
        size="xs"
        w={230}
        label={t('events.filters.installation')}
        data={installationData}
        value={search.installation ?? null}
        onChange={(installation) => onChange({ installation: installation ?? undefined })}
        searchable
        clearable
        nothingFoundMessage={t('events.filters.nothingFound')}
        data-testid="filter-installation"
      />
      <Select
        size="xs"
        w={150}
        label={t('events.filters.range')}
        data={[...rangePresets.map((r) => ({ value: r, label: t(`events.range.${r}`) })), { value: 'custom', label: t('events.range.custom') }]}
        value={search.range ?? null}
        onChange={(range) => onChange({ range: (range ?? undefined) as EventsSearch['range'], ...(range !== 'custom' ? { from: undefined, to: undefined } : {}) })}
        clearable
        placeholder={t('events.range.all')}
        data-testid="filter-range"
      />
      {search.range === 'custom' && (
        <>
          <TextInput
            size="xs"
            type="datetime-local"
            label={t('events.filters.from')}
            value={toLocalInput(search.from)}
            onChange={(e) => onChange({ from: fromLocalInput(e.currentTarget.value) })}
            data-testid="filter-from"
          />
          <TextInput
            size="xs"
            type="datetime-local"
            label={t('events.filters.to')}
            value={toLocalInput(search.to)}
            onChange={(e) => onChange({ to: fromLocalInput(e.currentTarget.value) })}
            data-testid="filter-to"
          />
        </>
      )}
      <CommitInput
        label={t('events.filters.code')}
        placeholder="5xx, 500"
        value={search.code}
        w={110}
        validate={(v) => (/^(\d{3}|[1-5]xx)$/.test(v) ? null : t('events.filters.codeInvalid'))}
        onCommit={(code) => onChange({ code })}
        testId="filter-code"
      />
      <Select
        size="xs"
        w={140}
        label={t('events.filters.dispatchStatus')}
        data={dispatchStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
        value={search.dispatch ?? null}
        onChange={(dispatch) => onChange({ dispatch: dispatch ?? undefined })}
        clearable
        data-testid="filter-dispatch"
      />
      <Select
        size="xs"
        w={130}
        label={t('events.filters.superseded')}
        data={[
          { value: 'true', label: t('events.filters.supersededYes') },
          { value: 'false', label: t('events.filters.supersededNo') },
        ]}
        value={search.superseded ?? null}
        onChange={(superseded) => onChange({ superseded: (superseded ?? undefined) as EventsSearch['superseded'] })}
        clearable
        data-testid="filter-superseded"
      />
      <Button size="xs" variant="subtle" onClick={onClear} data-testid="filters-clear">
        {t('events.filters.clear')}
      </Button>
    </Group>
  );
}
