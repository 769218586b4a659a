#!/usr/bin/env node
// Writes the small, deterministic example inputs in examples/ (seeded PRNG, no dependencies):
//   transactions.csv      ~2,000 rows, 150 customers: InvoiceNo, CustomerID, InvoiceDate, Amount
//   transactions-zh.csv   the same rows with Chinese headers (单号, 客户编号, 交易日期, 金额)
//   customers.csv         one row per customer: CustomerID, Name, AnnualSales
// Usage: node scripts/make-examples.mjs [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'examples';
mkdirSync(out, { recursive: true });

// mulberry32: small seeded PRNG
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240601);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const CUSTOMERS = 150;
const START = Date.UTC(2023, 0, 1);
const DAYS = 730;
const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
  id: 10001 + i,
  weight: Math.log(1 - rand()) ** 2 + 0.05, // skewed activity
  spend: Math.exp(3.5 + 0.8 * normal()),
  activeUntil: rand() < 0.6 ? DAYS : Math.floor(rand() * DAYS),
}));
const totalWeight = customers.reduce((s, c) => s + c.weight, 0);
const rows = [];
let invoice = 500001;
for (const c of customers) {
  const n = 1 + Math.round((c.weight / totalWeight) * 1850);
  for (let k = 0; k < n; k++) {
    const day = Math.floor(rand() * Math.max(1, c.activeUntil));
    const amount = Math.round(c.spend * Math.exp(0.6 * normal()) * 100) / 100;
    const isReturn = rand() < 0.02;
    rows.push({ day, customer: c.id, amount: isReturn ? -amount : amount, ret: isReturn, minute: Math.floor(rand() * 600) + 480 });
  }
}
rows.sort((a, b) => a.day - b.day || a.minute - b.minute || a.customer - b.customer);
const iso = (day, minute) => {
  const d = new Date(START + day * 86400000 + minute * 60000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};
const lines = rows.map((r) => [`${r.ret ? 'C' : ''}${invoice++}`, r.customer, iso(r.day, r.minute), r.amount.toFixed(2)]);
const csv = (header, body) => [header.join(','), ...body.map((l) => l.join(','))].join('\n') + '\n';
writeFileSync(join(out, 'transactions.csv'), csv(['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Amount'], lines));
writeFileSync(join(out, 'transactions-zh.csv'), '\uFEFF' + csv(['单号', '客户编号', '交易日期', '金额'], lines));

const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const KINDS = ['Trading', 'Foods', 'Retail', 'Supplies', 'Group'];
const perCustomer = customers.map((c, i) => {
  const sales = rows.filter((r) => r.customer === c.id).reduce((s, r) => s + r.amount, 0);
  const name = `${NAMES[i % NAMES.length]} ${KINDS[Math.floor(i / NAMES.length) % KINDS.length]} ${Math.floor(i / 50) + 1}`;
  return [`C${String(i + 1).padStart(4, '0')}`, `"${name}"`, sales.toFixed(2)];
});
writeFileSync(join(out, 'customers.csv'), csv(['CustomerID', 'Name', 'AnnualSales'], perCustomer));
console.log(`wrote ${lines.length} transactions of ${CUSTOMERS} customers and ${perCustomer.length} customer rows to ${out}/`);
