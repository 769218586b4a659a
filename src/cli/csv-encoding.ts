/**
 * Bytes → text for CSV files: a BOM (UTF-8, UTF-16 LE/BE) decides; without one, UTF-8 when the
 * bytes are valid UTF-8, else the encoding jschardet finds among the ones spreadsheets write
 * (GB18030/GBK, Big5, Shift-JIS, EUC-JP, EUC-KR, Windows-1252, Mac Roman), decoded with iconv-lite.
 * `--encoding` forces one. jschardet was chosen by measurement (scripts/measure-encoding-detectors.mjs).
 */
import { isUtf8 } from 'node:buffer';
import { CliError } from './errors';

/** The text of a file and how its encoding was decided. */
export interface DecodedText {
  text: string;
  /** Canonical name, e.g. "UTF-8", "UTF-16LE", "GB18030", "windows-1252". */
  encoding: string;
  /** "bom", "utf-8" (valid UTF-8, no BOM), "detected" (with the detector's confidence), "flag". */
  how: 'bom' | 'utf-8' | 'detected' | 'flag';
  confidence?: number;
}

/** The encodings the detector may choose from (jschardet names). */
export const CANDIDATES = ['GB18030', 'Big5', 'CP932', 'EUC-JP', 'EUC-KR', 'Windows-1252', 'MacRoman'];

/** jschardet / user names → the name iconv-lite decodes with and the name we print. */
export const CANONICAL: Record<string, [string, string]> = {
  gb18030: ['gb18030', 'GB18030'],
  gbk: ['gb18030', 'GB18030'],
  gb2312: ['gb18030', 'GB18030'],
  big5: ['cp950', 'Big5'],
  cp932: ['cp932', 'Shift_JIS'],
  shift_jis: ['cp932', 'Shift_JIS'],
  'shift-jis': ['cp932', 'Shift_JIS'],
  sjis: ['cp932', 'Shift_JIS'],
  'euc-jp': ['euc-jp', 'EUC-JP'],
  'euc-kr': ['euc-kr', 'EUC-KR'],
  'windows-1252': ['windows-1252', 'windows-1252'],
  cp1252: ['windows-1252', 'windows-1252'],
  'iso-8859-1': ['windows-1252', 'windows-1252'],
  latin1: ['windows-1252', 'windows-1252'],
  macroman: ['macintosh', 'macintosh'],
  macintosh: ['macintosh', 'macintosh'],
  'utf-8': ['utf8', 'UTF-8'],
  utf8: ['utf8', 'UTF-8'],
  'utf-16le': ['utf-16le', 'UTF-16LE'],
  'utf-16be': ['utf-16be', 'UTF-16BE'],
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const iconv = (): typeof import('iconv-lite') => require('iconv-lite') as typeof import('iconv-lite');

/**
 * The iconv-lite name and the printed name of an encoding the user named, or a CliError (exit 2).
 *
 * @example
 * encodingName("gbk"); // ["gb18030", "GB18030"]
 */
export function encodingName(name: string): [string, string] {
  const key = name.trim().toLowerCase();
  const known = CANONICAL[key];
  if (known) return known;
  if (iconv().encodingExists(key)) return [key, name.trim()];
  throw new CliError(`--encoding "${name}": unknown encoding (e.g. utf-8, utf-16le, gb18030, big5, shift_jis, windows-1252, macintosh)`, 2);
}

/**
 * Bytes of the lines that hold non-ASCII bytes (what the detector needs), up to `limit`.
 *
 * @example
 * nonAsciiLines(Buffer.from("a\nb\xe9\n"), 100); // the bytes of "b\xe9\n"
 */
export function nonAsciiLines(buf: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i < buf.length && size < limit; i++) {
    const b = buf[i];
    if (b >= 0x80) high = true;
    if (b === 10 || b === 13 || i === buf.length - 1) {
      if (high) {
        parts.push(buf.subarray(start, i + 1));
        size += i + 1 - start;
      }
      start = i + 1;
      high = false;
    }
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * UTF-16 without a BOM: many NUL bytes on one side of the pairs.
 *
 * @example
 * utf16WithoutBom(Buffer.from("id,name\n", "utf16le")); // "utf-16le"
 */
export function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  if (odd > 0.3 * (n / 2) && even === 0) return 'utf-16le';
  if (even > 0.3 * (n / 2) && odd === 0) return 'utf-16be';
  return null;
}

/**
 * Decodes a CSV file's bytes. Throws a CliError when the bytes fit no encoding (e.g. binary).
 *
 * @example
 * decodeCsvBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61])); // { text: "a", encoding: "UTF-8", how: "bom" }
 * decodeCsvBytes(iconv.encode("张伟,1\n", "gbk")).encoding; // "GB18030"
 */
export function decodeCsvBytes(buf: Uint8Array, forced?: string): DecodedText {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (forced !== undefined) {
    const [lib, name] = encodingName(forced);
    const bom = name === 'UTF-8' && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : name.startsWith('UTF-16') && b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) ? 2 : 0;
    return { text: iconv().decode(b.subarray(bom), lib, { stripBOM: true }), encoding: name, how: 'flag' };
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.toString('utf8', 3), encoding: 'UTF-8', how: 'bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: b.toString('utf16le', 2), encoding: 'UTF-16LE', how: 'bom' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv().decode(b.subarray(2), 'utf-16be'), encoding: 'UTF-16BE', how: 'bom' };
  const wide = utf16WithoutBom(b);
  if (wide) return { text: iconv().decode(b, wide), encoding: wide.toUpperCase(), how: 'detected' };
  if (isUtf8(b)) return { text: b.toString('utf8'), encoding: 'UTF-8', how: 'utf-8' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jschardet = require('jschardet') as { detect(b: Uint8Array, o?: { detectEncodings?: string[] }): { encoding: string | null; confidence: number } | null };
  // the head of the file is what the detector was measured on; a file whose non-ASCII text starts
  // later is sampled from its non-ASCII lines
  const head = b.subarray(0, 256 * 1024);
  const sample = head.some((x) => x >= 0x80) ? head : nonAsciiLines(b, 256 * 1024);
  const found = jschardet.detect(sample, { detectEncodings: CANDIDATES });
  const label = found?.encoding?.toLowerCase();
  const known = label ? CANONICAL[label] : undefined;
  if (!known) throw new CliError(`cannot tell the text encoding (not UTF-8, and no known encoding fits); name it with --encoding, e.g. --encoding gb18030`);
  return { text: iconv().decode(b, known[0]), encoding: known[1], how: 'detected', confidence: Math.round((found?.confidence ?? 0) * 100) / 100 };
}
