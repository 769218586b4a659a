/**
 * Columns built from CSV bytes as a streaming reader meets them, without a string per row: key
 * and date text interned into codes ({@link DictBuilder}), number text parsed on the way
 * ({@link NumberBuilder}). Typed arrays grow by half again when full.
 */
import { type DictCells, type NumberCells, plainText } from '../engine/coded-cells';

/** Something that takes one field per row. */
export interface ColumnBuilder {
  /** The field is `buf[start, end)` (UTF-8). */
  add(buf: Uint8Array, start: number, end: number): void;
  /** The field as text (a quoted field, a filled-in blank). */
  addText(text: string): void;
}

const EMPTY = Buffer.alloc(0);
const LF = 10;
const CR = 13;

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  return b;
}

/**
 * Interns byte strings into codes: one entry per distinct value and its first row.
 *
 * @example
 * const d = new ByteDict(); d.code(Buffer.from("ab"), 0, 2, 0); // 0
 */
export class ByteDict {
  /** Bytes of the distinct values, back to back. */
  private arena = new Uint8Array(1024);
  private used = 0;
  private starts = new Int32Array(64);
  private hashes = new Int32Array(64);
  private table = new Int32Array(256).fill(-1);
  firsts = new Float64Array(64);
  size = 0;

  /** The code of `buf[start, end)`, adding it (first seen on `row`) when new. */
  code(buf: Uint8Array, start: number, end: number, row: number): number {
    const len = end - start;
    return this.codeOfKey(len > 0 && len <= 10 ? intKey(buf, start, len) : -1, buf, start, end, row);
  }

  /** {@link code} when the text's {@link intKey} is known (-1: it has none). */
  codeOfKey(key: number, buf: Uint8Array, start: number, end: number, row: number): number {
    if (key >= 0) return this.intCode(key, buf, start, end, row);
    const len = end - start;
    // as a signed 32-bit value, like every hash the loop makes and the table stores (an empty text has no loop)
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const c = this.table[slot];
      if (c < 0) break;
      if (this.hashes[c] === h && this.same(c, buf, start, len)) return c;
      slot = (slot + 1) & mask;
    }
    const c = this.append(buf, start, end, row);
    this.hashes[c] = h;
    this.table[slot] = c;
    if (this.size * 2 > this.table.length) this.table = rehash(this.table.length * 2, this.size, (k) => (this.intKeys[k] < 0 ? this.hashes[k] : null));
    return c;
  }

  private same(c: number, buf: Uint8Array, start: number, len: number): boolean {
    const s = this.starts[c];
    if (this.starts[c + 1] - s !== len) return false;
    for (let k = 0; k < len; k++) if (this.arena[s + k] !== buf[start + k]) return false;
    return true;
  }

  /** Short texts that are a whole number or a fixed-width date, looked up by their integer key (no byte comparison). */
  private intCode(key: number, buf: Uint8Array, start: number, end: number, row: number): number {
    if (key === this.lastKey) return this.lastCode;
    const mask = this.intTable.length - 1;
    let slot = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask;
    for (;;) {
      const c = this.intTable[slot];
      if (c < 0) break;
      if (this.intKeys[c] === key) {
        this.lastKey = key;
        this.lastCode = c;
        return c;
      }
      slot = (slot + 1) & mask;
    }
    const c = this.append(buf, start, end, row);
    this.intKeys[c] = key;
    this.intTable[slot] = c;
    this.intUsed++;
    if (this.intUsed * 2 > this.intTable.length) {
      const keys = this.intKeys;
      this.intTable = rehash(this.intTable.length * 2, this.size, (k) => (keys[k] >= 0 ? Math.imul(keys[k] ^ (keys[k] >>> 15), 0x2c1b3c6d) : null));
    }
    this.lastKey = key;
    this.lastCode = c;
    return c;
  }

  private lastKey = -1;
  private lastCode = -1;
  private intUsed = 0;
  private intKeys = new Int32Array(64).fill(-1);
  private intTable = new Int32Array(256).fill(-1);

  /** Adds a distinct value; returns its code. */
  private append(buf: Uint8Array, start: number, end: number, row: number): number {
    const c = this.size++;
    const len = end - start;
    this.arena = grown(this.arena, this.used + len);
    this.arena.set(buf.subarray(start, end), this.used);
    this.starts = grown(this.starts, c + 2);
    this.hashes = grown(this.hashes, c + 1);
    this.firsts = grown(this.firsts, c + 1);
    if (this.intKeys.length < c + 1) {
      const k = grown(this.intKeys, c + 1);
      k.fill(-1, this.intKeys.length);
      this.intKeys = k;
    }
    this.starts[c] = this.used;
    this.used += len;
    this.starts[c + 1] = this.used;
    this.firsts[c] = row;
    return c;
  }

  /**
   * The distinct values as numbers when each is a whole number of at most 9 digits without a
   * leading zero (a text JavaScript's `String` gives back for its number), else null.
   */
  wholeNumbers(): Float64Array | null {
    const out = new Float64Array(this.size);
    const keys = this.intKeys;
    for (let c = 0; c < this.size; c++) {
      const k = keys[c];
      if (k < 0 || k >= 1e9) return null;
      out[c] = k;
    }
    return out;
  }

  /** The distinct values as text, in order of first appearance. */
  texts(): string[] {
    return this.textsFrom(0);
  }

  /** The distinct values from code `start` on, as text. */
  textsFrom(start: number): string[] {
    const out = new Array<string>(Math.max(0, this.size - start));
    const b = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.used);
    for (let c = start; c < this.size; c++) out[c - start] = b.toString('utf8', this.starts[c], this.starts[c + 1]);
    return out;
  }
}

