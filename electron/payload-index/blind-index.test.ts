// The blind index on its own: normalisation of values and queries, keyed hashes (no value in the
// file, another key finds nothing), search with filters, retention and the in-memory mode.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBlindIndex, type IndexedEventMeta } from './blind-index';
import { normaliseText, payloadTerms, queryTerms, termsOfValue } from './terms';

const meta = (id: string, createdAt: string, extra: Partial<IndexedEventMeta> = {}): IndexedEventMeta => ({
  id,
  name: 'order.paid',
  status: 'dispatched',
  created_at: createdAt,
  installation_id: 'ins_1',
  integration_driver_slug: 'shopify',
  ...extra,
});

const deepPayload = {
  order_number: 'PED-48213',
  order: { customer: { email: 'Maria.Conceição@Example.com', document: { number: '529.982.247-25' }, name: 'Maria Conceição' } },
  amount: { value: '1234.50' },
  items: [{ sku: 'TEN-RUN-42' }, { sku: 'CAF-ESP-1KG' }],
};

describe('normalisation', () => {
  it('lowercases, applies NFKC and folds accents', () => {
    expect(normaliseText('  JOÃO  Conceição ')).toBe('joao conceicao');
    expect(normaliseText('ＰＥＤ－１２３')).toBe('ped-123'); // full-width forms (NFKC)
  });

  it('indexes a whole value, its digits without punctuation, and its words', () => {
    expect(termsOfValue('529.982.247-25')).toEqual(['v:529.982.247-25', 'v:52998224725']); // short digit runs are not words
    expect(termsOfValue('PED-48213')).toEqual(['v:ped-48213', 'v:ped48213', 'w:ped', 'w:48213']);
    expect(termsOfValue('Ana.Souza@Example.com')).toEqual(['v:ana.souza@example.com', 'w:ana', 'w:souza', 'w:example', 'w:com']);
    expect(termsOfValue('a')).toEqual(['v:a']); // one-letter words are not indexed
  });

  it('leaves instants out (they are the event\'s metadata)', () => {
    expect(payloadTerms({ occurred_at: '2026-12-03T10:00:00.000Z', note: 'ok' }).map((entry) => entry.path)).toEqual(['note', 'note']);
  });

  it('names every leaf by its path, array indices dropped', () => {
    const paths = new Set(payloadTerms(deepPayload).map((entry) => entry.path));
    expect(paths).toEqual(new Set(['order_number', 'order.customer.email', 'order.customer.document.number', 'order.customer.name', 'amount.value', 'items.sku']));
  });

  it('reads a query as one whole value or all of its words', () => {
    expect(queryTerms('Maria  CONCEIÇÃO')).toEqual({ wholeValues: ['v:maria conceicao'], words: ['w:maria', 'w:conceicao'] });
    expect(queryTerms('   ')).toEqual({ wholeValues: [], words: [] });
  });
});

