#!/usr/bin/env node
// Writes the small, deterministic example inputs in examples/ (seeded PRNG, no dependencies):
//   transactions.csv      ~2,000 rows, 150 customers: InvoiceNo, CustomerID, InvoiceDate, Amount
//   transactions-zh.csv   the same rows with Chinese headers (单号, 客户编号, 交易日期, 金额)
//   customers.csv         one row per customer: CustomerID, Name, AnnualSales
//   education-customers.csv  an education company's 300 customers: CustomerID, Stage (幼儿园/小学/
//                         中学/大学), Need (转学/升学/补习/职业培训), Area (城市/农村), Revenue —
//                         with the mess real lists have (stray spaces, a few blanks, "1,200")
//   education-rules.csv   a rule table of four types over Stage, Need and Area (--method rules)
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
// The education company (own seed, so the files above do not change when this part does).
const erand = rng(20261129);
const pick = (list, weights) => {
  let x = erand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < list.length; i++) if ((x -= weights[i]) < 0) return list[i];
  return list[list.length - 1];
};
const STAGES = ['幼儿园', '小学', '中学', '大学'];
const NEEDS = { 幼儿园: [[2, 1, 2, 0]], 小学: [[2, 3, 5, 0]], 中学: [[1, 5, 4, 0]], 大学: [[0, 3, 1, 4]] };
const education = Array.from({ length: 300 }, (_, i) => {
  const stage = pick(STAGES, [2, 4, 4, 3]);
  const need = pick(['转学', '升学', '补习', '职业培训'], NEEDS[stage][0]);
  const area = pick(['城市', '农村'], [7, 3]);
  const revenue = Math.round(Math.exp(7.2 + 0.7 * normalE()) / 10) * 10;
  const messy = erand();
  return [
    `E${String(i + 1).padStart(4, '0')}`,
    messy < 0.03 ? ` ${stage} ` : stage,
    messy > 0.98 ? '' : need,
    area,
    revenue >= 1000 && erand() < 0.2 ? `"${revenue.toLocaleString('en-US')}"` : String(revenue),
  ];
});
function normalE() {
  return Math.sqrt(-2 * Math.log(1 - erand())) * Math.cos(2 * Math.PI * erand());
}
writeFileSync(join(out, 'education-customers.csv'), csv(['CustomerID', 'Stage', 'Need', 'Area', 'Revenue'], education));
writeFileSync(
  join(out, 'education-rules.csv'),
  csv(
    ['Class', 'Class zh', 'Colour', 'Stage', 'Need', 'Area', 'Strategy', '策略'],
    [
      ['Exam prep', '升学辅导', '#77AADD', '"中学, 大学"', '升学', 'any', 'Exam-prep courses and admission counselling', '升学课程与志愿填报指导'],
      ['Tutoring', '课外补习', '#EEDD88', '"小学, 中学"', '补习', '城市', 'After-school classes near home', '就近开设课后辅导班'],
      ['Career', '职业培训', '#44BB99', '大学', '职业培训', 'any', 'Certificate courses with employers', '与企业合作的证书课程'],
      ['Rural', '乡村客户', '#EE8866', 'any', 'not blank', '农村', 'Online classes and a local partner school', '线上课程与当地合作学校'],
    ],
  ),
);
console.log(`wrote ${education.length} education customers and a rule table of 4 types to ${out}/`);
console.log(`wrote ${lines.length} transactions of ${CUSTOMERS} customers and ${perCustomer.length} customer rows to ${out}/`);
