import { describe, expect, it } from 'vitest';
import { retrySchedule } from '../../../shared/retry-schedule';
import {
  buildCreateEndpointBody,
  buildPatchEndpointBody,
  emptyEndpointForm,
  endpointErrorKeys,
  endpointFormFrom,
  eventChoices,
  keepsStoredValue,
  validateEndpointForm,
  type EndpointFormValues,
} from './endpoint-form';
import { buildRetryPolicyBody, previewTiming, retryPolicyErrorKeys, retryPolicyFormFrom, validateRetryPolicy } from './retry-policy-form';

const stored = endpointFormFrom({
  id: 'ep1',
  url: 'https://hooks.example.test/in',
  description: 'ERP',
  enabled: true,
  events: ['order.paid'],
  headers: { 'X-Api-Key': null, 'X-Tenant': null },
  timeout_seconds: 10,
  secret_hint: 'abcd',
  created_at: '2026-01-01T00:00:00.000000Z',
  updated_at: '2026-01-01T00:00:00.000000Z',
  disabled_reason: null,
});

describe('endpoint form validation', () => {
  const valid: EndpointFormValues = { ...emptyEndpointForm(), url: 'https://hooks.example.test/in' };

  it('accepts https anywhere and http only to loopback', () => {
    expect(validateEndpointForm(valid)).toEqual({});
    expect(validateEndpointForm({ ...valid, url: 'http://127.0.0.1:4010/_sandbox/receiver/ok' })).toEqual({});
    expect(validateEndpointForm({ ...valid, url: 'http://localhost/x' })).toEqual({});
    expect(validateEndpointForm({ ...valid, url: 'http://hooks.example.test/in' }).url).toEqual({ key: endpointErrorKeys.urlNotHttps });
    expect(validateEndpointForm({ ...valid, url: 'ftp://x.test' }).url).toEqual({ key: endpointErrorKeys.urlInvalid });
    expect(validateEndpointForm({ ...valid, url: 'nope' }).url).toEqual({ key: endpointErrorKeys.urlInvalid });
    expect(validateEndpointForm({ ...valid, url: ' ' }).url).toEqual({ key: endpointErrorKeys.urlRequired });
  });

  it('needs at least one event and a timeout of 1–30 whole seconds', () => {
    expect(validateEndpointForm({ ...valid, events: [] }).events).toEqual({ key: endpointErrorKeys.eventsRequired });
    for (const bad of ['0', '31', '2.5', 'x', '']) expect(validateEndpointForm({ ...valid, timeoutSeconds: bad }).timeoutSeconds).toBeDefined();
    for (const good of ['1', '30', ' 15 ']) expect(validateEndpointForm({ ...valid, timeoutSeconds: good }).timeoutSeconds).toBeUndefined();
  });

  it('checks header names (token chars, not reserved, no duplicates) and values', () => {
    const errors = validateEndpointForm({
      ...valid,
      headers: [
        { name: 'X-Ok', value: '1', stored: false },
        { name: 'Bad Name', value: '1', stored: false },
        { name: 'x-ok', value: '2', stored: false },
        { name: 'X-II-Signature', value: 'forged', stored: false },
        { name: 'X-Empty', value: '', stored: false },
        { name: '', value: '', stored: false },
      ],
    });
    expect(errors.headers).toEqual({
      1: { key: endpointErrorKeys.headerName, params: { name: 'Bad Name' } },
      2: { key: endpointErrorKeys.headerDuplicate, params: { name: 'x-ok' } },
      3: { key: endpointErrorKeys.headerName, params: { name: 'X-II-Signature' } },
      4: { key: endpointErrorKeys.headerValue },
    });
  });

  it('a stored header left empty keeps its hidden value; a new or renamed one needs a value', () => {
    expect(validateEndpointForm(stored, stored)).toEqual({});
    const added: EndpointFormValues = { ...stored, headers: [...stored.headers, { name: 'X-New', value: 'v', stored: false }] };
    expect(validateEndpointForm(added, stored)).toEqual({});
    const newEmpty: EndpointFormValues = { ...stored, headers: [...stored.headers, { name: 'X-New', value: '', stored: false }] };
    expect(validateEndpointForm(newEmpty, stored).headers).toEqual({ 2: { key: endpointErrorKeys.headerValue } });
    // Renamed: the server holds no value under the new name.
    const renamed: EndpointFormValues = { ...stored, headers: [{ name: 'X-Api-Token', value: '', stored: true }, stored.headers[1]!] };
    expect(validateEndpointForm(renamed, stored).headers).toEqual({ 0: { key: endpointErrorKeys.headerValue } });
    // The same stored name typed in another case still keeps it (header names are case-insensitive).
    const recased: EndpointFormValues = { ...stored, headers: [{ name: 'x-api-key', value: '', stored: false }, stored.headers[1]!] };
    expect(validateEndpointForm(recased, stored)).toEqual({});
    expect(keepsStoredValue(stored, recased.headers[0]!)).toBe(true);
    expect(keepsStoredValue(stored, renamed.headers[0]!)).toBe(false);
    expect(keepsStoredValue(null, stored.headers[0]!)).toBe(false);
  });
});

