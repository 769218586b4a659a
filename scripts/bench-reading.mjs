#!/usr/bin/env node
// Reading speed of the CLI's CSV path, in MB/s of file: bytes → text (encoding) → records →
// the three needed columns (openCsvStream + load: the streaming reader `tierwise classify` uses),
// then → typed columns (customer keys, dates with their order decided, amounts with their
// decimal mark decided); the whole-file reader it replaced (openCsv) is measured beside it. Medians of RUNS runs on a
// 1M-row transaction file (and its windows-1252 / semicolon / decimal-comma twin). Needs
// `npm run build:cli`. BASE=/path/to/other/dist-cli also measures another build (e.g. the commit
// before the reading work) on the same file, its runs interleaved with this build's so that the
// shared machine's load falls on both alike, and prints the ratio.
import { mkdtempSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { generate } from './bench-data.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(join(root, 'dist-cli'));
const build = (d, stream) => ({
  name: stream ? 'streaming reader' : 'whole-file reader',
  stream,
  open: stream ? require(join(d, 'cli/csv-stream-source.js')).openCsvStream : require(join(d, 'cli/csv-source.js')).openCsv,
  engine: require(join(d, 'engine/index.js')),
});
const builds = [build(dist, true), build(dist, false)];
if (process.env.BASE) builds.push({ ...build(resolve(process.env.BASE), false), name: 'base build' });
const { engine } = builds[0];
const RUNS = Number(process.env.RUNS ?? 5);
const N = Number(process.env.ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tierwise-bench-reading-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

const { customer, date, amount } = generate(N, Math.max(4000, Math.round(N / 125)));
const plain = join(dir, 'tx.csv');
const lines = ['Customer ID,Date,Amount'];
for (let i = 0; i < N; i++) lines.push(`${customer[i]},${date[i]},${amount[i]}`);
writeFileSync(plain, lines.join('\n') + '\n');

function once({ open, stream, engine: e }, file) {
  const t0 = performance.now();
  const src = open(file);
  const { columns } = src.load([0, 1, 2], [2]);
  const t1 = performance.now();
  if (stream) {
    e.keyColumnOf(columns.get(0));
    e.dateColumnOf(columns.get(1));
    e.numberColumnOf(columns.get(2));
  } else {
    e.keyColumn(columns.get(0));
    e.dateColumn(columns.get(1));
    e.numberColumn(columns.get(2));
  }
  const t2 = performance.now();
  return [t1 - t0, t2 - t0];
}

function measure(file, which = builds) {
  const mb = statSync(file).size / 1e6;
  const times = which.map(() => ({ parse: [], whole: [] }));
  for (let r = 0; r < RUNS; r++) {
    which.forEach((b, k) => {
      const [p, w] = once(b, file);
      times[k].parse.push(p);
      times[k].whole.push(w);
    });
  }
  const rate = (ms) => (mb / (ms / 1000)).toFixed(1);
  const text = (t) => `parse ${rate(median(t.parse))} MB/s (${median(t.parse).toFixed(0)} ms), parse + typed columns ${rate(median(t.whole))} MB/s (${median(t.whole).toFixed(0)} ms)`;
  let out = `${mb.toFixed(1)} MB`;
  which.forEach((b, k) => {
    out += `\n    ${b.name}: ${text(times[k])}`;
    if (k > 0) out += `\n    streaming / ${b.name} time: parse ${(median(times[0].parse) / median(times[k].parse)).toFixed(2)}, parse + typed columns ${(median(times[0].whole) / median(times[k].whole)).toFixed(2)}`;
  });
  return out;
}

console.log(`CSV reading, ${N.toLocaleString('en-US')} rows, median of ${RUNS} runs${process.env.BASE ? `, interleaved with the base build ${process.env.BASE}` : ''}`);
console.log(`  UTF-8, comma, ISO dates, decimal point: ${measure(plain)}`);
if (engine.decideDecimalMark) {
  // the same rows as a German export: windows-1252 (detected), ";", dd.mm.yyyy, decimal comma
  const iconv = require('iconv-lite');
  const german = join(dir, 'tx-de.csv');
  const de = ['Kundennummer;Datum;Betrag'];
  for (let i = 0; i < N; i++) de.push(`${customer[i]};${date[i].slice(8, 10)}.${date[i].slice(5, 7)}.${date[i].slice(0, 4)};${String(amount[i]).replace('.', ',')}`);
  de[1] = de[1].replace(/^\d+/, 'Müller');
  writeFileSync(german, iconv.encode(de.join('\r\n') + '\r\n', 'windows-1252'));
  console.log(`  windows-1252, semicolon, dd.mm.yyyy, decimal comma: ${measure(german, builds.slice(0, 2))}`);
}
rmSync(dir, { recursive: true, force: true });
