/**
 * `tierwise verify <input> --sample result.csv`: compares a per-customer result exported from any
 * engine (the SQL of `tierwise sql` run on a warehouse, or another tool) with the engine's own
 * answer for the same input and flags, customer by customer.
 */
import { readFileSync } from 'node:fs';
import { type TableResult, methodById } from '../engine';
import type { ClassifyArgs } from './args';
import { type CommandIo, resultOf } from './classify-command';
import { parseCsv, sniffDelimiter } from './csv-read';
import { CliError } from './errors';

/** The columns a result may have (the keys of the CLI's JSON and of `tierwise sql`). */
const CHECKED = ['recency', 'frequency', 'monetary', 'r', 'f', 'm', 'score', 'tier', 'segment'] as const;
type Checked = (typeof CHECKED)[number];

/** One difference between the sample and the engine. */
export interface Difference {
  customer: string;
  column: string;
  sample: string;
  engine: string;
}

/** What `verify` found. */
export interface Verdict {
  checked: number;
  customers: number;
  columns: string[];
  differences: Difference[];
}

/** The engine's value of a column for customer i, as text. */
function engineValues(result: TableResult): (column: Checked, i: number) => string | undefined {
  const c = result.classification;
  const cust = result.customers;
  const tierColumn = methodById(c.method).tierColumn.id;
  const extra = new Map(c.columns.map((col) => [col.json ?? col.id, col.values]));
  return (column, i) => {
    if (column === 'tier' || column === tierColumn) return c.tiers[c.tierIndex[i]]?.key ?? '';
    if (column === 'recency' || column === 'frequency' || column === 'monetary') return cust ? String(cust[column][i]) : undefined;
    const values = extra.get(column);
    return values ? String(values[i] ?? '') : undefined;
  };
}

/** Whether a sample value equals the engine's: numbers numerically at the sample's printed decimals, text exactly. */
function same(column: Checked, sample: string, engine: string): boolean {
  const s = sample.trim();
  if (column === 'tier' || column === 'segment') return s === engine || (s === '' && engine === '') || (/^null$/i.test(s) && engine === '');
  const x = Number(s);
  const y = Number(engine);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  if (column !== 'monetary') return x === y;
  const decimals = (/\.(\d+)$/.exec(s)?.[1].length ?? 0);
  return Math.abs(x - y) <= 0.5 * 10 ** -decimals + Math.abs(y) * 1e-12;
}

/**
 * Compares a result CSV (header `customer` plus any of recency, frequency, monetary, r, f, m,
 * score, tier, segment) with the engine's result.
 *
 * @example
 * compareResult(result, "customer,tier\n12346,A\n"); // { checked: 1, customers: 4338, columns: ["tier"], differences: [] }
 */
export function compareResult(result: TableResult, csv: string, file = 'sample'): Verdict {
  const table = parseCsv(csv, { delimiter: sniffDelimiter(csv) });
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const at = headers.indexOf('customer');
  if (at < 0) throw new CliError(`${file}: no "customer" column (found ${table.headers.join(', ')})`);
  const columns = CHECKED.filter((c) => headers.includes(c));
  if (columns.length === 0) throw new CliError(`${file}: nothing to compare: give one of ${CHECKED.join(', ')}`);
  const keys = result.classification.keys;
  const index = new Map(keys.map((k, i) => [k, i]));
  const value = engineValues(result);
  const differences: Difference[] = [];
  const seen = new Set<string>();
  for (let row = 0; row < table.rows; row++) {
    const customer = (table.columns[at] as string[])[row];
    if (seen.has(customer)) throw new CliError(`${file}: row ${row + 2}: customer ${customer} appears twice`);
    seen.add(customer);
    const i = index.get(customer);
    if (i === undefined) {
      differences.push({ customer, column: 'customer', sample: customer, engine: '(no such customer)' });
      continue;
    }
    for (const column of columns) {
      const s = (table.columns[headers.indexOf(column)] as string[])[row];
      const e = value(column, i);
      if (e === undefined) throw new CliError(`${file}: the ${result.classification.method} result has no column "${column}"`);
      if (!same(column, s, e)) differences.push({ customer, column, sample: s, engine: e });
    }
  }
  return { checked: table.rows, customers: keys.length, columns, differences };
}

/**
 * Runs `verify`: 0 when every sampled customer equals the engine's answer, 1 otherwise.
 *
 * @example
 * await runVerify(parseArgs(["verify", "sales.csv", "--sample", "warehouse.csv"]).args, "warehouse.csv", io); // 0
 */
export async function runVerify(args: ClassifyArgs, sample: string, io: CommandIo): Promise<number> {
  let csv: string;
  try {
    csv = readFileSync(sample, 'utf8');
  } catch {
    throw new CliError(`${sample}: no such file`);
  }
  const { result } = await resultOf(args, io);
  const v = compareResult(result, csv, sample);
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const what = `${fmt(v.checked)} of ${fmt(v.customers)} customers (${v.columns.join(', ')})`;
  if (v.differences.length === 0) {
    io.stdout.write(`tierwise: verify: ${what}: all equal to the engine\n`);
    return 0;
  }
  const lines = v.differences.slice(0, 20).map((d) => `  customer ${d.customer}: ${d.column}: sample ${d.sample}, engine ${d.engine}`);
  const more = v.differences.length > 20 ? [`  … and ${fmt(v.differences.length - 20)} more`] : [];
  io.stdout.write([`tierwise: verify: ${what}: ${fmt(v.differences.length)} differences`, ...lines, ...more].join('\n') + '\n');
  return 1;
}
