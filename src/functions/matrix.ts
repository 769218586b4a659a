/**
 * TIER.MATRIX: the customer value matrix cell of each row from two columns (engine: the `matrix`
 * method fitted once per population, then `matrixCellOf` per row).
 */
import { type Cell, MATRIX_TIERS, type MatrixModel, ParamError, fitMethod, matrixCellOf } from '../engine';
import { type Matrix, type Out, asMatrix, fail, flatten, omitted, readNumbers, reshape, run } from './args';
import { populationCache } from './cache';
import { argumentNames, rowInstead } from './per-row';

/**
 * The cut of an axis from its argument: omitted or "median" → the median; a number → that fixed value.
 *
 * @example
 * axisCutParams(null, "x"); // { xCut: "median", xAt: 0.5 }
 * axisCutParams(250, "y"); // { yCut: "value", yAt: 250 }
 */
export function axisCutParams(arg: unknown, axis: 'x' | 'y'): Record<string, string | number> {
  if (omitted(arg) || arg === '' || (typeof arg === 'string' && arg.trim().toLowerCase() === 'median')) return { [`${axis}Cut`]: 'median', [`${axis}At`]: 0.5 };
  const r = readNumbers([arg]);
  if (r.count !== 1) fail(`${axis}_cut must be a number (the value the axis splits at) or "median", got ${JSON.stringify(arg)}`);
  return { [`${axis}Cut`]: 'value', [`${axis}At`]: r.values[0] };
}

function column(arg: unknown, name: string): unknown[] {
  const rows = asMatrix(arg);
  if (rows.some((r) => r.length !== 1)) fail(`${name} must be one column`);
  return flatten(rows);
}

/** The matrix fitted to two population columns, cached per population. */
function fitted(xs: unknown[], ys: unknown[], params: Record<string, string | number>): MatrixModel {
  const rows: Matrix = xs.map((x, i) => [x, ys[i]]);
  return populationCache.get(rows, `matrix|${JSON.stringify(params)}`, (r) => {
    const extra = { x: r.map((row) => row[0] as Cell), y: r.map((row) => row[1] as Cell) };
    try {
      return fitMethod('matrix', { n: r.length, value: new Float64Array(r.length), extra }, { x: ['x'], y: ['y'], ...params }).fit.model as MatrixModel;
    } catch (e) {
      if (e instanceof ParamError) fail(argumentNames(e));
      throw e;
    }
  });
}

/**
 * The cell (Best, Frequent, Spender, Uncertain) of each row of x and y, split at the population's
 * medians (default: x and y themselves) or at fixed cuts. Blanks give "", text `#VALUE!`.
 *
 * @example
 * matrixCells([[1], [2], [3]], [[100], [50], [30]], null, null, null, null); // [["Spender"], ["Best"], ["Frequent"]]
 */
export function matrixCells(x: unknown, y: unknown, xCut: unknown, yCut: unknown, xPopulation: unknown, yPopulation: unknown): Out[][] {
  return run(() => matrixRows(x, y, xCut, yCut, xPopulation, yPopulation));
}

function matrixRows(x: unknown, y: unknown, xCut: unknown, yCut: unknown, xPopulation: unknown, yPopulation: unknown): Out[][] {
  const xs = column(x, 'x');
  const ys = column(y, 'y');
  if (xs.length !== ys.length) fail(`x and y must have the same number of rows, got ${xs.length} and ${ys.length}`);
  if (omitted(xPopulation) !== omitted(yPopulation)) fail('give both x_population and y_population, or neither');
  const px = omitted(xPopulation) ? xs : column(xPopulation, 'x_population');
  const py = omitted(yPopulation) ? ys : column(yPopulation, 'y_population');
  if (px.length !== py.length) fail(`x_population and y_population must have the same number of rows, got ${px.length} and ${py.length}`);
  const rx = readNumbers(xs);
  const ry = readNumbers(ys);
  const out = new Array<Out>(xs.length);
  const usable = !omitted(xPopulation) || (rx.count > 0 && ry.count > 0);
  const model = usable ? fitted(px, py, { ...axisCutParams(xCut, 'x'), ...axisCutParams(yCut, 'y') }) : null;
  const keys = MATRIX_TIERS.map((t) => t.key);
  for (let i = 0; i < xs.length; i++) {
    const t = model ? matrixCellOf(rx.values[i], ry.values[i], model.x.value, model.y.value) : 255;
    out[i] = t < keys.length ? keys[t] : rowInstead([rx.instead[i], ry.instead[i]]);
  }
  return reshape(out, 1);
}
