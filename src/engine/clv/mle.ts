/**
 * Maximum likelihood on log-parameters: BFGS from several starts (Nelder–Mead when BFGS stalls),
 * Newton polish of the best, standard errors from the Hessian, and the diagnostics a user needs
 * to trust the fit (gradient norm, iterations, how many starts agree, boundary optima).
 */
import { type ValueAndGradient, bfgs, hessianFromGradient, invertPositiveDefinite, maxAbs, nelderMead, solvePositiveDefinite } from './optimize';

/** Total log-likelihood; writes the gradient w.r.t. the log-parameters when asked. */
export type LogLikelihood = (theta: Float64Array, gradient?: Float64Array) => number;

/** One start of a multi-start fit. */
export interface StartOutcome {
  /** Starting values (natural scale). */
  start: number[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

/** How the optimiser did. */
export interface FitDiagnostics {
  converged: boolean;
  /** Largest |∂LL/∂ln θ| at the estimate (total log-likelihood). */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  /** Why the optimiser stopped, in words. */
  reason: string;
  starts: StartOutcome[];
  /** Customers the starts were run on (a systematic subsample of big data; the best is then polished on all). */
  startsOn: number;
  /** Starts that reached the best log-likelihood (within 1e-6 per customer). */
  startsAgreeing: number;
  /** Set when the optimum lies at the edge of the parameter space (see the model's note). */
  boundary: string | null;
}

/** Result of {@link maximizeLogLikelihood}. */
export interface MleResult {
  theta: Float64Array;
  logLikelihood: number;
  /** Standard errors of the natural-scale parameters (delta method), or null when the Hessian is not positive definite. */
  standardErrors: number[] | null;
  diagnostics: FitDiagnostics;
}

/** Above this many customers, the starts of a fit run on a systematic subsample of this size. */
export const START_SAMPLE = 10000;

/** Log-parameters beyond ±LOG_LIMIT are outside the domain (θ < 1e-13 or > 1e13). */
const LOG_LIMIT = 30;
/** |ln θ| beyond this at the optimum is reported as a boundary fit. */
const BOUNDARY_LOG = 9;

/**
 * Maximises a log-likelihood over log-parameters from several starts and polishes the best with
 * Newton steps. `n` (the number of customers) scales the objective to a per-customer mean so
 * tolerances do not depend on the data size.
 *
 * @example
 * const fit = maximizeLogLikelihood((t, g) => { if (g) { g[0] = -2 * (t[0] - 1); } return -((t[0] - 1) ** 2); }, [[1]], 1, ['m']);
 * Math.exp(fit.theta[0]); // ≈ e
 */
export function maximizeLogLikelihood(
  logLikelihood: LogLikelihood,
  starts: number[][],
  n: number,
  names: readonly string[],
  options: { maxIterations?: number; subsample?: { logLikelihood: LogLikelihood; n: number } } = {},
): MleResult {
  const dim = names.length;
  let evaluations = 0;
  const objectiveOf = (ll: LogLikelihood, size: number) => (theta: Float64Array): ValueAndGradient => {
    evaluations++;
    const gradient = new Float64Array(dim);
    if (maxAbs(theta) > LOG_LIMIT) return { value: Infinity, gradient };
    const v = ll(theta, gradient);
    for (let j = 0; j < dim; j++) gradient[j] = -gradient[j] / size;
    return { value: -v / size, gradient };
  };
  const objective = objectiveOf(logLikelihood, n);
  // the starts run on a subsample when one is given (big data), the polish on everything
  const startSize = options.subsample?.n ?? n;
  const startObjective = options.subsample ? objectiveOf(options.subsample.logLikelihood, startSize) : objective;
  const gradTol = 1e-7;
  const maxIterations = options.maxIterations ?? 300;
  const outcomes: StartOutcome[] = [];
  let best: { x: Float64Array; value: number; reason: string } | null = null;
  let iterations = 0;
  for (const start of starts) {
    const x0 = Float64Array.from(start, Math.log);
    let r = bfgs(startObjective, x0, { gradientTol: gradTol, maxIterations });
    let its = r.iterations;
    // Nelder–Mead when BFGS stalled inside the space (at a boundary it only creeps further out)
    const atBoundary = Number.isFinite(r.value) && maxAbs(r.x) > BOUNDARY_LOG;
    if ((!r.converged && !atBoundary) || !Number.isFinite(r.value)) {
      const nm = nelderMead((t) => startObjective(t).value, Number.isFinite(r.value) ? r.x : x0, { maxIterations: 400 * dim });
      const again = bfgs(startObjective, nm.x, { gradientTol: gradTol, maxIterations });
      its += nm.iterations + again.iterations;
      if (again.value <= r.value || !Number.isFinite(r.value)) r = again;
    }
    iterations += its;
    outcomes.push({ start: [...start], logLikelihood: -r.value * startSize, converged: r.converged, iterations: its });
    if (Number.isFinite(r.value) && (best === null || r.value < best.value)) best = { x: r.x, value: r.value, reason: r.reason };
  }
  if (best === null) {
    return {
      theta: Float64Array.from(starts[0], Math.log),
      logLikelihood: NaN,
      standardErrors: null,
      diagnostics: { converged: false, gradientNorm: NaN, iterations, evaluations, reason: 'the log-likelihood was not finite from any start', starts: outcomes, startsOn: startSize, startsAgreeing: 0, boundary: null },
    };
  }
  const bestStart = best.value;
  const agreeing = outcomes.filter((o) => Math.abs(o.logLikelihood / startSize + bestStart) <= 1e-6).length;
  let polished = newtonPolish(objective, best.x, dim);
  if (!polished.ok) {
    // the Hessian was not positive definite there: let BFGS on all the data get closer first
    const r = bfgs(objective, polished.x, { gradientTol: gradTol, maxIterations });
    iterations += r.iterations;
    polished = newtonPolish(objective, r.x, dim);
    if (!polished.ok) polished.reason = r.reason;
  }
  iterations += polished.steps;
  const x = polished.x;
  const cur = polished.at;
  const reason = polished.reason || best.reason;
  const hessianAtX = polished.hessianAt !== null && maxAbs(x.map((v, j) => v - (polished.hessianAt as Float64Array)[j])) < 1e-4 ? polished.hessian : null;
  const hessian = (hessianAtX ?? hessianFromGradient((t) => objective(t).gradient, x)).map((row) => row.map((v) => v * n));
  const gradientNorm = maxAbs(cur.gradient) * n;
  const cov = invertPositiveDefinite(hessian);
  const extreme = names.map((name, j) => ({ name, v: x[j] })).filter((e) => Math.abs(e.v) > BOUNDARY_LOG);
  const boundary =
    extreme.length > 0
      ? extreme.map((e) => `${e.name} ${e.v < 0 ? '→ 0' : '→ ∞'}`).join(', ')
      : cov === null
        ? 'the Hessian is not positive definite (flat or saddle optimum)'
        : null;
  const standardErrors = cov === null || extreme.length > 0 ? null : names.map((_, j) => Math.exp(x[j]) * Math.sqrt(cov[j][j]));
  const converged = gradientNorm <= Math.max(1e-6, gradTol * n) || (boundary !== null && Number.isFinite(cur.value));
  return {
    theta: x,
    logLikelihood: -cur.value * n,
    standardErrors,
    diagnostics: {
      converged,
      gradientNorm,
      iterations,
      evaluations,
      reason,
      starts: outcomes,
      startsOn: startSize,
      startsAgreeing: agreeing,
      boundary,
    },
  };
}

interface Polished {
  ok: boolean;
  x: Float64Array;
  at: ValueAndGradient;
  steps: number;
  reason: string;
  hessian: Float64Array[];
  /** Where `hessian` was computed (null when none was). */
  hessianAt: Float64Array | null;
}

/**
 * Newton steps with a finite-difference Hessian, recomputed only after a large step; stops at
 * rounding level. `ok` is false when the Hessian is not positive definite at the start.
 */
function newtonPolish(objective: (t: Float64Array) => ValueAndGradient, start: Float64Array, dim: number): Polished {
  const grad = (t: Float64Array): Float64Array => objective(t).gradient;
  let x = start;
  let cur = objective(x);
  let hessian = hessianFromGradient(grad, x);
  let hessianAt: Float64Array | null = x;
  let steps = 0;
  let reason = '';
  for (; steps < 30 && maxAbs(cur.gradient) > 1e-14; steps++) {
    const d = solvePositiveDefinite(hessian, cur.gradient);
    if (d === null) return { ok: false, x, at: cur, steps, reason, hessian, hessianAt };
    let slope = 0;
    for (let j = 0; j < dim; j++) slope -= d[j] * cur.gradient[j];
    let t = 1;
    let next: ValueAndGradient | null = null;
    let xn = x;
    for (let k = 0; k < 30; k++) {
      xn = x.map((v, j) => v - t * d[j]);
      const trial = objective(xn);
      const armijo = trial.value <= cur.value + 1e-4 * t * slope;
      const noiseLevel = trial.value <= cur.value + 1e-12 * (1 + Math.abs(cur.value)) && maxAbs(trial.gradient) < maxAbs(cur.gradient);
      if (Number.isFinite(trial.value) && (armijo || noiseLevel)) {
        next = trial;
        break;
      }
      t *= 0.5;
    }
    if (next === null) break;
    const moved = maxAbs(d) * t;
    const before = maxAbs(cur.gradient);
    x = xn;
    cur = next;
    // at rounding level: the step no longer changes the parameters or halves the gradient
    if (moved < 1e-12 || maxAbs(cur.gradient) > 0.5 * before) {
      steps++;
      reason = `Newton polish: |gradient| ${maxAbs(cur.gradient).toExponential(1)} per customer`;
      break;
    }
    reason = `Newton polish: |gradient| ${maxAbs(cur.gradient).toExponential(1)} per customer`;
    if (moved > 1e-3) {
      hessian = hessianFromGradient(grad, x);
      hessianAt = x;
    }
  }
  return { ok: true, x, at: cur, steps, reason, hessian, hessianAt };
}
