// How much of Excel on the web's 5 MB custom-function payload (OfficeDev/office-js#4654) each
// TIER function's arguments take per row, as Excel serialises cells to the function: JSON, one
// array per row (`[v]`), numbers as doubles (shortest round-trip text, so =D2*F2 gives
// 15.299999999999999), dates as serials with the time as a fraction, text quoted, blanks as "".
//   node scripts/measure-cf-payload.mjs [path/to/online_retail.csv]
// Prints bytes per row and the row ceiling per function (5,000,000 bytes / bytes per row), on the
// Online Retail log when present (else says SKIPPED and uses only the synthetic customer table).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RETAIL = process.argv[2] ?? path.resolve(ROOT, '..', 'shared', 'data', 'online_retail', 'online_retail.csv');
const LIMIT = 5_000_000;

/**
 * UTF-8 bytes of a column passed as a range argument: `[[v],[v],…]`.
 * @example columnBytes([1, 2]) // 9
 * @param {unknown[]} values
 */
function columnBytes(values) {
  return Buffer.byteLength(JSON.stringify(values.map((v) => [v])));
}

/**
 * Excel's 1900-system serial of "YYYY-MM-DD hh:mm:ss" (time as the fraction of the day).
 * @example serial('2010-12-01 08:26:00') // 40513.35138888889
 * @param {string} text
 */
function serial(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return text;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return ms / 86_400_000 + 25569;
}

/** Splits one CSV line (quoted fields with commas). @param {string} line */
function fields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const line = (name, perRow, note) => console.log(`${name.padEnd(34)} ${perRow.toFixed(1).padStart(6)} B/row  ceiling ${fmt(LIMIT / perRow).padStart(9)} rows  ${note}`);

if (fs.existsSync(RETAIL)) {
  const rows = fs.readFileSync(RETAIL, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map(fields);
  const n = rows.length;
  const customers = rows.map((r) => (r[6] === '' ? '' : Number(r[6])));
  const customerText = rows.map((r) => (r[6] === '' ? '' : `C${r[6]}`));
  const dates = rows.map((r) => serial(r[4]));
  const dateText = rows.map((r) => r[4]);
  const amounts = rows.map((r) => Number(r[3]) * Number(r[5]));
  const per = (values) => columnBytes(values) / n;
  console.log(`Online Retail: ${n.toLocaleString('en-US')} transactions`);
  line('customer id (number)', per(customers), 'e.g. 17850');
  line('customer id (text)', per(customerText), 'e.g. "C17850"');
  line('date (serial with time)', per(dates), `e.g. ${dates[0]}`);
  line('date (text)', per(dateText), `e.g. "${dateText[0]}"`);
  line('amount (=Quantity*UnitPrice)', per(amounts), `e.g. ${amounts[0]}`);
  const table = per(customers) + per(dates) + per(amounts);
  line('RFM_TABLE (number id, serial, amount)', table, `the whole log (${fmt(n)} rows) is ${(table * n / 1e6).toFixed(1)} MB`);
  line('RFM_TABLE (text id, text date, amount)', per(customerText) + per(dateText) + per(amounts), '');
} else {
  console.log(`SKIPPED Online Retail: ${RETAIL} not found`);
}

// customer-level inputs: one value per customer (money to the cent), and an RFM block
const rnd = (() => {
  let a = 7;
  return () => ((a = (a * 1103515245 + 12345) % 2 ** 31), a / 2 ** 31);
})();
const N = 100_000;
const money = Array.from({ length: N }, () => Math.round(rnd() ** 3 * 5_000_000) / 100);
const recency = Array.from({ length: N }, () => Math.floor(rnd() * 700));
const frequency = Array.from({ length: N }, () => 1 + Math.floor(rnd() ** 4 * 200));
const block = Buffer.byteLength(JSON.stringify(recency.map((r, i) => [r, frequency[i], money[i]]))) / N;
const result = (v) => Buffer.byteLength(JSON.stringify(Array.from({ length: N }, () => [v]))) / N;
console.log(`Customer tables: ${N.toLocaleString('en-US')} synthetic customers (values to the cent)`);
line('ABC_CLASS / PYRAMID / QUANTILE_SCORE', columnBytes(money) / N, 'values; with population: twice');
line('  ABC_CLASS result', result('A'), '"A", "B" or "C"');
line('  PYRAMID result', result('Platinum'), 'longest key "Platinum"');
line('RFM_SCORE / RFM_SEGMENT (3 columns)', block, 'recency, frequency, monetary');
line('  RFM_SEGMENT result', result('Potential loyalist'), 'longest segment key');
