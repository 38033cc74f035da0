// One driver: description, supported events, its settings schema in readable form, enabled
// since, and how many installations use it (with a link to them).
import { Anchor, Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Driver } from '../../../shared/api/drivers';
import { buildSettingsForm, SECTION_SEPARATOR } from '../../../shared/settings-form';
import { Time } from '../../components/time/Time';
import { useDriverUsage } from '../../queries/drivers';

export function DriverDetail({ driver }: { driver: Driver }) {
  const { t } = useTranslation();
  const usage = useDriverUsage(driver.id);
  const model = buildSettingsForm(driver.available_settings);
  return (
    <Stack gap="sm" data-testid="driver-detail" data-driver-id={driver.id}>
      <Group gap="xs">
        <Title order={2} size="h3">
          {driver.name}
        </Title>
        <Badge color={driver.enabled ? 'teal' : 'gray'}>{driver.enabled ? t('drivers.state.enabled') : t('drivers.state.disabled')}</Badge>
        {driver.auth_method && <Badge variant="outline">{driver.auth_method}</Badge>}
      </Group>
      <Text size="sm">{driver.description ?? '—'}</Text>
      <Group gap="lg">
        <Text size="sm">
          {t('drivers.detail.slug')}: <Code>{driver.slug}</Code>
        </Text>
        <Text size="sm">
          {t('drivers.detail.version')}: {driver.version}
        </Text>
        <Text size="sm">
          {t('drivers.detail.enabledSince')}: {driver.enabled_at ? <Time value={driver.enabled_at} withMillis={false} /> : '—'}
        </Text>
      </Group>
      <Text size="sm" data-testid="driver-usage">
        {usage.isError || usage.data === null
          ? t('drivers.detail.usageUnknown')
          : usage.data === undefined
            ? t('shell.loading')
            : t('drivers.detail.usage', { count: usage.data })}{' '}
        <Anchor component={Link} to="/installations" search={{ driver: driver.id } as never} size="sm" underline="always" data-testid="driver-installations-link">
          {t('drivers.detail.seeInstallations')}
        </Anchor>
      </Text>
      <Title order={3} size="h5">
        {t('drivers.detail.events')}
      </Title>
      <Group gap={4} data-testid="driver-events">
        {driver.supported_events.length === 0 ? <Text size="sm">—</Text> : driver.supported_events.map((name) => <Badge key={name} variant="light">{name}</Badge>)}
      </Group>
      <Title order={3} size="h5">
        {t('drivers.detail.settings')}
      </Title>
      {model.fields.length === 0 ? (
        <Text size="sm">{t('installations.settingsForm.none')}</Text>
      ) : (
        <Table withTableBorder fz="sm" data-testid="driver-settings-schema">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drivers.detail.settingKey')}</Table.Th>
              <Table.Th>{t('drivers.detail.settingType')}</Table.Th>
              <Table.Th>{t('drivers.detail.settingRule')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.fields.map((field) => (
              <Table.Tr key={field.key}>
                <Table.Td>
                  {field.sectionPath.length > 0 && (
                    <Text span size="xs" c="dimmed">
                      {field.sectionPath.join(SECTION_SEPARATOR)}
                      {SECTION_SEPARATOR}
                    </Text>
                  )}
                  <Code>{field.name}</Code>
                </Table.Td>
                <Table.Td>
                  {field.declaredType ?? 'text'}
                  {field.options.length > 0 && ` (${field.options.join(' | ')})`}
                </Table.Td>
                <Table.Td>
                  {field.required
                    ? t('drivers.detail.required')
                    : field.requiredIf
                      ? t('installations.settingsForm.requiredIfHint', { other: field.requiredIf.otherKey, value: field.requiredIf.values.join(', ') })
                      : t('drivers.detail.optional')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
