/**
 * Smaller proxies: range formatting, conditional formats, tables, charts, settings and names.
 */
import { formatA1, parseA1, type Rect } from './a1';
import { ClientProxy, type HostContext, LoadedCollectionProxy, NullableProxy } from './context';
import { HostError } from './errors';
import { type AxisModel, type ChartModel, type ConditionalFormatModel, type SeriesModel, type SheetModel, type TableModel, unreadableRule, type WorkbookModel } from './model';

/** A sheet and a block on it: what a range proxy resolves to. */
export interface Place {
  sheet: SheetModel;
  rect: Rect;
}

/** Anything that resolves to a place (a range proxy). */
export interface Placed {
  place(): Place;
}

/** Writes one format property of a block. */
class FormatPart extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly where: () => Place,
    private readonly key: 'fill' | 'fontColor' | 'bold',
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  protected patch(value: unknown): void {
    this.call(this.key, [value], () => {
      const p = this.where();
      p.sheet.formats.push({ rect: p.rect, [this.key]: value });
    });
  }
}

/** `range.format.fill`. */
export class FillProxy extends FormatPart {
  constructor(context: HostContext, where: () => Place) {
    super(context, where, 'fill');
  }
  set color(value: string) {
    this.patch(value);
  }
}

/** `range.format.font`. */
export class FontProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly where: () => Place,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  set bold(value: boolean) {
    this.call('font.bold', [value], () => {
      const p = this.where();
      p.sheet.formats.push({ rect: p.rect, bold: value });
    });
  }
  set color(value: string) {
    this.call('font.color', [value], () => {
      const p = this.where();
      p.sheet.formats.push({ rect: p.rect, fontColor: value });
    });
  }
}

