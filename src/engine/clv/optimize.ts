/**
 * Small unconstrained minimisers for smooth objectives of a few parameters: Nelder–Mead (robust,
 * no gradient) and BFGS with a backtracking Armijo line search (fast, uses the gradient).
 * Non-finite objective values are treated as "outside the domain" and stepped away from.
 */

/** An objective value and its gradient at a point. */
export interface ValueAndGradient {
  value: number;
  gradient: Float64Array;
}

/** Where a minimiser stopped and why. */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  /** Gradient at `x` (BFGS only; empty for Nelder–Mead). */
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped, in words ("gradient norm 3.1e-9 ≤ 1e-8", "iteration limit 200", …). */
  reason: string;
}

/** Largest absolute component. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/**
 * Nelder–Mead downhill simplex (Lagarias et al. 1998 coefficients: reflect 1, expand 2,
 * contract ½, shrink ½). Stops when the simplex's value spread is below `fTol` (absolute) and
 * its size below `xTol`, or after `maxIterations`.
 *
 * @example
 * const r = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]);
 * r.x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: { step?: number; maxIterations?: number; fTol?: number; xTol?: number } = {},
): MinimizeResult {
  const n = start.length;
  const { step = 0.5, maxIterations = 200 * n, fTol = 1e-10, xTol = 1e-8 } = options;
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: Float64Array[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(start);
    if (i > 0) p[i - 1] += step;
    pts.push(p);
  }
  let vals = pts.map(value);
  const combine = (a: Float64Array, b: Float64Array, t: number): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = a[j] + t * (b[j] - a[j]);
    return out;
  };
  let iterations = 0;
  let reason = `iteration limit ${maxIterations}`;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sortedPts = order.map((i) => pts[i]);
    vals = order.map((i) => vals[i]);
    pts.splice(0, pts.length, ...sortedPts);
    let size = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(pts[i][j] - pts[0][j]));
    if (vals[n] - vals[0] <= fTol && size <= xTol) {
      converged = true;
      reason = `simplex spread ${(vals[n] - vals[0]).toExponential(1)} ≤ ${fTol}, size ${size.toExponential(1)} ≤ ${xTol}`;
      break;
    }
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const worst = pts[n];
    const reflected = combine(centroid, worst, -1);
    const fr = value(reflected);
    if (fr < vals[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = value(expanded);
      if (fe < fr) [pts[n], vals[n]] = [expanded, fe];
      else [pts[n], vals[n]] = [reflected, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [reflected, fr];
    } else {
      const outside = fr < vals[n];
      const contracted = combine(centroid, outside ? reflected : worst, 0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : vals[n])) [pts[n], vals[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          pts[i] = combine(pts[0], pts[i], 0.5);
          vals[i] = value(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: pts[best], value: vals[best], gradient: new Float64Array(0), iterations, evaluations, converged, reason };
}

/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search. Stops when the
 * largest gradient component is ≤ `gradientTol`, or when no step improves the value any more.
 *
 * @example
 * const r = bfgs((x) => ({ value: x[0] ** 2 + 10 * x[1] ** 2, gradient: Float64Array.of(2 * x[0], 20 * x[1]) }), [3, 1]);
 * r.converged; // true; r.x ≈ [0, 0]
 */
