/**
 * A CSV file as UTF-8 byte chunks of bounded size, whatever its encoding: the encoding is decided
 * exactly as `decodeCsvBytes` decides it for the whole file (BOM, UTF-16 without BOM, valid UTF-8
 * over the whole file, else the detector on the same sample), then UTF-8 files are read as they
 * are and others go through iconv-lite's streaming decoder and back to UTF-8.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { CANDIDATES, CANONICAL, encodingName, nonAsciiLines, utf16WithoutBom } from './csv-encoding';
import { CliError } from './errors';

/**
 * Bytes read from the file at a time: 1 MiB, so a chunk is still in the processor's cache when
 * it is scanned and the buffers touch few memory pages (4 MiB was 23 ms slower on 1M rows;
 * 256 KiB 10 ms slower; 512 KiB and 2 MiB the same; medians of 10–14 paired runs).
 */
export const CHUNK_BYTES = 1024 * 1024;
/** Bytes of the file's start the encoding is first judged on. */
const HEAD_BYTES = 256 * 1024;

/** How a file's bytes become text. */
export interface EncodingPlan {
  /** Canonical name, e.g. "UTF-8", "GB18030". */
  name: string;
  how: 'bom' | 'utf-8' | 'detected' | 'flag';
  confidence?: number;
  /** Bytes to skip at the start (a BOM). */
  skip: number;
  /** iconv-lite decoder, or null for UTF-8 read as it is. */
  decoder: { lib: string; stripBOM: boolean } | null;
  /**
   * UTF-8 taken from the first `asciiHead` bytes, which are all ASCII (so they read the same in
   * any encoding the file might turn out to have): the rest is checked as it is read, and
   * {@link utf8Chunks} throws {@link NotUtf8Error} at the first chunk that is not UTF-8.
   */
  asciiHead?: number;
}

/**
 * A file read as UTF-8 on the strength of its ASCII head is not UTF-8 after all: decide its
 * encoding on the whole file ({@link planEncoding}) and read it again.
 */