/** `range.format`. */
export class RangeFormatProxy extends ClientProxy {
  readonly fill: FillProxy;
  readonly font: FontProxy;
  constructor(
    context: HostContext,
    private readonly where: () => Place,
  ) {
    super(context);
    this.fill = new FillProxy(context, where);
    this.font = new FontProxy(context, where);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  /** Fits column widths to the contents (recorded only). */
  autofitColumns(): void {
    this.call('autofitColumns', [], () => {
      this.where();
    });
  }
}

/** A custom conditional format: `cf.custom.rule.formula`, `cf.custom.format.fill.color`… */
export class ConditionalFormatProxy extends NullableProxy<ConditionalFormatModel> {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(context: HostContext, find: () => ConditionalFormatModel | undefined, nullable: boolean, private readonly owner: () => SheetModel | undefined) {
    super(context, find, nullable);
    const setter = (key: 'formula' | 'fill' | 'fontColor') => (value: string) =>
      this.call(`custom.${key}`, [value], () => {
        this.target()[key] = value;
      });
    const setFormula = setter('formula');
    const setFill = setter('fill');
    const setFont = setter('fontColor');
    this.custom = {
      rule: { set formula(v: string) { setFormula(v); }, get formula(): string { throw new HostError('PropertyNotLoaded', 'custom.rule.formula is not loaded'); } },
      format: {
        fill: { set color(v: string) { setFill(v); }, get color(): string { throw new HostError('PropertyNotLoaded', 'fill.color is not loaded'); } },
        font: { set color(v: string) { setFont(v); }, get color(): string { throw new HostError('PropertyNotLoaded', 'font.color is not loaded'); } },
      },
    };
  }
  protected defaultProps(): string[] {
    return ['id', 'type'];
  }
  protected readFrom(target: ConditionalFormatModel, name: string): unknown {
    if (name === 'customOrNullObject/rule/formula') return target.type === 'Custom' ? target.formula : null;
    return name === 'id' ? target.id : name === 'type' ? target.type : null;
  }
  get id(): string {
    return this.loaded('id');
  }
  get type(): string {
    return this.loaded('type');
  }
  /** `cf.customOrNullObject` with `rule.formula` as loaded through `items/customOrNullObject/rule/formula`. */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const formula = (): string | null => this.loaded<string | null>('customOrNullObject/rule/formula');
    return {
      get isNullObject(): boolean {
        return formula() === null;
      },
      rule: {
        get formula(): string {
          const f = formula();
          if (f === null) throw new HostError('InvalidOperation', 'not a custom conditional format');
          return f;
        },
      },
    };
  }
  /** Stores properties loaded through the collection. */
  loadedFrom(data: Record<string, unknown>): void {
    this.setLoaded(data);
  }
  /** Deletes the rule. */
  delete(): void {
    this.call('delete', [], () => {
      const cf = this.target();
      // OfficeDev/office-js#5222: Excel reports "Item Not Found" for a rule that exists
      if (cf.deleteFails) throw new HostError('ItemNotFound', 'Item Not Found.');
      const sheet = this.owner();
      if (sheet) sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

/** `range.conditionalFormats`: the rules overlapping a range. */
export class ConditionalFormatCollectionProxy extends LoadedCollectionProxy<ConditionalFormatProxy> {
  constructor(
    context: HostContext,
    private readonly where: () => Place,
  ) {
    super(context);
  }
  protected override loadOp(wanted: string[]): string[] {
    return wanted.map((n) => `items/${n}`);
  }
  /**
   * The rules overlapping the range: `items/id`, `items/type`,
   * `items/customOrNullObject/rule/formula`.
   */
  protected snapshot(wanted: string[]): { data: unknown[]; items: () => ConditionalFormatProxy[] } {
    const p = this.where();
    const found = p.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, p.rect));
    const data = found.map((cf) => {
      if (wanted.some((n) => n !== 'id' && n !== 'type') && unreadableRule(p.sheet, cf)) {
        // OfficeDev/office-js#6827, #6835: reading the rules' properties fails the whole request
        throw new HostError('GeneralException', 'An internal error has occurred.', 'ConditionalFormatCollection.load');
      }
      const row: Record<string, unknown> = {};
      for (const n of wanted) {
        if (n === 'id') row.id = cf.id;
        else if (n === 'type') row.type = cf.type;
        else if (n === 'customOrNullObject/rule/formula') row[n] = cf.type === 'Custom' ? cf.formula : null;
        else throw new HostError('InvalidArgument', `ConditionalFormat.${n} is not modelled by the test host.`);
      }
      return row;
    });
    const items = (): ConditionalFormatProxy[] =>
      data.map((row) => {
        const id = String(row.id ?? '');
        const sheet = p.sheet;
        const proxy = new ConditionalFormatProxy(this.context, () => sheet.conditionalFormats.find((cf) => cf.id === id), false, () => sheet);
        proxy.loadedFrom(row);
        return proxy;
      });
    return { data, items };
  }
  /** Adds a rule over the range (only "Custom" is modelled). */
  add(type: string): ConditionalFormatProxy {
    let made: ConditionalFormatModel | undefined;
    let sheet: SheetModel | undefined;
    this.call('add', [type], () => {
      if (type !== 'Custom') throw new HostError('InvalidArgument', `conditional format type ${type} is not modelled`);
      const p = this.where();
      sheet = p.sheet;
      made = { id: p.sheet.id.replace('sheet', 'cf') + `:${p.sheet.conditionalFormats.length}:${Math.random().toString(36).slice(2, 8)}`, type, rect: p.rect, formula: '' };
      p.sheet.conditionalFormats.push(made);
    });
    return new ConditionalFormatProxy(this.context, () => made, false, () => sheet);
  }
  /** The rule with this id (ItemNotFound at sync when missing). */
  getItem(id: string): ConditionalFormatProxy {
    const find = (): ConditionalFormatModel | undefined => this.where().sheet.conditionalFormats.find((cf) => cf.id === id);
    return new ConditionalFormatProxy(this.context, find, false, () => this.where().sheet);
  }
  /** The rule with this id, or a null object (ExcelApi 1.14: `ApiNotFound` in older Excel). */
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    const find = (): ConditionalFormatModel | undefined => {
      const p = this.where();
      // [Api set: ExcelApi 1.14] in the Excel JavaScript API reference (ConditionalFormatCollection)
      if (this.context.model.excelApi < 14) throw new HostError('ApiNotFound', 'The requested API could not be found.', 'ConditionalFormatCollection.getItemOrNullObject');
      return p.sheet.conditionalFormats.find((cf) => cf.id === id && overlaps(cf.rect, p.rect));
    };
    return new ConditionalFormatProxy(this.context, find, true, () => this.where().sheet);
  }
}

/** An Excel table. */
export class TableProxy extends NullableProxy<TableModel> {
  constructor(
    context: HostContext,
    find: () => TableModel | undefined,
    nullable: boolean,
    private readonly model: WorkbookModel,
  ) {
    super(context, find, nullable);
  }
  protected defaultProps(): string[] {
    return ['id', 'name', 'style'];
  }
  protected readFrom(t: TableModel, name: string): unknown {
    return name === 'id' ? t.id : name === 'name' ? t.name : name === 'style' ? (t.style ?? null) : null;
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.call('name', [value], () => {
      const t = this.target();
      checkTableName(this.model, value, t);
      t.name = value;
    });
  }
  set style(value: string) {
    this.call('style', [value], () => {
      this.target().style = value;
    });
  }
}

/** Excel's rules for table names: letter or _ first, no spaces, unique in the workbook. */
export function checkTableName(model: WorkbookModel, name: string, except?: TableModel): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
    throw new HostError('InvalidArgument', `The table name "${name}" is not valid.`);
  }
  const lower = name.toLowerCase();
  if (model.allTables().some((t) => t !== except && t.name.toLowerCase() === lower) || [...model.names.keys()].some((n) => n.toLowerCase() === lower)) {
    throw new HostError('ItemAlreadyExists', `A table named "${name}" already exists.`);
  }
}

