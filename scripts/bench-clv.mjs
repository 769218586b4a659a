#!/usr/bin/env node
// CLV model speed: BG/NBD + Gamma-Gamma fits on CDNOW (2,357 customers; goal ≤ 0.1 s) and on
// 100,000 simulated customers (goal ≤ 1 s), the CLV forecast for them, and the customer summary
// from CDNOW's transactions. Prints the median of RUNS runs. Needs `npm run build:cli` (dist-cli/).
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RUNS, time } from './bench-timing.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function benchFits(label, data, goalMs) {
  console.log(`\n${label} (${data.x.length.toLocaleString('en-US')} customers)`);
  const bg = time(() => engine.fitBgNbd(data));
  const d = bg.out.diagnostics;
  console.log(`  BG/NBD fit: ${fmt(bg.ms)} (${d.evaluations} likelihood evaluations, starts on ${d.startsOn.toLocaleString('en-US')} customers, gradient norm ${d.gradientNorm.toExponential(1)})`);
  const gg = time(() => engine.fitGammaGamma(data.x, data.meanValue));
  console.log(`  Gamma-Gamma fit: ${fmt(gg.ms)} (${gg.out.customers.toLocaleString('en-US')} repeat buyers)`);
  const both = time(() => [engine.fitBgNbd(data), engine.fitGammaGamma(data.x, data.meanValue)]);
  console.log(`  BG/NBD + Gamma-Gamma: ${fmt(both.ms)} (goal ≤ ${fmt(goalMs)}: ${both.ms <= goalMs ? 'met' : 'NOT met'})`);
  return { bg: bg.out, gg: gg.out };
}

console.log(`CLV benchmark — median of ${RUNS} runs, node ${process.version}`);

const dir = join(root, '..', 'shared', 'data', 'cdnow');
const summaryFile = join(dir, 'cdnow_customers_summary_with_transactions.csv');
if (existsSync(summaryFile)) {
  const rows = readFileSync(summaryFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const cdnow = { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]), meanValue: rows.map((r) => r[4]) };
  const fit = benchFits('CDNOW summary, weeks', cdnow, 100);
  const p = fit.bg.params;
  console.log(`  r ${p.r.toFixed(4)}, α ${p.alpha.toFixed(4)}, a ${p.a.toFixed(4)}, b ${p.b.toFixed(4)}, LL ${fit.bg.logLikelihood.toFixed(2)}`);
  const sample = join(dir, 'CDNOW_sample.txt');
  if (existsSync(sample)) {
    const tx = readFileSync(sample, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
    const columns = {
      customer: engine.keyColumn(tx.map((r) => r[1])),
      date: engine.dateColumn(tx.map((r) => r[2])),
      amount: engine.numberColumn(tx.map((r) => r[4])),
    };
    const s = time(() => engine.repeatSummary(columns, { calibrationEnd: engine.dayNumber(1997, 9, 30), unit: 'week' }));
    console.log(`  summary from ${tx.length.toLocaleString('en-US')} transactions: ${fmt(s.ms)}`);
    // the CLV method's path: the registry's purchase rows (zero-value ones counted), then the summary
    const customers = engine.aggregateTransactions(columns, { keepNoPurchase: 'zero-value' });
    const p = time(() => engine.repeatSummaryOfPurchases(engine.purchaseRows(columns, customers, { zeroValue: true }), customers.keys, { calibrationEnd: engine.dayNumber(1997, 9, 30), unit: 'week' }));
    console.log(`  summary from the purchase rows (the CLV method's path): ${fmt(p.ms)}`);
  }
} else {
  console.log(`\nCDNOW: skipped (${summaryFile} not present)`);
}

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const sim = engine.simulateBgNbd(truth, 100_000, { minT: 26, maxT: 39, seed: 1, spend: { p: 6.25, q: 3.74, gamma: 15.44 } });
const fit = benchFits('simulated BG/NBD + Gamma-Gamma customers, weeks', sim, 1000);
const options = { horizon: 52, unit: 'week', margin: 0.3, discountRate: 0.1 };
const clv = time(() => engine.customerLifetimeValue(fit.bg.params, fit.gg.params, sim, options));
console.log(`  CLV over 52 weekly periods: ${fmt(clv.ms)}`);
