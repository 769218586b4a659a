import fc from 'fast-check';
import { DictBuilder } from '../../src/cli/column-builders';
import { aggregateTransactions, dateColumn, dateColumnOf, dayNumber, describeSkips, keyColumn, keyColumnOf, keyOrder, numberColumn } from '../../src/engine';

const tx = (customer: unknown[], date: unknown[], amount: unknown[], invoice?: unknown[]) => ({
  customer: keyColumn(customer as never[]),
  date: dateColumn(date as never[]),
  amount: numberColumn(amount as never[]),
  invoice: invoice ? keyColumn(invoice as never[]) : undefined,
});

describe('transactions → customers', () => {
  it('customer ids a reader read as whole numbers order, aggregate and read back as their texts do', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 999_999_999 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const ids = new DictBuilder();
        for (const [id] of rows) ids.addText(String(id));
        const cells = ids.cells();
        const t = { customer: keyColumnOf(cells), date: numberColumn(rows.map(([, d]) => 19000 + d)), amount: numberColumn(rows.map(([, , a]) => a / 100)) };
        expect(t.customer.numbers).toBeDefined();
        const known = aggregateTransactions(t);
        const plain = aggregateTransactions({ ...t, customer: { ...t.customer, numbers: undefined } });
        expect(plain.numericKeys).toBeUndefined();
        expect(Array.from(known.numericKeys ?? [], String)).toEqual(known.keys);
        expect({ ...known, numericKeys: undefined }).toEqual({ ...plain, numericKeys: undefined });
      }),
    );
    // a leading zero, a sign, ten digits, a point or a date: not a whole number read back as its text
    for (const odd of ['007', '-1', '1234567890', '1.5', '2024-03-05']) {
      const b = new DictBuilder();
      b.addText('12');
      b.addText(odd);
      expect(keyColumnOf(b.cells()).numbers).toBeUndefined();
    }
  });
  it('aggregates first/last purchase, recency to the day after the latest, frequency and monetary', () => {
    const c = aggregateTransactions(tx(['A', 'B', 'A'], ['2024-01-01', '2024-01-05', '2024-01-09 18:00'], [10, 5, 20]));
    expect(c.keys).toEqual(['A', 'B']);
    expect(Array.from(c.frequency)).toEqual([2, 1]);
    expect(Array.from(c.monetary)).toEqual([30, 5]);
    expect(c.asOf).toBe(dayNumber(2024, 1, 10));
    expect(Array.from(c.recency)).toEqual([1, 5]);
    expect(c.first[0]).toBe(dayNumber(2024, 1, 1));
  });
  it('counts distinct invoices when an invoice column is given, even when an invoice spans customers', () => {
    const c = aggregateTransactions(
      tx(['A', 'A', 'A', 'B', 'B', 'A'], Array(6).fill('2024-01-01'), [1, 1, 1, 1, 1, 1], ['1', '1', '2', '3', '1', '1']),
    );
    expect(Array.from(c.frequency)).toEqual([2, 2]);
  });
  it('nets returns by default and drops returns and cancellations on request', () => {
    const t = tx(['A', 'A', 'A'], ['2024-01-01', '2024-01-02', '2024-01-03'], [100, -30, 20], ['1', 'C2', '3']);
    expect(Array.from(aggregateTransactions(t).monetary)).toEqual([90]);
    const dropped = aggregateTransactions(t, { returns: 'drop' });
    expect(Array.from(dropped.monetary)).toEqual([120]);
    expect(dropped.skipped.byReason).toEqual({ cancellation: 1 });
    const noInvoice = aggregateTransactions(tx(['A', 'A'], ['2024-01-01', '2024-01-02'], [100, -30]), { returns: 'drop' });
    expect(noInvoice.skipped.byReason).toEqual({ return: 1 });
  });
  it('counts purchases only toward frequency, first and last purchase; returns reduce monetary (issue 11, case 1)', () => {
    // one purchase on 2024-02-10; a cancellation before it and a return after it
    const t = tx(['A', 'A', 'A', 'B'], ['2024-01-01', '2024-02-10', '2024-03-01', '2024-03-05'], [-12, 30, -5, 8], ['C1', '2', '3', '4']);
    const c = aggregateTransactions(t);
    expect(c.keys).toEqual(['A', 'B']);
    expect(Array.from(c.frequency)).toEqual([1, 1]);
    expect(c.first[0]).toBe(dayNumber(2024, 2, 10));
    expect(c.last[0]).toBe(dayNumber(2024, 2, 10));
    expect(Array.from(c.monetary)).toEqual([13, 8]);
    expect(c.recency[0]).toBe(dayNumber(2024, 3, 6) - dayNumber(2024, 2, 10));
    // a positive line on a cancelled invoice is not a purchase either
    const d = aggregateTransactions(tx(['A', 'A'], ['2024-01-01', '2024-01-09'], [10, 4], ['1', 'C2']));
    expect([d.frequency[0], d.last[0], d.monetary[0]]).toEqual([1, dayNumber(2024, 1, 1), 14]);
  });
  it('skips a customer with only returns, logging each of its rows with that reason', () => {
    const c = aggregateTransactions(tx(['A', 'R', 'R'], ['2024-01-01', '2024-01-02', '2024-01-03'], [10, -3, 0]));
    expect(c.keys).toEqual(['A']);
    expect(c.rowsUsed).toBe(1);
    expect(c.skipped.rows).toEqual([
      { row: 1, column: 'customer', reason: 'returns-only' },
      { row: 2, column: 'customer', reason: 'returns-only' },
    ]);
    expect(c.asOf).toBe(dayNumber(2024, 1, 2));
    expect(() => aggregateTransactions(tx(['R'], ['2024-01-01'], [-3]))).toThrow(/1 returns-only/);
  });
  it('with returns "all" (the peer benchmark), every row is a transaction', () => {
    const c = aggregateTransactions(tx(['A', 'A'], ['2024-01-01', '2024-01-09'], [10, -4]), { returns: 'all' });
    expect([c.frequency[0], c.last[0], c.monetary[0]]).toEqual([2, dayNumber(2024, 1, 9), 6]);
  });
  it('measures recency to a given as-of date and skips later rows', () => {
    const c = aggregateTransactions(tx(['A', 'A'], ['2024-01-01', '2024-03-01'], [1, 1]), { asOf: dayNumber(2024, 2, 1) });
    expect(Array.from(c.recency)).toEqual([31]);
    expect(c.skipped.rows).toEqual([{ row: 1, column: 'date', reason: 'after-as-of' }]);
  });
  it('skips rows with a bad cell, saying which column and why', () => {
    const c = aggregateTransactions(tx(['A', '', 'B', 'C'], ['2024-01-01', '2024-01-01', 'soon', '2024-01-01'], [1, 1, 1, '#N/A']));
    expect(c.rowsUsed).toBe(1);
    expect(c.skipped.rows).toEqual([
      { row: 1, column: 'customer', reason: 'blank' },
      { row: 2, column: 'date', reason: 'not-a-date' },
      { row: 3, column: 'amount', reason: 'error' },
    ]);
    expect(c.skipped.byCause).toEqual({ 'customer|blank': 1, 'date|not-a-date': 1, 'amount|error': 1 });
    expect(describeSkips(c.skipped)).toBe('1 blank, 1 not-a-date, 1 error');
  });
  it('refuses a log with no usable row, and columns of different lengths', () => {
    expect(() => aggregateTransactions(tx(['', ''], ['x', 'y'], [1, 2]))).toThrow(/no usable transactions: all 2 rows were skipped/);
    expect(() => aggregateTransactions({ ...tx(['A'], ['2024-01-01'], [1]), amount: numberColumn([1, 2]) })).toThrow(/amount column has 2 rows/);
  });
  it('sorts customers by id, numerically when every id is a number', () => {
    expect(Array.from(keyOrder(['10', '9', '100']))).toEqual([1, 0, 2]);
    expect(Array.from(keyOrder(['b', 'a', '10']))).toEqual([2, 1, 0]);
  });
  it('orders whole-number ids as numbers, and ids equal as numbers by their text', () => {
    expect(Array.from(keyOrder(['-5', '300000000000001', '0', '-12', '7']))).toEqual([3, 0, 2, 4, 1]);
    // "007", "7.0" and "7" are the same number: the text breaks the tie
    expect(Array.from(keyOrder(['7', '007', '7.0', '-0', '0']))).toEqual([3, 4, 1, 0, 2]);
    expect(Array.from(keyOrder(['10', '-2.25', '1.5', '0.000001']))).toEqual([1, 3, 2, 0]);
    // not numbers as the id column reads them: text order
    expect(Array.from(keyOrder(['1e+21', '5', 'Infinity']))).toEqual([0, 1, 2]);
    expect(Array.from(keyOrder(['NaN', '5']))).toEqual([1, 0]);
    // many distinct ids (with and without a decimal among them): the order of the comparison sort
    const byComparison = (keys: string[]): number[] => keys.map((_, i) => i).sort((a, b) => Number(keys[a]) - Number(keys[b]) || (keys[a] < keys[b] ? -1 : 1));
    for (const decimal of [false, true]) {
      const keys = Array.from({ length: 500 }, (_, i) => String(((i * 7919) % 1000) - 400) + (decimal && i % 97 === 0 ? '.5' : ''));
      expect(Array.from(keyOrder(keys))).toEqual(byComparison(keys));
    }
  });

  it('a log in date order (ascending dates) aggregates as any log does: every policy, invoices, rejected cells, as-of', () => {
    const row = fc.record({
      customer: fc.constantFrom('A', 'B', 'C', 'D', '', '#N/A'),
      day: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(-1)),
      hour: fc.constantFrom('', ' 08:30', ' 23:59'),
      amount: fc.oneof(fc.constantFrom(0, -5, 12.5, 100, 0.1, 0.2, 'x', ''), fc.integer({ min: -50, max: 500 })),
      invoice: fc.constantFrom('1', '2', '3', 'C4', 'C5', ''),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), fc.constantFrom('net', 'drop', 'all') as fc.Arbitrary<'net' | 'drop' | 'all'>, fc.option(fc.integer({ min: 5, max: 45 })), fc.constantFrom(false, true, 'zero-value') as fc.Arbitrary<boolean | 'zero-value'>, (rows, invoices, returns, asOfDay, keepNoPurchase) => {
        // in date order: blank dates anywhere, the others never going down
        const when = (r: (typeof rows)[number]): number => r.day * 100 + ['', ' 08:30', ' 23:59'].indexOf(r.hour);
        const dated = rows.filter((r) => r.day >= 0).map((r) => ({ day: r.day, hour: r.hour })).sort((a, b) => when(a as never) - when(b as never));
        let next = 0;
        const sorted = rows.map((r) => (r.day < 0 ? r : { ...r, ...dated[next++] }));
        const dates = sorted.map((r) => (r.day < 0 ? '' : `2024-01-${String(1 + (r.day % 28)).padStart(2, '0')}${r.hour}`.replace(/^2024-01-(\d\d)/, (_, d) => `2024-${r.day >= 28 ? '02' : '01'}-${d}`)));
        const t = tx(sorted.map((r) => r.customer), dates, sorted.map((r) => r.amount), invoices ? sorted.map((r) => r.invoice) : undefined);
        const options = { returns, keepNoPurchase, ...(asOfDay === null ? {} : { asOf: dayNumber(2024, 1, 1) + asOfDay }) };
        const attempt = (ascending: boolean | undefined): unknown => {
          try {
            return aggregateTransactions({ ...t, date: { ...t.date, ascending } }, options);
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(attempt(true)).toEqual(attempt(undefined));
      }),
      { numRuns: 400 },
    );
  });
  it('dates kept as runs of one day (a reader’s log in date order) aggregate without a day per row being built', () => {
    const row = fc.record({
      customer: fc.constantFrom('A', 'B', 'C', 'D', '', '#N/A'),
      day: fc.integer({ min: 0, max: 30 }),
      amount: fc.oneof(fc.constantFrom(0, -5, 12.5, 100, 0.1, 'x', ''), fc.integer({ min: -50, max: 500 })),
      invoice: fc.constantFrom('1', '2', 'C4', ''),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), fc.constantFrom('net', 'drop', 'all') as fc.Arbitrary<'net' | 'drop' | 'all'>, fc.option(fc.integer({ min: 5, max: 35 })), fc.constantFrom(false, true, 'zero-value') as fc.Arbitrary<boolean | 'zero-value'>, (rows, invoices, returns, asOfDay, keepNoPurchase) => {
        const sorted = [...rows].sort((a, b) => a.day - b.day);
        const days = sorted.map((r) => dayNumber(2024, 1, 1) + r.day);
        const t = tx(sorted.map((r) => r.customer), days.map(() => '2024-01-01'), sorted.map((r) => r.amount), invoices ? sorted.map((r) => r.invoice) : undefined);
        const plainDate = { values: Float64Array.from(days), reasons: null, ascending: true };
        const lengths: number[] = [];
        const values: number[] = [];
        for (const d of days) {
          if (values[values.length - 1] === d) lengths[lengths.length - 1]++;
          else {
            lengths.push(1);
            values.push(d);
          }
        }
        const runsDate = {
          get values(): Float64Array {
            throw new Error('a day per row was built');
          },
          reasons: null,
          ascending: true,
          runs: { lengths, values },
        };
        const options = { returns, keepNoPurchase, ...(asOfDay === null ? {} : { asOf: dayNumber(2024, 1, 1) + asOfDay }) };
        const attempt = (date: typeof plainDate | typeof runsDate): unknown => {
          try {
            return aggregateTransactions({ ...t, date }, options);
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(attempt(runsDate)).toEqual(attempt(plainDate));
      }),
      { numRuns: 400 },
    );
  });
  it('date columns read from a file say whether they are in date order (rows with a bad date aside)', () => {
    const column = (texts: string[]) => {
      const b = new DictBuilder(2);
      for (const t of texts) b.addText(t);
      return dateColumnOf(b.cells());
    };
    expect(column(['2024-01-01', '2024-01-01', '', 'n/a', '2024-01-03 10:00', '2024-02-01']).ascending).toBe(true);
    expect(column(['2024-01-02', '2024-01-01']).ascending).toBe(false);
    expect(column(['2024-01-02 10:00', '2024-01-02 09:00']).ascending).toBe(false);
  });
});
