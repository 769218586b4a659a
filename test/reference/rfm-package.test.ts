/** Reference tests on the R rfm package's sample data (MIT, rsquaredacademy/rfm). */
import { NO_CLASS, classifyCustomers, classifyTable, dayNumber } from '../../src/engine';
import { scores } from '../engine/scores';
import { readReferenceCsv } from './data';

describe('R rfm package samples', () => {
  it('orders: 4,906 orders of 995 customers, recency to the 2006-12-31 analysis date', () => {
    const csv = readReferenceCsv('rfm_r_package/rfm_data_orders.csv');
    if (!csv) return;
    const [customer, date, revenue] = [0, 1, 2].map((i) => csv.columns[i] as string[]);
    const r = classifyTable({ customer, date, amount: revenue }, { method: 'rfm', asOf: dayNumber(2006, 12, 31) });
    const c = r.customers!;
    expect(c.rowsUsed).toBe(4906);
    expect(c.keys).toHaveLength(995);
    expect(c.frequency.reduce((s, v) => s + v, 0)).toBe(4906);
    expect(Math.min(...c.recency)).toBeGreaterThanOrEqual(1);
    expect(r.classification.summary.reduce((s, x) => s + x.customers, 0)).toBe(995);
  });

  it('customers: 39,999 customer rows, 393,223 orders, every customer segmented with tie-safe scores', () => {
    const csv = readReferenceCsv('rfm_r_package/rfm_data_customer.csv');
    if (!csv) return;
    const h = csv.headers;
    const num = (name: string) => Float64Array.from(csv.columns[h.indexOf(name)] as string[], Number);
    const frequency = num('number_of_orders');
    expect(frequency.reduce((s, v) => s + v, 0)).toBe(393223);
    const c = classifyCustomers(
      { keys: csv.columns[h.indexOf('customer_id')] as string[], recency: num('recency_days'), frequency, monetary: num('revenue') },
      { method: 'rfm' },
    );
    expect(c.keys).toHaveLength(39999);
    expect(Array.from(c.tierIndex).every((t) => t !== NO_CLASS)).toBe(true);
    const scoreOf = new Map<number, number>();
    frequency.forEach((v, i) => {
      expect(scoreOf.get(v) ?? scores(c, 'f')[i]).toBe(scores(c, 'f')[i]);
      scoreOf.set(v, scores(c, 'f')[i]);
    });
    // quintiles of 39,999 customers: every score used, none over 2/5 of the customers despite ties
    const counts = [0, 0, 0, 0, 0];
    scores(c, 'm').forEach((s) => counts[s - 1]++);
    expect(Math.min(...counts)).toBeGreaterThan(0.1 * 39999);
    expect(Math.max(...counts)).toBeLessThan(0.3 * 39999);
  });
});
