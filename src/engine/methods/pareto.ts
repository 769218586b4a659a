/** The Pareto table: value by customer rank with the cumulative share (ABC's chart data). */
import type { MethodTable } from './types';

/** Pareto data is one row per customer up to this many customers, else per 1 % of customers. */
export const PARETO_MAX_POINTS = 100;

/** Excel table name of the Pareto data. */
export const PARETO_TABLE = 'TierwisePareto';

/**
 * Pareto data: customers ranked by value (descending) with the cumulative share of the total;
 * one row per customer for up to {@link PARETO_MAX_POINTS} customers, else per 1 % of customers.
 *
 * @example
 * buildPareto([50, 30, 20], ["a", "b", "c"]).columns[2].values; // [0.5, 0.8, 1]
 */
export function buildPareto(values: ArrayLike<number>, keys: readonly string[]): MethodTable {
  const idx = Array.from({ length: values.length }, (_, i) => i).filter((i) => Number.isFinite(values[i]));
  idx.sort((a, b) => values[b] - values[a] || a - b);
  const total = idx.reduce((s, i) => s + values[i], 0);
  const n = idx.length;
  const perCustomer = n <= PARETO_MAX_POINTS;
  const buckets = perCustomer ? n : PARETO_MAX_POINTS;
  const labels: (string | number | null)[] = [];
  const sums: (string | number | null)[] = [];
  const cum: (string | number | null)[] = [];
  let running = 0;
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = perCustomer ? b + 1 : Math.round(((b + 1) * n) / PARETO_MAX_POINTS);
    let s = 0;
    for (let r = start; r < end; r++) s += values[idx[r]];
    running += s;
    labels.push(perCustomer ? keys[idx[b]] : `${b + 1}%`);
    sums.push(s);
    cum.push(total === 0 ? 0 : running / total);
    start = end;
  }
  return {
    name: PARETO_TABLE,
    title: { en: 'Pareto: value by customer rank', zh: '帕累托图：按客户排名的价值' },
    columns: [
      { id: 'bucket', header: { en: 'Top customers', zh: '前列客户' }, kind: perCustomer ? 'text' : 'label', values: labels },
      { id: 'value', header: { en: 'Value', zh: '价值' }, kind: 'money', values: sums },
      { id: 'cumShare', header: { en: 'Cumulative % of value', zh: '累计价值占比' }, kind: 'percent', values: cum },
    ],
    rows: buckets,
    chart: { kind: 'pareto', title: { en: 'Pareto: value by customer rank', zh: '帕累托图：按客户排名的价值' }, categoryColumn: 'bucket', bars: ['value'], lines: ['cumShare'] },
  };
}