/** A column read block by block, as far as it has been read: what a fold needs between blocks. */
export interface ColumnSoFar {
  /** The column over the rows read so far, without its rows (see `survey()` of the builders). */
  survey(): DictCells | NumberCells;
  /** The distinct texts from code `start` on (a number column's: its non-plain texts). */
  textsFrom(start: number): string[];
}

/**
 * A text column as codes into its distinct values.
 *
 * @example
 * const b = new DictBuilder(); b.addText("x"); b.addText("x"); b.cells().values; // ["x"]
 */
export class DictBuilder implements ColumnBuilder, ColumnSoFar {
  private dict = new ByteDict();
  private codes: Int32Array;
  private n = 0;

  /** Rows handed over by {@link drain} before the current block. */
  private drained = 0;

  /** `blocks`: rows are handed over block by block ({@link drain}), so every code is written. */
  constructor(capacity = 1024, blocks = false) {
    this.codes = new Int32Array(capacity);
    if (blocks) this.rising = false;
  }

  add(buf: Uint8Array, start: number, end: number): void {
    if (this.n === this.codes.length) this.codes = grown(this.codes, this.n + 1);
    const code = this.counted(this.dict.code(buf, start, end, this.n));
    if (!this.rising) this.codes[this.n] = code;
    this.n++;
  }

  /** Rows per code, counted as rows come (a pass over the codes afterwards would run cold). */
  private counts = new Float64Array(64);
  /**
   * Whether the codes so far never went down (a log in date order has its date codes so). While
   * they do not, they are not written: code c holds the `counts[c]` rows after those of the codes
   * before it (see {@link writeRuns}), which spares a date column its array of codes.
   */
  private rising = true;
  private lastCode = 0;

  /** Counts a row of `code` (before it is written, if it is); returns the code. */
  private counted(code: number): number {
    if (code < this.lastCode && this.rising) {
      this.writeRuns();
      this.rising = false;
    }
    if (code === this.counts.length) this.counts = grown(this.counts, code + 1);
    this.counts[code]++;
    this.lastCode = code;
    return code;
  }

