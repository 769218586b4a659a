/**
 * TIER.RFM_SCORE and TIER.RFM_SEGMENT: rows of (recency days, frequency, monetary) scored against
 * a population's quantile cut points. RFM_SEGMENT is the `rfm` method's per-row form; RFM_SCORE
 * gives the code (engine: `quantileCuts`, `scoreWithCuts`, `rfmCode`). Recency scores
 * descending: the most recent customers get the top score.
 */
import { checkBins, quantileCuts, rfmCode, scoreWithCuts } from '../engine';
import { type Matrix, type Out, asMatrix, fail, omitted, optionalNumber, populationNumbers, readNumbers, requireNumbers, reshape, run } from './args';
import { populationCache } from './cache';
import { methodRows, rowInstead, tierKeyOf } from './per-row';

const MEASURES = ['recency', 'frequency', 'monetary'] as const;

/** Cut points of the three measures. */
type RfmCuts = [(number | null)[], (number | null)[], (number | null)[]];

/** What one row of an rfm block gives. */
type RowResult = (r: number, f: number, m: number) => Out;

/**
 * Checks that a block has 3 columns (recency days, frequency, monetary).
 *
 * @example
 * rfmBlock([[12, 3, 450]], "rfm"); // [[12, 3, 450]]
 */
export function rfmBlock(arg: unknown, name: string): Matrix {
  const rows = asMatrix(arg);
  const bad = rows.find((row) => row.length !== 3);
  if (bad) fail(`${name} must be 3 columns wide (recency days, frequency, monetary), got ${bad.length}`);
  return rows;
}

function column(rows: Matrix, j: number): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i][j];
  return out;
}

function rfmCuts(rows: Matrix, bins: number): RfmCuts {
  return populationCache.get(rows, `rfm|${bins}`, (r) =>
    MEASURES.map((name, j) => quantileCuts(requireNumbers(populationNumbers(column(r, j)), `the population's ${name} column`), bins)) as RfmCuts,
  );
}

/**
 * Scores every row of an rfm block and maps the (R, F, M) scores to a result. A row with a
 * blank gives "", with an error cell that error, with text that is no number `#VALUE!`.
 *
 * @example
 * rfmRows([[1, 9, 900], [200, 1, 20], [30, 3, 100]], null, 3, (r, f, m) => r * 100 + f * 10 + m); // [[333], [111], [222]]
 */
export function rfmRows(rfm: unknown, population: unknown, bins: number, result: RowResult): Out[][] {
  checkBins(bins);
  const rows = rfmBlock(rfm, 'rfm');
  const reads = [0, 1, 2].map((j) => readNumbers(column(rows, j)));
  const n = rows.length;
  const out = new Array<Out>(n);
  const usable = reads.every((read) => read.count > 0);
  const cuts = omitted(population) ? (usable ? rfmCuts(rows, bins) : null) : rfmCuts(rfmBlock(population, 'population'), bins);
  const [R, F, M] = reads.map((read) => read.values);
  for (let i = 0; i < n; i++) {
    if (cuts && R[i] === R[i] && F[i] === F[i] && M[i] === M[i]) {
      out[i] = result(scoreWithCuts(R[i], cuts[0], bins, true), scoreWithCuts(F[i], cuts[1], bins), scoreWithCuts(M[i], cuts[2], bins));
      continue;
    }
    out[i] = rowInstead(reads.map((read) => read.instead[i]));
  }
  return reshape(out, 1);
}

/**
 * The RFM code of each row, e.g. 545.
 *
 * @example
 * rfmScore([[1, 9, 900], [200, 1, 20], [30, 3, 100]], null, 3); // [[333], [111], [222]]
 */
export function rfmScore(rfm: unknown, population: unknown, bins: unknown): Out[][] {
  return run(() => {
    const b = optionalNumber(bins, 5, 'bins');
    return rfmRows(rfm, population, b, (r, f, m) => rfmCode(r, f, m, b));
  });
}

/**
 * The segment key of each row, e.g. "Champions".
 *
 * @example
 * rfmSegment([[1, 9, 900], [200, 1, 20], [30, 3, 100]], null, 3); // [["Champions"], ["Lost"], ["Loyal"]]
 */
export function rfmSegment(rfm: unknown, population: unknown, bins: unknown): Out[][] {
  return run(() => {
    return methodRows(rfm, population, 'rfm', { bins: optionalNumber(bins, 5, 'bins') }, tierKeyOf, 'rfm');
  });
}
