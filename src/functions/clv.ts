/**
 * TIER.CLV_FIT, TIER.P_ALIVE, TIER.EXPECTED_PURCHASES and TIER.CLV: the BG/NBD (Fader, Hardie &
 * Lee 2005) and Gamma-Gamma (Fader & Hardie 2013) models in cells. The models are fitted once per
 * population (cached by its contents) or read from a CLV_FIT table, never per row.
 */
import {
  type BgNbdParams,
  type Cell,
  type DateSystem,
  type GammaGammaParams,
  type TimeUnit,
  TierwiseError,
  checkClvOptions,
  checkTimeUnit,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  dateColumn,
  fitBgNbd,
  fitClvModels,
  isoDate,
  keyColumn,
  numberColumn,
  probabilityAlive,
  repeatSummary,
} from '../engine';
import { type Matrix, type Out, asMatrix, excelError, fail, flatten, omitted, optionalNumber, optionalText, readNumbers, run, widthOf } from './args';
import { populationCache } from './cache';
import { asOfDay } from './rfm-table';

/** The header of a CLV_FIT table; a `model` argument starting with it is read as parameters. */
export const CLV_FIT_HEADER: readonly string[] = ['Parameter', 'Value', 'Std error'];

/** The models a function uses: BG/NBD always, Gamma-Gamma for TIER.CLV, and the unit when known. */
interface Models {
  bgnbd: BgNbdParams;
  gammaGamma?: GammaGammaParams;
  unit?: TimeUnit;
}

/**
 * Fits BG/NBD and Gamma-Gamma to a transaction log and spills the parameters, their standard
 * errors, log-likelihoods and diagnostics as a Parameter / Value / Std error table.
 *
 * @example
 * clvFit(customers, dates, amounts, "1997-09-30", "week"); // [["Parameter","Value","Std error"], ["unit","week",""], …, ["r",0.2426,0.0126], …]
 */
export function clvFit(customers: unknown, dates: unknown, amounts: unknown, calibrationEnd: unknown, unit: unknown, dateSystem: DateSystem = '1900'): Out[][] {
  return run(() => {
    const u = checkTimeUnit(optionalText(unit, 'week'));
    const c = flatten(asMatrix(customers)) as Cell[];
    const d = flatten(asMatrix(dates)) as Cell[];
    const a = flatten(asMatrix(amounts)) as Cell[];
    if (c.length !== d.length || c.length !== a.length) {
      fail(`customers, dates and amounts must have the same number of rows, got ${c.length}, ${d.length} and ${a.length}`);
    }
    const end = omitted(calibrationEnd) || calibrationEnd === '' ? undefined : asOfDay(calibrationEnd, dateSystem);
    const summary = repeatSummary({ customer: keyColumn(c), date: dateColumn(d, { dateSystem }), amount: numberColumn(a) }, { unit: u, calibrationEnd: end });
    const { bgnbd, gammaGamma } = fitClvModels(summary);
    const se = (v: number | undefined): Out => (v === undefined ? '' : v);
    const b = bgnbd.standardErrors ?? undefined;
    const g = gammaGamma.standardErrors ?? undefined;
    return [
      CLV_FIT_HEADER.slice(),
      ['unit', u, ''],
      ['calibration_end', isoDate(summary.calibrationEnd), ''],
      ['customers', bgnbd.customers, ''],
      ['r', bgnbd.params.r, se(b?.r)],
      ['alpha', bgnbd.params.alpha, se(b?.alpha)],
      ['a', bgnbd.params.a, se(b?.a)],
      ['b', bgnbd.params.b, se(b?.b)],
      ['bgnbd_loglik', bgnbd.logLikelihood, ''],
      ['bgnbd_gradient_norm', bgnbd.diagnostics.gradientNorm, ''],
      ['bgnbd_iterations', bgnbd.diagnostics.iterations, ''],
      ['bgnbd_converged', bgnbd.diagnostics.converged, ''],
      ['p', gammaGamma.params.p, se(g?.p)],
      ['q', gammaGamma.params.q, se(g?.q)],
      ['gamma', gammaGamma.params.gamma, se(g?.gamma)],
      ['gg_customers', gammaGamma.customers, ''],
      ['gg_loglik', gammaGamma.logLikelihood, ''],
      ['gg_gradient_norm', gammaGamma.diagnostics.gradientNorm, ''],
      ['gg_converged', gammaGamma.diagnostics.converged, ''],
      ['note', bgnbd.note ?? gammaGamma.note ?? '', ''],
    ];
  });
}

