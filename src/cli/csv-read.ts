/**
 * A quote-aware RFC 4180 CSV tokenizer over a whole string: `,`, `;`, tab or `|` delimiters, quoted
 * fields with doubled quotes and line breaks, CRLF, LF or CR (Mac) line ends, a leading BOM.
 * Fields come out column-major, and only the columns asked for are materialised, so a 47 MB file
 * with 8 columns costs the strings of the 3 or 4 columns the run needs. A quoted field that never
 * closes, or that spans lines and is followed by text other than a delimiter, is an error naming
 * the line where it started (or, with `lenient`, that record is skipped and counted).
 */
import { CliError } from './errors';

/** Parsed records, column-major. */
export interface CsvColumns {
  /** The header record's fields (`column 1`, `column 2`… when `headerless`). */
  headers: string[];
  /** One array per requested column (undefined for columns not kept), data records only. */
  columns: (string[] | undefined)[];
  /** Number of data records read. */
  rows: number;
  /** Records skipped for an unbalanced quote (lenient only): count, the first lines, and the data index each skip came before. */
  malformed: { count: number; lines: number[]; before: number[] };
}

/** Options for {@link parseCsv}. */
export interface CsvOptions {
  delimiter?: string;
  /** Column indexes to keep (default: all). */
  keep?: readonly number[];
  /** Stop after this many data records. */
  maxRows?: number;
  /** Called every ~64k records with the character offset reached (for progress). */
  onProgress?: (offset: number, length: number) => void;
  /** Skip (and count) records with an unbalanced quote instead of failing. */
  lenient?: boolean;
  /** The first record is data, not headers. */
  headerless?: boolean;
  /** File name for error messages. */
  file?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Picks the delimiter of a CSV text from its first lines: the one of `,` `;` tab `|` that appears
 * most consistently (outside quotes) per line.
 *
 * @example
 * sniffDelimiter("a;b;c\n1;2;3\n"); // ";"
 */
export function sniffDelimiter(text: string): string {
  const lines = firstLines(text.slice(0, 65536), 20);
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** The first `count` non-blank lines of a text (without splitting the rest of it). */
function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  const lineEnd = /\r\n|\n|\r/g;
  let start = 0;
  while (out.length < count) {
    const m = lineEnd.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) out.push(text.slice(start, end));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * The 1-based line of a character offset (CRLF, LF and lone CR each end a line).
 *
 * @example
 * lineAt("a\nb\r\nc", 5); // 3
 */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) line++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
  }
  return line;
}

/** Offset just past the line break that ends the line holding `from`. */
function nextLine(text: string, from: number): number {
  const len = text.length;
  let p = from;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c === LF) return p + 1;
    if (c === CR) return text.charCodeAt(p + 1) === LF ? p + 2 : p + 1;
    p++;
  }
  return len;
}

/**
 * Parses CSV text (header record first) into columns.
 *
 * @example
 * const t = parseCsv('id,name\n1,"Smith, J"\n2,"say ""hi"""\n');
 * t.headers; // ["id", "name"]
 * t.columns[1]; // ["Smith, J", 'say "hi"']
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvColumns {
  const delim = (options.delimiter ?? sniffDelimiter(text)).charCodeAt(0);
  const len = text.length;
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headers: string[] = [];
  let keep: boolean[] | null = null;
  let columns: (string[] | undefined)[] = [];
  const maxRows = options.maxRows ?? Infinity;
  const malformed: CsvColumns['malformed'] = { count: 0, lines: [], before: [] };
  let rows = 0;
  let record = -1;
  let field = 0;
  const progressEvery = 65536;
  while (p <= len) {
    // one field starting at p
    let value: string;
    let ch = text.charCodeAt(p);
    if (ch === QUOTE) {
      const quoteAt = p;
      let start = p + 1;
      let out = '';
      p = start;
      let closed = true;
      for (;;) {
        const q = text.indexOf('"', p);
        if (q < 0) {
          closed = false;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          out += text.slice(start, q + 1);
          p = q + 2;
          start = p;
          continue;
        }
        out += text.slice(start, q);
        p = q + 1;
        break;
      }
      // text after a closing quote is kept when the field stayed on one line; a field that ran
      // over line breaks into such text is a stray quote that swallowed rows
      const s = p;
      if (closed) while (p < len && (ch = text.charCodeAt(p)) !== delim && ch !== LF && ch !== CR) p++;
      if (!closed || (p > s && /[\r\n]/.test(out))) {
        if (record < 0 || !options.lenient) {
          const where = `${options.file ? `${options.file}: ` : ''}line ${lineAt(text, quoteAt)}`;
          throw new CliError(`${where}: a quoted field starts here and ${closed ? 'runs over line breaks into text after its closing quote' : 'never closes'} (an unbalanced quote); fix the quote, or use --lenient to skip such rows`);
        }
        malformed.count++;
        if (malformed.lines.length < 20) malformed.lines.push(lineAt(text, quoteAt));
        malformed.before.push(rows);
        p = nextLine(text, quoteAt);
        field = 0;
        while (p < len && ((ch = text.charCodeAt(p)) === LF || ch === CR)) p++;
        if (p >= len) break;
        continue;
      }
      value = p > s ? out + text.slice(s, p) : out;
    } else {
      const s = p;
      while (p < len && (ch = text.charCodeAt(p)) !== delim && ch !== LF && ch !== CR) p++;
      value = record < 0 || keep === null || keep[field] ? text.slice(s, p) : '';
    }
    if (record < 0) headers.push(value.trim());
    else if (keep === null || keep[field]) {
      const col = columns[field];
      if (col) col[rows] = value;
    }
    field++;
    ch = p < len ? text.charCodeAt(p) : LF;
    if (ch === delim) {
      p++;
      if (p === len) ch = LF; // trailing delimiter at EOF: the record ends with an empty field
      else continue;
    }
    // end of record
    if (ch === CR && text.charCodeAt(p + 1) === LF) p++;
    p++;
    if (record < 0) {
      keep = keepMask(headers.length, options.keep);
      columns = headers.map((_, i) => (keep === null || keep[i] ? [] : undefined));
      if (options.headerless) {
        headers.forEach((h, i) => {
          const col = columns[i];
          if (col) col[0] = h;
          headers[i] = `column ${i + 1}`;
        });
        rows = 1;
      }
    } else {
      if (field < columns.length) fillMissing(columns, field, rows);
      rows++;
      if (options.onProgress && rows % progressEvery === 0) options.onProgress(p, len);
    }
    record++;
    field = 0;
    if (rows >= maxRows) break;
    // skip blank lines
    while (p < len && ((ch = text.charCodeAt(p)) === LF || ch === CR)) p++;
    if (p >= len) break;
  }
  for (const col of columns) if (col && col.length > rows) col.length = rows;
  return { headers, columns, rows, malformed };
}

function keepMask(width: number, keep: readonly number[] | undefined): boolean[] | null {
  if (!keep) return null;
  const mask = new Array<boolean>(width).fill(false);
  for (const k of keep) if (k < width) mask[k] = true;
  return mask;
}

function fillMissing(columns: (string[] | undefined)[], from: number, row: number): void {
  for (let f = from; f < columns.length; f++) {
    const col = columns[f];
    if (col) col[row] = '';
  }
}
