/**
 * Customer ids and invoices on a database are the keys the in-memory engine makes of them
 * (`keyText`, `errorCode`): trimmed of what JavaScript's `trim` removes (spaces, tabs, no-break
 * and other Unicode spaces, U+FEFF), a blank id rejected as "blank", an id that is exactly an
 * Excel error text (`#N/A`, `#VALUE!`) rejected as "error". Checked on DuckDB and a throwaway
 * PostgreSQL cluster: the key expression alone on every trimmed character, the generated
 * statements (rfm, abc, pyramid), and `classifyOnRunner` (the `--engine duckdb` / `--db` path:
 * rfm, abc, pyramid, lifecycle, skip counts included) on random tables whose ids differ only
 * by spaces, and rows labelled "Total", "Grand Total", "合计" in the customer or invoice column
 * (total rows, left out). Engines that are absent print SKIPPED.
 */
import fc from 'fast-check';
import {
  EXCEL_ERROR_TEXTS,
  KEY_TRIM_CODE_POINTS,
  type MethodId,
  SQL_DIALECTS,
  SQL_DIALECT_IDS,
  dayNumber,
  errorCode,
  isTotalLabel,
  keyErrorSql,
  keySql,
  keyText,
  methodSql,
} from '../../src/engine';
import { engineRows, sqlRows } from './compare';
import { type SqlEngine, openDuckDb, startPostgres } from './engines';
import { view } from './timeline-view';
import { type Case, type Tx, caseTables } from './cases';

const START = dayNumber(2024, 1, 1);

// ids that are one customer only once trimmed, blanks of every kind, Excel error texts, and an
// error text with a space (text, not an error, in the engine: the customer "#N/A")
const IDS = ['1', ' 1', '1\t', '\t1 ', '10', ' 10\u00a0', '007', 'a', ' a', 'a\u3000', '\ufeffa', 'a\u000b', 'a b', ' a b ', 'b', '\u2028b\f', '', ' ', '\t', '\u00a0 ', '#N/A', '#VALUE!', '#REF!', ' #N/A', '#n/a', 'Total', ' Grand Total', 'sous-total', '合计', 'TOTAL:', 'Totalcare'];
const INVOICES = ['1', ' 1', '2', '2 ', 'C4', ' C4', '\tc5', '#N/A', '#VALUE!', ' ', '', '6', '7', 'Total', ' Subtotal '];

const txArb = fc.record({
  customer: fc.option(fc.constantFrom(...IDS), { freq: 15 }),
  day: fc.option(fc.constantFrom(0, 3, 3, 10, 40, 95, 180, 181, 270, 364, 400), { freq: 10 }),
  amount: fc.option(fc.constantFrom(-5, 0, 1, 2.5, 10, 10, 10.25, 100), { freq: 10 }),
  invoice: fc.option(fc.constantFrom(...INVOICES), { freq: 5 }),
});

const methodArb: fc.Arbitrary<{ method: MethodId; params: Record<string, unknown> }> = fc.oneof(
  fc.integer({ min: 2, max: 5 }).map((bins) => ({ method: 'rfm' as const, params: { bins } })),
  fc.constantFrom([0.8, 0.95], [0.5, 0.9]).map(([aShare, bShare]) => ({ method: 'abc' as const, params: { aShare, bShare } })),
  fc.constantFrom([0.01, 0.2, 0.5], [0.25, 0.5, 0.75]).map((pyramidCuts) => ({ method: 'pyramid' as const, params: { pyramidCuts } })),
  fc.constantFrom({}, { quarterDays: 30, quarters: 6 }).map((params) => ({ method: 'lifecycle' as const, params })),
);

// a row without a customer key has no amount: the engine takes such a row whose amount is the sum
// of the rows above it for a subtotal (reason "total-row"), which needs a row order SQL has not
const rowArb = txArb.map((r) => (r.customer === null || keyText(r.customer) === '' ? { ...r, amount: null } : r));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    rows: fc.array(rowArb, { minLength: 1, maxLength: 50 }),
    withInvoice: fc.boolean(),
    asOf: fc.option(fc.constantFrom(100, 365, 401), { freq: 3 }),
    returns: fc.constantFrom('net' as const, 'drop' as const),
    m: methodArb,
  })
  .map(({ m, ...rest }) => ({ ...rest, ...m }));

const tables = caseTables(START, 'sql-keys');
afterAll(() => tables.remove());

describe('keys as the engine reads them', () => {
  it('the SQL trims exactly the characters JavaScript trim removes, and knows every Excel error text', () => {
    const trimmed: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (String.fromCharCode(cp).trim() === '') trimmed.push(cp);
    expect([...KEY_TRIM_CODE_POINTS].sort((x, y) => x - y)).toEqual(trimmed);
    for (const e of EXCEL_ERROR_TEXTS) {
      expect(errorCode(e)).toBe(e);
      expect(keyText(e)).toBe('');
    }
  });

  it.each(SQL_DIALECT_IDS)('%s: the key expression trims every such character and turns error texts into no key', (id) => {
    const d = SQL_DIALECTS[id];
    const sql = keySql(d, 'id');
    expect(sql).toContain(d.trimChars(`CAST(${d.quote('id')} AS ${d.text})`, KEY_TRIM_CODE_POINTS));
    for (const e of EXCEL_ERROR_TEXTS) expect(keyErrorSql(d, 'id')).toContain(`'${e}'`);
    // Spark's CHR is modulo 256: \uXXXX escapes there; DuckDB a regular expression; CHR(n) elsewhere
    const want = { duckdb: "regexp_replace(x, '^[\\x{3000}]+|[\\x{3000}]+$', '', 'g')", spark: "TRIM(BOTH '\\u3000' FROM x)", postgres: 'BTRIM(x, (CHR(12288)))', trino: 'TRIM(BOTH (CHR(12288)) FROM x)' }[id as string];
    expect(d.trimChars('x', [0x3000])).toBe(want ?? 'TRIM(x, (CHR(12288)))');
  });
});

