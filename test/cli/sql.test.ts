/**
 * `tierwise sql`, `verify`, `classify --engine duckdb` and `classify --db postgres://…` as a user
 * runs them: the statement for each dialect, its result on DuckDB equal to `classify`, a tampered
 * export caught by `verify`, and the DuckDB and PostgreSQL paths writing what the in-memory path writes.
 */
import { join } from 'node:path';
import { SQL_DIALECT_IDS } from '../../src/engine';
import { type SqlEngine, openDuckDb, startPostgres } from '../sql/engines';
import { EXAMPLES, run, tempDir, writeTemp } from './helpers';

const TX = join(EXAMPLES, 'transactions.csv');
const COLUMNS = ['--customer', 'CustomerID', '--date', 'InvoiceDate', '--amount', 'Amount', '--invoice', 'InvoiceNo'];

interface JsonCustomer {
  customer: string;
  [key: string]: unknown;
}

async function classifyJson(...extra: string[]): Promise<JsonCustomer[]> {
  return (await classifyDoc(...extra)).customers as JsonCustomer[];
}

/**
 * The whole JSON document but what only the in-memory path can say: how the file's columns were
 * chosen (`input`), the first skipped rows by row number (`skipped.first`) and the order of the
 * skip reasons (the file order of their first row; the databases count them in one fixed order).
 */
async function classifyDoc(...extra: string[]): Promise<Record<string, unknown>> {
  const r = await run('classify', ...extra, '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as Record<string, unknown> & { skipped: { first?: unknown; byReason: { column: string; reason: string }[] } };
  delete doc.input;
  delete doc.skipped.first;
  doc.skipped.byReason.sort((a, b) => `${a.column}|${a.reason}`.localeCompare(`${b.column}|${b.reason}`));
  return doc;
}

/**
 * Ids with spaces and a tab around them (one customer, 17850), invoices too (" 4" and "4 "), an
 * Excel error text (rejected: "error"), blank ids (rejected: "blank"), " #N/A" (text: a customer),
 * and total rows ("Grand Total" as a customer, "Total" as an invoice: left out).
 */
const SPACED_IDS = [
  'Customer,Date,Amount,Invoice',
  ' 17850,2024-01-05,10,1',
  '17850 ,2024-02-05,5,2',
  '"\t17850",2024-03-05,7,3',
  '12346,2024-01-07,20, 4',
  '12346,2024-04-07,3,4 ',
  '#N/A,2024-02-02,8,5',
  ',2024-02-03,9,6',
  '   ,2024-02-04,9,7',
  '" #N/A",2024-02-05,4,8',
  '13000,2024-03-01,6,9',
  '13000,2024-05-01,-6,C9',
  '13000,2024-05-02,2,"\tc10"',
  ' Grand Total ,2024-05-03,51,',
  '13001,2024-05-04,1,Total',
  '',
].join('\n');

/** The timeline methods, and methods taking predicted CLV as an input, as `classify` flags. */
const TIMELINE: [string, string[]][] = [
  ['lifecycle', ['--method', 'lifecycle']],
  ['clv', ['--method', 'clv']],
  ['matrix --y clv', ['--method', 'matrix', '--y', 'clv']],
  ['kmeans --features R,F,clv', ['--method', 'kmeans', '--features', 'R,F,clv']],
  ['grade --criteria R,F,clv', ['--method', 'grade', '--criteria', 'R,F,clv', '--weights', 'R=0.3,F=0.3,clv=0.4']],
];

describe('tierwise sql', () => {
  it.each(SQL_DIALECT_IDS.flatMap((d) => ['rfm', 'abc', 'pyramid'].map((m) => [d, m])))('prints one %s statement for %s, with no NTILE or approximate percentile', async (dialect, method) => {
    const r = await run('sql', '--method', method, '--table', 'shop.sales', ...COLUMNS, '--dialect', dialect);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('WITH\n')).toBe(true);
    expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
    expect(r.stdout.split(';')).toHaveLength(2);
    expect(r.stdout).not.toMatch(/NTILE|PERCENTILE|APPROX|QUANTILE/i);
    const table = { duckdb: '"shop"."sales"', postgres: '"shop"."sales"', spark: '`shop`.`sales`', bigquery: '`shop`.`sales`', snowflake: '"shop"."sales"', trino: '"shop"."sales"' }[dialect];
    expect(r.stdout).toContain(`FROM ${table}`);
    const dayDiff = { duckdb: '(a.as_of - p.last_tx)', postgres: '(a.as_of - p.last_tx)', spark: 'DATEDIFF(a.as_of, p.last_tx)', bigquery: 'DATE_DIFF(a.as_of, p.last_tx, DAY)', snowflake: 'DATEDIFF(day, p.last_tx, a.as_of)', trino: "date_diff('day', p.last_tx, a.as_of)" }[dialect];
    expect(r.stdout).toContain(dayDiff);
  });

  it('refuses what it cannot do, naming the flag', async () => {
    expect((await run('sql', '--method', 'abc', ...COLUMNS)).stderr).toMatch(/sql needs --table/);
    expect((await run('sql', '--table', 't', ...COLUMNS, '--dialect', 'oracle')).stderr).toMatch(/--dialect must be one of duckdb, postgres/);
    expect((await run('sql', '--table', 't', ...COLUMNS, '--a-share', '0.7')).stderr).toMatch(/--a-share applies to --method abc/);
    expect((await run('sql', '--table', 't', ...COLUMNS, '--decimals', '12')).stderr).toMatch(/--decimals must be a whole number from 0 to 9/);
    expect((await run('sql', 'file.csv', '--table', 't', ...COLUMNS)).code).toBe(2);
  });
});

