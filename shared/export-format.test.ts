import { describe, expect, it } from 'vitest';
import vendorEvents from './api/fixtures/vendor-events-list.json';
import { csvField, eventSerializer, parseCsv, redeliverOutcomeSerializer, type ExportableEvent } from './export-format';

describe('csvField', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('order.paid')).toBe('order.paid');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('tail\t')).toBe('"tail\t"');
    expect(csvField('\u00a0nbsp')).toBe('"\u00a0nbsp"'); // any white space trim() would remove
    expect(csvField('in side')).toBe('in side');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(500)).toBe('500');
    expect(csvField(false)).toBe('false');
  });

  it('gives the same answer as the plain rule (formula guard, then quote) on every short mix of special characters', () => {
    const plainRule = (text: string) => {
      const formula = /^[=+\-@\t\r;|＝＋－＠；｜]/.test(text);
      const guarded = formula ? `'${text}` : text;
      return formula || /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replaceAll('"', '""')}"` : guarded;
    };
    const alphabet = ['a', ',', '"', '\r', '\n', '\t', ' ', '=', '+', '-', '@', ';', '|', '＝', '｜', '\u00a0', "'", '1'];
    const texts = [''];
    for (let length = 1; length <= 3; length++) {
      for (const text of texts.filter((t) => t.length === length - 1)) for (const ch of alphabet) texts.push(text + ch);
    }
    expect(texts.length).toBeGreaterThan(2_000);
    for (const text of texts) expect(csvField(text), JSON.stringify(text)).toBe(plainRule(text));
  });

  it('defuses spreadsheet formulas in text cells', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField(-5)).toBe('-5');
  });

  // OWASP CSV injection: every character a spreadsheet may start a formula with, ASCII and full
  // width, gets a leading apostrophe and quotes; the same character later in the cell is harmless.
  it.each([
    ['=', '=1+2'],
    ['+', '+1+2'],
    ['-', '-1+2'],
    ['@', '@SUM(A1)'],
    ['tab', '\t=1+2'],
    ['CR', '\r=1+2'],
    [';', ';=1+2'],
    ['|', "|calc'!A0"],
    ['full-width =', '＝1+2'],
    ['full-width +', '＋1+2'],
    ['full-width -', '－1+2'],
    ['full-width @', '＠SUM(A1)'],
    ['full-width ;', '；=1+2'],
    ['full-width |', '｜calc'],
  ])('neutralises a cell starting with %s', (_name, text) => {
    const field = csvField(text);
    expect(field).toBe(`"'${text.replaceAll('"', '""')}"`);
    expect(parseCsv(`${field}\r\n`)).toEqual([[`'${text}`]]);
    expect(csvField(`a${text}`)).not.toContain("'" + text);
  });
});

describe('event serializers', () => {
  const tricky: ExportableEvent = {
    id: 'e-2',
    created_at: '2024-01-15T10:46:00.000000Z',
    name: 'order,"weird"\nname',
    status: 'some_future_status',
    integration_driver_slug: 'bling',
    installation_id: null,
    superseded: true,
    superseded_by: { id: 'e-3', name: 'order.paid' },
    last_dispatch: null,
  };

  it('CSV round-trips through a parser, vendor example included', () => {
    const s = eventSerializer('csv');
    const events = [...(vendorEvents.data as ExportableEvent[]), tricky];
    const text = s.header() + events.map((e) => s.row(e)).join('');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      'id', 'created_at', 'name', 'status', 'integration_driver_slug', 'installation_id', 'superseded',
      'superseded_by_id', 'last_dispatch_id', 'last_dispatch_status', 'last_attempt_response_code', 'last_attempted_at',
    ]);
    expect(rows[1]).toEqual([
      '0192abcd-1234-5678-9abc-def012345679', '2024-01-15T10:45:00.000000Z', 'order.paid', 'dispatched',
      'digital_manager_guru', '0192abcd-1234-5678-9abc-def012345678', 'false', '', '0192abcd-1234-5678-9abc-def012345680',
      'succeeded', '200', '2024-01-15T10:45:00.000000Z',
    ]);
    expect(rows[2]).toEqual(['e-2', '2024-01-15T10:46:00.000000Z', 'order,"weird"\nname', 'some_future_status', 'bling', '', 'true', 'e-3', '', '', '', '']);
  });

  it('NDJSON keeps every field, unknown ones included, one object per line', () => {
    const s = eventSerializer('ndjson');
    const withExtra = { ...tricky, future_field: { nested: [1, 2] } };
    const text = s.header() + s.row(withExtra) + s.row(tricky);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual(withExtra);
  });

  it('serializes redeliver summaries', () => {
    const s = redeliverOutcomeSerializer('csv');
    const text = s.header() + s.row({ event_id: 'e1', event_name: 'order.paid', outcome: 'failed', dispatch_id: null, reason: 'rate_limited: Too Many Attempts.' });
    expect(parseCsv(text)).toEqual([
      ['event_id', 'event_name', 'outcome', 'dispatch_id', 'reason'],
      ['e1', 'order.paid', 'failed', '', 'rate_limited: Too Many Attempts.'],
    ]);
  });
});
