/**
 * The value matrix's scatter chart: the two axes as an XY scatter, one series per cell in the
 * cell's colour, the two cut lines as dashed lines across the data, and a logarithmic axis when
 * that axis's values are all positive and span two decades or more (max ≥ 100 × min, the cut
 * positive too). Big tables plot a deterministic sample of at most {@link SCATTER_MAX_POINTS}
 * customers: each cell gets points in proportion to its size (largest remainders, at least one
 * per non-empty cell), and within a cell every (size / quota)-th customer in customer order,
 * starting with the first. The tables say which customers are plotted.
 */
import { NO_CLASS, type Bilingual, type TierDef } from '../tiers';
import { formatNumber } from './text';
import type { MethodChart, MethodScatterSeries, MethodTable } from './types';

/** At most this many customers are plotted. */
export const SCATTER_MAX_POINTS = 5000;

/** Excel table names of the plotted points and of the cut lines. */
export const SCATTER_TABLE = 'TierwiseMatrixPoints';
export const CUT_LINES_TABLE = 'TierwiseMatrixCuts';

/** A cut line's colour. */
const LINE_COLOR = '#404040';

/**
 * True when an axis reads better on a log scale: every value positive, the largest at least 100
 * times the smallest (two decades), and the cut positive (or absent) so its line can be drawn.
 *
 * @example
 * logAxis(1, 250, 12); // true
 * logAxis(0, 250, 12); // false (a zero has no logarithm)
 * logAxis(5, 400, 20); // false (less than two decades)
 */
export function logAxis(min: number, max: number, cut: number | null): boolean {
  return min > 0 && Number.isFinite(max) && max >= 100 * min && (cut === null || cut > 0);
}

/**
 * The customers to plot, cell by cell (cells in tier order, customers in input order within a
 * cell): everybody when at most `max` customers have a cell, else a deterministic sample — each
 * cell's quota in proportion to its size (largest remainders, ties to the earlier cell, at least
 * one per non-empty cell) and, within a cell of s customers with quota q, the customers at
 * positions ⌊j·s/q⌋, j = 0…q−1.
 *
 * @example
 * scatterSample(Uint8Array.of(1, 0, 1, 0), 2, 10); // [[1, 3], [0, 2]]
 * scatterSample(Uint8Array.of(0, 0, 0, 0, 1, 1), 2, 3); // [[0, 2], [4]]
 */
export function scatterSample(tierIndex: ArrayLike<number>, cells: number, max: number): number[][] {
  const sizes = new Array<number>(cells).fill(0);
  for (let i = 0; i < tierIndex.length; i++) {
    const t = tierIndex[i];
    if (t !== NO_CLASS && t < cells) sizes[t]++;
  }
  const n = sizes.reduce((s, m) => s + m, 0);
  const quota = n <= max ? sizes.slice() : quotas(sizes, n, max);
  // one pass in customer order: the cell's j-th pick is its member at position ⌊j·s/q⌋
  const picks: number[][] = sizes.map(() => []);
  const seen = new Array<number>(cells).fill(0);
  for (let i = 0; i < tierIndex.length; i++) {
    const t = tierIndex[i];
    if (t === NO_CLASS || t >= cells) continue;
    const j = picks[t].length;
    if (j < quota[t] && seen[t] === Math.floor((j * sizes[t]) / quota[t])) picks[t].push(i);
    seen[t]++;
  }
  return picks;
}

/** Points per cell: in proportion to the sizes (largest remainders, ties to the earlier cell), at least one per non-empty cell. */
function quotas(sizes: readonly number[], n: number, max: number): number[] {
  const exact = sizes.map((m) => (m * max) / n);
  const quota = exact.map(Math.floor);
  let left = max - quota.reduce((s, q) => s + q, 0);
  const byRemainder = exact.map((_, c) => c).sort((a, b) => exact[b] - quota[b] - (exact[a] - quota[a]) || a - b);
  for (const c of byRemainder) {
    if (left === 0) break;
    quota[c]++;
    left--;
  }
  // a non-empty cell shows at least one point, taken from the largest quota
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c] > 0 && quota[c] === 0) {
      const donor = quota.indexOf(Math.max(...quota));
      quota[donor]--;
      quota[c] = 1;
    }
  }
  return quota;
}

/** What the scatter is drawn from: the axes' names, values and cut values per customer. */
export interface ScatterInput {
  tiers: readonly TierDef[];
  tierIndex: Uint8Array;
  keys: readonly string[];
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  x: { label: string; cut: number | null };
  y: { label: string; cut: number | null };
}

/** Smallest and largest value over the customers with a cell, and how many they are. */
function extent(values: ArrayLike<number>, tierIndex: Uint8Array, cells: number): { min: number; max: number; n: number } {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < tierIndex.length; i++) {
    if (tierIndex[i] >= cells) continue;
    n++;
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return { min, max, n };
}

