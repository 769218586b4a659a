#!/usr/bin/env node
// Big files through the CLI as a user runs it: `tierwise classify FILE --out out.csv` in memory
// and with `--engine duckdb` (DuckDB reads and aggregates the CSV), on generated logs of 1M and
// 10M rows (50M with BENCH_BIG=1, about 1.2 GB). Prints the median wall time of RUNS runs, rows
// per second, peak memory (from /usr/bin/time) and whether both paths wrote the same file.
// BENCH_METHODS=lifecycle,clv runs those methods (one block each) instead of the default method;
// BENCH_SIZES=1000000 picks the sizes. Needs `npm run build:cli`; --engine duckdb needs the
// optional @duckdb/node-api.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generate } from './bench-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-big-'));
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [1_000_000, 10_000_000, ...(process.env.BENCH_BIG === '1' ? [50_000_000] : [])];
const methods = (process.env.BENCH_METHODS ?? '').split(',').filter((m) => m !== '');
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/** Writes n generated rows in chunks of 1M (each chunk its own seed), without holding them all. */
async function writeCsv(n) {
  const file = join(dir, `tx-${n}.csv`);
  const w = createWriteStream(file);
  w.write('Customer ID,Date,Amount\n');
  const customers = Math.max(4000, Math.round(n / 125));
  for (let done = 0; done < n; done += 1_000_000) {
    const m = Math.min(1_000_000, n - done);
    const g = generate(m, customers, 42 + done);
    let s = '';
    for (let i = 0; i < m; i++) s += `${g.customer[i]},${g.date[i]},${g.amount[i]}\n`;
    if (!w.write(s)) await new Promise((r) => w.once('drain', r));
  }
  await new Promise((r) => w.end(r));
  return file;
}

function classify(input, out, extra) {
  const args = [join(root, 'bin', 'tierwise.js'), 'classify', input, '--out', out, '--force', '--quiet', ...extra];
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const r = timed ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) return { error: (r.stderr || '').split('\n').find((l) => l.startsWith('tierwise:')) ?? `exit ${r.status}` };
  const kb = timed ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

const hasDuck = existsSync(join(root, 'node_modules', '@duckdb', 'node-api'));
console.log(`rows        path               median s   rows/s      peak MB   (RUNS=${RUNS}; shared machine: noisy)`);
for (const n of sizes) {
  const input = await writeCsv(n);
  for (const method of methods.length ? methods : [undefined]) {
    if (method) console.log(`--method ${method}`);
    const byMethod = method ? ['--method', method] : [];
    const outs = {};
    for (const [name, paths] of [['in memory', []], ['--engine duckdb', ['--engine', 'duckdb']]]) {
      const extra = [...byMethod, ...paths];
      if (paths.length && !hasDuck) {
        console.log(`${n.toLocaleString('en-US').padEnd(12)}${name.padEnd(19)}SKIPPED: @duckdb/node-api is not installed`);
        continue;
      }
      const out = join(dir, `out-${n}-${paths.length}.csv`);
      const runs = [];
      let error;
      for (let i = 0; i < (n > 1_000_000 ? 1 : RUNS); i++) {
        const r = classify(input, out, extra);
        if (r.error) {
          error = r.error;
          break;
        }
        runs.push(r);
      }
      if (error) {
        console.log(`${n.toLocaleString('en-US').padEnd(12)}${name.padEnd(19)}fails: ${error.slice(0, 90)}`);
        continue;
      }
      const s = median(runs.map((r) => r.ms)) / 1000;
      const mb = median(runs.map((r) => r.mb));
      console.log(`${n.toLocaleString('en-US').padEnd(12)}${name.padEnd(19)}${s.toFixed(2).padStart(8)}   ${Math.round(n / s).toLocaleString('en-US').padStart(10)}   ${Number.isNaN(mb) ? '   n/a' : mb.toFixed(0).padStart(6)}`);
      outs[name] = out;
    }
    if (outs['in memory'] && outs['--engine duckdb']) {
      const same = readFileSync(outs['in memory']).equals(readFileSync(outs['--engine duckdb']));
      console.log(`${''.padEnd(12)}outputs ${same ? 'identical' : 'DIFFER'}`);
    }
  }
  rmSync(input, { force: true });
}
rmSync(dir, { recursive: true, force: true });
