/**
 * Range, worksheet and workbook proxies: the part of Office.js's Excel API the add-in uses.
 */
import { formatA1, MAX_COLUMNS, MAX_ROWS, parseA1, quoteSheet, type Rect } from './a1';
import { type HostContext, LoadedCollectionProxy, NullableProxy } from './context';
import { HostError } from './errors';
import type { HostCell, SheetModel, WorkbookModel } from './model';
import {
  ChartCollectionProxy,
  ConditionalFormatCollectionProxy,
  FunctionsProxy,
  NamedItemCollectionProxy,
  type Place,
  type Placed,
  RangeFormatProxy,
  SettingCollectionProxy,
  TableCollectionProxy,
  WorkbookTableCollectionProxy,
} from './objects';

function cellsOf(rect: Rect): number {
  return rect.rows * rect.columns;
}

function checkRect(rect: Rect): Rect {
  if (rect.row < 0 || rect.column < 0 || rect.rows < 1 || rect.columns < 1 || rect.row + rect.rows > MAX_ROWS || rect.column + rect.columns > MAX_COLUMNS) {
    throw new HostError('InvalidArgument', `The range ${JSON.stringify(rect)} lies outside the worksheet.`);
  }
  return rect;
}

/** A 2-D array from a value or an array of the range's shape (Excel's rule for `values`). */
function shaped(value: unknown, rect: Rect, property: string): (row: number, column: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rect.rows || value.some((r) => !Array.isArray(r) || r.length !== rect.columns)) {
    throw new HostError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${rect.rows}×${rect.columns}).`,
    );
  }
  const rows = value as unknown[][];
  return (r, c) => rows[r][c];
}

/** A range of cells. */
export class RangeProxy extends NullableProxy<Place> implements Placed {
  private formatProxy?: RangeFormatProxy;
  private cfProxy?: ConditionalFormatCollectionProxy;

  constructor(
    context: HostContext,
    readonly model: WorkbookModel,
    find: () => Place | undefined,
    nullable = false,
    private readonly size?: Rect,
  ) {
    super(context, find, nullable);
  }

  /** Where the range is now (runs at sync time). */
  place(): Place {
    return this.target();
  }

  protected override cellsCovered(): number {
    return this.size ? cellsOf(this.size) : 0;
  }

  protected defaultProps(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values'];
  }

  protected readFrom(p: Place, name: string): unknown {
    const { sheet, rect } = p;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${formatA1(rect)}`;
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'cellCount':
        return cellsOf(rect);
      case 'values':
        return this.grid(p, (r, c) => sheet.get(r, c));
      case 'formulas':
        return this.grid(p, (r, c) => sheet.formulaAt(r, c) ?? sheet.get(r, c));
      case 'numberFormat':
        return this.grid(p, (r, c) => sheet.numberFormatAt(r, c));
      default:
        throw new HostError('InvalidArgument', `Range.${name} is not modelled by the test host.`);
    }
  }

  private grid(p: Place, cell: (row: number, column: number) => HostCell): HostCell[][] {
    // loading more cells than Excel returns in one answer fails as an oversized response (see context.ts)
    if (cellsOf(p.rect) > 5_000_000) throw new HostError('ResponsePayloadSizeLimitExceeded', 'Too many cells to load.');
    const out: HostCell[][] = new Array(p.rect.rows);
    for (let r = 0; r < p.rect.rows; r++) {
      const row: HostCell[] = new Array(p.rect.columns);
      for (let c = 0; c < p.rect.columns; c++) row[c] = cell(p.rect.row + r, p.rect.column + c);
      out[r] = row;
    }
    return out;
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get cellCount(): number {
    return this.loaded('cellCount');
  }
  get values(): HostCell[][] {
    return this.loaded('values');
  }
  set values(value: HostCell[][]) {
    this.call('values', [value], () => {
      const { sheet, rect } = this.place();
      const at = shaped(value, rect, 'values');
      for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) sheet.write(rect.row + r, rect.column + c, at(r, c));
    }, this.size ? cellsOf(this.size) : 0);
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(value: string[][]) {
    this.call('numberFormat', [value], () => {
      const { sheet, rect } = this.place();
      const at = shaped(value, rect, 'numberFormat');
      if (!Array.isArray(value)) {
        sheet.formats.push({ rect, numberFormat: String(value) });
        return;
      }
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.columns; c++) sheet.formats.push({ rect: { row: rect.row + r, column: rect.column + c, rows: 1, columns: 1 }, numberFormat: String(at(r, c)) });
      }
    }, Array.isArray(value) && this.size ? cellsOf(this.size) : 0);
  }

  /** The worksheet of the range. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this.model, () => this.find()?.sheet);
  }
  /** `range.format`. */
  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.context, () => this.place());
    return this.formatProxy;
  }
  /** `range.conditionalFormats`. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.context, () => this.place());
    return this.cfProxy;
  }

  private derived(map: (p: Place) => Place | undefined, nullable = false, size?: Rect): RangeProxy {
    return new RangeProxy(this.context, this.model, () => {
      const p = this.find();
      return p === undefined ? undefined : map(p);
    }, nullable, size);
  }

  /** One cell of the range (0-based offsets). */
  getCell(row: number, column: number): RangeProxy {
    return this.derived((p) => ({ sheet: p.sheet, rect: checkRect({ row: p.rect.row + row, column: p.rect.column + column, rows: 1, columns: 1 }) }));
  }
  /** The current region around the top-left cell (ExcelApi 1.7). */
  getSurroundingRegion(): RangeProxy {
    return this.derived((p) => ({ sheet: p.sheet, rect: p.sheet.region(p.rect.row, p.rect.column) }));
  }
  /** The used part of the range; a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    void valuesOnly;
    return this.derived((p) => {
      const used = p.sheet.usedRectWithin(p.rect);
      return used ? { sheet: p.sheet, rect: used } : undefined;
    }, true);
  }
  /** Clears contents ("Contents"), formats ("Formats") or both ("All"). */
  clear(applyTo: string = 'All'): void {
    this.call('clear', [applyTo], () => {
      const { sheet, rect } = this.place();
      if (applyTo === 'Formats') sheet.formats.push({ rect, numberFormat: 'General', bold: false, fill: '', fontColor: '' });
      else sheet.clear(rect, applyTo === 'All');
    });
  }
  /** Copies values (and formats for "All") from a range of the same size (ExcelApi 1.9). */
  copyFrom(source: Placed, copyType: string = 'All'): void {
    this.call('copyFrom', ['range', copyType], () => {
      const from = source.place();
      const to = this.place();
      const rect = { ...to.rect, rows: from.rect.rows, columns: from.rect.columns };
      checkRect(rect);
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.columns; c++) {
          const f = from.sheet.formulaAt(from.rect.row + r, from.rect.column + c);
          to.sheet.put(rect.row + r, rect.column + c, from.sheet.get(from.rect.row + r, from.rect.column + c));
          if (f) to.sheet.formulas.set(`${rect.row + r},${rect.column + c}`, f);
        }
      }
      if (copyType === 'All' || copyType === 'Formats') {
        for (const f of from.sheet.formats) {
          const r0 = Math.max(f.rect.row, from.rect.row);
          const c0 = Math.max(f.rect.column, from.rect.column);
          const r1 = Math.min(f.rect.row + f.rect.rows, from.rect.row + from.rect.rows);
          const c1 = Math.min(f.rect.column + f.rect.columns, from.rect.column + from.rect.columns);
          if (r1 <= r0 || c1 <= c0) continue;
          to.sheet.formats.push({ ...f, rect: { row: rect.row + r0 - from.rect.row, column: rect.column + c0 - from.rect.column, rows: r1 - r0, columns: c1 - c0 } });
        }
      }
    });
  }
}

