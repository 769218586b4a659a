// Benchmark of the BUILT custom functions (dist/functions.js), called as Excel calls them.
//   npx webpack --mode production && node scripts/bench-functions.mjs [path/to/online_retail.csv]
// Prints `name: median ms` (median of 3 runs; compute only — building the input arrays is not timed).
// Every run gets fresh data, so the population cache never carries a sort over from an earlier run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'functions.js');
const RETAIL = process.argv[2] ?? path.resolve(ROOT, '..', 'shared', 'data', 'online_retail', 'online_retail.csv');
const RUNS = 3;

/**
 * Loads the bundle with a stub CustomFunctions runtime and returns the functions by id.
 * @example const fns = loadFunctions(); fns.ABC_CLASS([[1], [2]]);
 * @returns {Record<string, Function>}
 */
function loadFunctions() {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const fns = {};
  class StubError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  // The main context, not a new vm context: there every global lookup (Math, Number, …) goes through
  // interceptors and costs ~100× what it costs in a browser or Excel's runtime.
  globalThis.CustomFunctions = { Error: StubError, ErrorCode: {}, associate: (id, fn) => (fns[id] = fn) };
  vm.runInThisContext(fs.readFileSync(BUNDLE, 'utf8'), { filename: BUNDLE });
  return fns;
}

/**
 * A small seeded PRNG (mulberry32), so runs are repeatable.
 * @example const next = rng(1); next(); // 0.6270739405881613
 * @param {number} seed
 * @returns {() => number}
 */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Median of the compute times of `RUNS` runs; `setup(run)` builds the input (untimed). A compute
 * that answers later (RFM_TABLE) is timed until it answers.
 * @example await median((run) => column(1000, run), (rows) => fns.ABC_CLASS(rows))
 */
async function median(setup, compute) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const input = setup(run);
    const t0 = performance.now();
    await compute(input);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** An n×1 column of skewed positive values (a few large customers, many small). */
function column(n, seed) {
  const next = rng(seed + 1);
  return Array.from({ length: n }, () => [Math.round(10 / (next() + 0.001)) / 10]);
}

/** An n×3 block of recency days, frequency, monetary. */
function rfmBlock(n, seed) {
  const next = rng(seed + 101);
  return Array.from({ length: n }, () => [1 + Math.floor(next() * 365), 1 + Math.floor(-Math.log(next() + 1e-9) * 3), Math.round(1000 / (next() + 0.01)) / 100]);
}

/**
 * Splits one CSV line, honouring double quotes (Description holds quoted commas).
 * @example splitCsvLine('1,"a, b",2') // ['1', 'a, b', '2']
 * @param {string} line
 * @returns {string[]}
 */
function splitCsvLine(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The Online Retail log as Excel would pass it: customer ids (numbers or ""), date text, amounts. */
function readRetail(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  const at = (name) => header.indexOf(name);
  const [q, d, p, c] = [at('Quantity'), at('InvoiceDate'), at('UnitPrice'), at('CustomerID')];
  const customers = [];
  const dates = [];
  const amounts = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const f = splitCsvLine(lines[i]);
    customers.push([f[c] === '' ? '' : Number(f[c])]);
    dates.push([f[d]]);
    amounts.push([Number(f[q]) * Number(f[p])]);
  }
  return { customers, dates, amounts };
}

const fns = loadFunctions();
const line = (name, ms) => console.log(`${name}: ${ms.toFixed(1)} ms`);

const N = 100_000;
line('spill ABC_CLASS 100k', await median((run) => column(N, run), (rows) => fns.ABC_CLASS(rows, null, null, null)));
line('spill PYRAMID 100k', await median((run) => column(N, run + 10), (rows) => fns.PYRAMID(rows, null, null)));
line('spill QUANTILE_SCORE 100k', await median((run) => column(N, run + 20), (rows) => fns.QUANTILE_SCORE(rows, null, null, null)));
line('spill RFM_SCORE 100k', await median((run) => rfmBlock(N, run), (rows) => fns.RFM_SCORE(rows, null, null)));
line('spill RFM_SEGMENT 100k', await median((run) => rfmBlock(N, run + 10), (rows) => fns.RFM_SEGMENT(rows, null, null)));

if (fs.existsSync(RETAIL)) {
  const log = readRetail(RETAIL);
  const rows = log.customers.length;
  let customers = 0;
  const ms = await median(() => log, async (l) => (customers = (await fns.RFM_TABLE(l.customers, l.dates, l.amounts, null, null)).length - 1));
  line(`RFM_TABLE online_retail ${rows} rows → ${customers} customers`, ms);
} else {
  console.log(`RFM_TABLE online_retail: skipped (${RETAIL} not found)`);
}

// Per-row form filled down: n calls, each given one cell and the same n-cell population (a fresh copy
// per run, as Excel passes a fresh array to every call).
for (const n of [1_000, 10_000, 50_000]) {
  line(
    `per-row ABC_CLASS fill-down ${n / 1000}k`,
    await median((run) => column(n, run + 30 + n), (pop) => {
      for (let i = 0; i < n; i++) fns.ABC_CLASS([pop[i]], pop, null, null);
    }),
  );
}
line(
  'per-row RFM_SCORE fill-down 10k',
  await median((run) => rfmBlock(10_000, run + 40), (pop) => {
    for (let i = 0; i < pop.length; i++) fns.RFM_SCORE([pop[i]], pop, null);
  }),
);
