#!/usr/bin/env node
// Lifecycle classes, the value matrix and weighted grading (issue 15): classifyTable from cells
// to summary, and the method's fit alone on the aggregated customers, on generated transaction
// logs (100k and 1M rows) and on UCI Online Retail when ../shared/data is present, and the value
// matrix's scatter data for 100k and 1M customers. Prints the
// median of RUNS runs. Needs `npm run build:cli` (dist-cli/).
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RUNS, time } from './bench-timing.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(join(root, 'dist-cli/engine/index.js'));
const { parseCsv } = require(join(root, 'dist-cli/cli/csv-read.js'));
const { generate } = await import('./bench-data.mjs');
const METHODS = ['lifecycle', 'matrix', 'grade'];

function bench(label, columns, options = {}) {
  console.log(`\n${label} (${columns.customer.length.toLocaleString('en-US')} rows)`);
  const amount = columns.amount ? engine.numberColumn(columns.amount) : engine.numberColumn(columns.quantity.map((q, i) => Number(q) * Number(columns.price[i])));
  const tx = { customer: engine.keyColumn(columns.customer), date: engine.dateColumn(columns.date), amount, invoice: columns.invoice ? engine.keyColumn(columns.invoice) : undefined };
  const customers = engine.aggregateTransactions(tx, options);
  const purchases = time(() => engine.purchaseRows(tx, customers));
  console.log(`  purchase rows of ${customers.keys.length.toLocaleString('en-US')} customers: ${purchases.ms.toFixed(1)} ms`);
  const input = { ...customers, customers, purchases: purchases.out };
  for (const method of METHODS) {
    const fit = time(() => engine.classifyCustomers(input, { method }));
    const whole = time(() => engine.classifyTable(columns, { method, ...options }));
    const counts = fit.out.summary.map((s) => `${s.tier} ${s.customers}`).join(', ');
    console.log(`  ${method}: classify customers ${fit.ms.toFixed(1)} ms; classifyTable, cells to summary ${whole.ms.toFixed(1)} ms (${counts})`);
  }
}

console.log(`lifecycle / matrix / grade benchmark — median of ${RUNS} runs, node ${process.version}`);
for (const n of [100_000, 1_000_000]) bench('generated transactions', generate(n, Math.max(4000, Math.round(n / 125))));

// the value matrix's scatter data (a deterministic sample of at most 5,000 points) for many customers
for (const n of [100_000, 1_000_000]) {
  const keys = Array.from({ length: n }, (_, i) => `c${i}`);
  const xs = Float64Array.from({ length: n }, (_, i) => 1 + (i % 50));
  const ys = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 10000));
  const tierIndex = Uint8Array.from({ length: n }, (_, i) => (xs[i] >= 25 ? 0 : 2) + (ys[i] >= 5000 ? 0 : 1));
  const axes = { x: { label: 'F', cut: 25 }, y: { label: 'AOV', cut: 5000 } };
  const r = time(() => engine.scatterTables({ tiers: engine.MATRIX_TIERS, tierIndex, keys, xs, ys, ...axes }));
  console.log(`\nmatrix scatter tables for ${n.toLocaleString('en-US')} customers: ${r.ms.toFixed(1)} ms (${r.out[0].rows.toLocaleString('en-US')} points)`);
}

const retail = join(root, '..', 'shared', 'data', 'online_retail', 'online_retail.csv');
if (existsSync(retail)) {
  const csv = parseCsv(readFileSync(retail, 'utf8'));
  const col = (name) => csv.columns[csv.headers.indexOf(name)];
  bench('Online Retail', { customer: col('CustomerID'), date: col('InvoiceDate'), quantity: col('Quantity'), price: col('UnitPrice'), invoice: col('InvoiceNo') }, { returns: 'drop' });
} else {
  console.log('\nOnline Retail: SKIPPED (../shared/data/online_retail/online_retail.csv is not present)');
}
