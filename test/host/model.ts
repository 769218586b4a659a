/**
 * The workbook state behind the host: sheets of cells, formats, conditional formats, tables,
 * charts, names and settings. Plain data with Excel's rules; the proxies in `context.ts` read and
 * change it only when a request is synced.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './a1';
import { HostError } from './errors';

/** What a cell holds; "" is empty. */
export type HostCell = string | number | boolean;

/** Formatting applied to a block (later entries win). */
export interface FormatPatch {
  rect: Rect;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}

/** A conditional format (the add-in makes custom-formula rules; a user's may be of any type). */
export interface ConditionalFormatModel {
  id: string;
  type: string;
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  /**
   * A rule the user duplicated in Conditional Formatting → Manage Rules: Excel then fails to read
   * the properties of the rules (OfficeDev/office-js#6835).
   */
  duplicated?: boolean;
  /** A rule Excel fails to delete with "Item Not Found" although it exists (OfficeDev/office-js#5222). */
  deleteFails?: boolean;
}

/**
 * True when Excel fails to read a rule's properties (rule, format): a duplicated rule (#6835), or
 * one of two or more cell-value rules on the same range (OfficeDev/office-js#6827). Ids and types
 * still load.
 * @example unreadableRule(sheet, { ...cf, duplicated: true }) // true
 */
export function unreadableRule(sheet: SheetModel, cf: ConditionalFormatModel): boolean {
  if (cf.duplicated) return true;
  const same = (a: Rect, b: Rect): boolean => a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
  return cf.type === 'CellValue' && sheet.conditionalFormats.some((o) => o !== cf && o.type === 'CellValue' && same(o.rect, cf.rect));
}

/** An Excel table. */
export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style?: string;
}

/** A chart series. */
export interface SeriesModel {
  name: string;
  chartType?: string;
  axisGroup?: string;
  values?: Rect;
  xValues?: Rect;
  /** Marker style, size and colours (fill, outline); line colour and style (`format.line`). */
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  lineColor?: string;
  lineStyle?: string;
}

/** A chart axis: its title and scale type ("Linear" unless set). */
export interface AxisModel {
  title?: string;
  scaleType?: string;
}

/** A chart. */
export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  series: SeriesModel[];
  /** The horizontal (category, or x for scatter) and vertical value axes. */
  axes?: { category: AxisModel; value: AxisModel };
}

/** Excel's date serial for an ISO date, 1900 system. */
function isoSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).getUTCDate() !== Number(m[3])) return undefined;
  return ms / 86400000 + 25569;
}

/** One worksheet. */
export class SheetModel {
  visibility: 'Visible' | 'Hidden' = 'Visible';
  readonly rows: (HostCell[] | undefined)[] = [];
  readonly formulas = new Map<string, string>();
  readonly formats: FormatPatch[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** The value of a cell ("" when empty). */
  get(row: number, column: number): HostCell {
    return this.rows[row]?.[column] ?? '';
  }

  /** Stores a value as it is (no interpretation). */
  put(row: number, column: number, value: HostCell): void {
    let r = this.rows[row];
    if (!r) {
      if (value === '') return;
      r = this.rows[row] = [];
    }
    r[column] = value;
    this.formulas.delete(`${row},${column}`);
  }

  /** Writes a value as Excel does when it arrives through `Range.values`. */
  write(row: number, column: number, value: unknown): void {
    if (value === null || value === undefined) return; // null leaves the cell as it is
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      this.put(row, column, value);
      return;
    }
    if (typeof value === 'boolean') return this.put(row, column, value);
    if (typeof value !== 'string') throw new HostError('InvalidArgument', `Unsupported cell value ${JSON.stringify(value)}.`);
    if (this.numberFormatAt(row, column) === '@') return this.put(row, column, value);
    if (value.startsWith("'")) return this.put(row, column, value.slice(1));
    if (/^[=+@]/.test(value) || (value.startsWith('-') && Number.isNaN(Number(value)))) {
      this.put(row, column, '');
      this.formulas.set(`${row},${column}`, value.startsWith('=') ? value : `=${value}`);
      return;
    }
    const trimmed = value.trim();
    if (trimmed !== '' && !Number.isNaN(Number(trimmed))) return this.put(row, column, Number(trimmed));
    if (/^(true|false)$/i.test(trimmed)) return this.put(row, column, trimmed.toLowerCase() === 'true');
    const serial = isoSerial(trimmed);
    this.put(row, column, serial ?? value);
  }

