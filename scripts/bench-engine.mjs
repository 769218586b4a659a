#!/usr/bin/env node
// Engine throughput: cells → typed columns → customers → RFM / ABC / pyramid, on generated
// transaction logs (100k and 1M rows) and on UCI Online Retail when ../shared/data is present.
// Prints the median of RUNS runs per step. Needs `npm run build:cli` (dist-cli/).
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RUNS, time } from './bench-timing.mjs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));
const { parseCsv } = require(join(root, 'dist-cli/cli/csv-read.js'));
const { generate } = await import('./bench-data.mjs');

function benchTable(label, columns, options = {}) {
  const rows = columns.customer.length;
  console.log(`\n${label} (${rows.toLocaleString('en-US')} rows)`);
  const cols = time(() => ({
    customer: engine.keyColumn(columns.customer),
    date: engine.dateColumn(columns.date),
    amount: columns.amount ? engine.numberColumn(columns.amount) : undefined,
  }));
  console.log(`  coerce cells → typed columns: ${cols.ms.toFixed(1)} ms`);
  const tx = { ...cols.out, amount: cols.out.amount ?? engine.numberColumn(columns.quantity.map((q, i) => Number(q) * Number(columns.price[i]))), invoice: columns.invoice ? engine.keyColumn(columns.invoice) : undefined };
  const agg = time(() => engine.aggregateTransactions(tx, options));
  console.log(`  aggregate → ${agg.out.keys.length.toLocaleString('en-US')} customers: ${agg.ms.toFixed(1)} ms`);
  for (const method of ['rfm', 'abc', 'pyramid']) {
    const c = time(() => engine.classifyCustomers(agg.out, { method }));
    console.log(`  classify ${method}: ${c.ms.toFixed(1)} ms`);
  }
  const whole = time(() => engine.classifyTable(columns, { method: 'rfm', ...options }));
  console.log(`  classifyTable rfm, cells to summary: ${whole.ms.toFixed(1)} ms (${((rows / whole.ms) * 1000 / 1e6).toFixed(2)} M rows/s)`);
}

console.log(`engine benchmark — median of ${RUNS} runs, node ${process.version}`);
for (const n of [100_000, 1_000_000]) benchTable(`generated transactions`, generate(n, Math.max(4000, Math.round(n / 125))));

const retail = join(root, '..', 'shared', 'data', 'online_retail', 'online_retail.csv');
if (existsSync(retail)) {
  const t0 = performance.now();
  const csv = parseCsv(readFileSync(retail, 'utf8'));
  console.log(`\nOnline Retail CSV parse: ${(performance.now() - t0).toFixed(0)} ms`);
  const c = (name) => csv.columns[csv.headers.indexOf(name)];
  benchTable('UCI Online Retail, standard cleaning', { customer: c('CustomerID'), date: c('InvoiceDate'), quantity: c('Quantity'), price: c('UnitPrice'), invoice: c('InvoiceNo') }, { returns: 'drop' });
} else {
  console.log(`\nOnline Retail: skipped (${retail} not present)`);
}
