/**
 * A1 addresses for the in-memory host: column letters, parsing "A1:D9", "A:D", "3:5" and
 * formatting rectangles back, with Excel's grid size. Written apart from `src/excel/a1.ts` on
 * purpose: the host stands in for Excel, so a mistake in the adapter's addressing must not be
 * shared by the host that checks it.
 */

/** Rows in an Excel worksheet. */
export const MAX_ROWS = 1048576;
/** Columns in an Excel worksheet (A…XFD). */
export const MAX_COLUMNS = 16384;

/** A block of cells by 0-based indexes. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Column letters of a 0-based column index.
 * @example columnName(0) // "A"; columnName(27) // "AB"
 */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * 0-based column index of column letters.
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parses an A1 reference without sheet ("B2", "A1:D9", "A:D", "3:5") into a rectangle.
 * @example parseA1("A:B") // { row: 0, column: 0, rows: 1048576, columns: 2 }
 */
export function parseA1(ref: string): Rect {
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  const one = (p: string): { row?: number; column?: number } => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw new Error(`bad address "${ref}"`);
    return { column: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const a = one(parts[0]);
  const b = parts[1] !== undefined ? one(parts[1]) : a;
  const r0 = Math.min(a.row ?? 0, b.row ?? 0);
  const r1 = a.row === undefined || b.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row);
  const c0 = Math.min(a.column ?? 0, b.column ?? 0);
  const c1 = a.column === undefined || b.column === undefined ? MAX_COLUMNS - 1 : Math.max(a.column, b.column);
  return { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
}

/**
 * A1 text of a rectangle ("A1" for one cell).
 * @example formatA1({ row: 0, column: 0, rows: 2, columns: 2 }) // "A1:B2"
 */
export function formatA1(rect: Rect): string {
  const tl = `${columnName(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return tl;
  return `${tl}:${columnName(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/**
 * A sheet name as Excel writes it in an address (quoted when needed).
 * @example quoteSheet("Tier Summary") // "'Tier Summary'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
