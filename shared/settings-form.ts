// The form model behind every "settings" form of an installation: built from a driver's
// `available_settings` (docs/api-contract.md §4), evaluated live (required / required_if / type checks) and
// turned into the create or PATCH payload. Pure: no React, no DOM, no Electron — the renderer's
// settings-form component renders this model, and the unit tests exercise it directly.
//
// Why a separate model instead of validating inside the component: the rules (dot-path sections,
// required_if comparing typed values, secrets omitted from PATCH when untouched, 422 keys mapped
// onto fields) are the part that must be right, so they live where they can be tested exhaustively.
import { z } from 'zod';

/** Setting types the console renders specially; anything else is shown as a text field. */
export const knownSettingTypes = ['boolean', 'url', 'string', 'integer', 'enum', 'secret'] as const;
export type KnownSettingType = (typeof knownSettingTypes)[number];

/** How a field is rendered. `text` is the fallback for unknown types (kept, never dropped). */
export type SettingFieldKind = KnownSettingType | 'text';

/**
 * One entry of `available_settings`, parsed tolerantly: a real server may add keys or send odd
 * values, and a bad entry must degrade to a text field rather than break the whole form.
 */
const settingDefinitionSchema = z
  .object({
    type: z.string().optional().catch(undefined),
    required: z.union([z.boolean(), z.literal(1), z.literal(0), z.literal('true'), z.literal('false')]).optional().catch(undefined),
    required_if: z.string().optional().catch(undefined),
    options: z.array(z.union([z.string(), z.number(), z.boolean()])).optional().catch(undefined),
    label: z.string().optional().catch(undefined),
    description: z.string().optional().catch(undefined),
    min: z.number().optional().catch(undefined),
    max: z.number().optional().catch(undefined),
  })
  .loose();

/** `required_if: "<other key>,<value>[,<value>…]"` — required when the other field equals any value. */
export interface RequiredIfRule {
  otherKey: string;
  values: string[];
}

export interface SettingField {
  /** The full dot path, exactly as the driver declares it; also the key in payloads and 422 errors. */
  key: string;
  /** The last path segment, used as the field's label when the driver gives none. */
  name: string;
  label: string;
  description: string | null;
  /** Path segments before the name (`['oauth_settings', 'custom_oauth']`); empty for top-level keys. */
  sectionPath: string[];
  kind: SettingFieldKind;
  /** The type string the server sent (shown next to a `text` fallback so nothing is hidden). */
  declaredType: string | null;
  required: boolean;
  requiredIf: RequiredIfRule | null;
  /** The raw `required_if` text, kept when it could not be parsed. */
  requiredIfRaw: string | null;
  options: string[];
  /** The options as the driver declared them (`1`, `true`, `"pix"`), so payloads keep their JSON type. */
  rawOptions: (string | number | boolean)[];
  min: number | null;
  max: number | null;
  /** Secrets are masked and write-only: the server reads them back as `null`. */
  writeOnly: boolean;
}

export interface SettingsSection {
  /** `oauth_settings.custom_oauth`, or `''` for top-level keys. */
  id: string;
  path: string[];
  /** `oauth_settings › custom_oauth`, or `''` for the top-level section. */
  title: string;
  fields: SettingField[];
}

export interface SettingsFormModel {
  fields: SettingField[];
  sections: SettingsSection[];
  byKey: Map<string, SettingField>;
}

export const SECTION_SEPARATOR = ' › ';

function parseRequiredIf(raw: string | undefined): RequiredIfRule | null {
  if (raw === undefined) return null;
  const parts = raw.split(',').map((part) => part.trim());
  const [otherKey, ...values] = parts;
  if (!otherKey || values.length === 0) return null;
  return { otherKey, values };
}

function isRequiredFlag(value: unknown): boolean {
  return value === true || value === 1 || value === 'true';
}

function kindOf(type: string | undefined): SettingFieldKind {
  return (knownSettingTypes as readonly string[]).includes(type ?? '') ? (type as KnownSettingType) : 'text';
}

