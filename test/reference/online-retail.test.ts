/**
 * Reference tests on UCI "Online Retail" (Chen, Sain & Guo 2012; CC BY 4.0), 541,909 rows,
 * with the standard cleaning: customer id present, invoice not starting with "C",
 * quantity > 0, unit price > 0; value = quantity × unit price.
 */
import { NO_CLASS, classifyTable, dayNumber, type TableResult } from '../../src/engine';
import { scores } from '../engine/scores';
import { readReferenceCsv } from './data';

const csv = readReferenceCsv('online_retail/online_retail.csv');
const col = (name: string): string[] => {
  if (!csv) throw new Error('no data');
  const i = csv.headers.indexOf(name);
  return csv.columns[i] as string[];
};

describe('Online Retail (UCI 352)', () => {
  let rfm: TableResult;
  beforeAll(() => {
    if (!csv) return;
    // standard cleaning, done by the engine: blank customer ids, "C" invoices and rows with
    // quantity × price ≤ 0 are skipped with their reason
    rfm = classifyTable(
      { customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') },
      { method: 'rfm', returns: 'drop' },
    );
  });

  it('reads all 541,909 rows and keeps the 397,884 clean ones of 4,338 customers', () => {
    if (!csv) return;
    expect(csv.rows).toBe(541909);
    const c = rfm.customers!;
    expect(c.rowsUsed).toBe(397884);
    expect(c.keys).toHaveLength(4338);
    expect(c.skipped.byReason.blank).toBe(135080);
    const revenue = c.monetary.reduce((s, v) => s + v, 0);
    expect(revenue.toFixed(2)).toBe('8911407.90');
  });

  it('measures recency to 2011-12-10, the day after the last invoice', () => {
    if (!csv) return;
    const c = rfm.customers!;
    expect(c.asOf).toBe(dayNumber(2011, 12, 10));
    const i = c.keys.indexOf('12346');
    // customer 12346: one order of 74,215 units on 2011-01-18 (its cancellation is dropped)
    expect([c.recency[i], c.frequency[i], c.monetary[i]]).toEqual([326, 1, 77183.6]);
    const j = c.keys.indexOf('12347');
    // last purchase 2011-12-07 → 3 calendar days to 2011-12-10 (pandas' timestamp difference
    // with the time of day says 2; the engine counts whole calendar days)
    expect([c.recency[j], c.frequency[j]]).toEqual([3, 7]);
    expect(c.monetary[j]).toBeCloseTo(4310, 6);
  });

  it('segments every customer, the RFM scores are tie-safe and the shares sum to 1', () => {
    if (!csv) return;
    const k = rfm.classification;
    expect(Array.from(k.tierIndex).every((t) => t !== NO_CLASS)).toBe(true);
    const f = rfm.customers!.frequency;
    const byValue = new Map<number, number>();
    f.forEach((v, i) => {
      const s = scores(k, 'f')[i];
      expect(byValue.get(v) ?? s).toBe(s);
      byValue.set(v, s);
    });
    expect(k.summary.reduce((s, x) => s + x.valueShare, 0)).toBeCloseTo(1, 12);
    expect(k.summary.reduce((s, x) => s + x.customers, 0)).toBe(4338);
  });

  it('ABC: about a fifth of the customers hold 80 % of the revenue', () => {
    if (!csv) return;
    const abc = classifyTable(
      { customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') },
      { method: 'abc', returns: 'drop' },
    ).classification;
    const [a, b, c] = abc.summary;
    expect(a.valueShare).toBeLessThanOrEqual(0.8);
    expect(a.valueShare).toBeGreaterThan(0.79);
    expect(a.valueShare + b.valueShare).toBeLessThanOrEqual(0.95);
    expect(a.customerShare).toBeGreaterThan(0.15);
    expect(a.customerShare).toBeLessThan(0.3);
    expect(a.customers + b.customers + c.customers).toBe(4338);
  });
});
