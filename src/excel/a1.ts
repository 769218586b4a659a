/**
 * A1 references for what the adapter writes: cell addresses, block addresses, quoted sheet names.
 */

/** A block of cells on a sheet by 0-based indexes. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Column letters of a 0-based column index.
 * @example columnLetters(0) // "A"; columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A1 address of one cell.
 * @example cellAddress(1, 2) // "C2"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * A1 address of a block ("B2:D9"; "B2" for one cell).
 * @example blockAddress({ row: 1, column: 1, rows: 8, columns: 3 }) // "B2:D9"
 */
export function blockAddress(b: Block): string {
  const tl = cellAddress(b.row, b.column);
  return b.rows === 1 && b.columns === 1 ? tl : `${tl}:${cellAddress(b.row + b.rows - 1, b.column + b.columns - 1)}`;
}

/**
 * A sheet name as it appears in a reference, quoted when needed.
 * @example sheetRef("Tier Summary") // "'Tier Summary'"
 */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