  /** Writes the codes of the rows so far from their runs (while `rising`, nothing was written). */
  private writeRuns(): void {
    let at = 0;
    for (let c = 0; at < this.n; c++) {
      this.codes.fill(c, at, at + this.counts[c]);
      at += this.counts[c];
    }
  }

  private scanned = { start: 0, end: 0, key: -1 };

  /**
   * Finds the end of the unquoted field at `p` (the first delimiter or line break, or `len`),
   * working out its integer key on the way (see {@link intKey}); {@link addScanned} adds it.
   * Whole numbers and fixed-width dates are thus read once, not found and then read again. A
   * field that reaches `len` is not whole and must not be added (it may be left unnoted).
   */
  scan(buf: Uint8Array, p: number, len: number, delim: number): number {
    const s = p;
    let v = 0;
    let ch = buf[p];
    // stops at len: buf[len] is not a digit (the scanner's sentinel; undefined past the end of buf)
    while (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
      ch = buf[++p];
    }
    const digits = p - s;
    let key = -1;
    if (p >= len || ch === delim || ch === LF || ch === CR) {
      if (digits > 0 && digits <= 9 && (digits === 1 || buf[s] !== 48)) key = v;
    } else {
      if (digits === 4 && (ch === 45 || ch === 47 || ch === 46)) {
        // a date cut by the end of the bytes: the record is not whole here (the caller reads it again
        // with the next chunk); returned at once rather than through the search below, which V8
        // would otherwise meet for the first time only at a chunk's end, and recompile the scan for
        if (s + 10 > len) return len;
        key = dateKey(buf, s, len, v, delim);
      }
      if (key >= 0) p = s + 10;
      else while (p < len && (ch = buf[p]) !== delim && ch !== LF && ch !== CR) p++;
    }
    const f = this.scanned;
    f.start = s;
    f.end = p;
    f.key = key;
    return p;
  }

  /**
   * Adds the field the last {@link scan} found (`buf` as it was then). The same four steps as
   * {@link add}, kept apart on purpose: one shared method changed what V8 inlined into the
   * record loop and cost 30 ms on a million rows.
   */
  addScanned(buf: Uint8Array): void {
    if (this.n === this.codes.length) this.codes = grown(this.codes, this.n + 1);
    const f = this.scanned;
    const code = this.counted(this.dict.codeOfKey(f.key, buf, f.start, f.end, this.n));
    if (!this.rising) this.codes[this.n] = code;
    this.n++;
  }

  addText(text: string): void {
    const b = text === '' ? EMPTY : Buffer.from(text, 'utf8');
    this.add(b, 0, b.length);
  }

  /**
   * The codes of the rows added since the last drain (a view, valid until the next row is added),
   * and a new block begins; the distinct values and their counts go on over all blocks. Only for
   * a builder made with `blocks`.
   */
  drain(): Int32Array {
    if (this.rising) throw new Error('internal: drain() needs a DictBuilder made for blocks');
    const out = this.codes.subarray(0, this.n);
    this.drained += this.n;
    this.n = 0;
    return out;
  }

  /** The distinct values from code `start` on. */
  textsFrom(start: number): string[] {
    return this.dict.textsFrom(start);
  }

  /** The distinct values and counts over every row, when the rows went block by block (no codes). */
  survey(): DictCells {
    const numbers = this.dict.wholeNumbers();
    return {
      kind: 'dict',
      length: this.drained + this.n,
      get codes(): Int32Array {
        throw new Error('internal: a survey keeps no rows');
      },
      values: this.dict.texts(),
      counts: this.counts.subarray(0, this.dict.size),
      ...(numbers ? { numbers } : {}),
    };
  }

