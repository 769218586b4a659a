/**
 * Columns built from CSV bytes as a streaming reader meets them, without a string per row: key
 * and date text interned into codes ({@link DictBuilder}), number text parsed on the way
 * ({@link NumberBuilder}). Typed arrays grow by half again when full.
 */
import type { DictCells, NumberCells } from '../engine';

/** Something that takes one field per row. */
export interface ColumnBuilder {
  /** The field is `buf[start, end)` (UTF-8). */
  add(buf: Uint8Array, start: number, end: number): void;
  /** The field as text (a quoted field, a filled-in blank). */
  addText(text: string): void;
}

const EMPTY = new Uint8Array(0);

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  return b;
}

/**
 * Interns byte strings into codes: one entry per distinct value, its first row and its count.
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
  counts = new Float64Array(64);
  firsts = new Float64Array(64);
  size = 0;

  /** The code of `buf[start, end)`, adding it (first seen on `row`) when new. */
  code(buf: Uint8Array, start: number, end: number, row: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const mask = this.table.length - 1;
    let slot = h & mask;
    const len = end - start;
    for (;;) {
      const c = this.table[slot];
      if (c < 0) break;
      if (this.hashes[c] === h) {
        const s = this.starts[c];
        if (this.starts[c + 1] - s === len) {
          let same = true;
          for (let k = 0; k < len; k++) {
            if (this.arena[s + k] !== buf[start + k]) {
              same = false;
              break;
            }
          }
          if (same) {
            this.counts[c]++;
            return c;
          }
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(buf, start, end, h, slot, row);
  }

  private insert(buf: Uint8Array, start: number, end: number, h: number, slot: number, row: number): number {
    const c = this.size++;
    const len = end - start;
    this.arena = grown(this.arena, this.used + len);
    this.arena.set(buf.subarray(start, end), this.used);
    this.starts = grown(this.starts, c + 2);
    this.hashes = grown(this.hashes, c + 1);
    this.counts = grown(this.counts, c + 1);
    this.firsts = grown(this.firsts, c + 1);
    this.starts[c] = this.used;
    this.used += len;
    this.starts[c + 1] = this.used;
    this.hashes[c] = h;
    this.counts[c] = 1;
    this.firsts[c] = row;
    this.table[slot] = c;
    if (this.size * 2 > this.table.length) this.rehash();
    return c;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let c = 0; c < this.size; c++) {
      let slot = this.hashes[c] & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = c;
    }
    this.table = table;
  }

  /** The distinct values as text, in order of first appearance. */
  texts(): string[] {
    const out = new Array<string>(this.size);
    const b = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.used);
    for (let c = 0; c < this.size; c++) out[c] = b.toString('utf8', this.starts[c], this.starts[c + 1]);
    return out;
  }
}

/**
 * A text column as codes into its distinct values.
 *
 * @example
 * const b = new DictBuilder(); b.addText("x"); b.addText("x"); b.cells().values; // ["x"]
 */
export class DictBuilder implements ColumnBuilder {
  private dict = new ByteDict();
  private codes: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.codes = new Int32Array(capacity);
  }

  add(buf: Uint8Array, start: number, end: number): void {
    if (this.n === this.codes.length) this.codes = grown(this.codes, this.n + 1);
    this.codes[this.n] = this.dict.code(buf, start, end, this.n);
    this.n++;
  }

  addText(text: string): void {
    const b = text === '' ? EMPTY : Buffer.from(text, 'utf8');
    this.add(b, 0, b.length);
  }

  cells(): DictCells {
    return { kind: 'dict', length: this.n, codes: this.codes.subarray(0, this.n), values: this.dict.texts(), counts: this.dict.counts.subarray(0, this.dict.size) };
  }
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
export class NumberBuilder implements ColumnBuilder {
  private values: Float64Array;
  private decimals: Uint8Array | null = null;
  private codes: Int32Array | null = null;
  private dict = new ByteDict();
  private n = 0;
  private count = new Float64Array(3);
  private first = new Float64Array(3).fill(-1);

  constructor(capacity = 1024) {
    this.values = new Float64Array(capacity);
  }

  add(buf: Uint8Array, start: number, end: number): void {
    const i = this.n++;
    if (i === this.values.length) {
      this.values = grown(this.values, i + 1);
      if (this.decimals) this.decimals = grown(this.decimals, this.values.length);
      if (this.codes) this.codes = grown(this.codes, this.values.length);
    }
    let p = start;
    const neg = buf[p] === 45;
    if (neg) p++;
    const whole = p;
    let ip = 0;
    let ch = buf[p];
    while (p < end && ch >= 48 && ch <= 57) {
      ip = ip * 10 + (ch - 48);
      ch = buf[++p];
    }
    const before = p - whole;
    let after = 0;
    let fp = 0;
    let plain = before > 0 && !(before > 1 && buf[whole] === 48);
    if (plain && p < end && ch === 46) {
      const frac = ++p;
      ch = buf[p];
      while (p < end && ch >= 48 && ch <= 57) {
        fp = fp * 10 + (ch - 48);
        ch = buf[++p];
      }
      after = p - frac;
      if (after === 0) plain = false;
    }
    if (!plain || p !== end || before + after > 15) {
      this.text(i, buf, start, end);
      return;
    }
    const v = after === 0 ? ip : (ip * POW10[after] + fp) / POW10[after];
    this.values[i] = neg ? -v : v;
    if (this.codes) this.codes[i] = -1;
    if (after > 0) {
      this.decimals ??= new Uint8Array(this.values.length);
      this.decimals[i] = after;
    }
    // what the text says about the decimal mark (see markEvidence): 1.234 reads both ways
    const cls = after === 0 ? 2 : after === 3 && before <= 3 && !(before === 1 && buf[whole] === 48) ? 1 : 0;
    if (this.count[cls]++ === 0) this.first[cls] = i;
  }

  private text(i: number, buf: Uint8Array, start: number, end: number): void {
    if (!this.codes) this.codes = new Int32Array(this.values.length).fill(-1, 0, i);
    this.codes[i] = this.dict.code(buf, start, end, i);
    this.values[i] = NaN;
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
      textCounts: this.dict.counts.subarray(0, this.dict.size),
      textFirst: this.dict.firsts.subarray(0, this.dict.size),
      plain: { count: this.count, first: this.first },
    };
  }
}
