#!/usr/bin/env node
// Writes the real-world file corpus under test/fixtures/files/: files as Excel, ERPs and
// Chinese/European spreadsheets write them (encodings, delimiters, decimal commas, day-first
// dates, stray quotes, headers in many languages, total rows, repeated ids), and expected.json
// with what each must read to (customers and their totals, computed here from the same
// generated transactions, never by the reader under test). Deterministic: re-running it
// rewrites the same bytes. Do not edit the output by hand; change this script and re-run it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test/fixtures/files');
mkdirSync(dir, { recursive: true });

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n transactions over the given customer names: { customer, invoice, y, m, d, cents }. */
function transactions(names, n, seed, { maxDay = 28, months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], invoicesPer = 1 } = {}) {
  const rand = prng(seed);
  const rows = [];
  let inv = 1000;
  while (rows.length < n) {
    const customer = names[Math.floor(rand() * names.length)];
    const m = months[Math.floor(rand() * months.length)];
    const d = 1 + Math.floor(rand() * maxDay);
    inv++;
    const lines = 1 + Math.floor(rand() * invoicesPer);
    for (let l = 0; l < lines && rows.length < n; l++) {
      rows.push({ customer, invoice: `F-${inv}`, y: 2024, m, d, cents: 100 + Math.floor(rand() * 250000) });
    }
  }
  return rows;
}

/** Expected customers: total cents per customer (and rows used). */
function expectTotals(rows) {
  const totals = {};
  for (const r of rows) totals[r.customer] = (totals[r.customer] ?? 0) + r.cents;
  return { customers: Object.keys(totals).length, rowsUsed: rows.length, totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / 100])) };
}

