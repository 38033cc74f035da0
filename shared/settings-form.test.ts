import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildCreateSettings,
  buildPatchSettings,
  buildSettingsForm,
  initialFormState,
  isFieldRequired,
  isSecretSet,
  mapServerErrors,
  metaObjectFromRows,
  metaRowsFromObject,
  setFieldValue,
  settingsFormErrorKeys,
  validateField,
  validateSettings,
  type SettingsFormModel,
  type SettingsFormState,
} from './settings-form';

const vendorDrivers = JSON.parse(readFileSync(new URL('./api/fixtures/vendor-drivers-list.json', import.meta.url), 'utf8')) as {
  data: { slug: string; available_settings: Record<string, unknown> }[];
};
const bling = vendorDrivers.data.find((driver) => driver.slug === 'bling');
if (!bling) throw new Error('the vendor fixture must contain Bling');

/** A driver schema that uses every type the contract names, plus one the console does not know. */
const everyType = {
  enabled: { type: 'boolean', required: false },
  callback_url: { type: 'url', required: true },
  store_name: { type: 'string', required: false },
  'limits.max_orders': { type: 'integer', required: false, min: 1, max: 500 },
  'payment.method': { type: 'enum', options: ['pix', 'card', 'boleto'], required: true },
  'payment.retries': { type: 'enum', options: [1, 2, 3] },
  'credentials.api_key': { type: 'secret', required: true },
  'credentials.region_code': { type: 'color' },
  'credentials.tier': { type: 'integer', required_if: 'payment.method,card' },
  'credentials.webhook_token': { type: 'secret', required_if: 'limits.max_orders,10' },
};

function fill(model: SettingsFormModel, state: SettingsFormState, values: Record<string, string | boolean>): SettingsFormState {
  return Object.entries(values).reduce((next, [key, value]) => setFieldValue(next, key, value), state);
}

function errorOf(model: SettingsFormModel, state: SettingsFormState, key: string) {
  const field = model.byKey.get(key);
  if (!field) throw new Error(`no field ${key}`);
  return validateField(model, state, field);
}

describe('buildSettingsForm', () => {
  it('groups the Bling dot paths into sections in declaration order', () => {
    const model = buildSettingsForm(bling.available_settings);
    expect(model.sections.map((section) => section.title)).toEqual(['', 'oauth_settings', 'oauth_settings › custom_oauth']);
    expect(model.sections[2]?.fields.map((field) => field.name)).toEqual(['client_id', 'client_secret']);
    expect(model.byKey.get('oauth_settings.redirect_url')).toMatchObject({ kind: 'url', required: true, sectionPath: ['oauth_settings'] });
    expect(model.byKey.get('oauth_settings.custom_oauth.client_id')?.requiredIf).toEqual({ otherKey: 'custom_oauth_enabled', values: ['true'] });
  });

  it('maps each declared type to its field kind, unknown types to text (keeping the declared type)', () => {
    const model = buildSettingsForm(everyType);
    const kinds = Object.fromEntries(model.fields.map((field) => [field.key, field.kind]));
    expect(kinds).toEqual({
      enabled: 'boolean',
      callback_url: 'url',
      store_name: 'string',
      'limits.max_orders': 'integer',
      'payment.method': 'enum',
      'payment.retries': 'enum',
      'credentials.api_key': 'secret',
      'credentials.region_code': 'text',
      'credentials.tier': 'integer',
      'credentials.webhook_token': 'secret',
    });
    expect(model.byKey.get('credentials.region_code')?.declaredType).toBe('color');
    expect(model.byKey.get('credentials.api_key')?.writeOnly).toBe(true);
    expect(model.byKey.get('payment.method')?.options).toEqual(['pix', 'card', 'boleto']);
  });

  it('degrades bad input instead of throwing: non-object schemas, entries without a type, odd required values', () => {
    expect(buildSettingsForm(null).fields).toEqual([]);
    expect(buildSettingsForm([1, 2]).fields).toEqual([]);
    const model = buildSettingsForm({ a: 'nonsense', b: { required: 'yes', type: 42 }, c: { required: 1, required_if: ',' } });
    expect(model.fields.map((field) => [field.key, field.kind, field.required])).toEqual([
      ['a', 'text', false],
      ['b', 'text', false],
      ['c', 'text', true],
    ]);
    expect(model.byKey.get('c')?.requiredIf).toBeNull();
    expect(model.byKey.get('c')?.requiredIfRaw).toBe(',');
  });
});