export function bfgs(
  fg: (x: Float64Array) => ValueAndGradient,
  start: ArrayLike<number>,
  options: { maxIterations?: number; gradientTol?: number; maxStep?: number } = {},
): MinimizeResult {
  const n = start.length;
  const { maxIterations = 200, gradientTol = 1e-8, maxStep = 5 } = options;
  let x = Float64Array.from(start);
  let evaluations = 1;
  let cur = fg(x);
  if (!Number.isFinite(cur.value) || !cur.gradient.every(Number.isFinite)) {
    return { x, value: cur.value, gradient: cur.gradient, iterations: 0, evaluations, converged: false, reason: 'objective not finite at the start' };
  }
  // inverse Hessian approximation, identity to start
  let h = identity(n);
  let iterations = 0;
  let reason = `iteration limit ${maxIterations}`;
  let converged = false;
  let flat = 0;
  for (; iterations < maxIterations; iterations++) {
    const gNorm = maxAbs(cur.gradient);
    if (flat >= 3) {
      // three steps in a row changed the value by rounding only: as good as it gets
      converged = gNorm <= Math.sqrt(gradientTol);
      reason = `value stalled at rounding level (gradient norm ${gNorm.toExponential(1)})`;
      break;
    }
    if (gNorm <= gradientTol) {
      converged = true;
      reason = `gradient norm ${gNorm.toExponential(1)} ≤ ${gradientTol}`;
      break;
    }
    let dir = matVec(h, cur.gradient, -1);
    let slope = dot(dir, cur.gradient);
    if (!(slope < 0)) {
      h = identity(n);
      dir = matVec(h, cur.gradient, -1);
      slope = dot(dir, cur.gradient);
    }
    const len = maxAbs(dir);
    let t = len > maxStep ? maxStep / len : 1;
    let next: ValueAndGradient | null = null;
    let xNext = x;
    for (let k = 0; k < 60; k++) {
      xNext = x.map((v, j) => v + t * dir[j]);
      const trial = fg(xNext);
      evaluations++;
      if (Number.isFinite(trial.value) && trial.value <= cur.value + 1e-4 * t * slope && trial.gradient.every(Number.isFinite)) {
        next = trial;
        break;
      }
      t *= 0.5;
    }
    if (next === null) {
      // no decrease along the direction: converged to rounding, or a bad quasi-Newton model
      if (!isIdentity(h)) {
        h = identity(n);
        continue;
      }
      reason = `no further decrease (gradient norm ${gNorm.toExponential(1)})`;
      converged = gNorm <= Math.sqrt(gradientTol);
      break;
    }
    const s = xNext.map((v, j) => v - x[j]);
    const y = next.gradient.map((v, j) => v - cur.gradient[j]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 0 && isIdentity(h)) {
        // scale the first inverse Hessian (Nocedal & Wright 6.20)
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) h[i][i] = scale;
      }
      h = bfgsUpdate(h, s, y, sy);
    }
    flat = cur.value - next.value <= 1e-14 * (1 + Math.abs(cur.value)) ? flat + 1 : 0;
    x = xNext;
    cur = next;
  }
  return { x, value: cur.value, gradient: cur.gradient, iterations, evaluations, converged, reason };
}

function identity(n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
}

function isIdentity(m: Float64Array[]): boolean {
  return m.every((row, i) => row.every((v, j) => v === (i === j ? 1 : 0)));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function matVec(m: Float64Array[], v: ArrayLike<number>, sign: number): Float64Array {
  return Float64Array.from(m, (row) => sign * dot(row, v));
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs). */
function bfgsUpdate(h: Float64Array[], s: Float64Array, y: Float64Array, sy: number): Float64Array[] {
  const n = s.length;
  const rho = 1 / sy;
  const hy = matVec(h, y, 1);
  const yhy = dot(y, hy);
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]),
  );
}

/**
 * Hessian by central differences of an analytic gradient, symmetrised.
 *
 * @example
 * hessianFromGradient((x) => Float64Array.of(2 * x[0], 6 * x[1]), [1, 1]); // ≈ [[2, 0], [0, 6]]
 */
export function hessianFromGradient(gradient: (x: Float64Array) => Float64Array, at: ArrayLike<number>, step = 1e-5): Float64Array[] {
  const n = at.length;
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const up = Float64Array.from(at);
    const down = Float64Array.from(at);
    const h = step * Math.max(1, Math.abs(at[j]));
    up[j] += h;
    down[j] -= h;
    const gu = gradient(up);
    const gd = gradient(down);
    cols.push(gu.map((v, i) => (v - gd[i]) / (2 * h)));
  }
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => 0.5 * (cols[j][i] + cols[i][j])));
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, or null when it is not positive
 * definite (a saddle, a flat direction, or a boundary optimum).
 *
 * @example
 * invertPositiveDefinite([Float64Array.of(4, 0), Float64Array.of(0, 2)]); // [[0.25, 0], [0, 0.5]]
 */
export function invertPositiveDefinite(m: Float64Array[]): Float64Array[] | null {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 1e-14 * Math.max(1, Math.abs(m[i][i])))) return null;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  // inverse of L, then (L⁻¹)ᵀ L⁻¹
  const li = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    li[i][i] = 1 / l[i][i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i][k] * li[k][j];
      li[i][j] = s / l[i][i];
    }
  }
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = Math.max(i, j); k < n; k++) s += li[k][i] * li[k][j];
      return s;
    }),
  );
}

/**
 * Solves H d = g for symmetric positive-definite H (Newton step), or null when H is not.
 *
 * @example
 * solvePositiveDefinite([Float64Array.of(2, 0), Float64Array.of(0, 4)], [2, 2]); // [1, 0.5]
 */
export function solvePositiveDefinite(m: Float64Array[], g: ArrayLike<number>): Float64Array | null {
  const inv = invertPositiveDefinite(m);
  return inv === null ? null : matVec(inv, g, 1);
}
