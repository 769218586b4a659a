#!/usr/bin/env node
// Big files through the CLI as a user runs it: `tierwise classify FILE --out out.csv` read in
// memory, folded block by block (the default from 1 GiB; TIERWISE_FOLD_BYTES picks the path
// here) and with `--engine duckdb` (DuckDB reads and aggregates the CSV), on generated logs of
// 1M and 10M rows (50M with BENCH_BIG=1, about 1.2 GB). Prints the median wall time of RUNS runs,
// rows per second, peak memory (from /usr/bin/time) and whether the paths wrote the same file.
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

function classify(input, out, extra, env) {
  const args = [join(root, 'bin', 'tierwise.js'), 'classify', input, '--out', out, '--force', '--quiet', ...extra];
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const o = { encoding: 'utf8', env: { ...process.env, ...env } };
  const r = timed ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], o) : spawnSync(process.execPath, args, o);
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
    const paths = [
      ['in memory', [], { TIERWISE_FOLD_BYTES: '1e18' }],
      ['folded', [], { TIERWISE_FOLD_BYTES: '0' }],
      ['--engine duckdb', ['--engine', 'duckdb'], {}],
    ];
    for (const [name, engine, env] of paths) {
      // methods that read each purchase are not folded (they run in memory)
      if (name === 'folded' && ['lifecycle', 'clv'].includes(method)) continue;
      const extra = [...byMethod, ...engine];
      if (engine.length && !hasDuck) {
        console.log(`${n.toLocaleString('en-US').padEnd(12)}${name.padEnd(19)}SKIPPED: @duckdb/node-api is not installed`);
        continue;
      }
      const out = join(dir, `out-${n}-${name.replace(/\W/g, '')}.csv`);
      const runs = [];
      let error;
      for (let i = 0; i < (n > 1_000_000 ? 1 : RUNS); i++) {
        const r = classify(input, out, extra, env);
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
    const written = Object.entries(outs);
    if (written.length > 1) {
      const same = written.every(([, f]) => readFileSync(f).equals(readFileSync(written[0][1])));
      console.log(`${''.padEnd(12)}outputs of ${written.map(([k]) => k).join(', ')} ${same ? 'identical' : 'DIFFER'}`);
    }
  }
  rmSync(input, { force: true });
}
rmSync(dir, { recursive: true, force: true });
