/**
 * TIER.RFM_SCORE and TIER.RFM_SEGMENT: rows of (recency days, frequency, monetary) scored against
 * a population's quantile cut points (engine: `quantileCuts`, `scoreWithCuts`, `rfmCode`,
 * `segmentLookup`). Recency scores descending: the most recent customers get the top score.
 */
import { DEFAULT_SEGMENT_RULES, checkBins, quantileCuts, rfmCode, scoreWithCuts, segmentLookup } from '../engine';
import { type Matrix, type Out, asMatrix, fail, inputError, omitted, optionalNumber, populationNumbers, readNumbers, requireNumbers, reshape, run } from './args';
import { populationCache } from './cache';

const MEASURES = ['recency', 'frequency', 'monetary'] as const;

/** Cut points of the three measures. */
type RfmCuts = [(number | null)[], (number | null)[], (number | null)[]];

/** What one row of an rfm block gives. */
type RowResult = (r: number, f: number, m: number) => Out;

const lookups = new Map<number, ReturnType<typeof segmentLookup>>();

/**
 * The segment lookup for a number of bins (built once per bins).
 *
 * @example
 * segmentsFor(5)(5, 5, 5); // "Champions"
 */
export function segmentsFor(bins: number): ReturnType<typeof segmentLookup> {
  let lookup = lookups.get(bins);
  if (!lookup) {
    lookup = segmentLookup(DEFAULT_SEGMENT_RULES, bins);
    lookups.set(bins, lookup);
  }
  return lookup;
}

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
 * The result of a row with a cell that is no number: an input error first, then `#VALUE!` for
 * text that is no number, else "" (a blank).
 */
function rowInstead(cells: (Out | undefined)[]): Out {
  let invalid: Out | undefined;
  for (const c of cells) {
    if (c === undefined || c === '') continue;
    if (inputError(c)) return c; // an error cell of the input (Excel gives those an empty message)
    invalid ??= c;
  }
  return invalid ?? '';
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
    const b = optionalNumber(bins, 5, 'bins');
    const lookup = segmentsFor(checkBins(b));
    return rfmRows(rfm, population, b, (r, f, m) => lookup(r, f, m) ?? '');
  });
}
