// Installation settings checked against the driver's `available_settings` (docs/api-contract.md §4–§5):
// each key's `type`, `required`, `required_if: "<other key>,<value>"`, and no unknown keys.
// Secrets are write-only: stored, never served back.
import type { FieldErrors } from '../http/errors';
import { addFieldError } from '../http/errors';
import type { SettingDefinition } from '../seed/drivers';

export type Settings = Record<string, unknown>;
export type SettingDefinitions = Record<string, SettingDefinition>;

const MAX_STRING_LENGTH = 2000;

/**
 * Merges `input` over `existing` (PATCH semantics) and validates the result.
 * A `null` for a secret means "keep the stored value" (clients read secrets back as null);
 * a `null` for anything else clears it.
 */
export function mergeAndValidateSettings(
  definitions: SettingDefinitions,
  existing: Settings,
  input: Settings,
): { settings: Settings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const merged: Settings = { ...existing };

  for (const [key, value] of Object.entries(input)) {
    const field = `settings.${key}`;
    const definition = definitions[key];
    if (definition === undefined) {
      addFieldError(errors, field, `The ${field} field is not a setting of this driver.`);
      continue;
    }
    if (value === null) {
      if (definition.type !== 'secret') delete merged[key];
      continue;
    }
    const problem = typeProblem(definition, value);
    if (problem !== null) {
      addFieldError(errors, field, `The ${field} field ${problem}.`);
      continue;
    }
    merged[key] = value;
  }

  for (const [key, definition] of Object.entries(definitions)) {
    const field = `settings.${key}`;
    if (errors[field] !== undefined || isPresent(merged[key])) continue;
    if (definition.required === true) {
      addFieldError(errors, field, `The ${field} field is required.`);
    } else if (definition.required_if !== undefined) {
      const [otherKey = '', expected = ''] = splitRequiredIf(definition.required_if);
      if (isPresent(merged[otherKey]) && String(merged[otherKey]) === expected) {
        addFieldError(errors, field, `The ${field} field is required when ${otherKey} is ${expected}.`);
      }
    }
  }
  return { settings: merged, errors };
}

/** What the API serves: every stored setting, with secrets replaced by null. */
export function publicSettings(definitions: SettingDefinitions, settings: Settings): Settings {
  const result: Settings = {};
  for (const [key, value] of Object.entries(settings)) {
    result[key] = definitions[key]?.type === 'secret' ? null : value;
  }
  return result;
}

function typeProblem(definition: SettingDefinition, value: unknown): string | null {
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : 'must be an integer';
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? null : 'must be a valid http(s) URL';
    case 'enum': {
      const options = definition.options ?? [];
      return typeof value === 'string' && options.includes(value) ? null : `must be one of: ${options.join(', ')}`;
    }
    case 'string':
    case 'secret':
      if (typeof value !== 'string') return 'must be a string';
      return value.length > MAX_STRING_LENGTH ? `may not be longer than ${MAX_STRING_LENGTH} characters` : null;
    default:
      // A type this sandbox does not know: accept any scalar, as a client would render a text field.
      return ['string', 'number', 'boolean'].includes(typeof value) ? null : 'must be a string, number or boolean';
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function splitRequiredIf(rule: string): [string, string] {
  const comma = rule.indexOf(',');
  return comma === -1 ? [rule, ''] : [rule.slice(0, comma), rule.slice(comma + 1)];
}