describe('validation of every type', () => {
  const model = buildSettingsForm(everyType);
  const base = fill(model, initialFormState(model), {
    callback_url: 'https://example.test/cb',
    'payment.method': 'pix',
    'credentials.api_key': 's3cret',
  });

  it('a valid form has no errors', () => {
    expect(validateSettings(model, base)).toEqual({});
  });

  it('required: empty (or whitespace) text, url, enum and secret fields are reported', () => {
    const empty = initialFormState(model);
    const errors = validateSettings(model, fill(model, empty, { store_name: '   ' }));
    expect(Object.keys(errors).sort()).toEqual(['callback_url', 'credentials.api_key', 'payment.method']);
    expect(errors.callback_url).toEqual({ key: settingsFormErrorKeys.required });
  });

  it('boolean: a switch is never "missing"', () => {
    const required = buildSettingsForm({ on: { type: 'boolean', required: true } });
    expect(validateSettings(required, initialFormState(required))).toEqual({});
  });

  it('url: only http(s) URLs with a host', () => {
    for (const bad of ['not a url', 'ftp://example.test', 'javascript:alert(1)', 'https://']) {
      expect(errorOf(model, setFieldValue(base, 'callback_url', bad), 'callback_url')).toEqual({ key: settingsFormErrorKeys.url });
    }
    expect(errorOf(model, setFieldValue(base, 'callback_url', 'http://127.0.0.1:8080/x'), 'callback_url')).toBeNull();
  });

  it('integer: digits only, within min/max when declared', () => {
    expect(errorOf(model, setFieldValue(base, 'limits.max_orders', '1.5'), 'limits.max_orders')).toEqual({ key: settingsFormErrorKeys.integer });
    expect(errorOf(model, setFieldValue(base, 'limits.max_orders', 'ten'), 'limits.max_orders')).toEqual({ key: settingsFormErrorKeys.integer });
    expect(errorOf(model, setFieldValue(base, 'limits.max_orders', '0'), 'limits.max_orders')).toEqual({ key: settingsFormErrorKeys.min, params: { min: 1 } });
    expect(errorOf(model, setFieldValue(base, 'limits.max_orders', '501'), 'limits.max_orders')).toEqual({ key: settingsFormErrorKeys.max, params: { max: 500 } });
    expect(errorOf(model, setFieldValue(base, 'limits.max_orders', ' 42 '), 'limits.max_orders')).toBeNull();
  });

  it('enum: only declared options', () => {
    expect(errorOf(model, setFieldValue(base, 'payment.method', 'cash'), 'payment.method')).toEqual({
      key: settingsFormErrorKeys.option,
      params: { options: 'pix, card, boleto' },
    });
  });

  it('unknown types accept any text', () => {
    expect(errorOf(model, setFieldValue(base, 'credentials.region_code', '#ff0000'), 'credentials.region_code')).toBeNull();
  });
});

