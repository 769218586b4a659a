/**
 * Issue 11, case 1 on UCI Online Retail with default options (returns netted): frequency, first
 * and last purchase come from purchases only — never from a cancellation ("C…" invoice) or a
 * negative quantity — while returns still reduce monetary.
 */
import { classifyTable, dateColumn, type TableResult } from '../../src/engine';
import { readReferenceCsv } from './data';

const csv = readReferenceCsv('online_retail/online_retail.csv');
const col = (name: string): string[] => csv!.columns[csv!.headers.indexOf(name)] as string[];

describe('Online Retail, default returns (net): purchases vs returns', () => {
  let r: TableResult;
  beforeAll(() => {
    if (!csv) return;
    r = classifyTable(
      { customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') },
      { method: 'rfm' },
    );
  });

  it('customer 17548 (one real purchase, then cancellations) has frequency 1 and its purchase dates', () => {
    if (!csv) return;
    const c = r.customers!;
    const i = c.keys.indexOf('17548');
    expect(c.frequency[i]).toBe(1);
    expect(c.first[i]).toBe(c.last[i]);
    expect(new Date(c.first[i] * 86400000).toISOString().slice(0, 10)).toBe('2011-04-20');
    // the cancellations still reduce monetary
    expect(c.monetary[i]).toBeLessThan(0);
  });

  it('no customer\'s frequency or purchase dates come from a cancellation or a return', () => {
    if (!csv) return;
    // an independent count: purchase rows are those with quantity × price > 0 on an invoice not starting with "C"
    const cust = col('CustomerID');
    const inv = col('InvoiceNo');
    const q = col('Quantity');
    const p = col('UnitPrice');
    const days = dateColumn(col('InvoiceDate')).values;
    const invoices = new Map<string, Set<string>>();
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (let i = 0; i < cust.length; i++) {
      const id = String(cust[i]).trim();
      if (id === '' || String(inv[i]).startsWith('C') || !(Number(q[i]) * Number(p[i]) > 0)) continue;
      const key = String(Number(id));
      (invoices.get(key) ?? invoices.set(key, new Set()).get(key)!).add(String(inv[i]));
      first.set(key, Math.min(first.get(key) ?? Infinity, days[i]));
      last.set(key, Math.max(last.get(key) ?? -Infinity, days[i]));
    }
    const c = r.customers!;
    let wrong = 0;
    for (let j = 0; j < c.keys.length; j++) {
      const k = c.keys[j];
      if (c.frequency[j] !== invoices.get(k)?.size || c.first[j] !== first.get(k) || c.last[j] !== last.get(k)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(c.keys.length).toBe(invoices.size);
  });

  it('customers with only returns are skipped with that reason', () => {
    if (!csv) return;
    const s = r.customers!.skipped;
    expect(s.byCause['customer|returns-only']).toBeGreaterThan(0);
    expect(r.customers!.keys).toHaveLength(4338);
  });
});
