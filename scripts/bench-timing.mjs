// The benchmarks' timing loop: run a function RUNS times (env RUNS, default 5) and keep the
// median wall time, with the last run's result. Speed is quoted as medians, never as one run.
import { performance } from 'node:perf_hooks';

/** Runs per measurement: env RUNS, default 5. */
export const RUNS = Number(process.env.RUNS ?? 5);

/**
 * The median of a list of numbers (the mean of the two middle ones for an even count).
 * @example median([3, 1, 2]) // 2
 */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Times `fn` over `runs` runs: the median in milliseconds and the last run's result.
 * @example const { ms, out } = time(() => engine.classifyTable(columns, { method: 'rfm' }));
 */
export function time(fn, runs = RUNS) {
  const samples = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    out = fn();
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), out };
}
