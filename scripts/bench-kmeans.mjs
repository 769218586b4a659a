#!/usr/bin/env node
// k-means speed, engine vs scikit-learn in one run: 100,000 synthetic customers (R/F/M from four
// latent groups, log1p + z-scores by the engine), k = 4 with default settings (10 restarts) vs
// scikit-learn's KMeans(n_init=10) on one thread (OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1), and
// the engine's k guidance for k = 2…8 (fits + silhouettes). Prints medians of RUNS runs and the
// ratio. Needs `npm run build:cli`; scikit-learn from Debian's python3-sklearn (PYTHON overrides
// the interpreter; without scikit-learn its side says so and the engine figures still print).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));
const RUNS = Number(process.env.RUNS ?? 5);
const N = Number(process.env.N ?? 100_000);

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** n customers from four latent groups (deterministic): recency days, purchases, spend. */
export function syntheticCustomers(n, seed = 7) {
  const rng = engine.seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const groups = [
    { share: 0.15, r: 15, f: 12, m: 2500 },
    { share: 0.25, r: 40, f: 5, m: 700 },
    { share: 0.3, r: 120, f: 2, m: 250 },
    { share: 0.3, r: 300, f: 1, m: 90 },
  ];
  const recency = new Float64Array(n), frequency = new Float64Array(n), monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let g = groups[0];
    for (const x of groups) {
      g = x;
      if ((u -= x.share) < 0) break;
    }
    recency[i] = Math.max(0, Math.round(g.r * Math.exp(0.6 * normal())));
    frequency[i] = Math.max(1, Math.round(g.f * Math.exp(0.5 * normal())));
    monetary[i] = Math.round(g.m * Math.exp(0.7 * normal()) * 100) / 100;
  }
  return [
    { name: 'recency', role: 'recency', values: recency },
    { name: 'frequency', role: 'frequency', values: frequency },
    { name: 'monetary', role: 'monetary', values: monetary },
  ];
}

const features = syntheticCustomers(N);
const prepared = engine.prepareFeatures(features);
const { points, n, d } = prepared;
console.log(`k-means benchmark — ${n.toLocaleString('en-US')} synthetic customers, d = ${d}, median of ${RUNS} runs, node ${process.version}`);

const fitMs = [];
const fitCpu = [];
const fitInertia = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const c0 = cpuMs();
  const fit = engine.kmeans(points, n, d, { k: 4, seed: r, rankBy: features[2].values });
  fitCpu.push(cpuMs() - c0);
  fitMs.push(performance.now() - t0);
  fitInertia.push(fit.inertia);
}
const engineMs = median(fitMs);
const engineCpu = median(fitCpu);
console.log(`  engine kmeans k=4, 10 restarts (Hamerly + Hartigan + swaps): ${engineMs.toFixed(0)} ms wall, ${engineCpu.toFixed(0)} ms CPU (inertia ${median(fitInertia).toFixed(2)})`);

const guideMs = [];
const guideCpu = [];
let guide;
for (let r = 0; r < Math.min(RUNS, 3); r++) {
  const t0 = performance.now();
  const c0 = cpuMs();
  guide = engine.kGuidance(points, n, d, { seed: r });
  guideCpu.push(cpuMs() - c0);
  guideMs.push(performance.now() - t0);
}
console.log(`  engine k guidance k=2…8 (7 fits + silhouettes on ${guide.silhouettePoints.toLocaleString('en-US')} ${guide.silhouetteSampled ? 'sampled' : 'all'} points): ${median(guideMs).toFixed(0)} ms wall, ${median(guideCpu).toFixed(0)} ms CPU (goal ≤ 5000 ms); auto k = ${guide.autoK} by ${guide.autoRule}`);

const dir = mkdtempSync(join(tmpdir(), 'tierwise-kmeans-'));
try {
  const file = join(dir, 'points.f64');
  writeFileSync(file, Buffer.from(points.buffer, points.byteOffset, points.byteLength));
  const python = process.env.PYTHON ?? (process.platform === 'win32' ? 'python' : '/usr/bin/python3');
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const r = spawnSync(python, [join(root, 'scripts/bench_kmeans_sklearn.py'), file, String(d), '4', String(RUNS)], { env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`  scikit-learn: not available (${python}: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}); install python3-sklearn or set PYTHON`);
  } else {
    const sk = JSON.parse(r.stdout);
    const skMs = median(sk.ms);
    const skCpu = median(sk.cpu);
    console.log(`  scikit-learn ${sk.sklearn} KMeans(n_clusters=4, n_init=10), 1 thread: ${skMs.toFixed(0)} ms wall, ${skCpu.toFixed(0)} ms CPU (inertia ${median(sk.inertia).toFixed(2)})`);
    console.log(`  ratio engine / scikit-learn: ${(engineMs / skMs).toFixed(2)}× wall, ${(engineCpu / skCpu).toFixed(2)}× CPU (goal ≤ 1.0×)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
