#!/usr/bin/env node
// Big workbooks: `tierwise classify customers.csv --method abc --out tiers.xlsx` on a generated
// table of 1,000,000 customers (one row each; 100,000 as well), one process per run. The xlsx is
// streamed (ExcelJS stream.xlsx.WorkbookWriter). Goal (issue 11): ≤ 20 s and ≤ 600 MB peak for
// 1,000,000 customers. Prints the median wall time of RUNS runs (default 1) and the peak memory
// (from /usr/bin/time where it exists), beside the same run writing CSV for comparison.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 1);
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-xlsx-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

function writeCustomers(n) {
  let a = 42;
  const rand = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
  const lines = ['Customer,Value'];
  for (let i = 0; i < n; i++) lines.push(`C${1_000_000 + i},${Math.round(Math.exp(3 + rand() * 4) * 100) / 100}`);
  const file = join(dir, `customers-${n}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function classify(input, ext) {
  const out = join(dir, `out.${ext}`);
  const walls = [];
  let peakKb = 0;
  for (let r = 0; r < RUNS; r++) {
    rmSync(out, { force: true });
    const args = [join(root, 'bin/tierwise.js'), 'classify', input, '--method', 'abc', '--out', out, '-q'];
    const timed = existsSync(TIME);
    const t0 = performance.now();
    const p = timed ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (p.status !== 0) throw new Error(`tierwise failed on ${input}: ${p.stderr}`);
    if (timed) peakKb = Math.max(peakKb, Number(p.stderr.trim().split('\n').pop()));
  }
  const mb = (statSync(out).size / 1e6).toFixed(0);
  return `${(median(walls) / 1000).toFixed(2)} s${peakKb ? `, peak ${Math.round(peakKb / 1024)} MB` : ''}, ${mb} MB file`;
}

try {
  console.log(`tierwise classify customers.csv --method abc --out …, median of ${RUNS} process(es); goal for 1,000,000 customers to xlsx: ≤ 20 s, ≤ 600 MB`);
  for (const n of [100_000, 1_000_000]) {
    const input = writeCustomers(n);
    console.log(`${n.toLocaleString('en-US')} customers: xlsx ${classify(input, 'xlsx')}; csv ${classify(input, 'csv')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
