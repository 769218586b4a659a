/** The engine's answer and an SQL engine's answer as the same text rows, for exact comparison. */
import { type TableResult, methodById } from '../../src/engine';
import type { TextRows } from './engines';

/** Money at a fixed number of decimals (no "-0.00"). */
export function money(v: number | string, decimals = 6): string {
  const s = Number(v).toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

const byCustomer = (a: (string | null)[], b: (string | null)[]): number => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0);

/** The engine's result as rows: customer, recency, frequency, monetary, [r, f, m, score], tier, [segment]. */
export function engineRows(result: TableResult): TextRows {
  const c = result.classification;
  const cust = result.customers;
  if (!cust) throw new Error('not a transaction result');
  const rfm = methodById(c.method).tierColumn.id === 'segment';
  const col = (id: string): readonly (string | number | null)[] => {
    const found = c.columns.find((x) => x.id === id);
    if (!found) throw new Error(`no column ${id}`);
    return found.values;
  };
  return c.keys
    .map((key, i) => {
      const tier = c.tiers[c.tierIndex[i]]?.key ?? null;
      const row: (string | null)[] = [key, String(cust.recency[i]), String(cust.frequency[i]), money(cust.monetary[i])];
      if (rfm) row.push(...['r', 'f', 'm', 'rfm'].map((id) => String(col(id)[i])), tier, tier);
      else row.push(tier);
      return row;
    })
    .sort(byCustomer);
}

/** An SQL result as the same rows (money at 6 decimals, sorted by customer). */
export function sqlRows(rows: TextRows): TextRows {
  return rows.map((r) => r.map((v, j) => (j === 3 && v !== null ? money(v) : v))).sort(byCustomer);
}