/** `worksheet.tables`. */
export class TableCollectionProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly sheetOf: () => SheetModel,
    private readonly resolveAddress: (address: string | Placed) => Place,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  /** Turns a range into a table (the header row is its first row). */
  add(address: string | Placed, hasHeaders: boolean): TableProxy {
    let made: TableModel | undefined;
    this.call('add', [typeof address === 'string' ? address : 'range', hasHeaders], () => {
      const p = this.resolveAddress(address);
      if (p.sheet !== this.sheetOf()) throw new HostError('InvalidArgument', 'The range is not on this worksheet.');
      for (const t of this.model.allTables()) {
        if (this.model.sheets.find((s) => s.tables.includes(t)) === p.sheet && overlaps(t.rect, p.rect)) {
          throw new HostError('InvalidOperation', 'A table cannot overlap another table.');
        }
      }
      let n = this.model.allTables().length + 1;
      while (this.model.allTables().some((t) => t.name === `Table${n}`)) n++;
      made = { id: this.model.newId('table'), name: `Table${n}`, rect: p.rect, hasHeaders };
      p.sheet.tables.push(made);
    });
    return new TableProxy(this.context, () => made, false, this.model);
  }
}

/** One chart series. */
export class SeriesProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly find: () => SeriesModel,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return ['name'];
  }
  protected readProp(name: string): unknown {
    return name === 'name' ? this.find().name : null;
  }
  set chartType(value: string) {
    this.call('chartType', [value], () => {
      this.hasValues('chartType');
      this.find().chartType = value;
    });
  }
  /**
   * A series added by `series.add(name)` has no data until `setValues`; Excel refuses to change
   * the type or axis group of such a series (ErrorCodes.emptyChartSeries, "EmptyChartSeries", in
   * @microsoft/office-js dist/excel-web-16.00.debug.js). Microsoft's chart samples set the values first.
   */
  private hasValues(property: string): void {
    if (!this.find().values) throw new HostError('EmptyChartSeries', `The series has no values: set them before ${property}.`, `ChartSeries.${property}`);
  }
  set name(value: string) {
    this.call('name', [value], () => {
      this.find().name = value;
    });
  }
  set axisGroup(value: string) {
    this.call('axisGroup', [value], () => {
      this.hasValues('axisGroup');
      this.find().axisGroup = value;
    });
  }
  /** Marker and line properties (ExcelApi 1.7), kept in the model as written. */
  set markerStyle(value: string) {
    this.call('markerStyle', [value], () => {
      this.find().markerStyle = value;
    });
  }
  set markerSize(value: number) {
    this.call('markerSize', [value], () => {
      if (!Number.isInteger(value) || value < 2 || value > 72) throw new HostError('InvalidArgument', `markerSize must be 2–72, got ${value}`, 'ChartSeries.markerSize');
      this.find().markerSize = value;
    });
  }
  set markerBackgroundColor(value: string) {
    this.call('markerBackgroundColor', [value], () => {
      this.find().markerBackgroundColor = value;
    });
  }
  set markerForegroundColor(value: string) {
    this.call('markerForegroundColor', [value], () => {
      this.find().markerForegroundColor = value;
    });
  }
  /** `series.format.line`: colour and dash style. */
  get format(): { line: { color: string; lineStyle: string } } {
    const line = {
      set: (prop: 'color' | 'lineStyle', v: string) =>
        this.call(`format.line.${prop}`, [v], () => {
          if (prop === 'color') this.find().lineColor = v;
          else this.find().lineStyle = v;
        }),
    };
    const unread = (what: string): never => {
      throw new HostError('PropertyNotLoaded', `${what} is not loaded`);
    };
    return {
      line: {
        set color(v: string) { line.set('color', v); },
        get color(): string { return unread('format.line.color'); },
        set lineStyle(v: string) { line.set('lineStyle', v); },
        get lineStyle(): string { return unread('format.line.lineStyle'); },
      },
    };
  }
  /** Sets the values of the series. */
  setValues(source: Placed): void {
    this.call('setValues', ['range'], () => {
      this.find().values = source.place().rect;
    });
  }
  /** Sets the category (x) values of the series. */
  setXAxisValues(source: Placed): void {
    this.call('setXAxisValues', ['range'], () => {
      this.find().xValues = source.place().rect;
    });
  }
}