describe('required_if', () => {
  const model = buildSettingsForm(bling.available_settings);
  const clientId = model.byKey.get('oauth_settings.custom_oauth.client_id')!;
  const clientSecret = model.byKey.get('oauth_settings.custom_oauth.client_secret')!;
  const withRedirect = fill(model, initialFormState(model), { 'oauth_settings.redirect_url': 'https://example.test/oauth' });

  it('Bling: not required while custom_oauth_enabled is off (boolean compared as boolean)', () => {
    expect(isFieldRequired(model, withRedirect, clientId)).toBe(false);
    expect(validateSettings(model, withRedirect)).toEqual({});
  });

  it('Bling: switching custom_oauth_enabled on demands client id and secret, live', () => {
    const on = setFieldValue(withRedirect, 'custom_oauth_enabled', true);
    expect(isFieldRequired(model, on, clientId)).toBe(true);
    expect(isFieldRequired(model, on, clientSecret)).toBe(true);
    const errors = validateSettings(model, on);
    expect(errors['oauth_settings.custom_oauth.client_id']).toEqual({
      key: settingsFormErrorKeys.requiredIf,
      params: { other: 'custom_oauth_enabled', value: 'true' },
    });
    expect(Object.keys(errors).sort()).toEqual(['oauth_settings.custom_oauth.client_id', 'oauth_settings.custom_oauth.client_secret']);
    const filled = fill(model, on, { 'oauth_settings.custom_oauth.client_id': 'id', 'oauth_settings.custom_oauth.client_secret': 'secret' });
    expect(validateSettings(model, filled)).toEqual({});
    // And off again: no longer required.
    expect(validateSettings(model, setFieldValue(on, 'custom_oauth_enabled', false))).toEqual({});
  });

  it('boolean rules written as 1/0 and false', () => {
    const schema = buildSettingsForm({
      flag: { type: 'boolean' },
      whenOne: { type: 'string', required_if: 'flag,1' },
      whenFalse: { type: 'string', required_if: 'flag,false' },
      whenGarbage: { type: 'string', required_if: 'flag,maybe' },
    });
    const off = initialFormState(schema);
    const on = setFieldValue(off, 'flag', true);
    const req = (state: SettingsFormState, key: string) => isFieldRequired(schema, state, schema.byKey.get(key)!);
    expect([req(off, 'whenOne'), req(on, 'whenOne')]).toEqual([false, true]);
    expect([req(off, 'whenFalse'), req(on, 'whenFalse')]).toEqual([true, false]);
    expect([req(off, 'whenGarbage'), req(on, 'whenGarbage')]).toEqual([false, false]);
  });

  it('enum/string rules compare text; several values mean "any of"', () => {
    const schema = buildSettingsForm({
      mode: { type: 'enum', options: ['a', 'b', 'c'] },
      extra: { type: 'string', required_if: 'mode,b,c' },
    });
    const req = (mode: string) => isFieldRequired(schema, setFieldValue(initialFormState(schema), 'mode', mode), schema.byKey.get('extra')!);
    expect([req(''), req('a'), req('b'), req('c')]).toEqual([false, false, true, true]);
  });

  it('integer rules compare numbers (" 10 " equals 10, "010" too, "10.0" does not)', () => {
    const model2 = buildSettingsForm(everyType);
    const token = model2.byKey.get('credentials.webhook_token')!;
    const req = (value: string) => isFieldRequired(model2, setFieldValue(initialFormState(model2), 'limits.max_orders', value), token);
    expect([req(''), req('9'), req(' 10 '), req('010'), req('10.0')]).toEqual([false, false, true, true, false]);
  });

  it('a rule naming a key the driver does not declare is never satisfied', () => {
    const schema = buildSettingsForm({ x: { type: 'string', required_if: 'ghost,true' } });
    expect(isFieldRequired(schema, initialFormState(schema), schema.byKey.get('x')!)).toBe(false);
  });

  it('a field with both required and required_if is always required', () => {
    const schema = buildSettingsForm({ flag: { type: 'boolean' }, x: { type: 'string', required: true, required_if: 'flag,true' } });
    expect(validateSettings(schema, initialFormState(schema)).x).toEqual({ key: settingsFormErrorKeys.required });
  });
});

describe('secrets', () => {
  const model = buildSettingsForm(everyType);

  it('are set when the key is present (read back as null), not set when absent', () => {
    expect(isSecretSet({ 'credentials.api_key': null }, 'credentials.api_key')).toBe(true);
    expect(isSecretSet({ credentials: { api_key: null } }, 'credentials.api_key')).toBe(true);
    expect(isSecretSet({}, 'credentials.api_key')).toBe(false);
    expect(isSecretSet(null, 'credentials.api_key')).toBe(false);
  });

  it('edit mode: a stored secret starts empty, satisfies required, and is not sent unless typed', () => {
    const current = { callback_url: 'https://example.test/cb', 'payment.method': 'pix', 'credentials.api_key': null, enabled: true };
    const state = initialFormState(model, current);
    expect(state.values['credentials.api_key']).toBe('');
    expect(state.values.enabled).toBe(true);
    expect(state.secretsSet.has('credentials.api_key')).toBe(true);
    expect(validateSettings(model, state)).toEqual({});
    const renamed = setFieldValue(state, 'store_name', 'Loja 1');
    expect(buildPatchSettings(model, renamed)).toEqual({ store_name: 'Loja 1' });
    // Touching the secret box and leaving it empty still means "keep".
    expect(buildPatchSettings(model, setFieldValue(renamed, 'credentials.api_key', ''))).toEqual({ store_name: 'Loja 1' });
    expect(buildPatchSettings(model, setFieldValue(renamed, 'credentials.api_key', 'new'))).toEqual({ store_name: 'Loja 1', 'credentials.api_key': 'new' });
  });

  it('a secret the server does not hold is still required', () => {
    const state = initialFormState(model, { callback_url: 'https://example.test/cb', 'payment.method': 'pix' });
    expect(validateSettings(model, state)['credentials.api_key']).toEqual({ key: settingsFormErrorKeys.required });
  });
});