/**
 * The scatter's tables (the plotted points with their cell and customer, and the two cut lines)
 * and its chart; none when no customer has a cell or a cut is missing.
 *
 * @example
 * const [points, cuts] = scatterTables({ tiers: MATRIX_TIERS, tierIndex, keys, xs, ys, x: { label: "F", cut: 2 }, y: { label: "AOV", cut: 50 } });
 * points.chart?.kind; // "scatter"
 */
export function scatterTables(input: ScatterInput, max = SCATTER_MAX_POINTS): MethodTable[] {
  const { tiers, tierIndex, keys, xs, ys, x, y } = input;
  // the axes' extent over every customer with a cell, so the lines cross the whole cloud
  const xr = extent(xs, tierIndex, tiers.length);
  const yr = extent(ys, tierIndex, tiers.length);
  const n = xr.n;
  if (n === 0 || x.cut === null || y.cut === null) return [];
  const sample = scatterSample(tierIndex, tiers.length, max);
  const shown = sample.reduce((s, m) => s + m.length, 0);
  const order = sample.flat();
  const series: MethodScatterSeries[] = [];
  let from = 0;
  sample.forEach((cell, t) => {
    if (cell.length > 0) series.push({ name: tiers[t].label, table: SCATTER_TABLE, from, rows: cell.length, color: tiers[t].color, style: 'markers' });
    from += cell.length;
  });
  const xCut = { en: `${x.label} cut`, zh: `${x.label} 分界` };
  const yCut = { en: `${y.label} cut`, zh: `${y.label} 分界` };
  series.push(
    { name: xCut, table: CUT_LINES_TABLE, from: 0, rows: 2, color: LINE_COLOR, style: 'line' },
    { name: yCut, table: CUT_LINES_TABLE, from: 2, rows: 2, color: LINE_COLOR, style: 'line' },
  );
  const sampled = shown < n;
  const count = { shown: formatNumber(shown), n: formatNumber(n) };
  const title: Bilingual = sampled
    ? { en: `${x.label} × ${y.label}: a sample of ${count.shown} of ${count.n} customers`, zh: `${x.label} × ${y.label}：${count.n} 位客户中抽样 ${count.shown} 位` }
    : { en: `${x.label} × ${y.label}: ${count.n} customers`, zh: `${x.label} × ${y.label}：${count.n} 位客户` };
  const logX = logAxis(xr.min, xr.max, x.cut);
  const logY = logAxis(yr.min, yr.max, y.cut);
  const scale = (log: boolean): Bilingual => (log ? { en: ' (log scale)', zh: '（对数刻度）' } : { en: '', zh: '' });
  const chart: MethodChart = {
    kind: 'scatter',
    title,
    xColumn: 'x',
    yColumn: 'y',
    xTitle: { en: x.label + scale(logX).en, zh: x.label + scale(logX).zh },
    yTitle: { en: y.label + scale(logY).en, zh: y.label + scale(logY).zh },
    logX,
    logY,
    series,
  };
  const pointsTitle: Bilingual = sampled
    ? {
        en: `Scatter points: a sample of ${count.shown} of ${count.n} customers (at most ${formatNumber(max)}): each cell in proportion to its size, every k-th customer of the cell in customer order`,
        zh: `散点数据：${count.n} 位客户中抽样 ${count.shown} 位（最多 ${formatNumber(max)} 位）：各象限按人数比例分配，象限内按客户顺序每隔 k 位取一位`,
      }
    : { en: `Scatter points: all ${count.n} customers`, zh: `散点数据：全部 ${count.n} 位客户` };
  const points: MethodTable = {
    name: SCATTER_TABLE,
    title: pointsTitle,
    columns: [
      { id: 'cell', header: { en: 'Cell', zh: '象限' }, kind: 'label', values: order.map((i) => tiers[tierIndex[i]].key) },
      { id: 'customer', header: { en: 'Customer', zh: '客户' }, kind: 'text', values: order.map((i) => keys[i] ?? null) },
      { id: 'x', header: { en: x.label, zh: x.label }, kind: 'number', values: order.map((i) => xs[i]) },
      { id: 'y', header: { en: y.label, zh: y.label }, kind: 'number', values: order.map((i) => ys[i]) },
    ],
    rows: order.length,
    chart,
  };
  const lines: MethodTable = {
    name: CUT_LINES_TABLE,
    title: { en: 'Cut lines of the scatter chart', zh: '散点图分界线' },
    columns: [
      { id: 'line', header: { en: 'Line', zh: '分界线' }, kind: 'label', values: [xCut.en, xCut.en, yCut.en, yCut.en], valuesZh: [xCut.zh, xCut.zh, yCut.zh, yCut.zh] },
      { id: 'x', header: { en: x.label, zh: x.label }, kind: 'number', values: [x.cut, x.cut, Math.min(xr.min, x.cut), Math.max(xr.max, x.cut)] },
      { id: 'y', header: { en: y.label, zh: y.label }, kind: 'number', values: [Math.min(yr.min, y.cut), Math.max(yr.max, y.cut), y.cut, y.cut] },
    ],
    rows: 4,
  };
  return [points, lines];
}
