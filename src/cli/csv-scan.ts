/**
 * The streaming twin of `csv-read.ts`: the same RFC 4180 rules (quoted fields with doubled
 * quotes and line breaks, CRLF / LF / CR line ends, blank lines skipped, a leading BOM, a quote
 * that never closes or runs into text after it is an error naming its line, or with `lenient` a
 * skipped and counted record), read from UTF-8 chunks of any size. A record cut by the end of a
 * chunk is read again from its start once the next chunk is there, so only whole records reach
 * the column builders; memory holds one chunk and the part-record carried over.
 */
import { type ColumnBuilder, DictBuilder, NumberBuilder } from './column-builders';
import { CliError } from './errors';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** The record needs bytes beyond the current buffer. */
const NEED = -1;
/** The record was skipped (lenient). */
const SKIPPED = -2;
/** A column whose fields its {@link DictBuilder} or {@link NumberBuilder} scans (see `plainRecords`). */
const DICT = 1;
const NUMBER = 2;

/** Options for {@link scanCsv}. */
export interface ScanOptions {
  delimiter: string;
  /** Column indexes to build (null: all). */
  keep: readonly number[] | null;
  /** A builder for a kept column (called once the header record gives the width). */
  builder(index: number): ColumnBuilder;
  /** Stop after this many data records. */
  maxRows?: number;
  lenient?: boolean;
  /** The first record is data, not headers. */
  headerless?: boolean;
  /** File name for error messages. */
  file?: string;
  /** Called after each chunk with the file bytes read so far. */
  onProgress?: (read: number) => void;
  /**
   * Called after each chunk's whole records, and after the last, with the data records read so
   * far: the builders may hand over their rows.
   */
  onChunk?: (rows: number) => void;
}

/** What a scan found besides the columns. */
export interface ScanResult {
  headers: string[];
  /** One builder per header (undefined for columns not kept). */
  builders: (ColumnBuilder | undefined)[];
  rows: number;
  malformed: { count: number; lines: number[]; before: number[] };
}

class Scanner {
  headers: string[] = [];
  builders: (ColumnBuilder | undefined)[] = [];
  rows = 0;
  malformed: ScanResult['malformed'] = { count: 0, lines: [], before: [] };
  /** -1 before the header record. */
  record = -1;
  line = 1;
  done = false;
  private readonly delim: number;
  private kept: Uint8Array = new Uint8Array(0);
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private quoted: (string | null)[] = [];
  private anyQuoted = false;
  private fields = 0;
  private readonly maxRows: number;

  constructor(private readonly o: ScanOptions) {
    this.delim = o.delimiter.charCodeAt(0);
    this.maxRows = o.maxRows ?? Infinity;
  }

  /**
   * Reads whole records from `buf[p, len)`; returns where the unread part starts. `buf[len]`
   * must be readable (a byte the builders' scans stop at: not a digit).
   */
  scan(buf: Buffer, p: number, len: number, eof: boolean): number {
    if (!this.bomChecked) {
      // a byte-order mark left in the text (as parseCsv skips U+FEFF)
      if (len - p < 3 && !eof) return p;
      if (buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf) p += 3;
      this.bomChecked = true;
    }
    while (!this.done) {
      if (this.plain && this.record >= 0) {
        p = this.plainRecords(buf, p, len);
        if (this.done) break;
        if (this.batchFull) continue;
      }
      const line = this.line;
      const q = this.recordAt(buf, p, len, eof);
      if (q === NEED) {
        this.line = line;
        return p;
      }
      p = q;
      if (p >= len && eof) this.done = true;
      if (!eof && p >= len) return p;
    }
    return p;
  }

