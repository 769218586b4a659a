/**
 * The row pass of `accumulate.ts` in WebAssembly (source: `wasm/accumulate.wat`).
 *
 * Why: the JavaScript loop over a million rows starts in V8's interpreter and runs compiled
 * only once V8 has compiled it on the side (on 2 cores, some 5–10 ms in); a WebAssembly module
 * is compiled before it runs, so the loop runs at compiled speed from its first row. The rows
 * are copied into the module's memory a block at a time (16,384 rows: the block stays in
 * cache and the memory stays small); the per-customer sums live there for the whole pass.
 * Where WebAssembly is missing or refused (a content policy), the JavaScript loop runs instead.
 */
import type { AccumulateRows, PurchaseRule, RowSums } from './accumulate';
import type { ValueRuns } from './columns';
import { ACCUMULATE_WASM } from './wasm/accumulate-bytes';

/** Rows copied into the module's memory per call. */
const BLOCK = 16384;
/** Above this the module's memory (32-bit addresses) is not used: the JavaScript loop runs. */
const MAX_BYTES = 2 ** 31;
const PAGE = 65536;

/** Flags of the module's `accumulate` (see the .wat). */
const NET = 1;
const COUNT_ROWS = 2;
const HAS_KEEP = 4;
const HAS_CANCEL = 8;
const DAY_PER_ROW = 16;

/** The part of the WebAssembly API used here (typed locally: the CLI's build has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
type AccumulateFn = (...args: number[]) => number;

let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly is missing or refused. */
function accumulateModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    compiled = api ? new api.Module(ACCUMULATE_WASM) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * {@link accumulateRows} in WebAssembly; null when it cannot run here (no WebAssembly, or more
 * customers than its memory holds) — the caller then runs the JavaScript loop. `blockRows`: rows
 * copied in per call (tests pass small blocks to cut runs at block edges).
 *
 * @example
 * accumulateRowsWasm(rows, rule, sums) ?? accumulateRowsJs(rows, rule, sums);
 */
export function accumulateRowsWasm(rows: AccumulateRows, rule: PurchaseRule, sums: RowSums, blockRows = BLOCK): number | null {
  const module = accumulateModule();
  const k = sums.seen.length;
  const n = rows.cust.length;
  const block = Math.min(blockRows, Math.max(n, 1));
  // memory: the sums as arrays (4 × 8 + 1 bytes per customer) and as records (40), then one block of rows
  const at = layout(k, block);
  if (module === null || at.end > MAX_BYTES) return null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  let exports: Record<string, unknown>;
  try {
    exports = new api.Instance(module, {}).exports;
    (exports.memory as { grow(pages: number): number }).grow(Math.ceil(at.end / PAGE) - 1);
  } catch {
    return null; // no memory for an instance (each reserves address space): the JavaScript loop needs none
  }
  const memory = exports.memory as { buffer: ArrayBuffer };
  const accumulate = exports.accumulate as AccumulateFn;
  const buf = memory.buffer;
  // the sums in, as one array each, then as one record per customer (see the .wat)
  const first = new Float64Array(buf, at.first, k);
  const last = new Float64Array(buf, at.last, k);
  const money = new Float64Array(buf, at.money, k);
  const freq = new Float64Array(buf, at.freq, k);
  const seen = new Uint8Array(buf, at.seen, k);
  first.set(sums.first);
  last.set(sums.last);
  money.set(sums.money);
  freq.set(sums.freq);
  seen.set(sums.seen);
  (exports.fromColumns as AccumulateFn)(k, at.first, at.last, at.money, at.freq, at.seen, at.records);
  const cust = new Int32Array(buf, at.cust, block);
  const amounts = new Float64Array(buf, at.amounts, block);
  const days = new Float64Array(buf, at.days, block);
  const lens = new Int32Array(buf, at.lens, block);
  const keep = new Uint8Array(buf, at.keep, block);
  const cancel = new Uint8Array(buf, at.cancel, block);
  const { keep: keepRows, amounts: amountRows } = rows;
  const cancelRows = rule.net ? rule.cancelledRow : null;
  const perRow = rows.days instanceof Float64Array ? rows.days : null;
  const runs = perRow === null ? new RunCursor(rows.days as ValueRuns) : null;
  const flags =
    (rule.net ? NET : 0) | (rule.countRows ? COUNT_ROWS : 0) | (keepRows ? HAS_KEEP : 0) | (cancelRows ? HAS_CANCEL : 0) | (perRow ? DAY_PER_ROW : 0);
  let maxDay = -Infinity;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    cust.set(rows.cust.subarray(start, end));
    amounts.set(amountRows.subarray(start, end));
    if (keepRows) keep.set(keepRows.subarray(start, end));
    if (cancelRows) cancel.set(cancelRows.subarray(start, end));
    let nRuns = 0;
    if (perRow) days.set(perRow.subarray(start, end));
    else nRuns = (runs as RunCursor).take(end - start, lens, days);
    try {
      maxDay = accumulate(at.cust, at.amounts, at.days, at.lens, nRuns, end - start, at.keep, at.cancel, flags, rule.unitScale, at.records, k, maxDay);
    } catch (e) {
      throw new Error(`internal: a customer code outside 0…${k - 1} in rows ${start + 1}–${end} (${(e as Error).message})`);
    }
  }
  (exports.toColumns as AccumulateFn)(k, at.records, at.first, at.last, at.money, at.freq, at.seen);
  sums.first.set(first);
  sums.last.set(last);
  sums.money.set(money);
  sums.freq.set(freq);
  sums.seen.set(seen);
  return maxDay;
}

/** Byte offsets in the module's memory (8-byte aligned). */
function layout(k: number, block: number): Record<'first' | 'last' | 'money' | 'freq' | 'seen' | 'records' | 'cust' | 'amounts' | 'days' | 'lens' | 'keep' | 'cancel' | 'end', number> {
  let at = 0;
  const take = (bytes: number): number => {
    const p = at;
    at += Math.ceil(bytes / 8) * 8;
    return p;
  };
  const first = take(8 * k);
  const last = take(8 * k);
  const money = take(8 * k);
  const freq = take(8 * k);
  const seen = take(k);
  const records = take(40 * k);
  const cust = take(4 * block);
  const amounts = take(8 * block);
  const days = take(8 * block);
  const lens = take(4 * block);
  const keep = take(block);
  const cancel = take(block);
  return { first, last, money, freq, seen, records, cust, amounts, days, lens, keep, cancel, end: at };
}

/** Walks runs of one day a block at a time, cutting a run at a block's end. */
class RunCursor {
  private r = 0;
  private left: number;
  constructor(private readonly runs: ValueRuns) {
    this.left = runs.lengths.length > 0 ? runs.lengths[0] : 0;
  }

  /** Writes the next `rows` rows' runs (length, day) into lens/days; returns how many runs. */
  take(rows: number, lens: Int32Array, days: Float64Array): number {
    const { lengths, values } = this.runs;
    let count = 0;
    while (rows > 0 && this.r < lengths.length) {
      if (this.left === 0) {
        this.r++;
        this.left = this.r < lengths.length ? lengths[this.r] : 0;
        continue;
      }
      const t = Math.min(this.left, rows);
      lens[count] = t;
      days[count++] = values[this.r];
      rows -= t;
      this.left -= t;
    }
    return count;
  }
}
