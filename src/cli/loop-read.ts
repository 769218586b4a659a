/**
 * Files of the management loop: a previous classification (the JSON or CSV `tierwise classify`
 * wrote) read as a snapshot, and the playbook as CSV (written and read back).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Cell, METHOD_LIST, type PlaybookEdit, type PlaybookRow, defaultParams, isMethodId, keyText, methodById, parseNumberText } from '../engine';
import { STRINGS } from '../i18n/strings';
import { decodeCsvBytes } from './csv-encoding';
import { parseCsv } from './csv-read';
import { csvField } from './render-csv';
import { CliError } from './errors';
import { cellOf } from './xlsx-source';

/** One classification run as the loop sees it. */
export interface Snapshot {
  file: string;
  /** The method when the file says it (JSON) or its tiers show it (CSV). */
  method?: string;
  tiers: Map<string, string | null>;
  values: Map<string, number>;
  /** Tier keys, best first. */
  tierOrder: string[];
}

const lower = (s: string): string => s.trim().toLowerCase();
const headerSet = (...names: string[]): Set<string> => new Set(names.map(lower));
const CUSTOMER_HEADERS = headerSet(STRINGS.en['col.customer'], STRINGS['zh-CN']['col.customer'], 'customer');
const VALUE_HEADERS = headerSet(STRINGS.en['col.value'], STRINGS['zh-CN']['col.value'], STRINGS.en['col.monetary'], STRINGS['zh-CN']['col.monetary']);
const TIER_HEADERS = headerSet(...METHOD_LIST.flatMap((m) => [m.tierColumn.header.en, m.tierColumn.header.zh]));

/** Tier order of a method with default parameters. */
function methodOrder(method: string): string[] {
  const m = methodById(method);
  return m.tiers(defaultParams(m)).map((t) => t.key);
}

/** The first registered method whose tiers include every tier seen; else the order of first appearance. */
function guessOrder(seen: string[]): { method?: string; order: string[] } {
  for (const m of METHOD_LIST) {
    const order = methodOrder(m.id);
    if (seen.every((t) => order.includes(t))) return { method: m.id, order };
  }
  return { order: [...new Set(seen)] };
}

function readText(file: string): string {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  return readFileSync(file, 'utf8');
}

/** A CSV file's text in whatever encoding Excel saved it (UTF-8, UTF-16, GBK, Windows-1252, …). */
function readCsvText(file: string): string {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  return decodeCsvBytes(readFileSync(file)).text;
}

function fromJson(file: string, text: string): Snapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const d = doc as { method?: unknown; customers?: unknown; summary?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.customers)) throw new CliError(`${file}: not a tierwise classify JSON output (no "customers" list)`);
  const tiers = new Map<string, string | null>();
  const values = new Map<string, number>();
  d.customers.forEach((c: unknown, i: number) => {
    const row = c as { customer?: unknown; tier?: unknown; value?: unknown };
    if (!row || (typeof row.customer !== 'string' && typeof row.customer !== 'number')) throw new CliError(`${file}: customers[${i}] has no "customer"`);
    if (row.tier !== null && typeof row.tier !== 'string') throw new CliError(`${file}: customers[${i}] ("${String(row.customer)}") has no "tier"`);
    const key = String(row.customer);
    if (tiers.has(key)) throw new CliError(`${file}: customer "${key}" appears twice (customers[${i}])`);
    tiers.set(key, row.tier);
    if (typeof row.value === 'number') values.set(key, row.value);
  });
  const named: unknown = d.method;
  const method = typeof named === 'string' && isMethodId(named) ? named : undefined;
  const summaryOrder = Array.isArray(d.summary) ? (d.summary as { tier?: unknown }[]).map((s) => s.tier).filter((t): t is string => typeof t === 'string') : [];
  const tierOrder = summaryOrder.length > 0 ? summaryOrder : method ? methodOrder(method) : guessOrder([...tiers.values()].filter((t): t is string => !!t)).order;
  return { file, method, tiers, values, tierOrder };
}

