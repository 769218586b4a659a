/**
 * Re-grading: how customers moved between two classifications of the same method (a previous
 * snapshot and the current one). Method-agnostic: it only needs customer → tier key maps and the
 * tier order (best first).
 */
import { TierwiseError } from '../errors';
import type { Bilingual } from '../tiers';

/** How one customer's tier changed: better, worse, same, new (absent before), gone (absent now). */
export type Change = 'up' | 'down' | 'same' | 'new' | 'gone';

/** The symbol shown per change (the Customers sheet's "Change" column, TIER.CHANGE). */
export const CHANGE_SYMBOL: Readonly<Record<Change, string>> = { up: '↑', down: '↓', same: '=', new: 'new', gone: 'gone' };

/** Words per change, in both languages. */
export const CHANGE_TEXT: Readonly<Record<Change, Bilingual>> = {
  up: { en: 'up', zh: '升级' },
  down: { en: 'down', zh: '降级' },
  same: { en: 'same', zh: '不变' },
  new: { en: 'new', zh: '新增' },
  gone: { en: 'gone', zh: '消失' },
};

/** Customer key → tier key. A customer missing (or with a null/empty tier) is "not classified". */
export type TierMap = ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>;

/** One customer's move. */
export interface CustomerChange {
  customer: string;
  previous: string | null;
  current: string | null;
  change: Change;
  /** Number of tiers moved: positive = up (better), negative = down; 0 for same/new/gone. */
  steps: number;
  /** The customer's value (current value, else previous; 0 when none given). */
  value: number;
}

/** The migration matrix and its totals. */
export interface Migration {
  /** Tier keys, best first: the given order, then unknown tiers in order of first appearance. */
  tiers: string[];
  /**
   * counts[p][c]: customers in tier p before and tier c now. Row `tiers.length` is "new" (absent
   * before); column `tiers.length` is "gone" (absent now). So row sums of the first rows are the
   * previous tier counts and column sums of the first columns are the current tier counts.
   */
  counts: number[][];
  /** The same cells summing the customers' values. */
  values: number[][];
  previousCounts: number[];
  currentCounts: number[];
  totals: Record<Change, number>;
  valueTotals: Record<Change, number>;
  /** Every customer in either snapshot: current ones in current order, then gone ones. */
  customers: CustomerChange[];
}

function entries(map: TierMap): [string, string | null][] {
  return map instanceof Map ? [...(map as ReadonlyMap<string, string | null>).entries()] : Object.entries(map as Record<string, string | null>);
}