describe('payloads', () => {
  const model = buildSettingsForm(everyType);

  it('create sends typed values, switches always, and leaves empty optional fields out', () => {
    const state = fill(model, initialFormState(model), {
      callback_url: ' https://example.test/cb ',
      'limits.max_orders': '25',
      'payment.method': 'card',
      'payment.retries': '2',
      'credentials.api_key': 'k',
      'credentials.tier': '3',
    });
    expect(buildCreateSettings(model, state)).toEqual({
      enabled: false,
      callback_url: 'https://example.test/cb',
      'limits.max_orders': 25,
      'payment.method': 'card',
      'payment.retries': 2,
      'credentials.api_key': 'k',
      'credentials.tier': 3,
    });
  });

  it('patch sends only touched fields; a cleared non-secret field is sent as null', () => {
    const state = initialFormState(model, { store_name: 'Old', 'limits.max_orders': 5 });
    expect(state.values['limits.max_orders']).toBe('5');
    expect(buildPatchSettings(model, state)).toEqual({});
    const cleared = setFieldValue(setFieldValue(state, 'store_name', ''), 'enabled', true);
    expect(buildPatchSettings(model, cleared)).toEqual({ store_name: null, enabled: true });
  });
});

describe('server 422 errors', () => {
  const model = buildSettingsForm(bling.available_settings);

  it('land on their fields whether bare, prefixed with settings., or with an array index', () => {
    const mapped = mapServerErrors(model, {
      'oauth_settings.redirect_url': ['The redirect url must be a valid URL.'],
      'settings.oauth_settings.custom_oauth.client_id': ['The client id field is required.'],
      'settings.oauth_settings.custom_oauth.client_secret.0': ['Too short.'],
      name: ['The name has already been taken.'],
      'settings.unknown_key': ['Unknown setting.'],
    });
    expect(mapped.fields).toEqual({
      'oauth_settings.redirect_url': ['The redirect url must be a valid URL.'],
      'oauth_settings.custom_oauth.client_id': ['The client id field is required.'],
      'oauth_settings.custom_oauth.client_secret': ['Too short.'],
    });
    expect(mapped.other).toEqual({ name: ['The name has already been taken.'], 'settings.unknown_key': ['Unknown setting.'] });
  });

  it('no errors → nothing mapped', () => {
    expect(mapServerErrors(model, undefined)).toEqual({ fields: {}, other: {} });
  });
});

describe('meta rows', () => {
  it('round-trip strings and keep non-string values as JSON', () => {
    const rows = metaRowsFromObject({ customer: 'ACME', seats: 3, tags: ['a'] });
    expect(rows).toEqual([
      { key: 'customer', value: 'ACME', json: false },
      { key: 'seats', value: '3', json: true },
      { key: 'tags', value: '["a"]', json: true },
    ]);
    expect(metaObjectFromRows(rows)).toEqual({ meta: { customer: 'ACME', seats: 3, tags: ['a'] }, errors: {} });
  });

  it('report empty keys, duplicates and broken JSON per row; skip blank rows', () => {
    const result = metaObjectFromRows([
      { key: 'a', value: '1', json: false },
      { key: '', value: 'orphan', json: false },
      { key: ' a ', value: '2', json: false },
      { key: 'b', value: '{oops', json: true },
      { key: '', value: '', json: false },
    ]);
    expect(result.meta).toEqual({ a: '1' });
    expect(Object.keys(result.errors)).toEqual(['1', '2', '3']);
    expect(result.errors[2]).toEqual({ key: 'installations.meta.errors.duplicateKey', params: { key: 'a' } });
  });

  it('non-object meta gives no rows', () => {
    expect(metaRowsFromObject(null)).toEqual([]);
    expect(metaRowsFromObject(['x'])).toEqual([]);
  });
});