/** A snapshot from a table of rows (header row first): CSV records or worksheet rows. */
function fromTable(file: string, headers: readonly string[], rows: readonly (readonly Cell[])[], rowNumber: (r: number) => string): Snapshot {
  const find = (set: Set<string>): number => headers.findIndex((h) => set.has(lower(h)));
  const ci = find(CUSTOMER_HEADERS);
  const ti = find(TIER_HEADERS);
  if (ci < 0) throw new CliError(`${file}: no customer column (a header "Customer" or "客户")`);
  if (ti < 0) throw new CliError(`${file}: no tier column (a header ${[...TIER_HEADERS].map((h) => `"${h}"`).join(', ')})`);
  const vi = find(VALUE_HEADERS);
  const tiers = new Map<string, string | null>();
  const values = new Map<string, number>();
  rows.forEach((row, r) => {
    const key = keyText(row[ci]);
    if (key === '') return;
    if (tiers.has(key)) throw new CliError(`${file}: ${rowNumber(r)}: customer "${key}" appears twice`);
    const cell = row[ti];
    const t = cell === null || cell === undefined ? '' : String(cell).trim();
    tiers.set(key, t === '' ? null : t);
    if (vi >= 0) {
      const v = row[vi];
      const num = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : NaN;
      if (Number.isFinite(num)) values.set(key, num);
    }
  });
  const guess = guessOrder([...tiers.values()].filter((t): t is string => !!t));
  return { file, method: guess.method, tiers, values, tierOrder: guess.order };
}

function fromCsv(file: string, text: string): Snapshot {
  const csv = parseCsv(text);
  const rows: string[][] = [];
  for (let r = 0; r < csv.rows; r++) rows.push(csv.headers.map((_, c) => csv.columns[c]?.[r] ?? ''));
  return fromTable(file, csv.headers, rows, (r) => `row ${r + 2}`);
}

/** The customer sheets of a workbook tierwise wrote ("Customers", "Customers (2)", … or 客户), else the first sheet. */
async function fromXlsx(file: string): Promise<Snapshot> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new CliError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const names = [STRINGS.en['sheet.customers'], STRINGS['zh-CN']['sheet.customers']];
  const ours = wb.worksheets.filter((ws) => names.some((n) => ws.name === n || (ws.name.startsWith(`${n.slice(0, 24)} (`) && /^\(\d+\)$/.test(ws.name.slice(Math.min(n.length, 24) + 1)))));
  const sheets = ours.length > 0 ? ours : wb.worksheets.slice(0, 1);
  if (sheets.length === 0) throw new CliError(`${file}: no worksheet found`);
  let headers: string[] = [];
  const rows: Cell[][] = [];
  const where: string[] = [];
  for (const ws of sheets) {
    const width = ws.columnCount;
    const cells = (r: number): Cell[] => Array.from({ length: width }, (_, c) => cellOf(ws.getRow(r).getCell(c + 1).value));
    const head = cells(1).map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    if (headers.length === 0) headers = head;
    else if (head.join('\u0000') !== headers.join('\u0000')) throw new CliError(`${file}: sheet "${ws.name}" has other columns than sheet "${sheets[0].name}"`);
    for (let r = 2; r <= ws.rowCount; r++) {
      rows.push(cells(r));
      where.push(`sheet "${ws.name}" row ${r}`);
    }
  }
  return fromTable(file, headers, rows, (r) => where[r]);
}

/**
 * Reads a classification written by `tierwise classify` (JSON: `customers[].customer/tier/value`;
 * CSV or xlsx: the Customer, Tier/Segment and Value/Monetary columns, English or Chinese headers;
 * xlsx: every Customers sheet).
 *
 * @example
 * (await readSnapshot("before.json")).tiers.get("12346"); // "A"
 */
export async function readSnapshot(file: string): Promise<Snapshot> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    if (!existsSync(file)) throw new CliError(`${file}: no such file`);
    return fromXlsx(file);
  }
  if (ext === '.json') return fromJson(file, readText(file));
  if (ext === '.csv' || ext === '.txt') return fromCsv(file, readCsvText(file));
  throw new CliError(`${file}: a previous classification must be the .json, .csv or .xlsx output of tierwise classify`);
}

/** Playbook CSV columns: engine field, header. */
const PLAYBOOK_COLUMNS = [
  ['key', 'Tier'],
  ['label.en', 'Label'],
  ['label.zh', 'Label (中文)'],
  ['strategy.en', 'Strategy'],
  ['strategy.zh', 'Strategy (中文)'],
  ['serviceLevel.en', 'Service level'],
  ['serviceLevel.zh', 'Service level (中文)'],
  ['cadenceDays', 'Contact every (days)'],
  ['owner', 'Owner'],
] as const;