describe('blind index', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ii-blind-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds an event by a deep value in any spelling and names the field, never keeping the value', async () => {
    const location = join(dir, 'index.sqlite');
    const index = openBlindIndex({ location, key: randomBytes(32) });
    index.add(meta('evt_deep', '2026-12-03T10:00:00.000Z'), deepPayload);
    index.add(meta('evt_other', '2026-12-03T11:00:00.000Z'), { customer: { email: 'someone@example.com' } });

    for (const query of ['PED-48213', 'ped48213', 'ped 48213']) expect(index.search(query).hits.map((hit) => hit.id)).toEqual(['evt_deep']);
    expect(index.search('52998224725').hits[0]).toMatchObject({ id: 'evt_deep', paths: ['order.customer.document.number'] });
    expect(index.search('529.982.247-25').hits[0]?.paths).toEqual(['order.customer.document.number']);
    expect(index.search('maria.conceicao@example.com').hits[0]?.paths).toEqual(['order.customer.email']);
    expect(index.search('conceição').hits[0]?.paths).toEqual(['order.customer.email', 'order.customer.name']);
    expect(index.search('1234.50').hits[0]?.paths).toEqual(['amount.value']);
    expect(index.search('caf-esp-1kg').hits[0]?.paths).toEqual(['items.sku']);
    expect(index.search('example').hits.map((hit) => hit.id)).toEqual(['evt_other', 'evt_deep']); // newest first
    expect(index.search('maria someone').hits).toEqual([]); // every word must be in one event
    expect(index.search('48').hits).toEqual([]); // no substring search on hashes
    index.close();

    const files = await readdir(dir);
    for (const file of files) {
      const bytes = (await readFile(join(dir, file))).toString('latin1').toLowerCase();
      for (const secret of ['ped-48213', '48213', 'maria', 'concei', '529.982', '52998224725', 'example.com', 'ten-run', 'evt_deep', 'order.customer', 'order.paid', 'shopify']) {
        expect(bytes, `${file} holds ${secret}`).not.toContain(secret);
      }
    }
  });

  it('needs its key: the same file under another key finds nothing', () => {
    const location = join(dir, 'index.sqlite');
    const key = randomBytes(32);
    const first = openBlindIndex({ location, key });
    first.add(meta('evt_1', '2026-12-03T10:00:00.000Z'), deepPayload);
    first.close();
    const other = openBlindIndex({ location, key: randomBytes(32) });
    expect(other.count()).toBe(1);
    expect(other.search('PED-48213').hits).toEqual([]);
    other.close();
    const again = openBlindIndex({ location, key });
    expect(again.search('PED-48213').hits.map((hit) => hit.id)).toEqual(['evt_1']);
    again.close();
  });

  it('narrows by the events list filters and the creation window, and pages at the limit', () => {
    const index = openBlindIndex({ location: ':memory:', key: randomBytes(32) });
    index.add(meta('evt_a', '2026-12-01T10:00:00.000Z', { status: 'failed' }), { note: 'caixa azul' });
    index.add(meta('evt_b', '2026-12-02T10:00:00.000Z', { name: 'order.refunded' }), { note: 'caixa azul' });
    index.add(meta('evt_c', '2026-12-03T10:00:00.000Z', { integration_driver_slug: 'hotmart' }), { note: 'caixa azul' });
    expect(index.search('caixa', { status: 'failed' }).hits.map((hit) => hit.id)).toEqual(['evt_a']);
    expect(index.search('caixa', { name: 'order.refunded,order.paid', integration_driver_slug: 'shopify' }).hits.map((hit) => hit.id)).toEqual(['evt_b', 'evt_a']);
    expect(index.search('caixa', { created_at_greater_than: '2026-12-01T12:00:00Z', created_at_less_than: '2026-12-03T00:00:00Z' }).hits.map((hit) => hit.id)).toEqual(['evt_b']);
    expect(index.search('azul', {}, 2)).toMatchObject({ hits: [{ id: 'evt_c' }, { id: 'evt_b' }], more: true });
    index.close();
  });

  it('ends its reads when a search stops at the limit, so the file closes cleanly', async () => {
    const location = join(dir, 'index.sqlite');
    const index = openBlindIndex({ location, key: randomBytes(32) });
    index.addMany(Array.from({ length: 30 }, (_, i) => ({ meta: meta(`evt_${i}`, new Date(Date.UTC(2026, 11, 1, i)).toISOString()), payload: { sku: 'ABC-1234', note: 'caixa' } })));
    expect(index.search('ABC-1234', {}, 5).more).toBe(true);
    expect(index.search('caixa abc', {}, 5).more).toBe(true);
    expect(() => index.close()).not.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['index.sqlite']); // WAL folded back and removed
  });

  it('adds an event once and prunes what left the window', () => {
    const index = openBlindIndex({ location: ':memory:', key: randomBytes(32) });
    expect(index.add(meta('evt_old', '2026-11-01T10:00:00.000Z'), { code: 'AAA-111' })).toBe(true);
    expect(index.add(meta('evt_old', '2026-11-01T10:00:00.000Z'), { code: 'AAA-111' })).toBe(false);
    expect(index.add(meta('evt_new', '2026-12-03T10:00:00.000Z'), { code: 'BBB-222' })).toBe(true);
    expect(index.has('evt_old')).toBe(true);
    expect(index.pruneBefore(Date.parse('2026-11-27T00:00:00Z'))).toBe(1);
    expect(index.has('evt_old')).toBe(false);
    expect(index.search('AAA-111').hits).toEqual([]);
    expect(index.search('BBB-222').hits.map((hit) => hit.id)).toEqual(['evt_new']);
    expect(index.bounds()).toEqual({ newestMs: Date.parse('2026-12-03T10:00:00.000Z'), oldestMs: Date.parse('2026-12-03T10:00:00.000Z') });
    index.close();
  });

  it('runs in memory with no file at all', async () => {
    const index = openBlindIndex({ location: ':memory:', key: randomBytes(32) });
    index.add(meta('evt_1', '2026-12-03T10:00:00.000Z'), deepPayload);
    expect(index.search('PED-48213').hits).toHaveLength(1);
    index.close();
    expect(await readdir(dir)).toEqual([]);
  });
});