/** Builds the form model. Order: sections in first-seen order, fields in declaration order. */
export function buildSettingsForm(availableSettings: unknown): SettingsFormModel {
  const entries = availableSettings && typeof availableSettings === 'object' && !Array.isArray(availableSettings)
    ? Object.entries(availableSettings as Record<string, unknown>)
    : [];
  const fields: SettingField[] = [];
  for (const [key, rawDefinition] of entries) {
    const parsed = settingDefinitionSchema.safeParse(rawDefinition);
    const definition = parsed.success ? parsed.data : {};
    const segments = key.split('.').filter((segment) => segment.length > 0);
    const name = segments[segments.length - 1] ?? key;
    const kind = kindOf(definition.type);
    fields.push({
      key,
      name,
      label: definition.label ?? name,
      description: definition.description ?? null,
      sectionPath: segments.slice(0, -1),
      kind,
      declaredType: definition.type ?? null,
      required: isRequiredFlag(definition.required),
      requiredIf: parseRequiredIf(definition.required_if),
      requiredIfRaw: definition.required_if ?? null,
      options: (definition.options ?? []).map((option) => String(option)),
      rawOptions: definition.options ?? [],
      min: definition.min ?? null,
      max: definition.max ?? null,
      writeOnly: kind === 'secret',
    });
  }
  const sectionsById = new Map<string, SettingsSection>();
  for (const field of fields) {
    const id = field.sectionPath.join('.');
    let section = sectionsById.get(id);
    if (!section) {
      section = { id, path: field.sectionPath, title: field.sectionPath.join(SECTION_SEPARATOR), fields: [] };
      sectionsById.set(id, section);
    }
    section.fields.push(field);
  }
  return { fields, sections: [...sectionsById.values()], byKey: new Map(fields.map((field) => [field.key, field])) };
}

// ---------------------------------------------------------------------------------------------
// Values

/** What an input holds: booleans for switches, the typed text for everything else. */
export type SettingInputValue = boolean | string;

export interface SettingsFormState {
  values: Record<string, SettingInputValue>;
  /** Keys the operator changed. PATCH sends only these; an untouched secret keeps its stored value. */
  touched: Set<string>;
  /** Secrets the server already holds (edit mode). An untouched, set secret satisfies `required`. */
  secretsSet: Set<string>;
}

/**
 * Whether the server holds a value for a write-only setting. Secrets read back as `null`, so the
 * only signal is the key's presence: present (even `null`, or a masked string) = set; absent = not set.
 * A nested `settings` object is looked up by path too, as a real server may nest dot paths.
 */
export function isSecretSet(settings: unknown, key: string): boolean {
  if (!settings || typeof settings !== 'object') return false;
  const record = settings as Record<string, unknown>;
  if (Object.hasOwn(record, key)) return record[key] !== '';
  const nested = readNested(record, key.split('.'));
  return nested.found && nested.value !== '';
}

