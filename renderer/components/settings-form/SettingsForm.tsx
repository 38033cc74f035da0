// Renders the settings form model (shared/settings-form.ts): one fieldset per dot-path section,
// one input per setting type, `required`/`required_if` marks that follow the other fields live,
// client errors (i18n keys) once a field was touched or the form was submitted, and server 422
// messages on the field they name. Secrets are masked, write-only, and say whether one is stored.
import { Badge, Fieldset, Group, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  isFieldRequired,
  setFieldValue,
  validateField,
  type SettingField,
  type SettingsFormModel,
  type SettingsFormState,
} from '../../../shared/settings-form';

export interface SettingsFormProps {
  model: SettingsFormModel;
  state: SettingsFormState;
  onChange: (state: SettingsFormState) => void;
  /** Show client errors on every field (after a submit attempt), not only touched ones. */
  showAllErrors: boolean;
  /** Server 422 messages by setting key (from mapServerErrors). */
  serverErrors?: Record<string, string[]>;
  /** Edit mode: secrets show set/not set and an empty box keeps the stored value. */
  mode: 'create' | 'edit';
  disabled?: boolean;
}

/** A stable, selector-friendly id for a setting key (`oauth_settings.redirect_url` → `setting-oauth_settings-redirect_url`). */
export function settingTestId(key: string): string {
  return `setting-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

function SettingInput({ field, props }: { field: SettingField; props: SettingsFormProps }) {
  const { t } = useTranslation();
  const { model, state, onChange, mode, disabled } = props;
  const value = state.values[field.key];
  const required = isFieldRequired(model, state, field);
  const clientError = props.showAllErrors || state.touched.has(field.key) ? validateField(model, state, field) : null;
  const serverError = props.serverErrors?.[field.key];
  const error = serverError?.length ? serverError.join(' ') : clientError ? t(clientError.key, clientError.params ?? {}) : undefined;
  const testId = settingTestId(field.key);
  const description = [
    field.description,
    field.kind === 'text' && field.declaredType ? t('installations.settingsForm.unknownType', { type: field.declaredType }) : null,
    field.requiredIf && !field.required ? t('installations.settingsForm.requiredIfHint', { other: field.requiredIf.otherKey, value: field.requiredIf.values.join(', ') }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const common = {
    label: field.label,
    description: description || undefined,
    required,
    error,
    disabled,
    'data-testid': testId,
    'data-required': required,
  };
  const setText = (text: string) => onChange(setFieldValue(state, field.key, text));

  switch (field.kind) {
    case 'boolean':
      return (
        <Switch
          {...common}
          checked={value === true}
          onChange={(event) => onChange(setFieldValue(state, field.key, event.currentTarget.checked))}
        />
      );
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          allowDecimal={false}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          onChange={(next) => setText(typeof next === 'number' ? String(next) : next)}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' && value !== '' ? value : null}
          onChange={(next) => setText(next ?? '')}
          clearable={!required}
          allowDeselect={!required}
        />
      );
    case 'secret': {
      const stored = state.secretsSet.has(field.key);
      return (
        <Stack gap={4}>
          <PasswordInput
            {...common}
            value={typeof value === 'string' ? value : ''}
            placeholder={mode === 'edit' && stored ? t('installations.settingsForm.secretKeep') : undefined}
            autoComplete="new-password"
            onChange={(event) => setText(event.currentTarget.value)}
          />
          {mode === 'edit' && (
            <Group gap={4}>
              <Badge size="xs" variant="light" color={stored ? 'teal' : 'gray'} data-testid={`${testId}-state`} data-set={stored}>
                {stored ? t('installations.settingsForm.secretSet') : t('installations.settingsForm.secretNotSet')}
              </Badge>
            </Group>
          )}
        </Stack>
      );
    }
    case 'url':
      return <TextInput {...common} type="url" inputMode="url" value={typeof value === 'string' ? value : ''} onChange={(event) => setText(event.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => setText(event.currentTarget.value)} />;
  }
}

export function SettingsForm(props: SettingsFormProps) {
  const { t } = useTranslation();
  if (props.model.fields.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="settings-form-empty">
        {t('installations.settingsForm.none')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="settings-form">
      {props.model.sections.map((section) => (
        <Fieldset key={section.id || '(root)'} legend={section.title || t('installations.settingsForm.general')} data-testid={`settings-section-${section.id || 'root'}`}>
          <Stack gap="sm">
            {section.fields.map((field) => (
              <SettingInput key={field.key} field={field} props={props} />
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