/** Named numbers of a parameter table (first column names, second values). */
function readParameterTable(rows: Matrix): Models {
  const named = new Map<string, unknown>();
  for (const row of rows) if (typeof row[0] === 'string') named.set(row[0].trim().toLowerCase(), row[1]);
  const num = (name: string): number => {
    const v = named.get(name);
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) && n > 0 ? n : fail(`the model table's ${name} must be a number above 0, got ${JSON.stringify(v ?? '(missing)')}`);
  };
  const bgnbd = { r: num('r'), alpha: num('alpha'), a: num('a'), b: num('b') };
  const gammaGamma = named.has('p') || named.has('q') || named.has('gamma') ? { p: num('p'), q: num('q'), gamma: num('gamma') } : undefined;
  const unit = named.has('unit') ? checkTimeUnit(String(named.get('unit'))) : undefined;
  return { bgnbd, gammaGamma, unit };
}

/** Complete numeric rows of a block of `width` columns (x, t_x, T[, mean spend]). */
function populationColumns(rows: Matrix, width: number, what: string): Float64Array[] {
  if (widthOf(rows) < width) fail(`${what} must be ${width} columns wide (x, t_x, T${width > 3 ? ', mean spend' : ''}), got ${widthOf(rows)}`);
  const cols = Array.from({ length: width }, () => [] as number[]);
  for (const row of rows) {
    const v = row.slice(0, width).map((c) => (typeof c === 'number' ? c : Number(c === '' ? NaN : c)));
    if (v.every(Number.isFinite)) v.forEach((x, j) => cols[j].push(x));
  }
  if (cols[0].length === 0) fail(`${what} has no complete rows`);
  return cols.map((c) => Float64Array.from(c));
}

/**
 * The models for a call: read from a CLV_FIT table, or fitted to a population block (x, t_x, T
 * and, for spend, mean spend) once per population, or to `rows` itself when omitted.
 */
function modelsFor(model: unknown, rows: Matrix, needSpend: boolean): Models {
  const source = omitted(model) ? rows : asMatrix(model);
  const first = source[0]?.[0];
  if (typeof first === 'string' && first.trim().toLowerCase() === CLV_FIT_HEADER[0].toLowerCase()) return readParameterTable(source);
  if (typeof first === 'string' && ['r', 'alpha', 'unit'].includes(first.trim().toLowerCase())) return readParameterTable(source);
  const width = needSpend ? 4 : 3;
  return populationCache.get(source, `clv|${width}`, (block): Models => {
    const [x, tx, T, m] = populationColumns(block, width, omitted(model) ? 'customers' : 'model');
    if (!needSpend) return { bgnbd: fitBgNbd({ x, tx, T }).params };
    const fitted = fitClvModels({ x, tx, T, meanValue: m });
    return { bgnbd: fitted.bgnbd.params, gammaGamma: fitted.gammaGamma.params };
  });
}

/** What is wrong with one customer's (x, t_x, T), or null. */
function rowProblem(x: number, tx: number, T: number): string | null {
  if (!(Number.isInteger(x) && x >= 0)) return `x (repeat purchases) must be a whole number ≥ 0, got ${x}`;
  if (!(T >= 0)) return `T (age) must be ≥ 0, got ${T}`;
  if (!(tx >= 0 && tx <= T)) return `t_x must be from 0 to T = ${T}, got ${tx}`;
  if (x === 0 && tx !== 0) return `t_x must be 0 when x = 0, got ${tx}`;
  return null;
}