export class NotUtf8Error extends Error {
  constructor() {
    super('the file is not UTF-8 past its first bytes');
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const iconv = (): typeof import('iconv-lite') => require('iconv-lite') as typeof import('iconv-lite');

/**
 * Raw chunks of a file, from `from`, each at most `size` bytes; with `reuse`, the same buffer
 * each time (valid until the next chunk is asked for).
 */
function* rawChunks(file: string, from = 0, size = CHUNK_BYTES, reuse = false): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    let pos = from;
    let buf = Buffer.allocUnsafe(size);
    for (;;) {
      if (!reuse) buf = Buffer.allocUnsafe(size);
      const n = readSync(fd, buf, 0, size, pos);
      if (n === 0) return;
      pos += n;
      yield n === size ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function head(file: string, size: number): Buffer {
  for (const chunk of rawChunks(file, 0, size)) return chunk;
  return Buffer.alloc(0);
}

/** Last index of a byte below 0x80 (never inside a UTF-8 sequence), or -1. */
function lastAscii(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0; i--) if (b[i] < 0x80) return i;
  return -1;
}

/**
 * A check of consecutive chunks of bytes for valid UTF-8 (each cut after its last ASCII byte so
 * no sequence is split; the rest waits for the next chunk); null ends the bytes.
 */
function utf8Check(): (chunk: Buffer | null) => boolean {
  let carry: Buffer = Buffer.alloc(0);
  return (chunk) => {
    if (chunk === null) return carry.length === 0 || isUtf8(carry);
    const b = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = lastAscii(b) + 1;
    if (!isUtf8(b.subarray(0, cut))) return false;
    carry = Buffer.from(b.subarray(cut));
    return true;
  };
}

/**
 * True when the whole file is valid UTF-8, checked chunk by chunk.
 *
 * @example
 * fileIsUtf8("examples/transactions.csv"); // true
 */
export function fileIsUtf8(file: string, size = CHUNK_BYTES): boolean {
  const check = utf8Check();
  for (const chunk of rawChunks(file, 0, size, true)) if (!check(chunk)) return false;
  return check(null);
}

/** The lines with non-ASCII bytes (up to `limit` bytes), as `nonAsciiLines` finds them in the whole file. */
function nonAsciiSample(file: string, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let carry: Buffer = Buffer.alloc(0);
  const take = (b: Uint8Array): void => {
    const got = nonAsciiLines(b, limit - size);
    parts.push(got);
    size += got.length;
  };
  for (const chunk of rawChunks(file)) {
    const b = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let cut = b.length;
    while (cut > 0 && b[cut - 1] !== 10 && b[cut - 1] !== 13) cut--;
    take(b.subarray(0, cut));
    carry = Buffer.from(b.subarray(cut));
    if (size >= limit) break;
  }
  if (size < limit && carry.length > 0) take(carry);
  return Buffer.concat(parts);
}

/**
 * Decides how to decode a CSV file, reading only what the decision needs (the whole file once
 * for a file without BOM, to know that it is valid UTF-8).
 *
 * @example
 * planEncoding("examples/transactions.csv"); // { name: "UTF-8", how: "utf-8", skip: 0, decoder: null }
 */
export function planEncoding(file: string, forced?: string, options: { checkAsRead?: boolean } = {}): EncodingPlan {
  const b = head(file, HEAD_BYTES);
  if (forced !== undefined) {
    const [lib, name] = encodingName(forced);
    const bom = name === 'UTF-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : name.startsWith('UTF-16') && b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) ? 2 : 0;
    return { name, how: 'flag', skip: bom, decoder: { lib, stripBOM: true } };
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { name: 'UTF-8', how: 'bom', skip: 3, decoder: null };
  if (b[0] === 0xff && b[1] === 0xfe) return { name: 'UTF-16LE', how: 'bom', skip: 2, decoder: { lib: 'utf-16le', stripBOM: false } };
  if (b[0] === 0xfe && b[1] === 0xff) return { name: 'UTF-16BE', how: 'bom', skip: 2, decoder: { lib: 'utf-16be', stripBOM: true } };
  const wide = utf16WithoutBom(b);
  if (wide) return { name: wide.toUpperCase(), how: 'detected', skip: 0, decoder: { lib: wide, stripBOM: true } };
  // an ASCII head: read as UTF-8 and checked on the way, rather than read twice
  if (options.checkAsRead && b.length === HEAD_BYTES && isAscii(b)) return { name: 'UTF-8', how: 'utf-8', skip: 0, decoder: null, asciiHead: b.length };
  if (fileIsUtf8(file)) return { name: 'UTF-8', how: 'utf-8', skip: 0, decoder: null };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jschardet = require('jschardet') as { detect(b: Uint8Array, o?: { detectEncodings?: string[] }): { encoding: string | null; confidence: number } | null };
  const sample = b.some((x) => x >= 0x80) ? b : nonAsciiSample(file, 256 * 1024);
  const found = jschardet.detect(sample, { detectEncodings: CANDIDATES });
  const label = found?.encoding?.toLowerCase();
  const known = label ? CANONICAL[label] : undefined;
  if (!known) throw new CliError(`cannot tell the text encoding (not UTF-8, and no known encoding fits); name it with --encoding, e.g. --encoding gb18030`);
  return { name: known[1], how: 'detected', confidence: Math.round((found?.confidence ?? 0) * 100) / 100, skip: 0, decoder: { lib: known[0], stripBOM: true } };
}

/**
 * The file's text as UTF-8 byte chunks (BOM skipped), with the number of file bytes read so far.
 * A chunk is valid until the next one is asked for.
 *
 * @example
 * for (const { bytes, read } of utf8Chunks(file, planEncoding(file))) scan(bytes);
 */
export function* utf8Chunks(file: string, plan: EncodingPlan, size = CHUNK_BYTES): Generator<{ bytes: Buffer; read: number }> {
  let read = plan.skip;
  if (plan.decoder === null) {
    const check = plan.asciiHead !== undefined ? utf8Check() : null;
    for (const chunk of rawChunks(file, plan.skip, size, true)) {
      read += chunk.length;
      if (check && !check(chunk)) throw new NotUtf8Error();
      yield { bytes: chunk, read };
    }
    if (check && !check(null)) throw new NotUtf8Error();
    return;
  }
  const decoder = iconv().getDecoder(plan.decoder.lib, { stripBOM: plan.decoder.stripBOM });
  for (const chunk of rawChunks(file, plan.skip, size, true)) {
    read += chunk.length;
    const text = decoder.write(chunk);
    if (text.length > 0) yield { bytes: Buffer.from(text, 'utf8'), read };
  }
  const rest = decoder.end();
  if (rest) yield { bytes: Buffer.from(rest, 'utf8'), read };
}

/**
 * The first `chars` characters of the file's text (for sniffing the delimiter), decoded as the
 * plan says.
 *
 * @example
 * textHead(file, plan, 65536).split("\n")[0]; // the header line
 */
export function textHead(file: string, plan: EncodingPlan, chars: number): string {
  // 4 bytes per character cover every encoding used here
  const b = head(file, plan.skip + 4 * chars).subarray(plan.skip);
  const text = plan.decoder === null ? b.toString('utf8') : iconv().getDecoder(plan.decoder.lib, { stripBOM: plan.decoder.stripBOM }).write(b);
  return text.slice(0, chars);
}