/**
 * The playbook as CSV text (UTF-8 with BOM, CRLF), one row per tier.
 *
 * @example
 * playbookCsv(defaultPlaybook('abc')).split('\r\n')[0]; // "\uFEFFTier,Label,Label (中文),…"
 */
export function playbookCsv(rows: readonly PlaybookRow[]): string {
  const lines = [PLAYBOOK_COLUMNS.map(([, h]) => csvField(h)).join(',')];
  for (const r of rows) {
    lines.push([r.key, r.label.en, r.label.zh, r.strategy.en, r.strategy.zh, r.serviceLevel.en, r.serviceLevel.zh, r.cadenceDays, r.owner].map((v) => csvField(v)).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A table read from a file: its headers and a cell getter (trimmed text, undefined when blank). */
interface TextTable {
  headers: readonly string[];
  rows: number;
  text(column: number, row: number): string;
  /** Where row r is, for messages. */
  where(row: number): string;
}

async function playbookTable(file: string): Promise<TextTable> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') {
    const csv = parseCsv(readCsvText(file));
    return { headers: csv.headers, rows: csv.rows, text: (c, r) => csv.columns[c]?.[r] ?? '', where: (r) => `row ${r + 2}` };
  }
  if (ext !== '.xlsx') throw new CliError(`${file}: the playbook must be a .csv or .xlsx file (write one with tierwise playbook)`);
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new CliError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = wb.worksheets.find((w) => lower(w.name) === 'playbook' || w.name === '策略手册') ?? wb.worksheets[0];
  if (!ws) throw new CliError(`${file}: no worksheet found`);
  const width = ws.columnCount;
  const at = (r: number, c: number): string => {
    const v = cellOf(ws.getRow(r).getCell(c + 1).value);
    return v === null || v === undefined ? '' : String(v);
  };
  return {
    headers: Array.from({ length: width }, (_, c) => at(1, c).trim()),
    rows: Math.max(0, ws.rowCount - 1),
    text: (c, r) => at(r + 2, c),
    where: (r) => `sheet "${ws.name}" row ${r + 2}`,
  };
}

/**
 * Reads a playbook, CSV or xlsx (the columns {@link playbookCsv} writes; only "Tier" is required,
 * blank cells mean "not edited"). A cadence that is not a positive number is an error naming the row.
 *
 * @example
 * (await readPlaybook("playbook.csv"))[0]; // { key: "A", strategy: { en: "…", zh: "…" }, cadenceDays: 14, … }
 */
export async function readPlaybook(file: string): Promise<PlaybookEdit[]> {
  const table = await playbookTable(file);
  const index = new Map<string, number>(PLAYBOOK_COLUMNS.map(([id, h]) => [id, table.headers.findIndex((x) => lower(x) === lower(h))]));
  if ((index.get('key') ?? -1) < 0) throw new CliError(`${file}: no "Tier" column (write a playbook to start from with tierwise playbook --method M --out ${file})`);
  const cell = (id: string, r: number): string | undefined => {
    const i = index.get(id) ?? -1;
    const v = i < 0 ? undefined : table.text(i, r);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const rows: PlaybookEdit[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < table.rows; r++) {
    const key = cell('key', r);
    if (key === undefined) continue;
    if (seen.has(key)) throw new CliError(`${file}: ${table.where(r)}: tier "${key}" appears twice`);
    seen.add(key);
    const cadenceText = cell('cadenceDays', r);
    let cadenceDays: number | undefined;
    if (cadenceText !== undefined) {
      cadenceDays = parseNumberText(cadenceText);
      if (!Number.isInteger(cadenceDays) || cadenceDays < 1) throw new CliError(`${file}: ${table.where(r)}, column "Contact every (days)": "${cadenceText}" is not a whole number of days ≥ 1`);
    }
    rows.push({
      key,
      label: { en: cell('label.en', r), zh: cell('label.zh', r) },
      strategy: { en: cell('strategy.en', r), zh: cell('strategy.zh', r) },
      serviceLevel: { en: cell('serviceLevel.en', r), zh: cell('serviceLevel.zh', r) },
      cadenceDays,
      owner: cell('owner', r),
    });
  }
  return rows;
}
