/**
 * The per-row form of the functions, for any method: the model is fitted once per population
 * (cached by the population's fingerprint) and each cell or row is then assigned with the model
 * alone, so the spill form and the per-row form give the same result for every row and no call
 * re-sorts the population.
 */
import { type Fit, type MeasureRow, type Measures, type MethodModule, type ParamValue, type ParamValues, ParamError, fitMethod, methodById, parseParamText } from '../engine';
import { type Matrix, type Out, asMatrix, fail, flatten, inputError, omitted, populationNumbers, readNumbers, requireNumbers, reshape, widthOf } from './args';
import { populationCache } from './cache';

/** A method fitted to a population, with the parameters it was fitted with. */
export interface FittedMethod {
  method: MethodModule;
  params: ParamValues;
  fit: Fit;
}

/**
 * The key of a tier index of a fitted method ("" for a row without a tier).
 *
 * @example
 * tierKeyOf(fittedMethod([[5], [1]], "abc", {}), 0); // "A"
 */
export function tierKeyOf(fitted: FittedMethod, tier: number): Out {
  return (fitted.fit.tiers ?? fitted.method.tiers(fitted.params))[tier]?.key ?? '';
}

/** The measures of a method in the order its block's columns hold them (value methods: one column). */
function blockColumns(method: MethodModule): string[] {
  return method.needs.includes('value') ? ['value'] : [...method.needs];
}

/**
 * Function argument names for a parameter problem: flags become argument names ("a-share" → "a_share").
 *
 * @example
 * argumentNames(new ParamError({ en: "a-share (0.9) must be less than b-share (0.8)", zh: "" })); // "a_share (0.9) must be less than b_share (0.8)"
 */
export function argumentNames(error: ParamError): string {
  return error.problem.en.replace(/\b([a-z]+)-([a-z]+)\b/g, '$1_$2');
}

function fitOrFail(id: string, measures: Measures, params: Readonly<Record<string, unknown>>): { params: ParamValues; fit: Fit } {
  try {
    return fitMethod(id, measures, params);
  } catch (e) {
    if (e instanceof ParamError) fail(argumentNames(e));
    throw e;
  }
}

function columnOf(rows: Matrix, j: number): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i][j];
  return out;
}

/**
 * Checks a block's width against a method's measures and names them when it is wrong.
 *
 * @example
 * methodBlock([[12, 3, 450]], rfm, "rfm"); // [[12, 3, 450]]
 */
export function methodBlock(arg: unknown, method: MethodModule, name: string): Matrix {
  const rows = asMatrix(arg);
  const cols = blockColumns(method);
  if (cols.length === 1) return rows;
  const bad = rows.find((row) => row.length !== cols.length);
  if (bad) fail(`${name} must be ${cols.length} columns wide (${cols.join(', ')}), got ${bad.length}`);
  return rows;
}

/**
 * Fits a method to a population block, once per population and parameters (cached).
 *
 * @example
 * fittedMethod([[50], [30], [20]], "abc", { aShare: 0.8, bShare: 0.95 }).fit.model; // { aShare: 0.8, …, a: 50, b: 30 }
 */
export function fittedMethod(population: unknown, id: string, params: Readonly<Record<string, unknown>>): FittedMethod {
  const method = methodById(id);
  const rows = methodBlock(population, method, 'the population');
  const key = `${method.id}|${JSON.stringify(params)}`;
  const fitted = populationCache.get(rows, key, (r) => {
    const cols = blockColumns(method);
    const measures: Measures = { n: 0, value: new Float64Array(0) };
    if (cols.length === 1) {
      measures.value = requireNumbers(populationNumbers(flatten(r)), 'the population');
    } else {
      cols.forEach((name, j) => {
        const values = requireNumbers(populationNumbers(columnOf(r, j)), `the population's ${name} column`);
        (measures as unknown as Record<string, Float64Array>)[name] = values;
      });
      measures.value = (measures.monetary ?? measures[cols[0] as 'recency']) as Float64Array;
    }
    measures.n = measures.value.length;
    return fitOrFail(method.id, measures, params);
  });
  return { method, params: fitted.params, fit: fitted.fit };
}

/**
 * Classifies every cell (value methods) or row (methods of several measures) of `values`
 * against a method fitted to `population` (default: `values` itself). Value methods give a
 * result shaped like `values`; others one column. Blanks give "", error cells their error,
 * text that is no number `#VALUE!`.
 *
 * @example
 * methodRows([[50], [30], [""]], null, "abc", {}, tierKeyOf); // [["A"], ["A"], [""]]
 */
