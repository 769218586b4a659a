/**
 * `TransactionFold` fed a log in blocks gives what `aggregateTransactions` gives for the whole log:
 * the same customers, sums, as-of date and skip log (the same rows listed, in the same order).
 */
import fc from 'fast-check';
import { type Transactions, TransactionFold, aggregateTransactions, dateColumn, dayNumber, keyColumn, numberColumn } from '../../src/engine';

const row = fc.record({
  customer: fc.constantFrom('1', '2', '3', '10', 'x', '', '#N/A'),
  day: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.constant(-1) }),
  amount: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(10, 2.5, -4, 0, 0.125, 1e-7, 99.99) },
    { weight: 1, arbitrary: fc.constantFrom('', 'n/a') },
  ),
  invoice: fc.constantFrom('A1', 'A2', 'C3', 'c1', 'A4', ''),
});

function slice(tx: Transactions, from: number, to: number): Transactions {
  const key = (k: Transactions['customer']) => ({ codes: k.codes.subarray(from, to), keys: k.keys, reasons: k.reasons ? k.reasons.subarray(from, to) : null });
  const num = (c: Transactions['amount']) => ({ values: c.values.subarray(from, to), reasons: c.reasons ? c.reasons.subarray(from, to) : null });
  const out: Transactions = { customer: key(tx.customer), date: num(tx.date), amount: num(tx.amount) };
  if (tx.invoice) out.invoice = key(tx.invoice);
  return out;
}

describe('TransactionFold', () => {
  it('folds blocks into the whole log’s aggregation', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 50 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 50 }),
        fc.boolean(),
        fc.constantFrom<'net' | 'drop'>('net', 'drop'),
        fc.option(fc.integer({ min: 5, max: 70 }), { nil: undefined }),
        (rows, cuts, withInvoice, returns, asOfDay) => {
          const base = dayNumber(2024, 1, 1);
          const tx: Transactions = {
            customer: keyColumn(rows.map((r) => r.customer)),
            date: dateColumn(rows.map((r) => (r.day < 0 ? 'soon' : new Date(Date.UTC(2024, 0, r.day))))),
            amount: numberColumn(rows.map((r) => r.amount)),
          };
          if (withInvoice) tx.invoice = keyColumn(rows.map((r) => r.invoice));
          const options = { returns, asOf: asOfDay === undefined ? undefined : base + asOfDay };
          let want;
          try {
            want = aggregateTransactions(tx, options);
            // the fold quotes the customer of a returns-only row itself (its block is gone when it
            // lists them); the in-memory path quotes it from the cells afterwards
            for (const issue of want.skipped.rows) if (issue.reason === 'returns-only') issue.value = rows[issue.row].customer;
          } catch (e) {
            want = (e as Error).message;
          }
          const fold = new TransactionFold({ customerKeys: tx.customer.keys, invoiceKeys: tx.invoice?.keys, options });
          let at = 0;
          for (let b = 0; at < rows.length; b++) {
            const to = Math.min(rows.length, at + cuts[b % cuts.length]);
            fold.add(slice(tx, at, to), at);
            at = to;
          }
          let got;
          try {
            got = fold.finish();
          } catch (e) {
            got = (e as Error).message;
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rescales the money already summed when a later block has more decimals', () => {
    const tx: Transactions = { customer: keyColumn(['a', 'a', 'b']), date: dateColumn(['2024-01-01', '2024-01-02', '2024-01-03']), amount: numberColumn([10, 20, 0.005]) };
    const fold = new TransactionFold({ customerKeys: tx.customer.keys, options: {} });
    fold.add(slice(tx, 0, 2), 0);
    fold.add(slice(tx, 2, 3), 2);
    const c = fold.finish();
    expect(c?.monetary).toEqual(Float64Array.of(30, 0.005));
    expect(c?.moneyDecimals).toBe(3);
  });
});
