/**
 * Lifecycle classes, CLV and the value matrix with a CLV axis on UCI Online Retail (541,909 rows;
 * amount = quantity × unit price; cancelled "C…" invoices, returns, blank customer ids): the
 * database path (`classifyOnRunner`, on DuckDB in-process and on a throwaway PostgreSQL cluster)
 * writes exactly what the in-memory engine writes. Absent data or engines print SKIPPED.
 */
import { join } from 'node:path';
import { type MethodId, type ReturnsPolicy, type TableColumns, classifyTable, sqlReturnsOf } from '../../src/engine';
import { classifyOnRunner } from '../../src/cli/db-run';
import { DATA_DIR, readReferenceCsv } from '../reference/data';
import { type SqlEngine, openDuckDb, startPostgres } from './engines';
import { runnerOf, view } from './timeline-view';

const RUNS: [MethodId, Record<string, unknown>, ReturnsPolicy][] = [
  ['lifecycle', {}, 'net'],
  ['lifecycle', {}, 'drop'],
  ['clv', {}, 'net'],
  ['matrix', { y: ['clv'] }, 'net'],
];

let columns: TableColumns | undefined | null = null;
const answers = new Map<string, unknown>();

function retail(): TableColumns | undefined {
  if (columns === null) {
    const csv = readReferenceCsv('online_retail/online_retail.csv');
    const col = (name: string): string[] => csv?.columns[csv.headers.indexOf(name)] as string[];
    columns = csv && { customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') };
  }
  return columns;
}

describe.each([
  ['DuckDB', openDuckDb],
  ['PostgreSQL', startPostgres],
] as const)('timeline methods on %s equal the in-memory engine on Online Retail', (_name, open) => {
  let engine: SqlEngine | undefined;
  beforeAll(async () => {
    engine = await open();
  }, 120000);
  afterAll(async () => {
    await engine?.close();
  });

  it('lifecycle (returns net and drop), clv, matrix --y clv', async () => {
    const data = retail();
    if (!engine || !data) return;
    const pg = engine.name === 'postgres';
    const text = pg ? 'TEXT' : 'VARCHAR';
    await engine.load('retail', [['InvoiceNo', text], ['StockCode', text], ['Description', text], ['Quantity', 'INTEGER'], ['InvoiceDate', 'TIMESTAMP'], ['UnitPrice', pg ? 'NUMERIC' : 'DECIMAL(18,3)'], ['CustomerID', text], ['Country', text]], join(DATA_DIR, 'online_retail', 'online_retail.csv'));
    await engine.run('CREATE OR REPLACE VIEW retail_tx AS SELECT "CustomerID" AS customer, "InvoiceDate" AS day, "Quantity" * "UnitPrice" AS amount, "InvoiceNo" AS invoice FROM retail');
    for (const [method, params, returns] of RUNS) {
      const key = `${method}|${JSON.stringify(params)}|${returns}`;
      if (!answers.has(key)) answers.set(key, view(classifyTable(data, { method, ...params, returns })));
      const want = answers.get(key) as { keys: string[]; tiers: number[] };
      expect(want.keys.length).toBeGreaterThan(4000);
      const source = { table: 'retail_tx', customer: 'customer', date: 'day', amount: 'amount', invoice: 'invoice', returns: sqlReturnsOf(returns), decimals: 6 };
      const got = view(await classifyOnRunner(runnerOf(engine), source, { method, params }, 'retail_tx'));
      expect(got).toEqual(want);
    }
  }, 900000);
});
