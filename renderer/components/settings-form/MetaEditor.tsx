// `meta` as key/value rows (free data the operator attaches to an installation). Rows stay text;
// values that were not strings on the server are edited as JSON and sent back parsed.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { metaObjectFromRows, type MetaRow } from '../../../shared/settings-form';

export function MetaEditor({ rows, onChange, disabled }: { rows: MetaRow[]; onChange: (rows: MetaRow[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { errors } = metaObjectFromRows(rows);
  const update = (index: number, patch: Partial<MetaRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs" data-testid="meta-editor">
      <Text size="sm" fw={600}>
        {t('installations.meta.title')}
      </Text>
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('installations.meta.empty')}
        </Text>
      )}
      {rows.map((row, index) => {
        const error = errors[index];
        return (
          <Group key={index} align="flex-start" gap="xs" wrap="nowrap" data-testid={`meta-row-${index}`}>
            <TextInput
              aria-label={t('installations.meta.key')}
              placeholder={t('installations.meta.key')}
              value={row.key}
              disabled={disabled}
              error={error ? t(error.key, error.params ?? {}) : undefined}
              onChange={(event) => update(index, { key: event.currentTarget.value })}
              data-testid={`meta-key-${index}`}
            />
            <TextInput
              aria-label={t('installations.meta.value')}
              placeholder={row.json ? t('installations.meta.jsonValue') : t('installations.meta.value')}
              value={row.value}
              disabled={disabled}
              style={{ flex: 1 }}
              onChange={(event) => update(index, { value: event.currentTarget.value })}
              data-testid={`meta-value-${index}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('installations.meta.remove')}
              disabled={disabled}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              mt={6}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button size="xs" variant="default" disabled={disabled} onClick={() => onChange([...rows, { key: '', value: '', json: false }])} data-testid="meta-add">
          {t('installations.meta.add')}
        </Button>
      </Group>
    </Stack>
  );
}