const p2 = (v) => String(v).padStart(2, '0');
const iso = (r) => `${r.y}-${p2(r.m)}-${p2(r.d)}`;
const dmySlash = (r) => `${p2(r.d)}/${p2(r.m)}/${r.y}`;
const dmyDot = (r) => `${p2(r.d)}.${p2(r.m)}.${r.y}`;
const dot = (cents) => (cents / 100).toFixed(2);
const comma = (cents) => dot(cents).replace('.', ',');
/** 1234.56 → "1.234,56" */
const german = (cents) => {
  const [w, f] = dot(cents).split('.');
  return `${w.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f}`;
};
const quote = (s, d = ',') => (/["\r\n]/.test(s) || s.includes(d) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (lines, d = ',', eol = '\r\n') => lines.map((l) => l.map((c) => quote(String(c), d)).join(d)).join(eol) + eol;

const expected = {};
function write(name, text, encoding, spec) {
  let bytes;
  if (encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else if (encoding === 'utf-16le-bom') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  else if (encoding === 'utf-16be-bom') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  else bytes = iconv.encode(text, encoding);
  writeFileSync(join(dir, name), bytes);
  expected[name] = spec;
}

const latinNames = ['Müller GmbH', 'Größe AG', 'Café Noël', 'Señora Peña', 'Ørsted', 'Zoë Brontë', 'Straße 5', 'Björk', 'Façade SA', 'Àlex'];
const cjkNames = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊'];
const twNames = ['陳美玲', '林志明', '黃淑芬', '張家豪', '李雅婷'];
const jpNames = ['佐藤商店', '鈴木工業', '高橋物産', '田中食品', '渡辺電機'];
const ids = (n, from = 10001) => Array.from({ length: n }, (_, i) => String(from + i));

// 1. Excel "CSV UTF-8": BOM, comma, CRLF
{
  const rows = transactions(ids(40), 300, 1);
  const text = csv([['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Amount'], ...rows.map((r) => [r.invoice, r.customer, iso(r), dot(r.cents)])]);
  write('excel-utf8-bom.csv', text, 'utf-8-bom', { args: [], ...expectTotals(rows), read: { encoding: 'UTF-8', delimiter: ',', decimal: '.' } });
}
// 2. Excel "CSV (Macintosh)": Mac Roman, CR line ends
{
  const rows = transactions(latinNames, 120, 2);
  const text = csv([['Customer', 'Date', 'Sales'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])], ',', '\r');
  write('excel-macintosh.csv', text, 'macintosh', { args: ['--encoding', 'macintosh'], ...expectTotals(rows), read: { encoding: 'macintosh', delimiter: ',' } });
}
// 3. Excel "Unicode text": UTF-16 LE with BOM, tab, .txt
{
  const rows = transactions([...cjkNames, ...latinNames.slice(0, 4)], 200, 3);
  const text = csv([['客户名称', '交易日期', '金额'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])], '\t');
  write('excel-unicode-text.txt', text, 'utf-16le-bom', { args: [], ...expectTotals(rows), read: { encoding: 'UTF-16LE', delimiter: '\t' } });
}
// 3b. UTF-16 BE with BOM
{
  const rows = transactions(latinNames, 60, 33);
  const text = csv([['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])], '\t');
  write('utf16be.txt', text, 'utf-16be-bom', { args: [], ...expectTotals(rows), read: { encoding: 'UTF-16BE', delimiter: '\t' } });
}
// 4. German export: windows-1252, ";", decimal comma with thousands, dd.mm.yyyy (days ≤ 12 only in part)
{
  const rows = transactions(latinNames, 250, 4);
  const text = csv([['Rechnungsnummer', 'Kunde', 'Rechnungsdatum', 'Betrag'], ...rows.map((r) => [r.invoice, r.customer, dmyDot(r), german(r.cents)])], ';');
  write('german-export.csv', text, 'windows-1252', { args: [], ...expectTotals(rows), read: { encoding: 'windows-1252', delimiter: ';', decimal: ',', dateOrder: 'dmy' } });
}
// 5. Chinese GBK export with a 合计 row at the bottom
{
  const rows = transactions(cjkNames, 150, 5);
  const sum = rows.reduce((s, r) => s + r.cents, 0);
  const text = csv([['客户名称', '订单日期', '金额'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)]), ['合计', '', dot(sum)]]);
  write('chinese-gbk.csv', text, 'gbk', { args: [], ...expectTotals(rows), skipped: { 'total-row': 1 }, read: { encoding: 'GB18030', delimiter: ',' } });
}
// 6. Big5 (繁體中文 headers)
{
  const rows = transactions(twNames, 120, 6);
  const text = csv([['客戶', '交易日期', '金額'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])]);
  write('big5.csv', text, 'big5', { args: [], ...expectTotals(rows), read: { encoding: 'Big5', delimiter: ',' } });
}
// 7. Shift-JIS (Japanese headers)
{
  const rows = transactions(jpNames, 120, 7);
  const text = csv([['顧客名', '注文日', '売上金額'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])]);
  write('shift-jis.csv', text, 'shift_jis', { args: [], ...expectTotals(rows), read: { encoding: 'Shift_JIS', delimiter: ',' } });
}
// 8. Spanish headers, many invoices per customer: 150 customers, 2,001 rows
{
  const rows = transactions(ids(150, 501), 2001, 8, { invoicesPer: 4 });
  const text = csv([['Factura', 'Cliente', 'Fecha', 'Importe'], ...rows.map((r) => [r.invoice, r.customer, iso(r), dot(r.cents)])]);
  write('spanish-headers.csv', text, 'utf8', { args: [], ...expectTotals(rows), read: { delimiter: ',' } });
  // 9. the same without a header row: invoices nest inside customers
  const bare = csv(rows.map((r) => [r.invoice, `C${r.customer}`, dmySlash(r), comma(r.cents)]), ';');
  const renamed = rows.map((r) => ({ ...r, customer: `C${r.customer}` }));
  write('no-header.csv', bare, 'utf8', { args: [], ...expectTotals(renamed), read: { delimiter: ';', decimal: ',', header: false } });
}
// 10. A stray quote on line 101 (2,000 rows): an error naming the line; --lenient skips that row
{
  const rows = transactions(ids(100), 2000, 10);
  const lines = [['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])];
  let text = csv(lines);
  const all = text.split('\r\n');
  all[100] = `"${all[100]}`; // line 101
  text = all.join('\r\n');
  write('stray-quote.csv', text, 'utf8', { args: [], exit: 1, error: 'line 101' });
  const kept = rows.filter((_, i) => i !== 99);
  write('stray-quote-lenient.csv', text, 'utf8', { args: ['--lenient'], ...expectTotals(kept), read: { malformedRows: 1 } });
}
// 11. dd/mm/yyyy where no day exceeds 12: the order must be given (or is assumed and said)
{
  const rows = transactions(ids(82), 400, 11, { maxDay: 12 });
  const text = csv([['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, dmySlash(r), dot(r.cents)])]);
  const last = {};
  for (const r of rows) if (!last[r.customer] || iso(r) > last[r.customer]) last[r.customer] = iso(r);
  write('day-first-ambiguous.csv', text, 'utf8', { args: ['--date-order', 'dmy'], ...expectTotals(rows), lastPurchase: last, read: { dateOrder: 'dmy', dateOrderHow: 'flag' } });
  // the same with one day over 12: the values decide
  const more = [...rows, { customer: '10001', invoice: 'F-9', y: 2024, m: 3, d: 25, cents: 500 }];
  const t2 = csv([['Customer', 'Date', 'Amount'], ...more.map((r) => [r.customer, dmySlash(r), dot(r.cents)])]);
  write('day-first-decided.csv', t2, 'utf8', { args: [], ...expectTotals(more), read: { dateOrder: 'dmy', dateOrderHow: 'values' } });
}
// 12. Quoted fields with delimiters, doubled quotes and line breaks
{
  const names = ['Smith, John', 'O"Brien', 'Line\nBreak Ltd', 'Plain', 'Tab\tCo'];
  const rows = transactions(names, 80, 12);
  const text = csv([['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])]);
  write('quoted-newlines.csv', text, 'utf8', { args: [], ...expectTotals(rows) });
}
// 13. A customer table with a Total row and repeated ids (summed by default; refused on request)
{
  const rand = prng(13);
  const rows = [];
  for (const id of ids(30, 10001)) rows.push({ customer: id, cents: 1000 + Math.floor(rand() * 900000) });
  rows.push({ customer: '10003', cents: 5000 }, { customer: '10003', cents: 7000 }, { customer: '10007', cents: 100 });
  const sum = rows.reduce((s, r) => s + r.cents, 0);
  const text = csv([['Customer ID', 'Customer Value'], ...rows.map((r) => [r.customer, dot(r.cents)]), ['Total', dot(sum)]]);
  const e = expectTotals(rows);
  write('customers-total-duplicates.csv', text, 'utf8', { args: ['--method', 'abc'], ...e, rowsUsed: rows.length, skipped: { 'total-row': 1 }, read: { duplicates: { customers: 2, rows: 3 } } });
  write('customers-duplicates-error.csv', text, 'utf8', { args: ['--method', 'abc', '--duplicates', 'error'], exit: 1, error: 'customer id "10003" appears on 3 rows' });
}
// 14. Amounts like 1.234 with no other evidence: ambiguous, reported (and --decimal decides)
{
  const rows = transactions(ids(10), 40, 14).map((r) => ({ ...r, cents: (1 + Math.floor(r.cents / 1000)) * 100000 }));
  const text = csv([['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, iso(r), german(r.cents).replace(/,00$/, '')])]);
  write('ambiguous-thousands.csv', text, 'utf8', { args: ['--decimal', ','], ...expectTotals(rows), read: { decimal: ',', decimalHow: 'flag' } });
  write('ambiguous-thousands-assumed.csv', text, 'utf8', { args: [], ...expectTotals(rows.map((r) => ({ ...r, cents: r.cents / 1000 }))), read: { decimal: '.', decimalHow: 'assumed', ambiguous: true } });
}
// 15. Pipe-delimited
{
  const rows = transactions(ids(20), 100, 15);
  const text = csv([['customer_id', 'order_date', 'amount'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)])], '|', '\n');
  write('pipe.csv', text, 'utf8', { args: [], ...expectTotals(rows), read: { delimiter: '|' } });
}
// 16. Two key columns the values cannot tell apart: refused with the candidates and the flag
{
  const rand = prng(16);
  const lines = [['a', 'b', 'c', 'd']];
  for (let i = 0; i < 60; i++) lines.push([`X${Math.floor(rand() * 7)}`, `Y${Math.floor(rand() * 9)}`, `2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, dot(100 + Math.floor(rand() * 9000))]);
  write('ambiguous-customer.csv', csv(lines), 'utf8', { args: [], exit: 1, error: '--customer' });
}
// 17. A bad amount: the skip message quotes it
{
  const rows = transactions(ids(10), 30, 17);
  const lines = [['Customer', 'Date', 'Amount'], ...rows.map((r) => [r.customer, iso(r), dot(r.cents)]), ['10001', '2024-05-05', '12,3,4']];
  write('bad-amount.csv', csv(lines), 'utf8', { args: [], ...expectTotals(rows), skipped: { 'not-a-number': 1 }, message: 'amount "12,3,4" is not a number' });
}

writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
console.log(`wrote ${Object.keys(expected).length} files and expected.json to ${dir}`);
