/**
 * SQL rules ready for the engine's next aggregation and ABC rule (branch `edges`): returns "net"
 * counting purchases only, and the ABC "reach" rule — checked on DuckDB against hand-worked
 * answers, since this branch's engine does not have them yet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQL_DIALECTS, abcCtes, abcSql, customerCtes, withCtes } from '../../src/engine';
import { type SqlEngine, openDuckDb } from './engines';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-rules-'));
let db: SqlEngine | undefined;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function load(name: string, csv: string): Promise<void> {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, csv);
  await db?.load(name, [['customer', 'VARCHAR'], ['day', 'DATE'], ['amount', 'DECIMAL(18,2)'], ['invoice', 'VARCHAR']], path);
}

it('writes the ABC lines as exact integer comparisons (no division, no float share)', () => {
  const [, , classes] = abcCtes('abc', 'measures', 'monetary', { aShare: 0.8, bShare: 0.333, rule: 'within', keys: ['A', 'B', 'C'] });
  expect(classes).toContain('upto * 10 <= 8 * total');
  expect(classes).toContain('upto * 1000 <= 333 * total');
  const [, , reach] = abcCtes('abc', 'measures', 'monetary', { aShare: 0.95, bShare: 0.99, rule: 'reach', keys: ['A', 'B', 'C'] });
  expect(reach).toContain('(upto - grp) * 100 < 95 * total');
});

it('returns "net": frequency, first and last purchase count purchases only; a returns-only customer is left out', async () => {
  if (!db) return;
  await load(
    'net_tx',
    [
      'customer,day,amount,invoice',
      'a,2024-01-01,10.00,1',
      'a,2024-01-05,-4.00,2', // a return: not a purchase, reduces monetary
      'a,2024-01-03,5.00,C3', // a cancelled invoice: not a purchase
      'a,2024-01-02,7.50,1',
      'b,2024-01-09,-3.00,4', // b only returned: left out
      'c,2024-01-04,2.25,',
    ].join('\n') + '\n',
  );
  const source = { table: 'net_tx', customer: 'customer', date: 'day', amount: 'amount', invoice: 'invoice', returns: 'net' as const, decimals: 2 };
  const sql = withCtes(customerCtes(SQL_DIALECTS.duckdb, source), 'SELECT customer, recency, frequency, monetary, first_tx, last_tx FROM measures ORDER BY customer');
  // as-of: the day after the latest row of the customers kept (a's return on 2024-01-05; b's
  // row is not counted) = 2024-01-06
  expect(await db.query(sql)).toEqual([
    ['a', '4', '1', '18.50', '2024-01-01', '2024-01-02'],
    ['c', '2', '1', '2.25', '2024-01-04', '2024-01-04'],
  ]);
});

it('ABC "reach" puts the tie group that crosses the line in A; "within" keeps A at or under it', async () => {
  if (!db) return;
  await load('abc_tx', ['customer,day,amount,invoice', 'w,2024-01-01,85,', 'x,2024-01-01,5,', 'y,2024-01-01,5,', 'z,2024-01-01,5,'].join('\n') + '\n');
  const source = { table: 'abc_tx', customer: 'customer', date: 'day', amount: 'amount', returns: 'all' as const, decimals: 2 };
  const tiers = async (rule: 'reach' | 'within'): Promise<(string | null)[]> =>
    (await db!.query(abcSql({ dialect: SQL_DIALECTS.duckdb, source }, { aShare: 0.8, bShare: 0.95, rule, keys: ['A', 'B', 'C'] }))).map((r) => r[4]);
  expect(await tiers('reach')).toEqual(['A', 'B', 'B', 'B']);
  expect(await tiers('within')).toEqual(['B', 'C', 'C', 'C']);
});