  /** The formula of a cell, if it holds one. */
  formulaAt(row: number, column: number): string | undefined {
    return this.formulas.get(`${row},${column}`);
  }

  /** The number format in effect for a cell. */
  numberFormatAt(row: number, column: number): string {
    return this.patchAt(row, column, 'numberFormat') ?? 'General';
  }

  /** The last value of a format property applied to a cell. */
  patchAt<K extends 'numberFormat' | 'bold' | 'fill' | 'fontColor'>(row: number, column: number, key: K): FormatPatch[K] | undefined {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f[key] !== undefined && contains(f.rect, row, column)) return f[key];
    }
    return undefined;
  }

  /** True when the cell holds a value or a formula. */
  filled(row: number, column: number): boolean {
    return this.get(row, column) !== '' || this.formulas.has(`${row},${column}`);
  }

  /** The smallest block holding every value (null on an empty sheet). */
  usedRect(): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = MAX_COLUMNS;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === '') return;
        if (r0 < 0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(',').map(Number);
      r0 = r0 < 0 ? r : Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    return r0 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }

  /**
   * The smallest block holding every value or formula inside `rect` (null when it holds none): what
   * `Range.getUsedRange()` answers for a range ("the used range of the given range object", Excel
   * JavaScript API reference) — not the sheet's used range clipped to the range.
   */
  usedRectWithin(rect: Rect): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Number.MAX_SAFE_INTEGER;
    let c1 = -1;
    const last = Math.min(rect.row + rect.rows, this.rows.length);
    for (let r = rect.row; r < last; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const end = Math.min(rect.column + rect.columns, row.length);
      for (let c = rect.column; c < end; c++) {
        const v = row[c];
        if (v === '' || v === undefined) continue;
        if (r0 < 0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (!contains(rect, r, c)) continue;
      r0 = r0 < 0 ? r : Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    return r0 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }

  /** True when no cell of the block holds anything. */
  isEmpty(rect: Rect): boolean {
    const r1 = Math.min(rect.row + rect.rows, this.rows.length);
    for (let r = rect.row; r < r1; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = rect.column; c < rect.column + rect.columns && c < row.length; c++) if (row[c] !== '' && row[c] !== undefined) return false;
    }
    for (const key of this.formulas.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (contains(rect, r, c)) return false;
    }
    return true;
  }

  /** Excel's current region around a cell: grown until bounded by blank rows and columns. */
  region(row: number, column: number): Rect {
    const rect: Rect = { row, column, rows: 1, columns: 1 };
    const lineFilled = (r0: number, r1: number, c0: number, c1: number): boolean => {
      for (let r = Math.max(0, r0); r <= Math.min(MAX_ROWS - 1, r1); r++) {
        for (let c = Math.max(0, c0); c <= Math.min(MAX_COLUMNS - 1, c1); c++) if (this.filled(r, c)) return true;
      }
      return false;
    };
    // grow one side at a time as far as it goes; repeat until no side grows
    for (let grown = true; grown; ) {
      grown = false;
      const left = (): number => rect.column;
      const right = (): number => rect.column + rect.columns - 1;
      while (rect.row + rect.rows < MAX_ROWS && lineFilled(rect.row + rect.rows, rect.row + rect.rows, left() - 1, right() + 1)) {
        rect.rows++;
        grown = true;
      }
      while (rect.row > 0 && lineFilled(rect.row - 1, rect.row - 1, left() - 1, right() + 1)) {
        rect.row--;
        rect.rows++;
        grown = true;
      }
      while (right() < MAX_COLUMNS - 1 && lineFilled(rect.row - 1, rect.row + rect.rows, right() + 1, right() + 1)) {
        rect.columns++;
        grown = true;
      }
      while (rect.column > 0 && lineFilled(rect.row - 1, rect.row + rect.rows, rect.column - 1, rect.column - 1)) {
        rect.column--;
        rect.columns++;
        grown = true;
      }
    }
    return rect;
  }

  /** Clears values, formulas and (optionally) formats of a block. */
  clear(rect: Rect, formats: boolean): void {
    const r1 = Math.min(rect.row + rect.rows, this.rows.length);
    for (let r = rect.row; r < r1; r++) {
      const row = this.rows[r];
      if (row) for (let c = rect.column; c < rect.column + rect.columns && c < row.length; c++) row[c] = '';
    }
    for (const key of [...this.formulas.keys()]) {
      const [r, c] = key.split(',').map(Number);
      if (contains(rect, r, c)) this.formulas.delete(key);
    }
    if (formats) this.formats.push({ rect, numberFormat: 'General', bold: false, fill: '', fontColor: '' });
  }
}

