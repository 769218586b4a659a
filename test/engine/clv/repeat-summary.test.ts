import { aggregateTransactions, dateColumn, dayNumber, keyColumn, numberColumn, purchaseRows, repeatSummary, repeatSummaryOfPurchases } from '../../../src/engine';
import type { Cell } from '../../../src/engine';

function tx(customer: Cell[], date: Cell[], amount: Cell[]) {
  return { customer: keyColumn(customer), date: dateColumn(date), amount: numberColumn(amount) };
}

describe('repeatSummary', () => {
  it('gives x, t_x, T and the mean repeat value in the unit asked (the FHL 2005 example customer)', () => {
    const s = repeatSummary(
      tx(['4', '4', '4', '4', '9'], ['1997-01-01', '1997-01-18', '1997-08-02', '1997-12-12', '1997-03-01'], [29.33, 29.73, 14.96, 26.48, 10]),
      { calibrationEnd: dayNumber(1997, 9, 30), unit: 'week' },
    );
    expect(s.keys).toEqual(['4', '9']);
    expect(Array.from(s.x)).toEqual([2, 0]);
    expect(s.tx[0]).toBeCloseTo(213 / 7, 12);
    expect(s.T[0]).toBeCloseTo(272 / 7, 12);
    expect(s.T[1]).toBeCloseTo(213 / 7, 12);
    expect(s.meanValue[0]).toBeCloseTo((29.73 + 14.96) / 2, 12);
    expect(s.meanValue[1]).toBe(0);
    expect(s.unit).toBe('week');
    expect(s.rowsUsed).toBe(4);
    expect(s.skipped.byReason['after-as-of']).toBe(1);
  });

  it('merges purchases on the same day (times of day ignored) and sums their values', () => {
    const s = repeatSummary(
      tx(['A', 'A', 'A', 'A'], ['2024-01-01 09:00', '2024-01-01 17:30', '2024-01-05 10:00', '2024-01-05 11:00'], [5, 5, 20, 10]),
      { calibrationEnd: dayNumber(2024, 1, 10), unit: 'day' },
    );
    expect(s.x[0]).toBe(1);
    expect(s.tx[0]).toBe(4);
    expect(s.T[0]).toBe(9);
    expect(s.meanValue[0]).toBe(30);
  });

  it('counts only purchases: negative amounts are returns (skipped and counted), zero amounts are purchases', () => {
    const s = repeatSummary(tx(['A', 'A', 'A', 'B'], ['2024-01-01', '2024-01-03', '2024-01-04', '2024-01-02'], [10, -10, 0, -5]), {
      calibrationEnd: dayNumber(2024, 1, 31),
      unit: 'day',
    });
    expect(s.keys).toEqual(['A']);
    expect(s.x[0]).toBe(1);
    expect(s.tx[0]).toBe(3);
    expect(s.meanValue[0]).toBe(0);
    expect(s.skipped.byReason.return).toBe(2);
  });

  it('uses a 30.4375-day month and defaults the calibration end to the latest purchase day', () => {
    const s = repeatSummary(tx(['A', 'A'], ['2024-01-01', '2024-03-01 12:00'], [1, 1]), { unit: 'month' });
    expect(s.calibrationEnd).toBe(dayNumber(2024, 3, 1));
    expect(s.tx[0]).toBeCloseTo(60 / 30.4375, 12);
    expect(s.T[0]).toBeCloseTo(60 / 30.4375, 12);
  });

  it('counts holdout purchases per customer and customers who only bought after the calibration end', () => {
    const s = repeatSummary(
      tx(['A', 'A', 'A', 'A', 'B', 'C'], ['2024-01-01', '2024-02-01', '2024-02-01', '2024-03-15', '2024-01-10', '2024-02-20'], [1, 1, 1, 1, 1, 1]),
      { calibrationEnd: dayNumber(2024, 1, 31), holdoutEnd: dayNumber(2024, 3, 31), unit: 'week' },
    );
    expect(s.keys).toEqual(['A', 'B']);
    expect(Array.from(s.holdoutPurchases!)).toEqual([2, 0]);
    expect(s.holdoutLength).toBeCloseTo(60 / 7, 12);
    expect(s.customersAfterCalibration).toBe(1);
  });

  it('logs rejected cells by row and column, and refuses when nothing is usable', () => {
    const s = repeatSummary(tx(['A', '', 'A'], ['2024-01-01', '2024-01-02', 'soon'], [1, 1, 1]), { unit: 'day' });
    expect(s.skipped.rows.map((r) => [r.row, r.column, r.reason])).toEqual([
      [1, 'customer', 'blank'],
      [2, 'date', 'not-a-date'],
    ]);
    expect(() => repeatSummary(tx(['A'], ['2024-01-01'], [-3]), { unit: 'day' })).toThrow(/no usable purchases/);
    expect(() => repeatSummary(tx(['A'], ['2024-01-05'], [3]), { unit: 'day', calibrationEnd: dayNumber(2024, 1, 1) })).toThrow(/no purchases on or before the calibration end/);
    expect(() => repeatSummary(tx(['A'], ['2024-01-05'], [3]), { unit: 'day', holdoutEnd: dayNumber(2024, 1, 1) })).toThrow(/holdout end must be after/);
  });
});