  cells(): DictCells {
    const numbers = this.dict.wholeNumbers();
    // codes that never went down are written now, when asked for (a date column's never are)
    let codes: Int32Array | undefined;
    const written = (): Int32Array => {
      if (this.rising) this.writeRuns();
      return this.codes.subarray(0, this.n);
    };
    return {
      kind: 'dict',
      length: this.n,
      get codes(): Int32Array {
        return (codes ??= written());
      },
      values: this.dict.texts(),
      counts: this.counts.subarray(0, this.dict.size),
      ascending: this.rising,
      ...(numbers ? { numbers } : {}),
    };
  }
}

/**
 * An open-addressing table of `size` slots over codes 0…count-1 placed by `hashOf` (codes it
 * gives null for belong to the other table and are left out).
 */
function rehash(size: number, count: number, hashOf: (code: number) => number | null): Int32Array<ArrayBuffer> {
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let c = 0; c < count; c++) {
    const h = hashOf(c);
    if (h === null) continue;
    let slot = h & mask;
    while (table[slot] >= 0) slot = (slot + 1) & mask;
    table[slot] = c;
  }
  return table;
}

/**
 * An integer that stands for a short text and for no other: a whole number of at most 9 digits
 * without a leading zero (itself), or a date `dddd-dd-dd` (also with `/` or `.`) as 10^9 +
 * separator · 10^8 + the digits; -1 for any other text.
 */
