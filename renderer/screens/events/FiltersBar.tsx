// The Events filters. Each control writes straight into the URL (the screen passes `onChange`), so
// the current view is always a deep link. Free-text fields apply on Enter or when leaving the field.
import { Button, Group, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchStatuses, eventStatuses } from '../../../shared/api/index';
import { FilterSelect } from '../../components/filters/FilterSelect';
import { FilterText } from '../../components/filters/FilterText';
import { fromLocalInput, toLocalInput } from '../../components/time/format-time';
import { rangePresets, type EventsSearch } from './events-search';
import { useDrivers, useInstallations } from '../../queries/index';

export interface FiltersBarProps {
  search: EventsSearch;
  onChange: (patch: Partial<EventsSearch>) => void;
  onClear: () => void;
  nameRef: Ref<HTMLInputElement>;
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
      <FilterText label={t('events.filters.name')} placeholder="order.paid" value={search.name} onCommit={(name) => onChange({ name })} testId="filter-name" inputRef={nameRef} />
      <FilterSelect compactWidth={140} label={t('events.filters.status')} options={statusData} value={search.status} onChange={(status) => onChange({ status })} testId="filter-status" />
      <FilterSelect
        compactWidth={170}
        label={t('events.filters.driver')}
        options={driverData}
        value={search.driver}
        onChange={(driver) => onChange({ driver, installation: undefined })}
        searchable
        testId="filter-driver"
      />
      <FilterSelect
        compactWidth={230}
        label={t('events.filters.installation')}
        options={installationData}
        value={search.installation}
        onChange={(installation) => onChange({ installation })}
        searchable
        testId="filter-installation"
      />
      <FilterSelect
        compactWidth={150}
        label={t('events.filters.range')}
        options={[...rangePresets.map((r) => ({ value: r, label: t(`events.range.${r}`) })), { value: 'custom' as const, label: t('events.range.custom') }]}
        value={search.range}
        onChange={(range) => onChange({ range, ...(range !== 'custom' ? { from: undefined, to: undefined } : {}) })}
        placeholder={t('events.range.all')}
        testId="filter-range"
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
      <FilterText
        label={t('events.filters.code')}
        placeholder="5xx, 500"
        value={search.code}
        w={110}
        validate={(v) => (/^(\d{3}|[1-5]xx)$/.test(v) ? null : t('events.filters.codeInvalid'))}
        onCommit={(code) => onChange({ code })}
        testId="filter-code"
      />
      <FilterSelect
        compactWidth={140}
        label={t('events.filters.dispatchStatus')}
        options={dispatchStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
        value={search.dispatch}
        onChange={(dispatch) => onChange({ dispatch })}
        testId="filter-dispatch"
      />
      <FilterSelect
        compactWidth={130}
        label={t('events.filters.superseded')}
        options={[
          { value: 'true' as const, label: t('events.filters.supersededYes') },
          { value: 'false' as const, label: t('events.filters.supersededNo') },
        ]}
        value={search.superseded}
        onChange={(superseded) => onChange({ superseded })}
        testId="filter-superseded"
      />
      <Button size="xs" variant="subtle" onClick={onClear} data-testid="filters-clear">
        {t('events.filters.clear')}
      </Button>
    </Group>
  );
}
