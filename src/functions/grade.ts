/**
 * TIER.GRADE: the A–D grade of each row of a block of criteria (one column per criterion) from a
 * weighted composite of percentile ranks (engine: the `grade` method fitted once per population,
 * then `gradeRow` per row).
 */
import { type Cell, type Fit, type GradeModel, ParamError, fitMethod, gradeRow, GRADE_TIERS } from '../engine';
import { type Matrix, type Out, asMatrix, fail, flatten, omitted, populationNumbers, readNumbers, reshape, run } from './args';
import { populationCache } from './cache';
import { argumentNames, rowInstead } from './per-row';

/** Criterion names of a block k columns wide: "criterion 1", … (as they appear in messages). */
const names = (k: number): string[] => Array.from({ length: k }, (_, j) => `criterion ${j + 1}`);

/** How `cuts` are read: percentiles of the score (default), fixed scores, or ABC-style shares. */
const CUT_BY: Readonly<Record<string, { gradeCut: string; param: string }>> = {
  percentile: { gradeCut: 'percentile', param: 'grades' },
  score: { gradeCut: 'score', param: 'grades' },
  share: { gradeCut: 'share', param: 'gradeShares' },
};

/**
 * The grading parameters from the function's arguments: weights (one per column; omitted =
 * equal), directions ("high" / "low" per column; omitted = all high), the three ascending `cuts`
 * and how they are read (`cut_by`): "percentile" (default; where C, B and A start, default 0.4,
 * 0.7, 0.9), "score" (fixed scores 0–1 where C, B and A start) or "share" (ABC-style: the
 * cumulative shares of the total score A, A+B and A+B+C reach, default 0.2, 0.5, 0.8).
 *
 * @example
 * gradeParams(3, [[0.2, 0.3, 0.5]], [["low", "high", "high"]], null).weights; // ["0.2", "0.3", "0.5"]
 * gradeParams(1, null, null, [[0.1, 0.4, 0.7]], "share").gradeShares; // [0.1, 0.4, 0.7]
 */
export function gradeParams(k: number, weights: unknown, directions: unknown, cuts: unknown, cutBy: unknown = null): Record<string, unknown> {
  const cells = (arg: unknown): unknown[] => flatten(asMatrix(arg)).filter((c) => c !== '' && !omitted(c));
  const params: Record<string, unknown> = { criteria: names(k), weights: [], directions: [] };
  if (!omitted(weights)) params.weights = cells(weights).map((c) => String(typeof c === 'number' ? c : populationNumbers([c])[0]));
  if (!omitted(directions)) params.directions = cells(directions).map((c) => String(c).trim().toLowerCase());
  const by = omitted(cutBy) || cutBy === '' ? 'percentile' : String(flatten(asMatrix(cutBy))[0]).trim().toLowerCase();
  const how = CUT_BY[by];
  if (!how) fail(`cut_by must be "percentile", "score" or "share", got "${String(flatten(asMatrix(cutBy))[0])}"`);
  params.gradeCut = how.gradeCut;
  if (!omitted(cuts)) params[how.param] = Array.from(populationNumbers(cells(cuts)));
  return params;
}

function fitted(rows: Matrix, params: Record<string, unknown>): Fit<GradeModel> {
  return populationCache.get(rows, `grade|${JSON.stringify(params)}`, (r) => {
    const criteria = params.criteria as string[];
    const extra = Object.fromEntries(criteria.map((name, j) => [name, r.map((row) => row[j] as Cell)]));
    try {
      return fitMethod('grade', { n: r.length, value: new Float64Array(r.length), extra }, params).fit as Fit<GradeModel>;
    } catch (e) {
      if (e instanceof ParamError) fail(argumentNames(e).replace(/^(grades|grade-shares) /, 'cuts ').replace(/grade-cut score/, 'cut_by "score"'));
      throw e;
    }
  });
}

/**
 * The grade (A, B, C, D) of each row of `criteria` against the population (default: criteria
 * itself), with cuts read as `cut_by` says (see {@link gradeParams}). Rows with a blank give "",
 * text `#VALUE!`.
 *
 * @example
 * grade([[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]], null, null, null, null);
 * // [["D"], ["D"], ["D"], ["D"], ["C"], ["C"], ["C"], ["B"], ["B"], ["A"]]
 */
export function grade(criteria: unknown, weights: unknown, directions: unknown, cuts: unknown, population: unknown, cutBy: unknown = null): Out[][] {
  return run(() => {
    const rows = asMatrix(criteria);
    const k = rows[0]?.length ?? 1;
    if (rows.some((r) => r.length !== k)) fail('criteria must be a block with the same number of columns in every row');
    const pop = omitted(population) ? rows : asMatrix(population);
    if (pop.some((r) => r.length !== k)) fail(`population must be ${k} columns wide, like criteria`);
    const params = gradeParams(k, weights, directions, cuts, cutBy);
    const reads = Array.from({ length: k }, (_, j) => readNumbers(rows.map((r) => r[j])));
    const usable = !omitted(population) || reads.every((r) => r.count > 0);
    const fit = usable ? fitted(pop, params) : null;
    const out = rows.map((_, i): Out => {
      const values = reads.map((r) => r.values[i]);
      const t = fit && values.every((v) => v === v) ? gradeRow(fit, values) : 255;
      return t < GRADE_TIERS.length ? GRADE_TIERS[t].key : rowInstead(reads.map((r) => r.instead[i]));
    });
    return reshape(out, 1);
  });
}
