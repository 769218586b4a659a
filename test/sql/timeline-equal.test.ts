/**
 * The methods that read the purchase timeline — lifecycle classes, CLV and the value matrix with
 * a `clv` axis — classify the same on a database (`classifyOnRunner`: the customer table and the
 * grouped purchases computed by DuckDB or a throwaway PostgreSQL cluster, the fit in the engine)
 * as in memory (`classifyTable`): every customer, tier, method column, the fitted model, the
 * tier summary and the skip counts, exactly. Random tables with many ties, returns, cancelled
 * invoices ("C…"), zero amounts, amounts whose double sums depend on the order (0.1, 0.2, 0.7),
 * rows listing a customer with no date and no amount, with and without an invoice column, an
 * as-of date, returns net and drop. Engines that are absent print SKIPPED.
 */
import fc from 'fast-check';
import { type MethodId, dayNumber, isoDate } from '../../src/engine';
import { type SqlEngine, openDuckDb, startPostgres } from './engines';
import { view } from './timeline-view';
import { type Case, type Outcome, type Tx, caseTables } from './cases';


const START = dayNumber(2023, 1, 1);

const txArb = fc.record({
  customer: fc.option(fc.constantFrom('1', '2', '10', '007', 'a', 'b', 'c', 'd', 'e', 'f'), { freq: 15 }),
  // few distinct days (ties), spread over more than a year (quarters, calibration, holdout)
  day: fc.option(fc.constantFrom(0, 0, 30, 95, 180, 181, 270, 364, 400, 455, 456, 500), { freq: 8 }),
  amount: fc.option(fc.constantFrom(-5, -0.1, 0, 0, 0.1, 0.2, 0.7, 2.5, 10, 10, 19.99, 100), { freq: 8 }),
  invoice: fc.option(fc.constantFrom('1', '2', '3', 'C4', 'c5', '6', '7', '8'), { freq: 5 }),
});

const methodArb: fc.Arbitrary<{ method: MethodId; params: Record<string, unknown> }> = fc.oneof(
  fc.constantFrom({}, { quarterDays: 30, quarters: 6 }, { newDays: 60, repeatDays: 120 }).map((params) => ({ method: 'lifecycle' as const, params })),
  fc.constantFrom({}, { unit: 'day' }, { unit: 'week', calibrationEnd: isoDate(START + 364) }).map((params) => ({ method: 'clv' as const, params })),
  fc.constant({ method: 'matrix' as const, params: { y: ['clv'] } }),
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    rows: fc.array(txArb, { minLength: 5, maxLength: 60 }),
    withInvoice: fc.boolean(),
    asOf: fc.option(fc.constantFrom(200, 365, 457, 501), { freq: 2 }),
    returns: fc.constantFrom('net' as const, 'drop' as const),
    m: methodArb,
  })
  .map(({ m, ...rest }) => ({ ...rest, ...m }));

const tables = caseTables(START, 'timeline');
afterAll(() => tables.remove());

/** The in-memory outcome as plain data (`view`), comparable with the database path's. */
function inMemory(c: Case): Outcome<unknown> {
  const r = tables.inMemory(c);
  return 'ok' in r ? { ok: view(r.ok) } : r;
}

async function onDatabase(engine: SqlEngine, c: Case): Promise<Outcome<unknown>> {
  await tables.load(engine, c);
  return tables.onDatabase(engine, c);
}

describe.each([
  ['DuckDB', openDuckDb, 150],
  ['PostgreSQL', startPostgres, 60],
] as const)('lifecycle, clv and matrix --y clv on %s equal the in-memory engine', (_name, open, numRuns) => {
  let engine: SqlEngine | undefined;
  beforeAll(async () => {
    engine = await open();
  }, 60000);
  afterAll(async () => {
    await engine?.close();
  });

  it('on random tables with ties, returns, cancellations, zero amounts and customer-list rows', async () => {
    if (!engine) return;
    const e = engine;
    let classified = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const want = inMemory(c);
        if ('ok' in want) classified++;
        expect(await onDatabase(e, c)).toEqual(want);
      }),
      { numRuns, seed: 13 },
    );
    // many cases classify (not only errors compared; CLV's fits refuse tables with few repeat buyers)
    expect(classified).toBeGreaterThan(numRuns / 3);
  }, 300000);

  it('keeps a customer named only by a list row (lifecycle: Potential) and one whose only purchase has no value (clv)', async () => {
    if (!engine) return;
    const rows: Tx[] = [
      { customer: 'a', day: 0, amount: 10, invoice: '1' },
      { customer: 'a', day: 180, amount: 0.1, invoice: '2' },
      { customer: 'a', day: 180, amount: 0.2, invoice: '2' },
      { customer: 'a', day: 400, amount: 0.7, invoice: '3' },
      { customer: 'b', day: 95, amount: 0, invoice: '4' },
      { customer: 'c', day: 30, amount: -5, invoice: 'C5' },
      { customer: 'd', day: null, amount: null, invoice: null },
      { customer: 'e', day: 270, amount: 20, invoice: '6' },
      { customer: 'e', day: 364, amount: 5, invoice: '7' },
    ];
    const lifecycle: Case = { rows, withInvoice: true, asOf: null, returns: 'net', method: 'lifecycle', params: {} };
    const want = inMemory(lifecycle) as { ok: { keys: string[] } };
    expect(want.ok.keys).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await onDatabase(engine, lifecycle)).toEqual(want);
    const clv: Case = { ...lifecycle, method: 'clv' };
    const wantClv = inMemory(clv) as { ok: { keys: string[] } };
    expect(wantClv.ok.keys).toEqual(['a', 'b', 'e']);
    expect(await onDatabase(engine, clv)).toEqual(wantClv);
  }, 60000);
});