function readNested(record: Record<string, unknown>, segments: string[]): { found: boolean; value: unknown } {
  let current: unknown = record;
  for (const segment of segments) {
    if (!current || typeof current !== 'object' || !Object.hasOwn(current, segment)) return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

function readSetting(settings: unknown, key: string): { found: boolean; value: unknown } {
  if (!settings || typeof settings !== 'object') return { found: false, value: undefined };
  const record = settings as Record<string, unknown>;
  if (Object.hasOwn(record, key)) return { found: true, value: record[key] };
  return readNested(record, key.split('.'));
}

/** Initial state: empty for create, the installation's current settings for edit. */
export function initialFormState(model: SettingsFormModel, currentSettings?: unknown): SettingsFormState {
  const values: Record<string, SettingInputValue> = {};
  const secretsSet = new Set<string>();
  for (const field of model.fields) {
    const current = readSetting(currentSettings, field.key);
    if (field.writeOnly) {
      if (currentSettings !== undefined && isSecretSet(currentSettings, field.key)) secretsSet.add(field.key);
      values[field.key] = '';
    } else if (field.kind === 'boolean') {
      values[field.key] = current.value === true || current.value === 'true' || current.value === 1;
    } else {
      values[field.key] = current.found && current.value !== null && current.value !== undefined
        ? (typeof current.value === 'object' ? JSON.stringify(current.value) : String(current.value))
        : '';
    }
  }
  return { values, touched: new Set(), secretsSet };
}

/** A new state with one value changed and marked touched (immutable, so React sees the change). */
export function setFieldValue(state: SettingsFormState, key: string, value: SettingInputValue): SettingsFormState {
  return { ...state, values: { ...state.values, [key]: value }, touched: new Set(state.touched).add(key) };
}

/** The typed value of a field as the server would compare it: boolean, integer, or trimmed text. */
export function typedValue(field: SettingField, value: SettingInputValue | undefined): boolean | number | string | null {
  if (field.kind === 'boolean') return value === true;
  if (typeof value !== 'string') return value === undefined ? null : String(value);
  const text = value.trim();
  if (text === '') return null;
  if (field.kind === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text;
  return text;
}

/** A rule value (`"true"`, `"1"`, `"pix"`) converted to the other field's type before comparing. */
function ruleValueMatches(other: SettingField | undefined, actual: boolean | number | string | null, ruleValue: string): boolean {
  if (other?.kind === 'boolean') {
    const expected = ruleValue === 'true' || ruleValue === '1' ? true : ruleValue === 'false' || ruleValue === '0' ? false : null;
    return expected !== null && actual === expected;
  }
  if (other?.kind === 'integer') return actual !== null && /^-?\d+$/.test(ruleValue) && actual === Number(ruleValue);
  return actual !== null && String(actual) === ruleValue;
}

/** Whether a field is required right now, given the other fields' current values. */
export function isFieldRequired(model: SettingsFormModel, state: SettingsFormState, field: SettingField): boolean {
  if (field.required) return true;
  if (!field.requiredIf) return false;
  const other = model.byKey.get(field.requiredIf.otherKey);
  const actual = other
    ? typedValue(other, state.values[other.key])
    : null;
  return field.requiredIf.values.some((ruleValue) => ruleValueMatches(other, actual, ruleValue));
}

/** A validation message as an i18n key (renderer: `t(error.key, error.params)`). */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export const settingsFormErrorKeys = {
  required: 'installations.settingsForm.errors.required',
  requiredIf: 'installations.settingsForm.errors.requiredIf',
  url: 'installations.settingsForm.errors.url',
  integer: 'installations.settingsForm.errors.integer',
  min: 'installations.settingsForm.errors.min',
  max: 'installations.settingsForm.errors.max',
  option: 'installations.settingsForm.errors.option',
} as const;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Validates one field; null when valid. */
export function validateField(model: SettingsFormModel, state: SettingsFormState, field: SettingField): FieldError | null {
  const value = state.values[field.key];
  const typed = typedValue(field, value);
  const empty = field.kind === 'boolean' ? false : typed === null;
  if (empty) {
    // A stored secret the operator did not touch still counts as a value.
    if (field.writeOnly && state.secretsSet.has(field.key)) return null;
    if (!isFieldRequired(model, state, field)) return null;
    if (!field.required && field.requiredIf) {
      return { key: settingsFormErrorKeys.requiredIf, params: { other: field.requiredIf.otherKey, value: field.requiredIf.values.join(', ') } };
    }
    return { key: settingsFormErrorKeys.required };
  }
  switch (field.kind) {
    case 'url':
      return isHttpUrl(String(typed)) ? null : { key: settingsFormErrorKeys.url };
    case 'integer': {
      if (typeof typed !== 'number' || !Number.isSafeInteger(typed)) return { key: settingsFormErrorKeys.integer };
      if (field.min !== null && typed < field.min) return { key: settingsFormErrorKeys.min, params: { min: field.min } };
      if (field.max !== null && typed > field.max) return { key: settingsFormErrorKeys.max, params: { max: field.max } };
      return null;
    }
    case 'enum':
      return field.options.length === 0 || field.options.includes(String(typed))
        ? null
        : { key: settingsFormErrorKeys.option, params: { options: field.options.join(', ') } };
    default:
      return null;
  }
}

/** Every field's current error (only invalid fields appear). */
export function validateSettings(model: SettingsFormModel, state: SettingsFormState): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const field of model.fields) {
    const error = validateField(model, state, field);
    if (error) errors[field.key] = error;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Payloads

/** The JSON value sent for a field: booleans, integers as numbers, enum options in their declared type. */
function payloadValue(field: SettingField, value: SettingInputValue | undefined): unknown {
  const typed = typedValue(field, value);
  if (field.kind === 'enum' && typed !== null) {
    const declared = field.rawOptions.find((option) => String(option) === String(typed));
    if (declared !== undefined) return declared;
  }
  return typed;
}

/**
 * `settings` for `POST /installations`: every field with a value (flat dot-path keys, as the driver
 * declares them). Empty optional fields are left out rather than sent as empty strings; switches
 * are always sent so `false` is explicit.
 */
export function buildCreateSettings(model: SettingsFormModel, state: SettingsFormState): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of model.fields) {
    const value = payloadValue(field, state.values[field.key]);
    if (value === null) continue;
    settings[field.key] = value;
  }
  return settings;
}

/**
 * `settings` for `PATCH /installations/{id}`: only what the operator touched. An untouched secret
 * is never sent, so it keeps its stored value; a touched field cleared to empty is sent as `null`
 * (the operator removed it) — except secrets, where an empty box means "keep", never "erase".
 */
export function buildPatchSettings(model: SettingsFormModel, state: SettingsFormState): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of model.fields) {
    if (!state.touched.has(field.key)) continue;
    const value = payloadValue(field, state.values[field.key]);
    if (field.writeOnly && value === null) continue;
    settings[field.key] = value;
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Server errors

export interface MappedServerErrors {
  /** Messages for setting fields, by setting key. */
  fields: Record<string, string[]>;
  /** Messages for the form's other inputs (`name`, `driver_id`, `meta.*`), by their key. */
  other: Record<string, string[]>;
}

/**
 * Places a 422's `errors` onto the form. Keys may come as the setting key itself
 * (`oauth_settings.redirect_url`), prefixed (`settings.oauth_settings.redirect_url`) or with a
 * Laravel array suffix (`…client_id.0`); anything that is not a setting stays visible in `other`.
 */
export function mapServerErrors(model: SettingsFormModel, errors: Record<string, string[]> | undefined): MappedServerErrors {
  const mapped: MappedServerErrors = { fields: {}, other: {} };
  for (const [rawKey, messages] of Object.entries(errors ?? {})) {
    const key = settingKeyForErrorKey(model, rawKey);
    const target = key ? mapped.fields : mapped.other;
    const targetKey = key ?? rawKey;
    target[targetKey] = [...(target[targetKey] ?? []), ...messages];
  }
  return mapped;
}

function settingKeyForErrorKey(model: SettingsFormModel, rawKey: string): string | null {
  const candidates = [rawKey];
  if (rawKey.startsWith('settings.')) candidates.push(rawKey.slice('settings.'.length));
  for (const candidate of candidates) {
    // Longest declared key that is the candidate or a prefix of it (`…client_id.0` → `…client_id`).
    let segments = candidate.split('.');
    while (segments.length > 0) {
      const joined = segments.join('.');
      if (model.byKey.has(joined)) return joined;
      segments = segments.slice(0, -1);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Meta (free key/value pairs on the installation)

export interface MetaRow {
  key: string;
  value: string;
  /** The value was not a string on the server (number, object…): sent back parsed as JSON. */
  json: boolean;
}

export function metaRowsFromObject(meta: unknown): MetaRow[] {
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return [];
  return Object.entries(meta as Record<string, unknown>).map(([key, value]) =>
    typeof value === 'string' ? { key, value, json: false } : { key, value: JSON.stringify(value) ?? 'null', json: true },
  );
}

export const metaErrorKeys = {
  emptyKey: 'installations.meta.errors.emptyKey',
  duplicateKey: 'installations.meta.errors.duplicateKey',
  invalidJson: 'installations.meta.errors.invalidJson',
} as const;

/** Turns the rows back into `meta`, with a per-row error when a row cannot be sent. */
export function metaObjectFromRows(rows: MetaRow[]): { meta: Record<string, unknown>; errors: Record<number, FieldError> } {
  const meta: Record<string, unknown> = {};
  const errors: Record<number, FieldError> = {};
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') return; // a blank row the operator has not filled in
    if (key === '') {
      errors[index] = { key: metaErrorKeys.emptyKey };
      return;
    }
    if (Object.hasOwn(meta, key)) {
      errors[index] = { key: metaErrorKeys.duplicateKey, params: { key } };
      return;
    }
    if (row.json) {
      try {
        meta[key] = JSON.parse(row.value) as unknown;
      } catch {
        errors[index] = { key: metaErrorKeys.invalidJson };
      }
      return;
    }
    meta[key] = row.value;
  });
  return { meta, errors };
}