function intKey(buf: Uint8Array, start: number, len: number): number {
  let v = 0;
  if (len <= 9) {
    if (len > 1 && buf[start] === 48) return -1;
    for (let i = start; i < start + len; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }
  const sep = buf[start + 4];
  if (buf[start + 7] !== sep) return -1;
  const kind = sep === 45 ? 0 : sep === 47 ? 1 : sep === 46 ? 2 : -1;
  if (kind < 0) return -1;
  for (let i = start; i < start + 10; i++) {
    if (i === start + 4 || i === start + 7) continue;
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return 1e9 + kind * 1e8 + v;
}

/**
 * {@link intKey} of a field that starts with four digits (`year`) and a date separator at `s + 4`:
 * the date's key when the field is `dddd?dd?dd` with the same separator twice and ends right
 * after (a delimiter, line break or `len`), else -1.
 */
function dateKey(buf: Uint8Array, s: number, len: number, year: number, delim: number): number {
  if (s + 10 > len) return -1;
  const sep = buf[s + 4];
  if (buf[s + 7] !== sep) return -1;
  if (s + 10 < len) {
    const after = buf[s + 10];
    if (after !== delim && after !== LF && after !== CR) return -1;
  }
  let v = year;
  for (let i = s + 5; i < s + 10; i++) {
    if (i === s + 7) continue;
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return 1e9 + (sep === 45 ? 0 : sep === 47 ? 1e8 : 2e8) + v;
}

/** Rows per code (codes below 0 are not counted). */
function countCodes(codes: Int32Array, size: number): Float64Array {
  const counts = new Float64Array(size);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
  return counts;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A number column: plain decimal text (`-?digits(.digits)?`, at most 15 digits, no leading
 * zero) parsed on the way — `(whole · 10^d + fraction) / 10^d` is one correctly rounded
 * division of exact integers, so it equals `Number(text)` — and any other text interned.
 *
 * @example
 * const b = new NumberBuilder(); b.addText("-12.50"); b.cells().values[0]; // -12.5
 */
export class NumberBuilder implements ColumnBuilder, ColumnSoFar {
  private values: Float64Array;
  private decimals: Uint8Array | null = null;
  private codes: Int32Array | null = null;
  private dict = new ByteDict();
  private n = 0;
  private count = new Float64Array(3);
  private first = new Float64Array(3).fill(-1);
  private bound = 0;
  private maxDecimals = 0;
  private wide = false;

  constructor(capacity = 1024) {
    this.values = new Float64Array(capacity);
  }

  add(buf: Uint8Array, start: number, end: number): void {
    this.put(buf, start, end, this.parse(buf, start, end) === end);
  }

  /** What the last {@link parse} read: sign, digits before and after the point, their values. */
  private neg = false;
  private zeroFirst = false;
  private before = 0;
  private after = 0;
  private ip = 0;
  private fp = 0;
  private plain = false;
  private scanned = { start: 0, end: 0, whole: false };

  /**
   * Reads `-?digits(.digits)?` from `start` (no further than `limit`) into the fields above;
   * returns where it stopped. `plain` says whether what it read is a plain number so far.
   */
  private parse(buf: Uint8Array, start: number, limit: number): number {
    let p = start;
    const neg = buf[p] === 45;
    if (neg) p++;
    const whole = p;
    let ip = 0;
    let ch = buf[p];
    while (p < limit && ch >= 48 && ch <= 57) {
      ip = ip * 10 + (ch - 48);
      ch = buf[++p];
    }
    const before = p - whole;
    let after = 0;
    let fp = 0;
    const zeroFirst = buf[whole] === 48;
    let plain = before > 0 && !(before > 1 && zeroFirst);
    if (plain && p < limit && ch === 46) {
      const frac = ++p;
      ch = buf[p];
      while (p < limit && ch >= 48 && ch <= 57) {
        fp = fp * 10 + (ch - 48);
        ch = buf[++p];
      }
      after = p - frac;
      if (after === 0) plain = false;
    }
    this.neg = neg;
    this.zeroFirst = zeroFirst;
    this.before = before;
    this.after = after;
    this.ip = ip;
    this.fp = fp;
    this.plain = plain;
    return p;
  }

  /**
   * Finds the end of the unquoted field at `p` (the first delimiter or line break, or `len`),
   * parsing the number on the way; {@link addScanned} adds it. The digits are read once, not
   * found and then read again.
   */
  scan(buf: Uint8Array, p: number, len: number, delim: number): number {
    const s = p;
    p = this.parse(buf, p, len);
    let ch: number;
    let whole = true;
    if (p < len && (ch = buf[p]) !== delim && ch !== LF && ch !== CR) {
      whole = false;
      while (p < len && (ch = buf[p]) !== delim && ch !== LF && ch !== CR) p++;
    }
    const f = this.scanned;
    f.start = s;
    f.end = p;
    f.whole = whole;
    return p;
  }

  /** Adds the field the last {@link scan} found (`buf` as it was then). */
  addScanned(buf: Uint8Array): void {
    const f = this.scanned;
    this.put(buf, f.start, f.end, f.whole);
  }

  /** Adds the field `buf[start, end)` just parsed; `whole`: the parse read all of it. */
  private put(buf: Uint8Array, start: number, end: number, whole: boolean): void {
    const i = this.n++;
    if (i === this.values.length) {
      this.values = grown(this.values, i + 1);
      if (this.decimals) this.decimals = grown(this.decimals, this.values.length);
      if (this.codes) this.codes = grown(this.codes, this.values.length);
    }
    const { before, after, ip, fp } = this;
    if (!this.plain || !whole || before + after > 15) {
      this.text(i, buf, start, end);
      return;
    }
    const v = after === 0 ? ip : (ip * POW10[after] + fp) / POW10[after];
    this.values[i] = this.neg ? -v : v;
    if (this.codes) this.codes[i] = -1;
    // the money profile (see NumberCells.money): magnitudes summed in row order, decimals without trailing zeros
    this.bound += v;
    if (before + after > 12) this.wide = true;
    if (after > this.maxDecimals) {
      let d = after;
      let f = fp;
      while (d > this.maxDecimals && f % 10 === 0) {
        f /= 10;
        d--;
      }
      this.maxDecimals = d;
    }
    if (after > 0) {
      this.decimals ??= new Uint8Array(this.values.length);
      this.decimals[i] = after;
    }
    // what the text says about the decimal mark (see markEvidence): 1.234 reads both ways
    const cls = after === 0 ? 2 : after === 3 && before <= 3 && !(before === 1 && this.zeroFirst) ? 1 : 0;
    if (this.count[cls]++ === 0) this.first[cls] = this.base + i;
  }

  private text(i: number, buf: Uint8Array, start: number, end: number): void {
    if (!this.codes) this.codes = new Int32Array(this.values.length).fill(-1, 0, i);
    this.codes[i] = this.dict.code(buf, start, end, this.base + i);
    this.values[i] = NaN;
  }

  /** Rows handed over by {@link drain} before the current block (row indexes above are the log's). */
  private base = 0;
  /** The sum of magnitudes when the last block was drained. */
  private drainedBound = 0;
  /** Rows per distinct text over the drained blocks. */
  private textCounts = new Float64Array(0);
  /** The text of the first plain row of each evidence class, kept as its block is drained. */
  private firstPlainText: (string | null)[] = [null, null, null];

  /**
   * The rows added since the last drain as number cells (views, valid until the next row is
   * added: values, decimals, text codes), and a new block begins; the distinct texts and the
   * decimal-mark evidence go on over all blocks (see {@link survey}).
   */
  drain(): NumberCells {
    const n = this.n;
    const codes = this.codes ? this.codes.subarray(0, n) : null;
    if (codes) {
      if (this.textCounts.length < this.dict.size) this.textCounts = grown(this.textCounts, this.dict.size);
      for (let i = 0; i < n; i++) if (codes[i] >= 0) this.textCounts[codes[i]]++;
    }
    for (let c = 0; c < 3; c++) {
      const f = this.first[c] - this.base;
      if (f >= 0 && f < n) this.firstPlainText[c] = plainText(this.values[f], this.decimals ? this.decimals[f] : 0);
    }
    const block: NumberCells = {
      kind: 'numbers',
      length: n,
      values: this.values.subarray(0, n),
      decimals: this.decimals ? this.decimals.slice(0, n) : null,
      codes,
      text: [],
      textCounts: [],
      textFirst: [],
      plain: { count: this.count, first: this.first },
      // the block's money profile: the most decimals so far (the fold's unit follows them) and the
      // magnitudes of this block's rows
      money: this.codes === null && !this.wide ? { decimals: Math.min(6, this.maxDecimals), bound: this.bound - this.drainedBound } : null,
    };
    this.drainedBound = this.bound;
    // a row's decimals are written only when it has some: cleared for the next block
    this.decimals?.fill(0, 0, n);
    this.base += n;
    this.n = 0;
    return block;
  }

  /** The distinct non-plain texts from code `start` on. */
  textsFrom(start: number): string[] {
    return this.dict.textsFrom(start);
  }

  /** The distinct texts and decimal-mark evidence over every row, when the rows went block by block. */
  survey(): NumberCells {
    return {
      kind: 'numbers',
      length: this.base + this.n,
      values: new Float64Array(0),
      decimals: null,
      codes: null,
      text: this.dict.texts(),
      textCounts: Float64Array.from({ length: this.dict.size }, (_, k) => this.textCounts[k] ?? 0),
      textFirst: this.dict.firsts.subarray(0, this.dict.size),
      plain: { count: this.count, first: this.first },
      money: null,
      firstPlainText: this.firstPlainText,
    };
  }

  addText(text: string): void {
    const b = text === '' ? EMPTY : Buffer.from(text, 'utf8');
    this.add(b, 0, b.length);
  }

  cells(): NumberCells {
    const n = this.n;
    return {
      kind: 'numbers',
      length: n,
      values: this.values.subarray(0, n),
      decimals: this.decimals ? this.decimals.subarray(0, n) : null,
      codes: this.codes ? this.codes.subarray(0, n) : null,
      text: this.dict.texts(),
      textCounts: this.codes ? countCodes(this.codes.subarray(0, n), this.dict.size) : new Float64Array(0),
      textFirst: this.dict.firsts.subarray(0, this.dict.size),
      plain: { count: this.count, first: this.first },
      money: this.codes === null && !this.wide ? { decimals: Math.min(6, this.maxDecimals), bound: this.bound } : null,
    };
  }
}