/** `chart.series`. */
export class SeriesCollectionProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly chart: () => ChartModel,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return ['count'];
  }
  protected readProp(name: string): unknown {
    return name === 'count' ? this.chart().series.length : null;
  }
  get count(): number {
    return this.loaded('count');
  }
  /** Adds a series. */
  add(name: string): SeriesProxy {
    let made: SeriesModel | undefined;
    this.call('add', [name], () => {
      made = { name };
      this.chart().series.push(made);
    });
    return new SeriesProxy(this.context, () => {
      if (!made) throw new HostError('InvalidOperation', 'series not created');
      return made;
    });
  }
  /** The series at an index. */
  getItemAt(index: number): SeriesProxy {
    return new SeriesProxy(this.context, () => {
      const s = this.chart().series[index];
      if (!s) throw new HostError('ItemNotFound', `no series ${index}`);
      return s;
    });
  }
}

/** A chart. */
export class ChartProxy extends ClientProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: SeriesCollectionProxy;
  constructor(
    context: HostContext,
    private readonly chart: () => ChartModel,
  ) {
    super(context);
    const setTitle = (v: string) => this.call('title.text', [v], () => {
      this.chart().title = v;
    });
    const noop = (v: string) => this.call('legend.position', [v], () => undefined);
    this.title = { set text(v: string) { setTitle(v); }, get text(): string { throw new HostError('PropertyNotLoaded', 'title.text is not loaded'); } };
    this.legend = { set position(v: string) { noop(v); }, get position(): string { throw new HostError('PropertyNotLoaded', 'legend.position is not loaded'); } };
    this.series = new SeriesCollectionProxy(context, chart);
    const axis = (which: 'category' | 'value') => {
      const target = (): AxisModel => {
        const c = this.chart();
        c.axes ??= { category: {}, value: {} };
        return c.axes[which];
      };
      const set = (prop: keyof AxisModel, v: string) =>
        this.call(`axes.${which}Axis.${prop === 'title' ? 'title.text' : prop}`, [v], () => {
          if (prop === 'scaleType' && v !== 'Linear' && v !== 'Logarithmic') throw new HostError('InvalidArgument', `scaleType must be Linear or Logarithmic, got ${v}`, 'ChartAxis.scaleType');
          target()[prop] = v;
        });
      const unread = (what: string): never => {
        throw new HostError('PropertyNotLoaded', `${what} is not loaded`);
      };
      return {
        title: { set text(v: string) { set('title', v); }, get text(): string { return unread('title.text'); } },
        set scaleType(v: string) { set('scaleType', v); },
        get scaleType(): string { return unread('scaleType'); },
      };
    };
    this.axes = { categoryAxis: axis('category'), valueAxis: axis('value') };
  }
  /** `chart.axes`: the category (x) and value (y) axes' title and scale type. */
  readonly axes: { categoryAxis: { title: { text: string }; scaleType: string }; valueAxis: { title: { text: string }; scaleType: string } };
  protected defaultProps(): string[] {
    return ['name', 'id'];
  }
  protected readProp(name: string): unknown {
    return name === 'name' ? this.chart().name : name === 'id' ? this.chart().id : null;
  }
  set name(value: string) {
    this.call('name', [value], () => {
      this.chart().name = value;
    });
  }
  /** Places the chart over cells (start and end, A1 on the chart's sheet). */
  setPosition(start: string, end?: string): void {
    this.call('setPosition', [start, end], () => {
      parseA1(start);
      if (end) parseA1(end);
      this.chart().position = [start, end ?? start];
    });
  }
}

