/**
 * A byte-level reader for the benchmark's 3-column transaction CSV
 * (`customer_id,invoice_date,amount`: integer id, ISO date, decimal amount) straight into typed
 * arrays. It exists for `bench-peer.ts`; the general CLI reader is `csv.ts`.
 */
import { dayNumber } from '../engine';

/**
 * The three columns as typed arrays: ids as 32-bit integers (64-bit floats if one does not fit),
 * dates as day numbers.
 */
export interface TxColumns {
  rows: number;
  ids: Int32Array | Float64Array;
  days: Int32Array;
  amounts: Float64Array;
}

const INT32_MAX = 2 ** 31 - 1;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const COMMA = 44;
const LF = 10;
const CR = 13;

function fail(row: number, what: string): never {
  throw new Error(`row ${row + 2}: ${what} (expected customer_id,YYYY-MM-DD,amount)`);
}

/**
 * Parses `customer_id,invoice_date,amount` bytes (header line first) into typed columns.
 * Throws naming the row on anything else.
 *
 * @example
 * const tx = parseTxBytes(Buffer.from("customer_id,invoice_date,amount\n100001,2024-01-31,-12.50\n"));
 * tx.ids[0]; // 100001
 * tx.days[0]; // 19753
 * tx.amounts[0]; // -12.5
 */
export function parseTxBytes(buf: Uint8Array): TxColumns {
  const len = buf.length;
  let p = buf.indexOf(LF) + 1;
  if (p === 0) p = len;
  let cap = Math.max(1024, Math.ceil(len / 20));
  let ids: Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> = new Int32Array(cap);
  let days = new Int32Array(cap);
  let amounts = new Float64Array(cap);
  const dayCache = new Map<number, number>();
  let n = 0;
  while (p < len) {
    if (buf[p] === LF || buf[p] === CR) {
      p++;
      continue;
    }
    if (n === cap) {
      cap *= 2;
      ids = grow(ids, cap);
      days = grow(days, cap);
      amounts = grow(amounts, cap);
    }
    let id = 0;
    let ch = buf[p];
    const idStart = p;
    while (ch >= 48 && ch <= 57) {
      id = id * 10 + (ch - 48);
      ch = buf[++p];
    }
    if (ch !== COMMA || p === idStart) fail(n, 'customer_id is not a whole number');
    if (id > INT32_MAX && ids instanceof Int32Array) ids = grow(new Float64Array(0), cap, ids);
    p++;
    const y = (buf[p] - 48) * 1000 + (buf[p + 1] - 48) * 100 + (buf[p + 2] - 48) * 10 + (buf[p + 3] - 48);
    const mo = (buf[p + 5] - 48) * 10 + (buf[p + 6] - 48);
    const d = (buf[p + 8] - 48) * 10 + (buf[p + 9] - 48);
    if (buf[p + 4] !== 45 || buf[p + 7] !== 45 || buf[p + 10] !== COMMA || !(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y >= 0)) {
      fail(n, 'invoice_date is not YYYY-MM-DD');
    }
    const key = y * 372 + mo * 31 + d;
    let day = dayCache.get(key);
    if (day === undefined) {
      day = dayNumber(y, mo, d);
      dayCache.set(key, day);
    }
    p += 11;
    let neg = false;
    if (buf[p] === 45) {
      neg = true;
      p++;
    }
    let ip = 0;
    let fp = 0;
    let fd = 0;
    const numStart = p;
    ch = buf[p];
    while (ch >= 48 && ch <= 57) {
      ip = ip * 10 + (ch - 48);
      ch = buf[++p];
    }
    if (ch === 46) {
      ch = buf[++p];
      while (ch >= 48 && ch <= 57) {
        fp = fp * 10 + (ch - 48);
        fd++;
        ch = buf[++p];
      }
    }
    if (p === numStart || fd >= POW10.length || (p < len && ch !== LF && ch !== CR)) fail(n, 'amount is not a decimal number');
    const v = fd === 0 ? ip : (ip * POW10[fd] + fp) / POW10[fd];
    ids[n] = id;
    days[n] = day;
    amounts[n] = neg ? -v : v;
    n++;
  }
  return { rows: n, ids: ids.subarray(0, n), days: days.subarray(0, n), amounts: amounts.subarray(0, n) };
}

/** A copy of `from` in a new array like `like` (same element type) with room for `cap` items. */
function grow<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(like: T, cap: number, from: ArrayLike<number> = like): T {
  const b = new (like.constructor as new (n: number) => T)(cap);
  b.set(from);
  return b;
}