/** True when the cell lies in the block. */
export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && column >= rect.column && column < rect.column + rect.columns;
}

/** Characters Excel does not allow in sheet names. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

/** The whole workbook. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /** Defined names; `sheetId` is "" once the sheet was deleted (the name refers to #REF!). */
  readonly names = new Map<string, { sheetId: string; rect: Rect }>();
  readonly settings = new Map<string, unknown>();
  selection: { sheetId: string; rect: Rect } = { sheetId: '', rect: { row: 0, column: 0, rows: 1, columns: 1 } };
  /**
   * What is selected besides one block of cells: several areas (Ctrl+click), or a chart or shape.
   * `workbook.getSelectedRange()` then fails (see `WorkbookProxy.getSelectedRange`).
   */
  selectionKind: 'block' | 'areas' | 'chart' = 'block';
  /**
   * The newest ExcelApi requirement set this Excel supports (minor version: 19 is ExcelApi 1.19).
   * Calls from newer sets fail with `ApiNotFound` ("Excel JavaScript API error codes",
   * learn.microsoft.com); `isSetSupported` answers from it.
   */
  excelApi = 19;
  /** The workbook's date system: true for 1904 (serial 0 = 1904-01-01). */
  date1904 = false;
  private counter = 0;

  constructor(firstSheet = 'Sheet1') {
    const sheet = this.addSheet(firstSheet);
    this.selection.sheetId = sheet.id;
  }

  /** A fresh id, like Excel's `{GUID}` ids. */
  newId(prefix: string): string {
    this.counter++;
    return `{${prefix}-${String(this.counter).padStart(8, '0')}}`;
  }

  /** Checks a sheet name against Excel's rules (length, characters, unique case-insensitively). */
  checkSheetName(name: string, except?: SheetModel): void {
    if (name.length === 0 || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new HostError('InvalidArgument', `The sheet name "${name}" is not valid.`);
    }
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new HostError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    }
  }

  /** Adds a sheet at the end. */
  addSheet(name?: string): SheetModel {
    let n = this.sheets.length + 1;
    while (name === undefined && this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const finalName = name ?? `Sheet${n}`;
    this.checkSheetName(finalName);
    const sheet = new SheetModel(this.newId('sheet'), finalName);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet by name (case-insensitive) or id. */
  findSheet(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  /** A sheet by name or id, or ItemNotFound. */
  sheet(key: string): SheetModel {
    const s = this.findSheet(key);
    if (!s) throw new HostError('ItemNotFound', `The requested resource doesn't exist (sheet "${key}").`);
    return s;
  }

  /** Deletes a sheet (Excel keeps at least one visible sheet). */
  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (sheet.visibility === 'Visible' && visible.length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    // like Excel, a name into a deleted sheet stays, referring to #REF!
    for (const ref of this.names.values()) if (ref.sheetId === sheet.id) ref.sheetId = '';
  }

  /** Where a defined name points now (undefined when missing or #REF!). */
  nameTarget(name: string): { sheet: SheetModel; rect: Rect } | undefined {
    const ref = this.names.get(name);
    const sheet = ref && ref.sheetId !== '' ? this.findSheet(ref.sheetId) : undefined;
    return ref && sheet ? { sheet, rect: ref.rect } : undefined;
  }

  /** Every table in the workbook. */
  allTables(): TableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }
}