/** `worksheet.charts`. */
export class ChartCollectionProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly sheetOf: () => SheetModel,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  /** Adds a chart of a type over a source range; a series per column (or row) after the first. */
  add(type: string, source: Placed, seriesBy = 'Auto'): ChartProxy {
    let made: ChartModel | undefined;
    this.call('add', [type, 'range', seriesBy], () => {
      const sheet = this.sheetOf();
      const { sheet: from, rect } = source.place();
      // like Excel: the first column holds categories when its data are text, else it is a series too
      const firstIsText = rect.rows > 1 && typeof from.get(rect.row + 1, rect.column) === 'string';
      const series: SeriesModel[] = [];
      for (let c = firstIsText ? 1 : 0; c < rect.columns; c++) {
        series.push({
          name: String(from.get(rect.row, rect.column + c)),
          values: { row: rect.row + 1, column: rect.column + c, rows: rect.rows - 1, columns: 1 },
          xValues: firstIsText ? { row: rect.row + 1, column: rect.column, rows: rect.rows - 1, columns: 1 } : undefined,
        });
      }
      made = { id: this.model.newId('chart'), name: `Chart ${sheet.charts.length + 1}`, type, source: rect, seriesBy, series };
      sheet.charts.push(made);
    });
    return new ChartProxy(this.context, () => {
      if (!made) throw new HostError('InvalidOperation', 'chart not created');
      return made;
    });
  }
}

/** One workbook setting. */
export class SettingProxy extends NullableProxy<{ key: string; value: unknown }> {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(context, () => (model.settings.has(key) ? { key, value: model.settings.get(key) } : undefined), nullable);
  }
  protected defaultProps(): string[] {
    return ['key', 'value'];
  }
  protected readFrom(t: { key: string; value: unknown }, name: string): unknown {
    return name === 'value' ? t.value : name === 'key' ? t.key : null;
  }
  get value(): unknown {
    return this.loaded('value');
  }
  /** Deletes the setting. */
  delete(): void {
    this.call('delete', [this.key], () => {
      this.model.settings.delete(this.key);
    });
  }
}

/** `workbook.settings`. */
export class SettingCollectionProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return null;
  }
  /** Sets or adds a setting (values are stored as JSON, as Excel does). */
  add(key: string, value: unknown): SettingProxy {
    this.call('add', [key, value], () => {
      this.model.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SettingProxy(this.context, this.model, key, false);
  }
  /** A setting, or a null object. */
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, this.model, key, true);
  }
}