describe('sql, verify and --engine duckdb on DuckDB', () => {
  let db: SqlEngine | undefined;
  beforeAll(async () => {
    db = await openDuckDb();
    await db?.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${TX}', header = true, types = {'CustomerID': 'VARCHAR', 'InvoiceNo': 'VARCHAR'})`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each([['rfm'], ['abc'], ['pyramid']])('%s: the statement run on DuckDB gives classify\'s customers, and verify agrees', async (method) => {
    if (!db) return;
    const sql = (await run('sql', '--method', method, '--table', 'sales', ...COLUMNS)).stdout;
    const dir = tempDir();
    const out = join(dir, 'result.csv');
    await db.run(`COPY (${sql.trim().replace(/;$/, '')}) TO '${out}' (HEADER, DELIMITER ',')`);
    const rows = await db.query(sql.trim().replace(/;$/, ''));
    const want = await classifyJson(TX, '--method', method);
    expect(rows.map((r) => [r[0], r.at(method === 'rfm' ? -2 : -1)])).toEqual(want.map((c) => [c.customer, c.tier]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const ok = await run('verify', TX, '--method', method, '--sample', out);
    expect(ok.stdout).toMatch(/: all equal to the engine/);
    expect(ok.code).toBe(0);
  });

  it('verify names the customer and column of a difference', async () => {
    const dir = tempDir();
    const want = await classifyJson(TX, '--method', 'abc');
    const lines = ['customer,monetary,tier', ...want.map((c, i) => `${c.customer},${String(c.monetary)},${i === 3 ? (c.tier === 'A' ? 'B' : 'A') : String(c.tier)}`)];
    const r = await run('verify', TX, '--method', 'abc', '--sample', writeTemp(dir, 'bad.csv', lines.join('\n') + '\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`1 differences`);
    expect(r.stdout).toContain(`customer ${want[3].customer}: tier: sample ${want[3].tier === 'A' ? 'B' : 'A'}, engine ${String(want[3].tier)}`);
    expect((await run('verify', TX, '--sample', writeTemp(dir, 'none.csv', 'id,tier\n1,A\n'))).stderr).toMatch(/no "customer" column/);
  });

  it.each([['rfm'], ['abc'], ['pyramid'], ['matrix'], ['grade'], ['kmeans'], ['rules']])('classify --engine duckdb writes what the in-memory path writes (%s)', async (method) => {
    if (!db) return;
    expect(await classifyJson(TX, '--method', method, '--engine', 'duckdb')).toEqual(await classifyJson(TX, '--method', method));
    expect(await classifyJson(TX, '--method', method, '--engine', 'duckdb', '--returns', 'drop', '--as-of', '2023-09-01')).toEqual(
      await classifyJson(TX, '--method', method, '--returns', 'drop', '--as-of', '2023-09-01'),
    );
  });

  it.each(TIMELINE)('classify --engine duckdb writes what the in-memory path writes, purchase timeline included (%s)', async (_name, flags) => {
    if (!db) return;
    const want = await classifyDoc(TX, ...flags);
    expect((want.customers as JsonCustomer[]).some((c) => c.tier !== null)).toBe(true);
    expect(await classifyDoc(TX, ...flags, '--engine', 'duckdb')).toEqual(want);
    expect(await classifyDoc(TX, ...flags, '--engine', 'duckdb', '--returns', 'drop', '--as-of', '2024-10-01')).toEqual(await classifyDoc(TX, ...flags, '--returns', 'drop', '--as-of', '2024-10-01'));
  });

  it('classify --engine duckdb: returns, cancellations, zero amounts, customer-list rows and ids that are not all numbers, as in memory', async () => {
    if (!db) return;
    const lines = [
      'Customer,Date,Amount,Invoice',
      '7,2024-01-05,10.10,1',
      '7,2024-03-05,0.1,2',
      '7,2024-03-05,0.2,2',
      '7,2024-06-05,0.7,3',
      '7,2024-06-06,-0.7,C3',
      '10,2024-02-01,0,4',
      '10,2024-05-01,25,5',
      '10,2024-08-01,5,6',
      '007,2024-04-01,-5,C7',
      '42,,,',
      '12,2024-02-02,3,8',
      '12,2024-07-02,4,9',
      '12,2024-09-02,2,10',
      'x,2024-01-01,,11',
    ];
    const file = writeTemp(tempDir(), 'mixed.csv', lines.join('\n') + '\n');
    for (const [, flags] of TIMELINE) {
      const want = await classifyDoc(file, ...flags, '--customer', 'Customer', '--date', 'Date', '--amount', 'Amount', '--invoice', 'Invoice');
      const got = await classifyDoc(file, ...flags, '--customer', 'Customer', '--date', 'Date', '--amount', 'Amount', '--invoice', 'Invoice', '--engine', 'duckdb');
      expect(got).toEqual(want);
    }
    // lifecycle keeps the listed customer (42) and the one with only a cancelled return (007), in text order ("x" is an id)
    const lifecycle = await classifyDoc(file, '--method', 'lifecycle', '--engine', 'duckdb');
    expect((lifecycle.customers as JsonCustomer[]).map((c) => c.customer)).toEqual(['007', '10', '12', '42', '7']);
  });

  it('classify --engine duckdb: ids with spaces and tabs around them are one customer, "#N/A" is an error, a blank id blank and "Grand Total" a total row, as in memory', async () => {
    if (!db) return;
    const file = writeTemp(tempDir(), 'spaced.csv', SPACED_IDS);
    const flags = ['--customer', 'Customer', '--date', 'Date', '--amount', 'Amount', '--invoice', 'Invoice'];
    for (const method of ['rfm', 'abc', 'pyramid', 'lifecycle']) {
      const want = await classifyDoc(file, ...flags, '--method', method);
      expect(await classifyDoc(file, ...flags, '--method', method, '--engine', 'duckdb')).toEqual(want);
    }
    const doc = (await classifyDoc(file, ...flags, '--engine', 'duckdb')) as { customers: JsonCustomer[]; skipped: { byReason: { column: string; reason: string; count: number }[] } };
    expect(doc.customers.map((c) => [c.customer, c.frequency])).toEqual([['#N/A', 1], ['12346', 1], ['13000', 1], ['17850', 3]]);
    expect(doc.skipped.byReason.map((r) => [r.column, r.reason, r.count])).toEqual([['customer', 'blank', 2], ['customer', 'error', 1], ['customer', 'total-row', 2]]);
  });

  it('--engine duckdb refuses a method reading named columns of each row', async () => {
    const r = await run('classify', TX, '--method', 'grade', '--criteria', 'R,Amount', '--weights', 'R=0.5,Amount=0.5', '--engine', 'duckdb');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--method grade reads the columns "Amount" of each row/);
  });

  it('--engine duckdb refuses dates DuckDB does not read, and says what to do', async () => {
    if (!db) return;
    const dir = tempDir();
    const file = writeTemp(dir, 'eu.csv', 'Customer,Date,Amount\na,31.01.2024,5\nb,1.02.2024,7\n');
    const r = await run('classify', file, '--engine', 'duckdb');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--engine duckdb reads ISO dates .* column "Date" has "31.01.2024"; leave out --engine/);
    const words = writeTemp(dir, 'amounts.csv', 'Customer,Date,Amount\na,2024-01-31,"1,200.50"\nb,2024-02-01,7\n');
    const w = await run('classify', words, '--engine', 'duckdb');
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/DuckDB reads the amount as VARCHAR, not as numbers/);
    expect((await run('classify', join(dir, 'tx.xlsx'), '--engine', 'duckdb')).stderr).toMatch(/--engine duckdb reads CSV files/);
    expect((await run('classify', join(dir, 'missing.csv'), '--engine', 'duckdb')).stderr).toMatch(/missing.csv: no such file/);
  });
});

describe('classify --db postgres://… on a throwaway PostgreSQL cluster', () => {
  let pg: SqlEngine | undefined;
  beforeAll(async () => {
    pg = await startPostgres();
    await pg?.load('sales', [['InvoiceNo', 'TEXT'], ['CustomerID', 'TEXT'], ['InvoiceDate', 'TIMESTAMP'], ['Amount', 'NUMERIC(12,2)']], TX);
  }, 60000);
  afterAll(async () => {
    await pg?.close();
  });

  it.each([['rfm'], ['abc'], ['pyramid']])('writes what the in-memory path writes (%s)', async (method) => {
    if (!pg) return;
    const got = await classifyJson('--db', pg.url as string, '--table', 'sales', ...COLUMNS, '--method', method);
    expect(got).toEqual(await classifyJson(TX, '--method', method));
  });

  it.each(TIMELINE)('writes what the in-memory path writes, purchase timeline included (%s)', async (_name, flags) => {
    if (!pg) return;
    const got = await classifyDoc('--db', pg.url as string, '--table', 'sales', ...COLUMNS, ...flags);
    expect(got).toEqual(await classifyDoc(TX, ...flags));
  });

  it('ids with spaces and tabs around them, "#N/A" and blank ids: what the in-memory path writes', async () => {
    if (!pg) return;
    const file = writeTemp(tempDir(), 'spaced.csv', SPACED_IDS);
    await pg.load('spaced', [['Customer', 'TEXT'], ['Date', 'DATE'], ['Amount', 'NUMERIC(12,2)'], ['Invoice', 'TEXT']], file);
    const flags = ['--customer', 'Customer', '--date', 'Date', '--amount', 'Amount', '--invoice', 'Invoice'];
    for (const method of ['rfm', 'abc', 'pyramid', 'lifecycle']) {
      const got = await classifyDoc('--db', pg.url as string, '--table', 'spaced', ...flags, '--method', method);
      expect(got).toEqual(await classifyDoc(file, ...flags, '--method', method));
    }
  });

  it('needs the column names and a table', async () => {
    expect((await run('classify', '--db', 'postgres://x@localhost/db')).stderr).toMatch(/--db needs --table NAME/);
    expect((await run('classify', '--db', 'postgres://x@localhost/db', '--table', 'sales')).stderr).toMatch(/--db needs the column names/);
    expect((await run('classify', '--db', 'mysql://x', '--table', 't')).stderr).toMatch(/--db must be a postgres:\/\//);
  });
});