/** Per row of a customers block: the result, or "" / the error for incomplete rows. */
function perRow(customers: unknown, width: number, compute: (v: number[]) => Out): { rows: Matrix; out: (fitted: () => void) => Out[][] } {
  const rows = asMatrix(customers);
  if (widthOf(rows) < width) fail(`customers must be ${width} columns wide (x, t_x, T${width > 3 ? ', mean spend' : ''}), got ${widthOf(rows)}`);
  return {
    rows,
    out: (fitted) => {
      const cols = Array.from({ length: width }, (_, j) => readNumbers(rows.map((r) => r[j])));
      if (cols.every((c) => c.count === 0)) return rows.map(() => ['']);
      fitted();
      return rows.map((_, i) => {
        for (const c of cols) if (c.instead[i] !== undefined) return [c.instead[i] as Out];
        const v = cols.map((c) => c.values[i]);
        const problem = rowProblem(v[0], v[1], v[2]);
        if (problem) return [excelError('#VALUE!', `row ${i + 1}: ${problem}`)];
        try {
          return [compute(v)];
        } catch (e) {
          if (e instanceof TierwiseError) return [excelError('#VALUE!', `row ${i + 1}: ${e.message}`)];
          throw e;
        }
      });
    },
  };
}

/**
 * P(alive) of each customer row (x, t_x, T) under a BG/NBD model.
 *
 * @example
 * pAlive([[2, 30.43, 38.86]], [["r", 0.243], ["alpha", 4.414], ["a", 0.793], ["b", 2.426]]); // [[0.7266…]]
 */
export function pAlive(customers: unknown, model: unknown): Out[][] {
  return run(() => {
    let m: Models | undefined;
    const block = perRow(customers, 3, ([x, tx, T]) => probabilityAlive((m as Models).bgnbd, x, tx, T));
    return block.out(() => (m = modelsFor(model, block.rows, false)));
  });
}

/**
 * Expected purchases of each customer row (x, t_x, T) in the next `periods` time units.
 *
 * @example
 * expectedPurchasesCells([[2, 30.43, 38.86]], 39, [["r", 0.243], ["alpha", 4.414], ["a", 0.793], ["b", 2.426]]); // [[1.2260…]]
 */
export function expectedPurchasesCells(customers: unknown, periods: unknown, model: unknown): Out[][] {
  return run(() => {
    const t = optionalNumber(periods, NaN, 'periods');
    if (!(t >= 0)) fail(`periods must be a number ≥ 0, got ${JSON.stringify(periods)}`);
    let m: Models | undefined;
    const block = perRow(customers, 3, ([x, tx, T]) => conditionalExpectedPurchases((m as Models).bgnbd, t, x, tx, T));
    return block.out(() => (m = modelsFor(model, block.rows, false)));
  });
}

/**
 * Predicted CLV of each customer row (x, t_x, T, mean spend): expected purchases × expected value ×
 * margin over `horizon` units, discounted at `discount_rate` per year.
 *
 * @example
 * clvCells([[2, 30.43, 38.86, 22.35]], cdnowFit, 52, 0.3, 0.1); // [[≈ 10.5]]
 */
export function clvCells(customers: unknown, model: unknown, horizon: unknown, margin: unknown, discountRate: unknown, unit: unknown): Out[][] {
  return run(() => {
    const h = optionalNumber(horizon, 12, 'horizon');
    const mg = optionalNumber(margin, 1, 'margin');
    const d = optionalNumber(discountRate, 0.1, 'discount_rate');
    let m: Models | undefined;
    let options: { horizon: number; unit: TimeUnit; margin: number; discountRate: number } | undefined;
    const block = perRow(customers, 4, ([x, tx, T, spend]) => {
      const models = m as Models;
      const r = customerLifetimeValue(models.bgnbd, models.gammaGamma as GammaGammaParams, { x: [x], tx: [tx], T: [T], meanValue: [spend] }, options!);
      return r.clv[0];
    });
    return block.out(() => {
      m = modelsFor(model, block.rows, true);
      if (!m.gammaGamma) fail('the model has no Gamma-Gamma parameters (p, q, gamma): give a CLV_FIT table or a 4-column population');
      const u = omitted(unit) || unit === '' ? (m.unit ?? 'month') : checkTimeUnit(String(unit));
      options = { horizon: h, unit: u, margin: mg, discountRate: d };
      checkClvOptions(options);
    });
  });
}