  /**
   * Reads the plain records from `p` on — unquoted fields, as many as the header has, a line
   * break (LF or CRLF) after the last — each field found by its builder's `scan`, which reads it
   * on the way; returns the start of the first record that is not plain or not whole in `buf`
   * (for {@link recordAt}). Gives up for good when most records it meets are not plain.
   */
  private plainRecords(buf: Buffer, p: number, len: number): number {
    const { kinds, dictOf, numberOf, dicts, numbers, delim } = this;
    const width = kinds.length;
    // in batches, the first ones small: V8 then compiles this with every path seen (it would
    // otherwise compile the loop alone and throw that away at the first return)
    const room = Math.min(this.maxRows - this.rows, this.batch);
    this.batch = Math.min(this.batch * 4, 65536);
    let rows = 0;
    records: while (rows < room) {
      const start = p;
      const first = buf[p];
      if (first === LF || first === CR) break;
      for (let f = 0; f < width; f++) {
        if (buf[p] === QUOTE) {
          p = start;
          break records;
        }
        const kind = kinds[f];
        if (kind === DICT) p = (dictOf[f] as DictBuilder).scan(buf, p, len, delim);
        else if (kind === NUMBER) p = (numberOf[f] as NumberBuilder).scan(buf, p, len, delim);
        else {
          let ch: number;
          while (p < len && (ch = buf[p]) !== delim && ch !== LF && ch !== CR) p++;
        }
        const ch = buf[p];
        if (p >= len || (f < width - 1 ? ch !== delim : ch !== LF && !(ch === CR && buf[p + 1] === LF && p + 1 < len))) {
          p = start;
          break records;
        }
        p += ch === CR ? 2 : 1;
      }
      for (let j = 0; j < dicts.length; j++) dicts[j].addScanned(buf);
      for (let j = 0; j < numbers.length; j++) numbers[j].addScanned(buf);
      rows++;
    }
    this.rows += rows;
    this.record += rows;
    this.line += rows;
    // (each field touched on every call, so V8 has seen them all when it compiles this)
    const full = rows === room;
    this.batchFull = full;
    this.notPlain += full ? 0 : 1;
    if (this.rows >= this.maxRows) this.done = true;
    // a record left to recordAt: stop trying once such records are more than one in eight
    else if (this.notPlain > 64 && this.notPlain * 8 > this.rows) this.plain = false;
    return p;
  }

  /** Skips blank lines (after the first record) and reads one record; its end, or NEED. */
  private recordAt(buf: Buffer, p: number, len: number, eof: boolean): number {
    if (this.record >= 0) {
      while (p < len) {
        const c = buf[p];
        if (c === LF) this.line++;
        else if (c === CR) {
          if (p + 1 >= len && !eof) return NEED;
          if (buf[p + 1] !== LF) this.line++;
        } else break;
        p++;
      }
      if (p >= len) {
        if (!eof) return NEED;
        this.done = true;
        return p;
      }
    }
    const delim = this.delim;
    const header = this.record < 0;
    const kept = this.kept;
    const width = kept.length;
    let field = 0;
    if (this.anyQuoted) {
      this.quoted.fill(null);
      this.anyQuoted = false;
    }
    for (;;) {
      if (p >= len && !eof) return NEED;
      let ch = buf[p];
      if (ch === QUOTE) {
        const r = this.quotedField(buf, p, len, eof, field, header || (field < width && kept[field] === 1));
        if (r === NEED || r === SKIPPED) return r === SKIPPED ? this.skipTo(buf, len, eof) : NEED;
        p = r;
      } else {
        const s = p;
        while (p < len && (ch = buf[p]) !== delim && ch !== LF && ch !== CR) p++;
        if (p >= len && !eof) return NEED;
        if (header) this.headerField(field, buf.toString('utf8', s, p));
        else if (field < width) {
          this.starts[field] = s;
          this.ends[field] = p;
        }
      }
      field++;
      ch = p < len ? buf[p] : LF;
      if (ch === delim) {
        p++;
        if (p < len) continue;
        if (!eof) return NEED;
        ch = LF; // trailing delimiter at EOF: the record ends
      }
      if (ch === CR) {
        if (p + 1 >= len && !eof) return NEED;
        if (buf[p + 1] === LF) p++;
        this.line++;
      } else if (p < len) this.line++;
      p++;
      break;
    }
    this.fields = field;
    if (this.record < 0) this.commit(buf);
    else {
      // a data record, here rather than in a method: a call per record cost an allocation per record
      const { starts, ends, dicts, dictAt, numbers, numberAt } = this;
      if (this.anyQuoted || field < width || this.others.length > 0) this.commit(buf);
      else {
        for (let j = 0; j < dicts.length; j++) dicts[j].add(buf, starts[dictAt[j]], ends[dictAt[j]]);
        for (let j = 0; j < numbers.length; j++) numbers[j].add(buf, starts[numberAt[j]], ends[numberAt[j]]);
        this.rows++;
        this.record++;
        if (this.rows >= this.maxRows) this.done = true;
      }
    }
    return p;
  }

  private headerField(field: number, text: string): void {
    this.headers[field] = text.trim();
  }

