/**
 * The engine as a peer of `../shared/bench/peers/run.sh` (see its RESULTS.md, "Reference
 * semantics"): `node dist-cli/cli/bench-peer.js data.csv` reads `customer_id,invoice_date,amount`,
 * runs RFM (rank-first quintiles, pandas-compatible) and ABC through the engine and prints
 *
 *   summary peer=engine rows=… customers=… R=… F=… M=… ABC=A:…,B:…,C:… rfm_digest=… monetary_total=…
 *   timing parse_ms=… prep_ms=0 compute_ms=…
 *
 * compute_ms covers everything after the typed columns exist: id encoding (the counterpart of
 * pandas' groupby factorization), aggregation, the three scores and ABC. Like the reference, it
 * scores R, F and M and stops there: no RFM codes or segment names (`scoreRfm` adds those).
 * Only the engine is imported (no ExcelJS, no report), so the process starts fast.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { abcClasses, aggregateNumericIds, aggregateTransactions, numericKeyColumn, quantileScores } from '../engine';
import { parseTxBytes } from './tx-bytes';

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
 * Runs the reference RFM + ABC computation on typed transaction columns.
 *
 * @example
 * const s = peerCompute(new Float64Array([1, 2, 1]), new Float64Array([0, 1, 2]), new Float64Array([5, 3, 4]));
 * s.customers; // 2
 */
export function peerCompute(ids: Int32Array | Float64Array, days: Int32Array | Float64Array, amounts: Float64Array): PeerSummary {
  const c =
    aggregateNumericIds(ids, days, amounts, { returns: 'all' }) ??
    aggregateTransactions(
      { customer: numericKeyColumn(Float64Array.from(ids)), date: { values: Float64Array.from(days), reasons: null }, amount: { values: amounts, reasons: null } },
      { returns: 'all' },
    );
  const rScores = quantileScores(c.recency, { bins: 5, ties: 'first', descending: true }).scores;
  const fScores = quantileScores(c.frequency, { bins: 5, ties: 'first' }).scores;
  const monetary = quantileScores(c.monetary, { bins: 5, ties: 'first' });
  const mScores = monetary.scores;
  const abc = abcClasses(c.monetary, { ties: 'first', rule: 'within', order: monetary.order });
  const n = c.keys.length;
  // one pass for the checksums: score counts per measure (bins 1…5 at 0…4, 5…9, 10…14), ABC tally, digest
  const tally = new Array<number>(18).fill(0);
  let digest = 0;
  for (let i = 0; i < n; i++) {
    const r = rScores[i];
    const f = fScores[i];
    const m = mScores[i];
    tally[r - 1]++;
    tally[4 + f]++;
    tally[9 + m]++;
    tally[15 + abc.classes[i]]++;
    digest += Number(c.keys[i]) * (r * 100 + f * 10 + m);
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
  const tx = parseTxBytes(readFileSync(path));
  const t1 = performance.now();
  const summary = peerCompute(tx.ids, tx.days, tx.amounts);
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
