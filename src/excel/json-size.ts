/**
 * Bytes a value takes in a request or response (JSON, UTF-8), to size requests before sending them.
 */

/**
 * UTF-8 length of a string.
 * @example utf8Length("客户") // 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/**
 * JSON bytes of one cell value as it travels in `values`.
 * @example cellBytes("ab") // 4
 * @example cellBytes(12.5) // 4
 */
export function cellBytes(value: unknown): number {
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'string') {
    let extra = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 34 || c === 92) extra++;
      else if (c < 32) extra += 5;
    }
    return utf8Length(value) + extra;
  }
  return 4; // null
}

/**
 * JSON bytes of a row of cells (brackets and commas included).
 * @example rowBytes(["a", 1]) // 9
 */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += cellBytes(v);
  return n;
}