  /**
   * A quoted field at p; its end (past any text after the closing quote), NEED, or SKIPPED
   * (lenient, the record is dropped; `skipFrom` is the quote).
   */
  private quotedField(buf: Buffer, p: number, len: number, eof: boolean, field: number, wanted: boolean): number {
    const quoteAt = p;
    let start = p + 1;
    let out = '';
    let closed = true;
    let breaks = 0;
    let crAtEnd = false;
    let at = start;
    for (;;) {
      const q = buf.indexOf(QUOTE, at);
      if (q < 0 || q >= len) {
        if (!eof) return NEED;
        closed = false;
        break;
      }
      if (q + 1 >= len && !eof) return NEED;
      if (buf[q + 1] === QUOTE) {
        at = q + 2;
        continue;
      }
      p = q + 1;
      break;
    }
    const contentEnd = closed ? p - 1 : len;
    // line breaks inside the field: CRLF, LF and lone CR each count once
    for (let i = start; i < contentEnd; i++) {
      const c = buf[i];
      if (c === LF) {
        if (!crAtEnd) breaks++;
        crAtEnd = false;
      } else if (c === CR) {
        breaks++;
        crAtEnd = true;
      } else crAtEnd = false;
    }
    const s = p;
    if (closed) {
      let ch: number;
      while (p < len && (ch = buf[p]) !== this.delim && ch !== LF && ch !== CR) p++;
      if (p >= len && !eof) return NEED;
    }
    if (!closed || (p > s && breaks > 0)) {
      if (this.record < 0 || !this.o.lenient) {
        const where = `${this.o.file ? `${this.o.file}: ` : ''}line ${this.line}`;
        throw new CliError(`${where}: a quoted field starts here and ${closed ? 'runs over line breaks into text after its closing quote' : 'never closes'} (an unbalanced quote); fix the quote, or use --lenient to skip such rows`);
      }
      this.pendingSkip = quoteAt;
      return SKIPPED;
    }
    this.line += breaks;
    if (wanted) {
      // segments between doubled quotes, decoded as they are (cut at ASCII quotes)
      at = start;
      for (;;) {
        const q = buf.indexOf(QUOTE, at);
        if (q < 0 || q >= contentEnd) break;
        out += buf.toString('utf8', start, q + 1);
        at = start = q + 2;
      }
      out += buf.toString('utf8', start, contentEnd);
      const value = p > s ? out + buf.toString('utf8', s, p) : out;
      if (this.record < 0) this.headerField(field, value);
      else if (field < this.kept.length) {
        this.quoted[field] = value;
        this.anyQuoted = true;
      }
    }
    return p;
  }

  private pendingSkip = 0;
  private bomChecked = false;

  /** Lenient: drops the record whose quote at `pendingSkip` is unbalanced; resumes on the next line. */
  private skipTo(buf: Buffer, len: number, eof: boolean): number {
    const quoteAt = this.pendingSkip;
    let p = quoteAt;
    while (p < len && buf[p] !== LF && buf[p] !== CR) p++;
    if (p < len) {
      if (buf[p] === CR) {
        if (p + 1 >= len && !eof) return NEED;
        if (buf[p + 1] === LF) p++;
      }
      p++;
    } else if (!eof) return NEED;
    this.malformed.count++;
    if (this.malformed.lines.length < 20) this.malformed.lines.push(this.line);
    this.malformed.before.push(this.rows);
    this.line++;
    if (this.anyQuoted) {
      this.quoted.fill(null);
      this.anyQuoted = false;
    }
    return p;
  }

  private dicts: DictBuilder[] = [];
  private dictAt: number[] = [];
  private numbers: NumberBuilder[] = [];
  private numberAt: number[] = [];
  private others: [number, ColumnBuilder][] = [];
  /**
   * Per column: DICT or NUMBER when {@link plainRecords} finds its fields with its builder's
   * `scan`, 0 when by the search for the next delimiter (a column not kept). `plain`: whether
   * plainRecords is tried (all kept columns have such builders; records so far mostly plain).
   */
  private kinds: Uint8Array = new Uint8Array(0);
  private dictOf: (DictBuilder | undefined)[] = [];
  private numberOf: (NumberBuilder | undefined)[] = [];
  private plain = false;
  private notPlain = 0;
  private batch = 16;
  private batchFull = false;

  /** One field of the record into its builder: missing fields are blank, quoted ones text. */
  private slow(k: number, b: ColumnBuilder, buf: Buffer): void {
    if (k >= this.fields) b.addText('');
    else {
      const q = this.anyQuoted ? this.quoted[k] : null;
      if (q !== null) b.addText(q);
      else b.add(buf, this.starts[k], this.ends[k]);
    }
  }

