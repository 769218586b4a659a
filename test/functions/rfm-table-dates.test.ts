/** TIER.RFM_TABLE's date order: decided from all the dates, or given by the date_order argument. */
import { rfmTable } from '../../src/functions/rfm-table';

const col = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const customers = col(['A', 'B', 'A', 'B']);
// every day ≤ 12: the values cannot tell 05/03/2024 (5 March, day first) from May 3rd
const dates = col(['05/03/2024', '02/03/2024', '01/04/2024', '11/02/2024']);
const amounts = col([10, 20, 30, 40]);

describe('TIER.RFM_TABLE date order', () => {
  it('reads day-first text when date_order is "dmy"', () => {
    const t = rfmTable(customers, dates, amounts, '2024-05-01', 2, '1900', 'dmy');
    // A's last purchase 1 April (30 days to 1 May); B's 2 March (60 days)
    expect(t.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['A', 30],
      ['B', 60],
    ]);
  });
  it('reads month-first without it when no date decides, and reads the as_of in the same order', () => {
    const t = rfmTable(customers, dates, amounts, '05/06/2024', 2, '1900');
    // month first: as_of 6 May; A's last is 3 May (3 days); B's 2 November is after as_of, so 3 February (93 days)
    expect(t.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['A', 3],
      ['B', 93],
    ]);
    const dmy = rfmTable(customers, dates, amounts, '05/06/2024', 2, '1900', 'DMY');
    // day first: as_of 5 June → A last 1 April (65 days)
    expect(dmy[1][1]).toBe(65);
  });
  it('decides the order from any date over 12', () => {
    const t = rfmTable(col(['A', 'A']), col(['05/03/2024', '25/03/2024']), col([1, 2]), '2024-04-01', 2, '1900');
    expect(t[1][1]).toBe(7);
  });
  it('refuses an unknown date_order and an as_of that does not exist', () => {
    expect(() => rfmTable(customers, dates, amounts, null, 2, '1900', 'dym')).toThrow(/date_order must be "dmy", "mdy" or "ymd"/);
    expect(() => rfmTable(customers, dates, amounts, '2024-02-31', 2, '1900')).toThrow(/as_of must be a date/);
  });
});
