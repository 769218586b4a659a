/** Test helper: a method's extra per-customer column as numbers (RFM's r, f, m, rfm). */
import type { Classification } from '../../src/engine';

/**
 * The values of one of a classification's method columns, 0 where blank.
 *
 * @example
 * scores(classifyCustomers(input, { method: "rfm" }), "f"); // [5, 3, …]
 */
export function scores(c: Classification, id: string): number[] {
  const col = c.columns.find((x) => x.id === id);
  if (!col) throw new Error(`no column ${id}; the method's columns are ${c.columns.map((x) => x.id).join(', ')}`);
  return col.values.map((v) => (typeof v === 'number' ? v : 0));
}