  private commit(buf: Buffer): void {
    if (this.record < 0) {
      this.record = 0;
      this.headers.length = this.fields;
      const width = this.headers.length;
      this.kept = new Uint8Array(width);
      if (this.o.keep === null) this.kept.fill(1);
      else for (const k of this.o.keep) if (k < width) this.kept[k] = 1;
      this.starts = new Int32Array(width);
      this.ends = new Int32Array(width);
      this.quoted = new Array<string | null>(width).fill(null);
      this.builders = this.headers.map((_, i) => (this.kept[i] ? this.o.builder(i) : undefined));
      // one list per builder class, so each call site sees one class
      this.builders.forEach((b, i) => {
        if (b instanceof DictBuilder) {
          this.dictAt.push(i);
          this.dicts.push(b);
        } else if (b instanceof NumberBuilder) {
          this.numberAt.push(i);
          this.numbers.push(b);
        } else if (b) this.others.push([i, b]);
      });
      // a delimiter that can be part of a number or a date (a digit, "-", ".", "/") ends no field in a builder's scan
      const d = this.delim;
      if (this.others.length === 0 && !((d >= 48 && d <= 57) || d === 45 || d === 46 || d === 47)) {
        this.kinds = Uint8Array.from(this.builders, (b) => (b instanceof DictBuilder ? DICT : b instanceof NumberBuilder ? NUMBER : 0));
        this.dictOf = this.builders.map((b) => (b instanceof DictBuilder ? b : undefined));
        this.numberOf = this.builders.map((b) => (b instanceof NumberBuilder ? b : undefined));
        this.plain = true;
      }
      if (this.o.headerless) {
        this.headers.forEach((h, i) => {
          this.builders[i]?.addText(h);
          this.headers[i] = `column ${i + 1}`;
        });
        this.rows = 1;
      }
    } else {
      const { fields, starts, ends, dicts, dictAt, numbers, numberAt } = this;
      if (this.anyQuoted || fields < this.kept.length) {
        for (let j = 0; j < dicts.length; j++) this.slow(dictAt[j], dicts[j], buf);
        for (let j = 0; j < numbers.length; j++) this.slow(numberAt[j], numbers[j], buf);
      } else {
        for (let j = 0; j < dicts.length; j++) dicts[j].add(buf, starts[dictAt[j]], ends[dictAt[j]]);
        for (let j = 0; j < numbers.length; j++) numbers[j].add(buf, starts[numberAt[j]], ends[numberAt[j]]);
      }
      const others = this.others;
      for (let j = 0; j < others.length; j++) this.slow(others[j][0], others[j][1], buf);
      this.rows++;
      this.record++;
    }
    if (this.rows >= this.maxRows) this.done = true;
  }
}

/**
 * Reads CSV records from UTF-8 chunks into column builders.
 *
 * @example
 * const r = scanCsv([{ bytes: Buffer.from("id,name\n1,\"Smith, J\"\n"), read: 20 }], { delimiter: ",", keep: null, builder: () => new DictBuilder() });
 * r.headers; // ["id", "name"]
 */
export function scanCsv(chunks: Iterable<{ bytes: Buffer; read: number }>, options: ScanOptions): ScanResult {
  const s = new Scanner(options);
  // one working buffer: the unread part of the last chunk moved to its front, the next chunk
  // after it, and a 0 byte after that (the sentinel `scan` asks for)
  let work: Buffer = Buffer.alloc(1);
  let end = 0;
  let p = 0;
  for (const { bytes, read } of chunks) {
    const carry = end - p;
    if (carry + bytes.length + 1 > work.length) {
      const bigger = Buffer.allocUnsafe(Math.max(carry + bytes.length + 1, 2 * work.length));
      work.copy(bigger, 0, p, end);
      work = bigger;
    } else work.copyWithin(0, p, end);
    bytes.copy(work, carry);
    end = carry + bytes.length;
    work[end] = 0;
    p = s.scan(work, 0, end, false);
    options.onProgress?.(read);
    options.onChunk?.(s.rows);
    if (s.done) break;
  }
  if (!s.done) s.scan(work, p, end, true);
  options.onChunk?.(s.rows);
  return { headers: s.headers, builders: s.builders, rows: s.rows, malformed: s.malformed };
}