describe('repeatSummaryOfPurchases (the registry\'s purchase rows, as the CLV method reads them)', () => {
  it('gives the same summary as the transactions, with zero-value purchases counted and returns not', () => {
    const t = tx(
      ['4', '4', '4', '4', '9', '9', '7', '7', '5'],
      ['1997-01-01', '1997-01-18', '1997-08-02', '1997-12-12', '1997-03-01', '1997-03-01', '1997-02-01', '1997-05-01', '1997-04-01'],
      [29.33, 29.73, 14.96, 26.48, 10, 0, 0, 0, -4],
    );
    const options = { calibrationEnd: dayNumber(1997, 9, 30), unit: 'week' as const, holdoutEnd: dayNumber(1997, 12, 31) };
    const fromTx = repeatSummary(t, options);
    const customers = aggregateTransactions(t, { keepNoPurchase: 'zero-value' });
    expect(customers.keys).toEqual(['4', '7', '9']); // 5 bought nothing (a return only)
    const fromPurchases = repeatSummaryOfPurchases(purchaseRows(t, customers, { zeroValue: true }), customers.keys, options);
    expect(fromPurchases.keys).toEqual(fromTx.keys);
    for (const k of ['x', 'tx', 'T', 'meanValue', 'first', 'holdoutPurchases'] as const) expect(Array.from(fromPurchases[k]!)).toEqual(Array.from(fromTx[k]!));
    expect(fromPurchases.holdoutLength).toBe(fromTx.holdoutLength);
    expect(Array.from(fromPurchases.x)).toEqual([2, 1, 0]);
    // without zero-value purchases, customer 7 (two purchases of no value) would not be there
    expect(repeatSummaryOfPurchases(purchaseRows(t, customers), customers.keys, options).keys).toEqual(['4', '9']);
  });

  it('sums the repeat value exactly: the same in any row order, and from per-day sums as from the rows', () => {
    // in doubles, (0.1 + 0.2) + 0.3 = 0.6000000000000001 but 0.3 + 0.2 + 0.1 = 0.6
    const p = (amount: number[], day: number[]) => ({ customer: new Int32Array(amount.length), day: Float64Array.from(day), amount: Float64Array.from(amount), invoice: new Int32Array(amount.length).fill(-1) });
    const options = { unit: 'day' as const, calibrationEnd: 30 };
    const forward = repeatSummaryOfPurchases(p([5, 0.1, 0.2, 0.3], [10, 20, 20, 20]), ['A'], options);
    const backward = repeatSummaryOfPurchases(p([0.3, 0.2, 0.1, 5], [20, 20, 20, 10]), ['A'], options);
    const perDay = repeatSummaryOfPurchases(p([5, 0.6], [10, 20]), ['A'], options);
    expect(forward.meanValue[0]).toBe(0.6);
    expect(backward.meanValue[0]).toBe(0.6);
    expect(perDay.meanValue[0]).toBe(0.6);
    // beyond 2^53 units the sums are taken with BigInt, still exactly
    const big = repeatSummaryOfPurchases(p([1, 4e13, 4e13, 0.01], [1, 2, 2, 3]), ['A'], options);
    expect(big.meanValue[0]).toBe(40000000000000.005);
  });
});
