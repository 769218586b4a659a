#!/usr/bin/env node
// The CLI as a user runs it, one process per run: `tierwise classify` on generated transaction
// logs (100k and 1M rows) written as CSV and as an .xlsx worksheet, output to CSV. Prints the
// median wall time of RUNS runs and the peak memory (from /usr/bin/time where it exists).
// Then the streaming CSV reader at scale: 1M and 10M rows (50M, a 1.2 GB file, with
// BENCH_BIG=1), as rows per second and peak memory.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { generate } from './bench-data.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ExcelJS = require('exceljs');
const RUNS = Number(process.env.RUNS ?? 3);
const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-cli-'));

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

async function writeInputs(n) {
  const { customer, date, amount } = generate(n, Math.max(4000, Math.round(n / 125)));
  const csv = join(dir, `tx-${n}.csv`);
  const lines = ['Customer ID,Date,Amount'];
  for (let i = 0; i < n; i++) lines.push(`${customer[i]},${date[i]},${amount[i]}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const xlsx = join(dir, `tx-${n}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx });
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['Customer ID', 'Date', 'Amount']).commit();
  for (let i = 0; i < n; i++) ws.addRow([customer[i], new Date(`${date[i]}T00:00:00Z`), amount[i]]).commit();
  ws.commit();
  await wb.commit();
  return { csv, xlsx };
}

/** A transaction log of n rows written in blocks (never whole in memory), like `generate`'s. */
function writeBigCsv(n, file) {
  const customers = Math.max(4000, Math.round(n / 125));
  const fd = openSync(file, 'w');
  writeSync(fd, 'Customer ID,Date,Amount\n');
  const block = 200_000;
  for (let from = 0, seed = 7; from < n; from += block, seed++) {
    const { customer, date, amount } = generate(Math.min(block, n - from), customers, seed);
    let text = '';
    for (let i = 0; i < customer.length; i++) text += `${customer[i]},${date[i]},${amount[i]}\n`;
    writeSync(fd, text);
  }
  closeSync(fd);
}

function classify(input, runs = RUNS) {
  const { wall, peakKb } = timedClassify(input, runs);
  return `${(wall / 1000).toFixed(2)} s${peakKb ? `, peak ${Math.round(peakKb / 1024)} MB` : ''}`;
}

function timedClassify(input, runs) {
  const out = join(dir, 'out.csv');
  const walls = [];
  let peakKb = 0;
  for (let r = 0; r < runs; r++) {
    rmSync(out, { force: true });
    const args = [join(root, 'bin/tierwise.js'), 'classify', input, '--out', out];
    const timed = existsSync(TIME);
    const t0 = performance.now();
    const p = timed ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (p.status !== 0) throw new Error(`tierwise failed on ${input}: ${p.stderr}`);
    if (timed) peakKb = Math.max(peakKb, Number(p.stderr.trim().split('\n').pop()));
  }
  return { wall: median(walls), peakKb };
}

try {
  console.log(`tierwise classify … --out out.csv, median of ${RUNS} processes`);
  for (const n of [100_000, 1_000_000]) {
    const { csv, xlsx } = await writeInputs(n);
    console.log(`${n.toLocaleString('en-US')} transactions: CSV ${classify(csv)}; xlsx ${classify(xlsx)}`);
  }
  const sizes = [1_000_000, 10_000_000, ...(process.env.BENCH_BIG === '1' ? [50_000_000] : [])];
  console.log(`\nstreaming CSV reader (tierwise classify big.csv --out out.csv): rows/s and peak memory, median of ${RUNS} processes (1 at 50M)${process.env.BENCH_BIG === '1' ? '' : '; BENCH_BIG=1 adds 50M rows'}`);
  for (const n of sizes) {
    const csv = join(dir, `big-${n}.csv`);
    writeBigCsv(n, csv);
    const { wall, peakKb } = timedClassify(csv, n >= 50_000_000 ? 1 : RUNS);
    const mb = statSync(csv).size / 1024 / 1024;
    console.log(`${n.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB): ${(wall / 1000).toFixed(2)} s, ${Math.round(n / (wall / 1000)).toLocaleString('en-US')} rows/s${peakKb ? `, peak ${Math.round(peakKb / 1024)} MB` : ''}`);
    rmSync(csv, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
