/**
 * The shared shape of the one-value-per-cell functions (QUANTILE_SCORE, ABC_CLASS, PYRAMID):
 * cut points from the population (cached), then each cell classified against them alone, so
 * the spill form and the per-row form give the same result for every row.
 */
import { type Matrix, type Out, asMatrix, flatten, omitted, populationNumbers, readNumbers, requireNumbers, reshape, widthOf } from './args';
import { populationCache } from './cache';

/** How one method turns a population into cut points and a value into a result. */
export interface Method<C> {
  /** Cache key of the method and its options, e.g. "abc|0.8|0.95". */
  key: string;
  cuts: (population: Float64Array) => C;
  classOf: (value: number, cuts: C) => Out;
}

/**
 * Cut points of a population range, from the cache when this population was seen before.
 * Throws `#VALUE!` when it holds no numbers.
 *
 * @example
 * populationCuts([[3], [1], [2]], { key: "quantile|2", cuts: (p) => quantileCuts(p, 2), classOf })
 */
export function populationCuts<C>(rows: Matrix, method: Method<C>): C {
  return populationCache.get(rows, method.key, (r) => method.cuts(requireNumbers(populationNumbers(flatten(r)), 'the population')));
}

/**
 * Classifies every cell of `values` against the cut points of `population` (default: `values`
 * itself). Result has the shape of `values`; blanks give "", error cells their error.
 *
 * @example
 * classifyCells([[50], [30], [""]], null, abcMethod); // [["A"], ["A"], [""]]
 */
export function classifyCells<C>(values: unknown, population: unknown, method: Method<C>): Out[][] {
  const rows = asMatrix(values);
  const read = readNumbers(flatten(rows));
  const out: Out[] = read.instead.slice() as Out[];
  if (omitted(population) && read.count === 0) return reshape(out, widthOf(rows));
  const cuts = populationCuts(omitted(population) ? rows : asMatrix(population), method);
  const v = read.values;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) out[i] = method.classOf(v[i], cuts);
  return reshape(out, widthOf(rows));
}