describe.each([
  ['DuckDB', openDuckDb, 80],
  ['PostgreSQL', startPostgres, 30],
] as const)('customer ids and invoices on %s are the in-memory engine\'s keys', (_name, open, numRuns) => {
  let engine: SqlEngine | undefined;
  beforeAll(async () => {
    engine = await open();
  }, 60000);
  afterAll(async () => {
    await engine?.close();
  });

  it('the key of each trimmed character around an id, of blanks and of error texts', async () => {
    if (!engine) return;
    const d = SQL_DIALECTS[engine.name === 'postgres' ? 'postgres' : 'duckdb'];
    const values: string[] = [];
    for (const cp of KEY_TRIM_CODE_POINTS) {
      const ch = String.fromCharCode(cp);
      values.push(`${ch}x${ch}`, `${ch}${ch}`, `a${ch}b`);
    }
    values.push(...EXCEL_ERROR_TEXTS, ' #N/A', '#N/A ', '#n/a', 'N/A', '', 'x');
    // each value built from CHR(n) in the database, so no quoting or file format can touch it
    const literal = (v: string): string => (v === '' ? "''" : Array.from(v, (ch) => `CHR(${ch.codePointAt(0) as number})`).join(' || '));
    const rows = await engine.query(
      `SELECT i, ${keySql(d, 'id')}, CASE WHEN ${keyErrorSql(d, 'id')} THEN 1 ELSE 0 END FROM (${values.map((v, i) => `SELECT ${i} AS i, ${literal(v)} AS id`).join(' UNION ALL ')}) t ORDER BY i`,
    );
    const want = values.map((v, i) => [String(i), keyText(v) === '' ? null : keyText(v), errorCode(v) === undefined ? '0' : '1']);
    expect(rows).toEqual(want);
  });

  it('the statements (rfm, abc, pyramid) on random tables with spaced, blank, error and total-label ids give the engine\'s customers', async () => {
    if (!engine) return;
    const e = engine;
    await fc.assert(
      fc.asyncProperty(
        caseArb.filter((c) => c.method !== 'lifecycle'),
        async (c) => {
          await tables.load(e, c);
          const want = tables.inMemory(c);
          // the total labels of the table, as `classify --engine duckdb` / `--db` find them before the statement runs
          const keys = c.rows.flatMap((r) => [r.customer, c.withInvoice ? r.invoice : null]).filter((k): k is string => k !== null);
          const totalLabels = [...new Set(keys.map(keyText).filter(isTotalLabel))];
          const source = { ...tables.source(c, 2), totalLabels };
          const sql = methodSql({ method: c.method, dialect: e.name === 'postgres' ? 'postgres' : 'duckdb', params: c.params, source });
          expect(sqlRows(await e.query(sql))).toEqual('ok' in want ? engineRows(want.ok) : []);
        },
      ),
      { numRuns, seed: 17 },
    );
  }, 300000);

  it('classify on the database (rfm, abc, pyramid, lifecycle) equals in memory: customers, tiers, skip counts by column and reason', async () => {
    if (!engine) return;
    const e = engine;
    let rejected = 0;
    let totals = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        await tables.load(e, c);
        const want = tables.inMemory(c);
        const plain = 'ok' in want ? { ok: view(want.ok) } : want;
        if ('ok' in want && (want.ok.customers?.skipped.byCause['customer|error'] ?? 0) > 0) rejected++;
        if ('ok' in want && (want.ok.customers?.skipped.byCause['customer|total-row'] ?? 0) > 0) totals++;
        expect(await tables.onDatabase(e, c)).toEqual(plain);
      }),
      { numRuns, seed: 19 },
    );
    // the property saw rows rejected for an error text, and total rows
    expect(rejected).toBeGreaterThan(numRuns / 6);
    expect(totals).toBeGreaterThan(numRuns / 6);
  }, 300000);

  it('" 17850", "17850\\t" and "17850" are one customer; "#N/A" is rejected as an error, " " as blank, "Grand Total" as a total row', async () => {
    if (!engine) return;
    const rows: Tx[] = [
      { customer: ' 17850', day: 0, amount: 10, invoice: ' 1' },
      { customer: '17850\t', day: 3, amount: 5, invoice: '1' },
      { customer: '17850', day: 10, amount: 2.5, invoice: '2' },
      { customer: '#N/A', day: 10, amount: 7, invoice: '3' },
      { customer: ' ', day: 10, amount: 7, invoice: '4' },
      { customer: '12346', day: 40, amount: 100, invoice: '5' },
      { customer: ' Grand Total', day: 40, amount: 131.5, invoice: null },
      { customer: '12347', day: 40, amount: 1, invoice: 'Total' },
    ];
    const c: Case = { rows, withInvoice: true, asOf: null, returns: 'net', method: 'rfm', params: {} };
    await tables.load(engine, c);
    const got = (await tables.onDatabase(engine, c)) as { ok: { keys: string[]; customers: { frequency: string[] }; skipped: { byCause: Record<string, string> } } };
    expect(got.ok.keys).toEqual(['12346', '17850']);
    // invoices " 1" and "1" are one invoice
    expect(got.ok.customers.frequency).toEqual(['1', '2']);
    expect(got.ok.skipped.byCause).toEqual({ 'customer|blank': '1', 'customer|error': '1', 'customer|total-row': '2' });
    const want = tables.inMemory(c);
    expect(got).toEqual('ok' in want ? { ok: view(want.ok) } : want);
  }, 60000);
});
