import fc from 'fast-check';
import { aggregateNumericIds, aggregateTransactions, dateColumn, dayNumber, describeSkips, keyColumn, keyOrder, numberColumn, numericKeyColumn } from '../../src/engine';

const tx = (customer: unknown[], date: unknown[], amount: unknown[], invoice?: unknown[]) => ({
  customer: keyColumn(customer as never[]),
  date: dateColumn(date as never[]),
  amount: numberColumn(amount as never[]),
  invoice: invoice ? keyColumn(invoice as never[]) : undefined,
});

describe('transactions → customers', () => {
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
});

describe('numeric-id fast path', () => {
  it('gives the same customers as the general path, or declines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 100, max: 160 }), fc.constant(1e9), fc.constant(1.5)), fc.integer({ min: 19000, max: 19500 }), fc.double({ min: -50, max: 500, noNaN: true })), {
          minLength: 1,
          maxLength: 300,
        }),
        (rows) => {
          const ids = Float64Array.from(rows, (r) => r[0]);
          const days = Float64Array.from(rows, (r) => r[1]);
          const amounts = Float64Array.from(rows, (r) => r[2]);
          const fast = aggregateNumericIds(ids, days, amounts, { returns: 'all' });
          const slow = aggregateTransactions({ customer: numericKeyColumn(ids), date: { values: days, reasons: null }, amount: { values: amounts, reasons: null } }, { returns: 'all' });
          if (fast === null) return rows.some((r) => r[0] === 1e9 || r[0] === 1.5);
          const same = (a: Float64Array, b: Float64Array) => a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
          return (
            fast.keys.join() === slow.keys.join() &&
            same(fast.recency, slow.recency) &&
            same(fast.frequency, slow.frequency) &&
            same(fast.monetary, slow.monetary) &&
            same(fast.first, slow.first) &&
            fast.asOf === slow.asOf
          );
        },
      ),
    );
  });
  it('widens its id slots both ways as ids arrive, on 32-bit columns, with the general path\'s results', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2500, max: 2500 }), fc.integer({ min: 18000, max: 20000 }), fc.double({ min: -50, max: 500, noNaN: true })), {
          minLength: 1000,
          maxLength: 1200,
        }),
        (rows) => {
          const fast = aggregateNumericIds(Int32Array.from(rows, (r) => r[0]), Int32Array.from(rows, (r) => r[1]), Float64Array.from(rows, (r) => r[2]), { returns: 'all' });
          const ids = Float64Array.from(rows, (r) => r[0]);
          const slow = aggregateTransactions(
            { customer: numericKeyColumn(ids), date: { values: Float64Array.from(rows, (r) => r[1]), reasons: null }, amount: numberColumn(rows.map((r) => r[2])) },
            { returns: 'all' },
          );
          return (
            fast !== null &&
            fast.keys.join() === slow.keys.join() &&
            fast.frequency.join() === slow.frequency.join() &&
            fast.first.join() === slow.first.join() &&
            fast.last.join() === slow.last.join() &&
            fast.asOf === slow.asOf &&
            fast.monetary.every((m, i) => Math.abs(m - slow.monetary[i]) < 1e-6)
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('measures recency to a given as-of day, and leaves later rows to the general path', () => {
    const i32 = (xs: number[]) => Int32Array.from(xs);
    const c = aggregateNumericIds(i32([7, 5, 7]), i32([0, 3, 9]), Float64Array.from([1, 2, 3]), { asOf: 20 });
    expect(c && Array.from(c.recency)).toEqual([17, 11]);
    expect(aggregateNumericIds(i32([7, 5, 7]), i32([0, 3, 9]), Float64Array.from([1, 2, 3]), { asOf: 9 })).toBeNull();
  });

  it('declines fractional days and days outside [−2^29, 2^29) (the general path takes them)', () => {
    const f = (xs: number[]) => Float64Array.from(xs);
    expect(aggregateNumericIds(f([1, 2]), f([1, 1.5]), f([1, 1]))).toBeNull();
    expect(aggregateNumericIds(Int32Array.from([1, 2]), Int32Array.from([1, 2 ** 29]), f([1, 1]))).toBeNull();
    expect(aggregateNumericIds(Int32Array.from([1, 2]), Int32Array.from([-(2 ** 29) - 1, 1]), f([1, 1]))).toBeNull();
  });

  it('with purchases only, gives the general path\'s customers under net returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 100, max: 160 }), fc.integer({ min: 19000, max: 19500 }), fc.integer({ min: 1, max: 99999 })), { minLength: 1, maxLength: 300 }),
        (rows) => {
          const ids = Float64Array.from(rows, (r) => r[0]);
          const days = Float64Array.from(rows, (r) => r[1]);
          const amounts = Float64Array.from(rows, (r) => r[2] / 100);
          const fast = aggregateNumericIds(ids, days, amounts);
          const slow = aggregateTransactions({ customer: numericKeyColumn(ids), date: { values: days, reasons: null }, amount: { values: amounts, reasons: null } });
          return fast !== null && fast.keys.join() === slow.keys.join() && fast.frequency.join() === slow.frequency.join() && fast.monetary.join() === slow.monetary.join();
        },
      ),
    );
  });

  it('declines NaN cells, returns unless every row counts, and wide id ranges', () => {
    const f = (xs: number[]) => Float64Array.from(xs);
    expect(aggregateNumericIds(f([1, 2]), f([1, NaN]), f([1, 1]))).toBeNull();
    expect(aggregateNumericIds(f([1, 2, 3]), f([1, 1, 1]), f([1, NaN, 1]))).toBeNull();
    expect(aggregateNumericIds(f([1, 5, 3]), f([1, 1, 1]), f([1, 1, NaN]))).toBeNull();
    expect(aggregateNumericIds(f([1, 2]), f([1, 1]), f([1, -1]))).toBeNull();
    expect(aggregateNumericIds(f([1, 2]), f([1, 1]), f([1, 0]), { returns: 'drop' })).toBeNull();
    expect(aggregateNumericIds(f([1, 2]), f([1, 1]), f([1, -1]), { returns: 'all' })?.frequency).toEqual(Float64Array.from([1, 1]));
    expect(aggregateNumericIds(f([1, 1e9]), f([1, 1]), f([1, 1]))).toBeNull();
  });
});
