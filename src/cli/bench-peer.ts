/**
 * The engine as a peer of `../shared/bench/peers/run.sh` (see its RESULTS.md, "Reference
 * semantics"): `node dist-cli/cli/bench-peer.js data.csv` reads the CSV with the CLI's own
 * streaming reader and column detection, runs RFM (rank-first quintiles, pandas-compatible) and
 * ABC through the same engine functions `tierwise classify` calls, and prints
 *
 *   summary peer=engine rows=… customers=… R=… F=… M=… ABC=A:…,B:…,C:… rfm_digest=… monetary_total=…
 *   timing parse_ms=… prep_ms=0 compute_ms=…
 *
 * parse_ms is the streaming read (encoding check, delimiter, header, the three columns in coded
 * form: ids interned on the way, amounts parsed) and their coercion to typed columns
 * (`transactionColumns`: dates to day numbers, or runs of one day for a log in date order) —
 * pandas' `read_csv` + `to_datetime`; compute_ms everything after the typed columns exist, as in
 * the reference: aggregation, the three scores and ABC. Like the reference, it scores R, F and M
 * and stops there: no RFM codes or segment names (`scoreRfm` adds those). Only the reader and the engine
 * are imported (no ExcelJS, no report), so the process starts fast.
 */
import { performance } from 'node:perf_hooks';
// the engine's modules one by one, not its index: a run loads no method it does not use
import { abcClasses } from '../engine/abc';
import { type Transactions, aggregateTransactions } from '../engine/aggregate';
import type { ColumnCells } from '../engine/coded-cells';
import { detectColumns } from '../engine/detect';
import { quantileScores } from '../engine/quantile';
import type { TableColumns } from '../engine/table';
import { transactionColumns } from '../engine/transactions';
import { openCsvStream } from './csv-stream-source';

/** What the peer prints, before formatting. */
export interface PeerSummary {
  rows: number;
  customers: number;
  R: string;
  F: string;
  M: string;
  ABC: string;
  rfmDigest: number;
  monetaryTotal: number;
}

/**
 * Runs the reference RFM + ABC computation on the columns as the CLI reads them: the same
 * coercion (`transactionColumns`) and aggregation (`aggregateTransactions`) `tierwise classify`
 * runs, with every row a transaction (returns "all", the reference semantics) and rank-first
 * quintiles.
 *
 * @example
 * const s = peerCompute({ customer: ["1", "2", "1"], date: ["2024-01-01", "2024-01-02", "2024-01-03"], amount: ["5", "3", "4"] });
 * s.customers; // 2
 */
export function peerCompute(columns: TableColumns | Transactions): PeerSummary {
  const tx = isTyped(columns) ? columns : peerTyped(columns);
  const c = aggregateTransactions(tx, { returns: 'all' });
  const rScores = quantileScores(c.recency, { bins: 5, ties: 'first', descending: true }).scores;
  const fScores = quantileScores(c.frequency, { bins: 5, ties: 'first' }).scores;
  const monetary = quantileScores(c.monetary, { bins: 5, ties: 'first' });
  const mScores = monetary.scores;
  const abc = abcClasses(c.monetary, { ties: 'first', rule: 'within', order: monetary.order });
  const n = c.keys.length;
  // one pass for the checksums: score counts per measure (bins 1…5 at 0…4, 5…9, 10…14), ABC tally, digest
  const tally = new Int32Array(18);
  const { keys } = c;
  // the ids as numbers, as the reader had them (else read from the texts)
  const ids = c.numericKeys ?? Float64Array.from(keys, Number);
  const classes = abc.classes;
  let digest = 0;
  for (let i = 0; i < n; i++) {
    const r = rScores[i];
    const f = fScores[i];
    const m = mScores[i];
    tally[r - 1]++;
    tally[4 + f]++;
    tally[9 + m]++;
    tally[15 + classes[i]]++;
    digest += ids[i] * (r * 100 + f * 10 + m);
  }
  return {
    rows: c.rowsUsed,
    customers: n,
    R: tally.slice(0, 5).join(','),
    F: tally.slice(5, 10).join(','),
    M: tally.slice(10, 15).join(','),
    ABC: `A:${tally[15]},B:${tally[16]},C:${tally[17]}`,
    rfmDigest: digest,
    monetaryTotal: abc.cuts.total,
  };
}

function isTyped(c: TableColumns | Transactions): c is Transactions {
  // typed columns have `reasons` (null or one per row); reading `values` could build them (see NumberColumn.runs)
  return (c as Transactions).date?.reasons !== undefined;
}

/**
 * The typed columns (`transactionColumns`, as `tierwise classify` coerces them): customer codes,
 * dates as day numbers, amounts as numbers — what pandas has after `read_csv` and `to_datetime`.
 *
 * @example
 * peerTyped(readPeerColumns("tx.csv")).date.values[0]; // 19358
 */
export function peerTyped(columns: TableColumns): Transactions {
  return transactionColumns(columns, { method: 'rfm' }).tx;
}

/**
 * Reads a transaction CSV as `tierwise classify` does: the streaming reader, the engine's column
 * detection (what `chooseColumns` runs for a transaction log without flags), and only the three
 * needed columns loaded (the amount parsed as numbers on the way).
 *
 * @example
 * readPeerColumns("tx_1000000.csv").customer.length; // 1000000
 */
export function readPeerColumns(path: string): TableColumns {
  const source = openCsvStream(path);
  const m = detectColumns(source.headers, source.sample).mapping;
  if (m.customer === undefined || m.date === undefined || m.amount === undefined) throw new Error(`${path}: no customer, date and amount columns found`);
  const { columns } = source.load([m.customer, m.date, m.amount], [m.amount]);
  const col = (i: number): ColumnCells => columns.get(i) as ColumnCells;
  return { customer: col(m.customer), date: col(m.date), amount: col(m.amount) };
}

/**
 * Formats the two lines run.sh reads.
 *
 * @example
 * peerLines(summary, 90.1, 21.4)[1]; // "timing parse_ms=90.1 prep_ms=0 compute_ms=21.4"
 */
export function peerLines(s: PeerSummary, parseMs: number, computeMs: number): [string, string] {
  return [
    `summary peer=engine rows=${s.rows} customers=${s.customers} R=${s.R} F=${s.F} M=${s.M} ABC=${s.ABC} ` +
      `rfm_digest=${s.rfmDigest} monetary_total=${s.monetaryTotal.toFixed(2)}`,
    `timing parse_ms=${parseMs.toFixed(1)} prep_ms=0 compute_ms=${computeMs.toFixed(1)}`,
  ];
}

function run(argv: string[]): number {
  const path = argv[argv.length - 1];
  if (!path || argv.length < 1) {
    process.stderr.write('usage: node dist-cli/cli/bench-peer.js data.csv\n');
    return 2;
  }
  const t0 = performance.now();
  const tx = peerTyped(readPeerColumns(path));
  const t1 = performance.now();
  const summary = peerCompute(tx);
  const t2 = performance.now();
  process.stdout.write(peerLines(summary, t1 - t0, t2 - t1).join('\n') + '\n');
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench-peer: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
