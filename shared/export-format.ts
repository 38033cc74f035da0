// Row serializers for exports (events list, bulk-redeliver summaries). Streaming-friendly: the job
// writes `header()` once, then `row(item)` per item as pages arrive, so nothing holds the whole file.
// Pure (no Node, no DOM).

export type ExportFormat = 'csv' | 'ndjson';
export const exportFormats = ['csv', 'ndjson'] as const;

export interface CsvColumn<T> {
  header: string;
  value: (item: T) => string | number | boolean | null | undefined;
}

// Spreadsheet apps run a cell starting with one of these as a formula ("CSV injection", OWASP):
// = + - @, tab, CR, and ; | (a field separator or DDE pipe in some locales), plus the full-width
// forms ＝ ＋ － ＠ ； ｜ that some spreadsheet apps normalise to ASCII before evaluating. Event names
// and payload-derived text come from third parties, so such a cell gets a leading apostrophe and
// is always quoted (OWASP's rule: prefix a single quote, then quote the cell).
const FORMULA_START = /^[=+\-@\t\r;|\uFF1D\uFF0B\uFF0D\uFF20\uFF1B\uFF5C]/;
// Quoted: a comma, quote, CR or LF inside, or leading/trailing white space (\s is exactly what
// trim() removes).
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// Either of the above (\t and \r are white space): most fields match neither, and an export calls
// this a million times, so one test decides that the text goes out as it is.
const NEEDS_WORK = /[",\r\n]|^[=+\-@\s;|\uFF1D\uFF0B\uFF0D\uFF20\uFF1B\uFF5C]|\s$/;

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans never need quotes, and a formula guard is for text cells only.
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_WORK.test(value)) return value;
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  if (formula || NEEDS_QUOTES.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export interface RowSerializer<T> {
  /** Text written once at the start of the file ('' for NDJSON). */
  header(): string;
  /** One record, including its line terminator. */
  row(item: T): string;
}

export function csvSerializer<T>(columns: readonly CsvColumn<T>[]): RowSerializer<T> {
  const values = columns.map((c) => c.value);
  return {
    // CRLF line endings as RFC 4180 says; every spreadsheet app reads them.
    header: () => columns.map((c) => csvField(c.header)).join(',') + '\r\n',
    // Appended field by field: an export writes a million rows, and an array + join per row was
    // a third of the serializing time (measured).
    row: (item) => {
      let line = '';
      for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]!(item));
      return line + '\r\n';
    },
  };
}

/** NDJSON keeps every field the export read (the events' IPC allow-list, electron/jobs/events-source.ts). */
export function ndjsonSerializer<T>(): RowSerializer<T> {
  return {
    header: () => '',
    row: (item) => JSON.stringify(item) + '\n',
  };
}

/** The fields an events export reads; structural so it accepts the API schema's (looser) type. */
export interface ExportableEvent {
  id: string;
  created_at: string;
  name: string;
  status: string;
  integration_driver_slug?: string | null;
  installation_id?: string | null;
  superseded?: boolean | null;
  superseded_by?: { id: string; name?: string | null } | null;
  last_dispatch?: {
    id?: string | null;
    status?: string | null;
    attempt_response_code?: number | null;
    attempted_at?: string | null;
  } | null;
}

export const eventCsvColumns: readonly CsvColumn<ExportableEvent>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'created_at', value: (e) => e.created_at },
  { header: 'name', value: (e) => e.name },
  { header: 'status', value: (e) => e.status },
  { header: 'integration_driver_slug', value: (e) => e.integration_driver_slug },
  { header: 'installation_id', value: (e) => e.installation_id },
  { header: 'superseded', value: (e) => (e.superseded === undefined || e.superseded === null ? '' : e.superseded) },
  { header: 'superseded_by_id', value: (e) => e.superseded_by?.id },
  { header: 'last_dispatch_id', value: (e) => e.last_dispatch?.id },
  { header: 'last_dispatch_status', value: (e) => e.last_dispatch?.status },
  { header: 'last_attempt_response_code', value: (e) => e.last_dispatch?.attempt_response_code },
  { header: 'last_attempted_at', value: (e) => e.last_dispatch?.attempted_at },
];

export function eventSerializer(format: ExportFormat): RowSerializer<ExportableEvent> {
  return format === 'csv' ? csvSerializer(eventCsvColumns) : ndjsonSerializer<ExportableEvent>();
}

/** One line of a bulk-redeliver summary. */
export interface RedeliverOutcome {
  event_id: string;
  event_name: string;
  outcome: 'succeeded' | 'failed' | 'skipped';
  /** The new manual dispatch's id when the platform accepted the redelivery. */
  dispatch_id: string | null;
  /** Why it failed or was skipped, in English (error code + message). */
  reason: string | null;
}

export const redeliverOutcomeCsvColumns: readonly CsvColumn<RedeliverOutcome>[] = [
  { header: 'event_id', value: (o) => o.event_id },
  { header: 'event_name', value: (o) => o.event_name },
  { header: 'outcome', value: (o) => o.outcome },
  { header: 'dispatch_id', value: (o) => o.dispatch_id },
  { header: 'reason', value: (o) => o.reason },
];

export function redeliverOutcomeSerializer(format: ExportFormat): RowSerializer<RedeliverOutcome> {
  return format === 'csv' ? csvSerializer(redeliverOutcomeCsvColumns) : ndjsonSerializer<RedeliverOutcome>();
}

/** Parses CSV text back into rows (RFC 4180). Used by tests and by the export check in e2e. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