/** A worksheet. */
export class WorksheetProxy extends NullableProxy<SheetModel> {
  constructor(
    context: HostContext,
    readonly model: WorkbookModel,
    find: () => SheetModel | undefined,
    nullable = false,
  ) {
    super(context, find, nullable);
  }
  protected defaultProps(): string[] {
    return ['id', 'name', 'position', 'visibility'];
  }
  protected readFrom(s: SheetModel, name: string): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.model.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        throw new HostError('InvalidArgument', `Worksheet.${name} is not modelled by the test host.`);
    }
  }
  get id(): string {
    return this.loaded('id');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.call('name', [value], () => {
      const s = this.target();
      this.model.checkSheetName(value, s);
      s.name = value;
    });
  }
  get position(): number {
    return this.loaded('position');
  }
  get visibility(): string {
    return this.loaded('visibility');
  }
  set visibility(value: string) {
    this.call('visibility', [value], () => {
      if (value !== 'Visible' && value !== 'Hidden') throw new HostError('InvalidArgument', `visibility ${value}`);
      this.target().visibility = value;
    });
  }
  /** A range by A1 address on this sheet (the whole sheet without one). */
  getRange(address?: string): RangeProxy {
    const rect = address ? parseA1(address) : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };
    return new RangeProxy(this.context, this.model, () => ({ sheet: this.target(), rect }), false, rect);
  }
  /** A range by 0-based indexes. */
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    const rect = checkRect({ row, column, rows, columns });
    return new RangeProxy(this.context, this.model, () => ({ sheet: this.target(), rect }), false, rect);
  }
  /** The used range (A1 on an empty sheet, as Excel). */
  getUsedRange(valuesOnly = false): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this.model, () => {
      const s = this.target();
      return { sheet: s, rect: s.usedRect() ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  /** The used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this.model, () => {
      const s = this.find();
      const used = s?.usedRect();
      return s && used ? { sheet: s, rect: used } : undefined;
    }, true);
  }
  /** Deletes the sheet. */
  delete(): void {
    this.call('delete', [], () => this.model.deleteSheet(this.target()));
  }
  /** Makes the sheet the active one (recorded only). */
  activate(): void {
    this.call('activate', [], () => {
      this.target();
    });
  }
  /** `worksheet.tables`. */
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this.model, () => this.target(), (a) =>
      typeof a === 'string' ? { sheet: this.target(), rect: parseA1(a) } : a.place(),
    );
  }
  /** `worksheet.charts`. */
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this.model, () => this.target());
  }
}

