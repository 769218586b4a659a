/** Customer tables with one customer on several rows: summed into one customer, or refused. */
import type { KeyColumn } from './columns';
import { TierwiseError } from './errors';

/** What to do with a customer id that appears on more than one row of a customer table. */
export type DuplicatesPolicy = 'sum' | 'error';

/** The merged rows: per customer its first row and the sum of its values. */
export interface MergedRows {
  /** First input row (0-based) of each customer, in order of first appearance. */
  rows: number[];
  values: number[];
  /** Customers that appeared on more than one row, and the rows merged into them. */
  repeatedCustomers: number;
  mergedRows: number;
}

/** A customer id that appears on several rows when `--duplicates error` asked to refuse. */
export class DuplicateIdError extends TierwiseError {
  constructor(
    readonly key: string,
    readonly rows: number[],
    readonly repeatedCustomers: number,
  ) {
    super('column', `customer id "${key}" appears on ${rows.length} rows (${repeatedCustomers} ids repeat)`);
    this.name = 'DuplicateIdError';
  }
}

/**
 * Merges the used rows of a customer table by customer: values summed, the first row kept.
 * With policy "error", throws a {@link DuplicateIdError} for the first repeated id.
 *
 * @example
 * mergeDuplicateRows(keyColumn(["a", "b", "a"]), new Float64Array([1, 2, 3]), [0, 1, 2], "sum");
 * // { rows: [0, 1], values: [4, 2], repeatedCustomers: 1, mergedRows: 1 }
 */
export function mergeDuplicateRows(keys: KeyColumn, values: Float64Array, used: readonly number[], policy: DuplicatesPolicy): MergedRows {
  const slot = new Int32Array(keys.keys.length).fill(-1);
  const out: MergedRows = { rows: [], values: [], repeatedCustomers: 0, mergedRows: 0 };
  const counts: number[] = [];
  for (const i of used) {
    const code = keys.codes[i];
    const s = slot[code];
    if (s < 0) {
      slot[code] = out.rows.length;
      out.rows.push(i);
      out.values.push(values[i]);
      counts.push(1);
    } else {
      out.values[s] += values[i];
      if (counts[s] === 1) out.repeatedCustomers++;
      counts[s]++;
      out.mergedRows++;
    }
  }
  if (policy === 'error' && out.repeatedCustomers > 0) {
    const s = counts.findIndex((c) => c > 1);
    const code = keys.codes[out.rows[s]];
    throw new DuplicateIdError(keys.keys[code], used.filter((i) => keys.codes[i] === code), out.repeatedCustomers);
  }
  return out;
}