export function methodRows(
  values: unknown,
  population: unknown,
  id: string,
  params: Readonly<Record<string, unknown>>,
  result: (fitted: FittedMethod, tier: number, row: MeasureRow) => Out,
  argName = 'values',
): Out[][] {
  const method = methodById(id);
  const rows = methodBlock(values, method, argName);
  const cols = blockColumns(method);
  const reads = cols.length === 1 ? [readNumbers(flatten(rows))] : cols.map((_, j) => readNumbers(columnOf(rows, j)));
  const n = reads[0].values.length;
  const out = new Array<Out>(n);
  const usable = reads.every((read) => read.count > 0);
  const fitted = omitted(population) ? (usable ? fittedMethod(rows, id, params) : null) : fittedMethod(population, id, params);
  for (let i = 0; i < n; i++) {
    const row: MeasureRow = {};
    let complete = true;
    cols.forEach((name, j) => {
      const v = reads[j].values[i];
      if (v !== v) complete = false;
      row[name as keyof MeasureRow] = v;
    });
    if (cols.length > 1) row.value = row.monetary ?? row[cols[0] as keyof MeasureRow];
    if (fitted && complete && fitted.method.assign) {
      out[i] = result(fitted, fitted.method.assign(fitted.fit, row), row);
      continue;
    }
    out[i] = rowInstead(reads.map((read) => read.instead[i]));
  }
  return reshape(out, cols.length === 1 ? widthOf(rows) : 1);
}

/**
 * The result of a row with a cell that is no number: an input error first, then `#VALUE!` for
 * text that is no number, else "" (a blank).
 *
 * @example
 * rowInstead(["", undefined]); // ""
 */
export function rowInstead(cells: (Out | undefined)[]): Out {
  let invalid: Out | undefined;
  for (const c of cells) {
    if (c === undefined || c === '') continue;
    if (inputError(c)) return c; // an error cell of the input (Excel gives those an empty message)
    invalid ??= c;
  }
  return invalid ?? '';
}

/**
 * A method's parameters from an options text such as `"a-share=0.7; b-share=0.9"` (the CLI's
 * flag names, `_` accepted for `-`).
 *
 * @example
 * optionParams(abc, "a_share=0.7"); // { aShare: 0.7 }
 */
export function optionParams(method: MethodModule, text: string): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const part of text.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const flag = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase().replace(/_/g, '-').replace(/^--/, '');
    const spec = method.params.find((p) => p.flag === flag);
    if (!spec || eq < 0) {
      const known = method.params.map((p) => p.flag.replace(/-/g, '_')).join(', ') || 'none';
      fail(`options: ${JSON.stringify(part)} is not a parameter of ${method.id} (its parameters: ${known}), write name=value`);
    }
    try {
      out[spec.name] = parseParamText(spec, part.slice(eq + 1));
    } catch (e) {
      if (e instanceof ParamError) fail(argumentNames(e));
      throw e;
    }
  }
  return out;
}

/** One-number-per-cell rules without a registry method (TIER.QUANTILE_SCORE): cut points from a population, then each value alone. */
export interface CellRule<C> {
  /** Cache key of the rule and its options, e.g. "quantile|5". */
  key: string;
  cuts: (population: Float64Array) => C;
  classOf: (value: number, cuts: C) => Out;
}

/**
 * Cut points of a population range for a cell rule, from the cache when this population was seen before.
 * Throws `#VALUE!` when it holds no numbers.
 *
 * @example
 * populationCuts([[3], [1], [2]], quantileRule(2, false)); // [2]
 */
export function populationCuts<C>(rows: Matrix, rule: CellRule<C>): C {
  return populationCache.get(rows, rule.key, (r) => rule.cuts(requireNumbers(populationNumbers(flatten(r)), 'the population')));
}

/**
 * Classifies every cell of `values` with a cell rule against the cut points of `population`
 * (default: `values` itself), cached per population.
 *
 * @example
 * classifyCells([[1], [9]], null, quantileRule(2, false)); // [[1], [2]]
 */
export function classifyCells<C>(values: unknown, population: unknown, rule: CellRule<C>): Out[][] {
  const rows = asMatrix(values);
  const read = readNumbers(flatten(rows));
  const out: Out[] = read.instead.slice() as Out[];
  if (omitted(population) && read.count === 0) return reshape(out, widthOf(rows));
  const pop = omitted(population) ? rows : asMatrix(population);
  const cuts = populationCuts(pop, rule);
  const v = read.values;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) out[i] = rule.classOf(v[i], cuts);
  return reshape(out, widthOf(rows));
}
