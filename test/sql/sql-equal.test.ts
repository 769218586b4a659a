/**
 * The generated SQL, run on real engines — DuckDB in-process and a throwaway PostgreSQL cluster —
 * gives exactly the engine's per-customer result (measures, scores, tier, segment) on random
 * transaction tables with many ties, every method, both returns policies, with and without an
 * invoice column and an as-of date. Engines that are absent print SKIPPED.
 */
import fc from 'fast-check';
import { type MethodId, TierwiseError, dayNumber, methodSql } from '../../src/engine';
import { engineRows, sqlRows } from './compare';
import { type SqlEngine, openDuckDb, startPostgres } from './engines';
import { type Case, type Tx, caseTables } from './cases';


const START = dayNumber(2024, 1, 1);

// amounts exact in binary, so the engine's double sums equal the SQL's DECIMAL sums
const txArb = fc.record({
  customer: fc.option(fc.constantFrom('1', '2', '10', '007', 'a', 'b', 'c', 'd', 'e'), { freq: 12 }),
  day: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 12 }),
  amount: fc.option(fc.constantFrom(-5, 0, 1, 2.5, 10, 10, 10.25, 3.75, 100, 40), { freq: 12 }),
  invoice: fc.option(fc.constantFrom('1', '2', '3', 'C4', 'c5', '6', '7'), { freq: 5 }),
});

const methodArb: fc.Arbitrary<{ method: MethodId; params: Record<string, unknown> }> = fc.oneof(
  fc.integer({ min: 2, max: 10 }).map((bins) => ({ method: 'rfm' as const, params: { bins } })),
  fc.constantFrom([0.8, 0.95], [0.5, 0.9], [0.3, 0.6], [0.75, 0.8]).map(([aShare, bShare]) => ({ method: 'abc' as const, params: { aShare, bShare } })),
  fc.constantFrom([0.01, 0.2, 0.5], [0.25, 0.5, 0.75], [0.1, 0.3, 0.9]).map((pyramidCuts) => ({ method: 'pyramid' as const, params: { pyramidCuts } })),
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    rows: fc.array(txArb, { minLength: 1, maxLength: 40 }),
    withInvoice: fc.boolean(),
    asOf: fc.option(fc.integer({ min: 3, max: 22 })),
    returns: fc.constantFrom('net' as const, 'drop' as const),
    m: methodArb,
  })
  .map(({ m, ...rest }) => ({ ...rest, ...m }));

const tables = caseTables(START, 'sql');
afterAll(() => tables.remove());

function engineAnswer(c: Case): (string | null)[][] {
  try {
    return engineRows(tables.classify(c));
  } catch (e) {
    // no usable row: the SQL returns no customer
    if (e instanceof TierwiseError && e.code === 'empty') return [];
    throw e;
  }
}

async function sqlAnswer(engine: SqlEngine, c: Case): Promise<(string | null)[][]> {
  await tables.load(engine, c);
  const sql = methodSql({ method: c.method, dialect: engine.name === 'postgres' ? 'postgres' : 'duckdb', params: c.params, source: tables.source(c, 2) });
  return sqlRows(await engine.query(sql));
}

describe.each([
  ['DuckDB', openDuckDb, 60],
  ['PostgreSQL', startPostgres, 25],
] as const)('generated SQL on %s equals the engine', (_name, open, numRuns) => {
  let engine: SqlEngine | undefined;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('on random tables with many ties (every method, returns net and drop, invoices, as-of)', async () => {
    if (!engine) return;
    const e = engine;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        expect(await sqlAnswer(e, c)).toEqual(engineAnswer(c));
      }),
      { numRuns, seed: 13 },
    );
  });

  it('on a table where every customer ties (one run per measure)', async () => {
    if (!engine) return;
    const rows: Tx[] = ['a', 'b', 'c', 'd'].map((customer) => ({ customer, day: 3, amount: 10, invoice: '1' }));
    for (const method of ['rfm', 'abc', 'pyramid'] as const) {
      const c: Case = { rows, withInvoice: true, asOf: null, returns: 'net', method, params: {} };
      const want = engineAnswer(c);
      expect(want).toHaveLength(4);
      expect(await sqlAnswer(engine, c)).toEqual(want);
    }
  });
});

