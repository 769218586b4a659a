#!/usr/bin/env node
// The CLI as a user runs it, one process per run: `tierwise classify` on generated transaction
// logs (100k and 1M rows) written as CSV and as an .xlsx worksheet, output to CSV. Prints the
// median wall time of RUNS runs and the peak memory (from /usr/bin/time where it exists).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function classify(input) {
  const out = join(dir, 'out.csv');
  const walls = [];
  let peakKb = 0;
  for (let r = 0; r < RUNS; r++) {
    rmSync(out, { force: true });
    const args = [join(root, 'bin/tierwise.js'), 'classify', input, '--out', out];
    const timed = existsSync(TIME);
    const t0 = performance.now();
    const p = timed ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
    walls.push(performance.now() - t0);
    if (p.status !== 0) throw new Error(`tierwise failed on ${input}: ${p.stderr}`);
    if (timed) peakKb = Math.max(peakKb, Number(p.stderr.trim().split('\n').pop()));
  }
  return `${(median(walls) / 1000).toFixed(2)} s${peakKb ? `, peak ${Math.round(peakKb / 1024)} MB` : ''}`;
}

try {
  console.log(`tierwise classify … --out out.csv, median of ${RUNS} processes`);
  for (const n of [100_000, 1_000_000]) {
    const { csv, xlsx } = await writeInputs(n);
    console.log(`${n.toLocaleString('en-US')} transactions: CSV ${classify(csv)}; xlsx ${classify(xlsx)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