/** A defined name referring to a range. */
export class NamedItemProxy extends NullableProxy<{ sheetId: string; rect: Rect }> {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly name: string,
    nullable: boolean,
    private readonly rangeOf: (where: () => Place | undefined, nullable: boolean) => unknown,
  ) {
    super(context, () => model.names.get(name), nullable);
  }
  protected defaultProps(): string[] {
    return ['name', 'formula'];
  }
  protected readFrom(t: { sheetId: string; rect: Rect }, prop: string): unknown {
    if (prop === 'name') return this.name;
    if (prop === 'formula') return t.sheetId === '' ? `=#REF!${formatA1(t.rect)}` : `=${this.model.sheet(t.sheetId).name}!${formatA1(t.rect)}`;
    return null;
  }
  /** The range the name refers to (InvalidReference for #REF!). */
  getRange(): unknown {
    return this.rangeOf(() => {
      this.target();
      const at = this.model.nameTarget(this.name);
      if (!at) throw new HostError('InvalidReference', `The name "${this.name}" does not refer to a range.`);
      return at;
    }, false);
  }
  /** The range the name refers to, or a null object when the name does not exist or refers to #REF!. */
  getRangeOrNullObject(): unknown {
    return this.rangeOf(() => this.model.nameTarget(this.name), true);
  }
  /** Deletes the name. */
  delete(): void {
    this.call('delete', [this.name], () => {
      this.target();
      this.model.names.delete(this.name);
    });
  }
}

/** `workbook.names`. */
export class NamedItemCollectionProxy extends LoadedCollectionProxy<{ name: string }> {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly rangeOf: (where: () => Place | undefined, nullable: boolean) => unknown,
  ) {
    super(context);
  }
  /** The names (name only). */
  protected snapshot(): { data: unknown[]; items: () => { name: string }[] } {
    const data = [...this.model.names.keys()].map((name) => ({ name }));
    return { data, items: () => data };
  }
  /** Defines a name for a range. */
  add(name: string, reference: Placed): NamedItemProxy {
    this.call('add', [name, 'range'], () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw new HostError('InvalidArgument', `The name "${name}" is not valid.`);
      const lower = name.toLowerCase();
      if ([...this.model.names.keys()].some((n) => n.toLowerCase() === lower) || this.model.allTables().some((t) => t.name.toLowerCase() === lower)) {
        throw new HostError('ItemAlreadyExists', `The name "${name}" already exists.`);
      }
      const p = reference.place();
      this.model.names.set(name, { sheetId: p.sheet.id, rect: p.rect });
    });
    return new NamedItemProxy(this.context, this.model, name, false, this.rangeOf);
  }
  /** A name (ItemNotFound at sync when missing). */
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.model, name, false, this.rangeOf);
  }
  /** A name, or a null object. */
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.model, name, true, this.rangeOf);
  }
}

/** A loaded table of `workbook.tables`. */
interface WorkbookTableItem {
  id: string;
  name: string;
  worksheet: { id: string; name: string };
}

/** `workbook.tables`: every table of the workbook (loading `items/name` is modelled). */
export class WorkbookTableCollectionProxy extends LoadedCollectionProxy<WorkbookTableItem> {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
  ) {
    super(context);
  }
  /** Every table (id, name and its worksheet's id and name). */
  protected snapshot(): { data: unknown[]; items: () => WorkbookTableItem[] } {
    const data = this.model.sheets.flatMap((s) => s.tables.map((t) => ({ id: t.id, name: t.name, worksheet: { id: s.id, name: s.name } })));
    return { data, items: () => data };
  }
}

/** `workbook.functions.date(…)`: a FunctionResult whose value is a serial in the workbook's date system. */
export class DateFunctionResultProxy extends ClientProxy {
  constructor(
    context: HostContext,
    private readonly model: WorkbookModel,
    private readonly ymd: [number, number, number],
  ) {
    super(context);
  }
  protected defaultProps(): string[] {
    return ['value', 'error'];
  }
  protected readProp(name: string): unknown {
    if (name === 'error') return null;
    const [y, m, d] = this.ymd;
    // Excel's DATE: days since its epoch (1899-12-30 counts from 0 in the 1900 system, as Excel
    // does after 1900-03-01; 1904-01-01 is 0 in the 1904 system)
    const epoch = this.model.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return (Date.UTC(y, m - 1, d) - epoch) / 86_400_000;
  }
  get value(): unknown {
    return this.loaded('value');
  }
}

/** `workbook.functions` (only what the add-in calls). */
export class FunctionsProxy {
  constructor(
    private readonly context: HostContext,
    private readonly model: WorkbookModel,
  ) {}
  date(year: number, month: number, day: number): DateFunctionResultProxy {
    return new DateFunctionResultProxy(this.context, this.model, [year, month, day]);
  }
}

