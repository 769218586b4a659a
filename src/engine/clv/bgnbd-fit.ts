/**
 * Fitting the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood.
 */
import { type BgNbdParams, type PreparedRepeatData, type RepeatData, bgnbdFromLog, bgnbdLogLikelihood, mbgnbdLogLikelihood, prepareRepeatData } from './bgnbd';
import { type FitDiagnostics, START_SAMPLE, maximizeLogLikelihood } from './mle';

/** A fitted BG/NBD model. */
export interface BgNbdFit {
  /** "bg/nbd" (Fader, Hardie & Lee 2005) or "mbg/nbd" (Batislam, Denizel & Filiztekin 2007). */
  model: 'bg/nbd' | 'mbg/nbd';
  params: BgNbdParams;
  logLikelihood: number;
  /** Standard errors of r, α, a, b; null at a boundary or when the Hessian is not positive definite. */
  standardErrors: BgNbdParams | null;
  customers: number;
  diagnostics: FitDiagnostics;
  /** Plain-words note on a boundary optimum (e.g. a → 0: nobody drops out, the model is the NBD). */
  note: string | null;
}

/** Options for {@link fitBgNbd}. */
export interface BgNbdFitOptions {
  /** The variant: "bg/nbd" (default) or "mbg/nbd" (dropout also possible right after the first purchase). */
  model?: 'bg/nbd' | 'mbg/nbd';
  /** Starting values; default: four starts scaled to the data's purchase rate. */
  starts?: BgNbdParams[];
  maxIterations?: number;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Every ⌈n/size⌉-th customer (deterministic, spread over the data's order). */
function systematicSample(d: PreparedRepeatData, size: number): RepeatData {
  const stride = Math.ceil(d.n / size);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < d.n; i += stride) {
    x.push(d.xs[d.group[i]]);
    tx.push(d.tx[i]);
    T.push(d.T[i]);
  }
  return { x, tx, T };
}

/**
 * Maximum-likelihood BG/NBD fit of r, α, a, b on log-parameters from several starts, with
 * standard errors from the Hessian and convergence diagnostics (`model: "mbg/nbd"` fits the MBG/NBD). Fader, P. S., Hardie, B. G. S. &
 * Lee, K. L. (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2):275–284.
 *
 * @example
 * const fit = fitBgNbd({ x: cdnow.x, tx: cdnow.tx, T: cdnow.T }); // weeks
 * fit.params; // ≈ { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; fit.logLikelihood ≈ −9582.43
 */
export function fitBgNbd(data: RepeatData, options: BgNbdFitOptions = {}): BgNbdFit {
  const prepared = prepareRepeatData(data);
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < prepared.n; i++) {
    purchases += prepared.xs[prepared.group[i]];
    exposure += prepared.T[i];
  }
  // λ ~ Gamma(r, α) has mean r/α: start α at r over the observed repeat rate
  const rate = Math.max(purchases, 1) / exposure;
  const starts = (options.starts ?? [
    { r: 1, alpha: 1 / rate, a: 1, b: 1 },
    { r: 0.5, alpha: 0.5 / rate, a: 0.5, b: 3 },
    { r: 2, alpha: 2 / rate, a: 2, b: 10 },
    { r: 1, alpha: 1, a: 1, b: 1 },
  ]).map((p) => [p.r, p.alpha, p.a, p.b]);
  const sample = prepared.n > START_SAMPLE ? prepareRepeatData(systematicSample(prepared, START_SAMPLE)) : null;
  const variant = options.model ?? 'bg/nbd';
  const logLikelihood = variant === 'mbg/nbd' ? mbgnbdLogLikelihood : bgnbdLogLikelihood;
  const mle = maximizeLogLikelihood(
    (theta, gradient) => logLikelihood(bgnbdFromLog(theta), prepared, gradient),
    starts,
    prepared.n,
    NAMES,
    {
      maxIterations: options.maxIterations,
      subsample: sample ? { logLikelihood: (theta, gradient) => logLikelihood(bgnbdFromLog(theta), sample, gradient), n: sample.n } : undefined,
    },
  );
  const params = bgnbdFromLog(mle.theta);
  const se = mle.standardErrors;
  return {
    model: variant,
    params,
    logLikelihood: mle.logLikelihood,
    standardErrors: se ? { r: se[0], alpha: se[1], a: se[2], b: se[3] } : null,
    customers: prepared.n,
    diagnostics: mle.diagnostics,
    note: boundaryNote(params, mle.diagnostics.boundary),
  };
}

function boundaryNote(p: BgNbdParams, boundary: string | null): string | null {
  if (boundary === null) return null;
  const parts: string[] = [];
  if (p.a < 1e-3) parts.push(`the dropout probability is ~0 (a = ${p.a.toExponential(2)}), so nobody is predicted to drop out and the model reduces to the NBD (P(alive) ≈ 1)`);
  else if (p.a > 1e3 && p.b > 1e3) parts.push(`every customer has the same dropout probability after each purchase, a/(a+b) = ${(p.a / (p.a + p.b)).toPrecision(3)} (no heterogeneity in dropout)`);
  if (p.r > 1e3 && p.alpha > 1e3) parts.push(`every customer buys at the same rate while alive, r/α = ${(p.r / p.alpha).toPrecision(3)} per unit (no heterogeneity in purchase rates)`);
  if (parts.length === 0) parts.push('a parameter went to the edge of its range');
  return `boundary fit (${boundary}): ${parts.join('; ')}. Predictions are those of the limiting model and stay finite; standard errors are not given`;
}