describe('endpoint bodies', () => {
  it('create: trimmed url, * alone when picked, numeric timeout, headers only when given', () => {
    expect(buildCreateEndpointBody({ ...emptyEndpointForm(), url: ' https://h.test/x ', events: ['order.paid', '*'] })).toEqual({
      url: 'https://h.test/x',
      description: null,
      enabled: true,
      events: ['*'],
      timeout_seconds: 10,
    });
    expect(buildCreateEndpointBody({ ...emptyEndpointForm(), url: 'https://h.test', headers: [{ name: 'X-A', value: 'b', stored: false }] }).headers).toEqual({ 'X-A': 'b' });
  });

  it('patch: only changed fields; never the headers unless they changed', () => {
    expect(buildPatchEndpointBody(stored, stored)).toEqual({});
    expect(buildPatchEndpointBody(stored, { ...stored, timeoutSeconds: '20', events: ['order.paid', 'order.canceled'] })).toEqual({
      timeout_seconds: 20,
      events: ['order.paid', 'order.canceled'],
    });
    // One value replaced: the other stored header is sent as null, which keeps its value.
    const oneRetyped = { ...stored, headers: [{ name: 'X-Api-Key', value: 'new', stored: true }, stored.headers[1]!] };
    expect(buildPatchEndpointBody(stored, oneRetyped)).toEqual({ headers: { 'X-Api-Key': 'new', 'X-Tenant': null } });
    // One removed, one added: the removed one is left out (the map replaces the set).
    const swapped = { ...stored, headers: [stored.headers[0]!, { name: 'X-Region', value: 'br', stored: false }] };
    expect(buildPatchEndpointBody(stored, swapped)).toEqual({ headers: { 'X-Api-Key': null, 'X-Region': 'br' } });
    expect(buildPatchEndpointBody(stored, { ...stored, headers: [] })).toEqual({ headers: {} });
  });

  it('event choices come from every driver, deduplicated, after *', () => {
    expect(eventChoices([{ supported_events: ['order.paid', 'order.canceled'] }, { supported_events: ['checkout.abandoned', 'order.paid'] }])).toEqual([
      '*',
      'checkout.abandoned',
      'order.canceled',
      'order.paid',
    ]);
  });
});

describe('retry policy form', () => {
  const defaults = retryPolicyFormFrom({
    max_attempts: 8,
    strategy: 'exponential',
    initial_delay_seconds: 30,
    max_delay_seconds: 36000,
    retry_on: ['5xx', '429', 'timeout', 'connection_error'],
    disable_endpoint_after_failures: null,
  });

  it('round-trips the server policy into a body', () => {
    expect(validateRetryPolicy(defaults)).toEqual({});
    expect(buildRetryPolicyBody(defaults)).toEqual({
      max_attempts: 8,
      strategy: 'exponential',
      initial_delay_seconds: 30,
      max_delay_seconds: 36000,
      retry_on: ['5xx', '429', 'timeout', 'connection_error'],
      disable_endpoint_after_failures: null,
    });
  });

  it('reports each bound live', () => {
    expect(validateRetryPolicy({ ...defaults, maxAttempts: '21' }).maxAttempts).toEqual({ key: retryPolicyErrorKeys.maxAttempts });
    expect(validateRetryPolicy({ ...defaults, maxAttempts: '0' }).maxAttempts).toBeDefined();
    expect(validateRetryPolicy({ ...defaults, strategy: 'random' }).strategy).toBeDefined();
    expect(validateRetryPolicy({ ...defaults, initialDelaySeconds: '-1' }).initialDelaySeconds).toBeDefined();
    expect(validateRetryPolicy({ ...defaults, maxDelaySeconds: '10' }).maxDelaySeconds).toEqual({ key: retryPolicyErrorKeys.maxBelowInitial });
    expect(validateRetryPolicy({ ...defaults, disableAfterFailures: '0' }).disableAfterFailures).toBeDefined();
    expect(validateRetryPolicy({ ...defaults, disableAfterFailures: '5' })).toEqual({});
  });

  it('the preview timing is the policy as typed, and none while it is invalid', () => {
    const timing = previewTiming({ ...defaults, maxAttempts: '4', strategy: 'linear', initialDelaySeconds: '10' });
    expect(timing && retrySchedule(timing).attempts.map((a) => a.atSeconds)).toEqual([0, 10, 30, 60]);
    expect(previewTiming({ ...defaults, maxAttempts: 'x' })).toBeNull();
  });
});