function valueOf(value: TierMap | ReadonlyMap<string, number> | Readonly<Record<string, number>> | undefined, key: string): number | undefined {
  if (!value) return undefined;
  const v = value instanceof Map ? (value as ReadonlyMap<string, number>).get(key) : (value as Record<string, number>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Compares two classifications: the migration matrix (counts and value), the up/down/same/new/gone
 * totals and each customer's change. "Up" means a better tier by `tierOrder` (best first). Tiers
 * not in `tierOrder` are appended in order of first appearance (previous, then current); a
 * customer with a null or empty tier counts as absent from that snapshot.
 *
 * @example
 * const m = migration({ a: 'A', b: 'B' }, { a: 'B', c: 'A' }, ['A', 'B', 'C']);
 * m.totals; // { up: 0, down: 1, same: 0, new: 1, gone: 1 }
 * m.counts[0][1]; // 1 (a: A → B)
 */
export function migration(
  previous: TierMap,
  current: TierMap,
  tierOrder: readonly string[],
  value?: { current?: ReadonlyMap<string, number> | Readonly<Record<string, number>>; previous?: ReadonlyMap<string, number> | Readonly<Record<string, number>> },
): Migration {
  const tiers: string[] = [];
  const index = new Map<string, number>();
  const add = (t: string): void => {
    if (!index.has(t)) {
      index.set(t, tiers.length);
      tiers.push(t);
    }
  };
  for (const t of tierOrder) {
    if (index.has(t)) throw new TierwiseError('option', `tier "${t}" is listed twice in the tier order`);
    add(t);
  }
  const prev = new Map<string, string>();
  const curr = new Map<string, string>();
  for (const [map, into] of [[previous, prev], [current, curr]] as const) {
    for (const [k, t] of entries(map)) {
      if (t === null || t === '') continue;
      into.set(k, t);
      add(t);
    }
  }
  const n = tiers.length;
  const grid = (): number[][] => Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  const counts = grid();
  const values = grid();
  const zero = (): Record<Change, number> => ({ up: 0, down: 0, same: 0, new: 0, gone: 0 });
  const totals = zero();
  const valueTotals = zero();
  const customers: CustomerChange[] = [];
  const record = (key: string, p: string | undefined, c: string | undefined): void => {
    const pi = p === undefined ? n : (index.get(p) as number);
    const ci = c === undefined ? n : (index.get(c) as number);
    const v = valueOf(value?.current, key) ?? valueOf(value?.previous, key) ?? 0;
    const change: Change = p === undefined ? 'new' : c === undefined ? 'gone' : ci < pi ? 'up' : ci > pi ? 'down' : 'same';
    counts[pi][ci] += 1;
    values[pi][ci] += v;
    totals[change] += 1;
    valueTotals[change] += v;
    const steps = change === 'up' || change === 'down' ? pi - ci : 0;
    customers.push({ customer: key, previous: p ?? null, current: c ?? null, change, steps, value: v });
  };
  for (const [k, c] of curr) record(k, prev.get(k), c);
  for (const [k, p] of prev) if (!curr.has(k)) record(k, p, undefined);
  const previousCounts = counts.slice(0, n).map((row) => row.reduce((s, x) => s + x, 0));
  const currentCounts = tiers.map((_, c) => counts.reduce((s, row) => s + row[c], 0));
  return { tiers, counts, values, previousCounts, currentCounts, totals, valueTotals, customers };
}

/**
 * The customers who moved (up or down), largest value first (ties: more tiers moved, then key).
 *
 * @example
 * topMovers(migration({ a: 'B' }, { a: 'A' }, ['A', 'B']), 5)[0].change; // "up"
 */
export function topMovers(m: Migration, limit = 10): CustomerChange[] {
  return m.customers
    .filter((c) => c.change === 'up' || c.change === 'down')
    .sort((a, b) => b.value - a.value || Math.abs(b.steps) - Math.abs(a.steps) || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

/**
 * The matrix as a table with headers: first column the previous tier (plus "New"), then one column
 * per current tier, "Gone" and "Total"; a last "Total" row.
 *
 * @example
 * migrationTable(migration({ a: 'A' }, { a: 'B' }, ['A', 'B']), 'en')[0]; // ["Previous \\ Current", "A", "B", "Gone", "Total"]
 */
export function migrationTable(m: Migration, lang: 'en' | 'zh-CN' = 'en', which: 'counts' | 'values' = 'counts'): (string | number)[][] {
  const zh = lang === 'zh-CN';
  const cells = which === 'counts' ? m.counts : m.values;
  const n = m.tiers.length;
  const head = [zh ? '之前 \\ 现在' : 'Previous \\ Current', ...m.tiers, zh ? '消失' : 'Gone', zh ? '合计' : 'Total'];
  const rows: (string | number)[][] = [head];
  for (let p = 0; p <= n; p++) {
    const row = cells[p];
    rows.push([p === n ? (zh ? '新增' : 'New') : m.tiers[p], ...row, row.reduce((s, x) => s + x, 0)]);
  }
  const colTotals = Array.from({ length: n + 1 }, (_, c) => cells.reduce((s, row) => s + row[c], 0));
  rows.push([zh ? '合计' : 'Total', ...colTotals, colTotals.reduce((s, x) => s + x, 0)]);
  return rows;
}