/** `workbook.worksheets`. */
export class WorksheetCollectionProxy extends LoadedCollectionProxy<WorksheetProxy> {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
  ) {
    super(context);
  }
  /** The sheets, in order. */
  protected snapshot(): { data: unknown[]; items: () => WorksheetProxy[] } {
    const data = this.model.sheets.map((s, i) => ({ id: s.id, name: s.name, position: i, visibility: s.visibility }));
    const items = (): WorksheetProxy[] =>
      data.map((d) => {
        const p = new WorksheetProxy(this.context, this.model, () => this.model.findSheet(d.id));
        (p as unknown as { setLoaded(x: Record<string, unknown>): void }).setLoaded(d);
        return p;
      });
    return { data, items };
  }
  /** Adds a sheet (Excel's naming rules apply). */
  add(name?: string): WorksheetProxy {
    let made: SheetModel | undefined;
    this.call('add', [name], () => {
      made = this.model.addSheet(name);
    });
    return new WorksheetProxy(this.context, this.model, () => made);
  }
  /** A sheet by name or id. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.model, () => this.model.sheet(key));
  }
  /** A sheet by name or id, or a null object. */
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.model, () => this.model.findSheet(key), true);
  }
  /** The active sheet (the one holding the selection). */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this.model, () => this.model.sheet(this.model.selection.sheetId));
  }
}

/** `context.workbook.application`. */
export class ApplicationProxy {
  constructor(private readonly context: HostContext) {}
  /** Suspends calculation until the next sync (recorded per sync in the stats). */
  suspendApiCalculationUntilNextSync(): void {
    this.context.suspendCalculation();
  }
}

/** `context.workbook`. */
export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: WorkbookTableCollectionProxy;
  readonly application: ApplicationProxy;
  readonly functions: FunctionsProxy;
  constructor(
    private readonly context: HostContext,
    private readonly model: WorkbookModel,
  ) {
    this.functions = new FunctionsProxy(context, model);
    this.worksheets = new WorksheetCollectionProxy(context, model);
    this.settings = new SettingCollectionProxy(context, model);
    this.names = new NamedItemCollectionProxy(context, model, (where, nullable) => new RangeProxy(context, model, () => where(), nullable));
    this.tables = new WorkbookTableCollectionProxy(context, model);
    this.application = new ApplicationProxy(context);
  }
  /**
   * The selected range. Like Excel, it fails when the selection is not one block of cells:
   * - several areas: "If multiple ranges are selected, this method will throw an error"
   *   (Workbook.getSelectedRange, Excel JavaScript API reference, learn.microsoft.com);
   * - a chart or shape: `InvalidSelection`, by design (OfficeDev/office-js#2268, #8).
   * The code for several areas is not documented; the host uses InvalidSelection for both and
   * reports the failing call in `debugInfo.errorLocation`, which is what the add-in checks too.
   */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, this.model, () => {
      if (this.model.selectionKind !== 'block') {
        throw new HostError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      }
      return { sheet: this.model.sheet(this.model.selection.sheetId), rect: this.model.selection.rect };
    });
  }
}
