/**
 * Parameters of a method: parsed from text (CLI flags, pane inputs, the functions' options),
 * checked against their declared limits and the method's cross-parameter rules, with the problem
 * in both languages. One place for every layer.
 */
import { TierwiseError } from '../errors';
import type { Bilingual } from '../tiers';
import type { MethodModule, ParamSpec, ParamValue, ParamValues } from './types';
import { parseDateText } from '../coerce';
import { isoDate } from '../dates';
import { fillIn } from './text';

/** A parameter problem in both languages. */
export class ParamError extends TierwiseError {
  constructor(readonly problem: Bilingual) {
    super('option', problem.en);
    this.name = 'ParamError';
  }
}

const both = (en: string, zh: string, params: Record<string, string | number>): Bilingual => ({
  en: fillIn(en, params),
  zh: fillIn(zh, params),
});

function limits(spec: ParamSpec): string {
  return `${spec.min ?? '−∞'}–${spec.max ?? '∞'}`;
}

/**
 * What is wrong with a parameter value, or null when it is valid.
 *
 * @example
 * paramProblem(BINS, 12)?.en; // "bins must be a whole number from 2 to 10, got 12"
 */
export function paramProblem(spec: ParamSpec, value: unknown, shown?: string): Bilingual | null {
  const p = { name: spec.flag, got: shown ?? (Array.isArray(value) ? value.join(',') : String(value)), limits: limits(spec), min: spec.min ?? '', max: spec.max ?? '' };
  switch (spec.kind) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return both('{name} must be a whole number from {min} to {max}, got {got}', '{name} 须为 {min} 到 {max} 之间的整数，当前为 {got}', p);
      }
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return both('{name} must be a number in {limits}, got {got}', '{name} 须为 {limits} 之间的数，当前为 {got}', p);
      }
      return null;
    case 'share':
      if (typeof value !== 'number' || !(value > 0 && value < 1)) {
        return both('{name} must be a number between 0 and 1, got {got}', '{name} 须为 0 到 1 之间的数，当前为 {got}', p);
      }
      return null;
    case 'shares': {
      const count = spec.count ?? 1;
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      const ok = list.length === count && list.every((v, i) => typeof v === 'number' && v > 0 && v < 1 && (i === 0 || v > (list[i - 1] as number)));
      if (!ok) {
        return both('{name} must be {count} ascending shares between 0 and 1, got {got}', '{name} 须为 {count} 个递增的 0 到 1 之间的占比，当前为 {got}', { ...p, count });
      }
      return null;
    }
    case 'columns': {
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      const ok = list.length >= 1 && (spec.count === undefined || list.length === spec.count) && list.every((v) => typeof v === 'string' && v.trim() !== '');
      if (!ok) {
        return spec.count === undefined
          ? both('{name} must name at least one column or measure, got {got}', '{name} 须至少指定一列或一个指标，当前为 {got}', p)
          : both('{name} must name {count} column(s) or measure(s), got {got}', '{name} 须指定 {count} 个列或指标，当前为 {got}', { ...p, count: spec.count });
      }
      return null;
    }
    case 'date':
      if (typeof value !== 'string' || (value !== 'latest' && Number.isNaN(paramDay(value)))) {
        return both('{name} must be a date written year first (e.g. 1997-09-30) or "latest", got {got}', '{name} 须为年份在前的日期（如 1997-09-30）或 "latest"，当前为 {got}', p);
      }
      return null;
    case 'named': {
      const list = Array.isArray(value) ? (value as unknown[]) : null;
      if (list === null || list.some((v) => !namedEntryValid(spec, v))) {
        const what = spec.choices
          ? { en: `one of ${spec.choices.join(', ')}`, zh: `${spec.choices.join('、')} 之一` }
          : { en: `a number ≥ ${spec.min ?? 0}`, zh: `≥ ${spec.min ?? 0} 的数` };
        return both(
          '{name} must be a list of values, each {what}, optionally named (R=…, F=…), got {got}',
          '{name} 须为一组值，每个为{whatZh}，可带名称（R=…, F=…），当前为 {got}',
          { ...p, what: what.en, whatZh: what.zh },
        );
      }
      return null;
    }
    case 'table':
      if (typeof value !== 'string' || value.trim() === '') {
        return both('{name} must be a table (CSV text with a header row), got {got}', '{name} 须为表格（带表头行的 CSV 文本），当前为 {got}', p);
      }
      return null;
    case 'choice':
      if (typeof value !== 'string' || !(spec.choices ?? []).includes(value)) {
        return both('{name} must be one of {choices}, got {got}', '{name} 须为 {choices} 之一，当前为 {got}', { ...p, choices: (spec.choices ?? []).join(', ') });
      }
      return null;
  }
}

/** One entry of a `named` parameter: the name it gives (if any) and its value as text. */
export interface NamedEntry {
  name?: string;
  value: string;
}

/**
 * The entries of a `named` parameter value ("R=0.2" → name "R", value "0.2"; "0.2" → value only).
 *
 * @example
 * namedEntries(["R=0.2", "0.3"]); // [{ name: "R", value: "0.2" }, { value: "0.3" }]
 */
export function namedEntries(value: readonly string[]): NamedEntry[] {
  return value.map((entry) => {
    const eq = entry.lastIndexOf('=');
    if (eq < 0) return { value: entry.trim() };
    return { name: entry.slice(0, eq).trim(), value: entry.slice(eq + 1).trim() };
  });
}

function namedEntryValid(spec: ParamSpec, entry: unknown): boolean {
  if (typeof entry !== 'string') return false;
  const [e] = namedEntries([entry]);
  if (e.name === '') return false;
  if (spec.choices) return spec.choices.includes(e.value.toLowerCase());
  const v = e.value === '' ? NaN : Number(e.value);
  return Number.isFinite(v) && v >= (spec.min ?? 0) && (spec.max === undefined || v <= spec.max);
}

/**
 * The day number of a `date` parameter's text: year-first dates only ("1997-09-30", "19970930",
 * "1997/9/30", "1997年9月30日"), NaN otherwise.
 *
 * @example
 * paramDay("1997-09-30"); // 10134
 * paramDay("9/30/1997"); // NaN — not year first
 */
export function paramDay(text: string): number {
  const t = text.trim();
  return /^\d{4}/.test(t) ? Math.floor(parseDateText(t)) : NaN;
}

/**
 * Reads a parameter from text. Shares may be given as percentages with `percent` (the pane:
 * "80" → 0.8); lists are separated by commas, semicolons or spaces (also "，").
 *
 * @example
 * parseParamText(A_SHARE, "0.7"); // 0.7
 * parseParamText(A_SHARE, "70", { percent: true }); // 0.7
 * parseParamText(PYRAMID_CUTS, "1, 20, 50", { percent: true }); // [0.01, 0.2, 0.5]
 */
export function parseParamText(spec: ParamSpec, text: string, options: { percent?: boolean } = {}): ParamValue {
  const trimmed = text.trim();
  const scale = options.percent && (spec.kind === 'share' || spec.kind === 'shares') ? 100 : 1;
  const num = (s: string): number => (s === '' ? NaN : Number(s) / scale);
  let value: ParamValue;
  if (spec.kind === 'table') value = text;
  else if (spec.kind === 'choice') value = trimmed.toLowerCase();
  else if (spec.kind === 'columns') value = splitNames(trimmed);
  else if (spec.kind === 'date') value = trimmed.toLowerCase() === 'latest' ? 'latest' : Number.isNaN(paramDay(trimmed)) ? trimmed : isoDate(paramDay(trimmed));
  else if (spec.kind === 'named') value = splitNames(trimmed).map((e) => (spec.choices ? e.toLowerCase() : e));
  else if (spec.kind === 'shares') value = trimmed.split(/[,，;\s]+/).filter(Boolean).map(num);
  else value = num(trimmed);
  const problem = paramProblem(spec, value, JSON.stringify(text));
  if (problem) throw new ParamError(problem);
  return value;
}

/**
 * A per-customer measure a `columns` parameter can name: the four measures, and `aov` (average
 * invoice value = monetary / frequency), which methods compute from them.
 */
export type MeasureName = 'recency' | 'frequency' | 'monetary' | 'value' | 'aov';

/** Names that stand for a per-customer measure in a `columns` parameter (case-insensitive). */
export const MEASURE_NAMES: Readonly<Record<string, MeasureName>> = {
  r: 'recency',
  recency: 'recency',
  f: 'frequency',
  frequency: 'frequency',
  m: 'monetary',
  monetary: 'monetary',
  value: 'value',
  aov: 'aov',
};

/**
 * The measure a name in a `columns` parameter stands for, or undefined for a table column.
 *
 * @example
 * measureOfName(" r "); // "recency"
 * measureOfName("Margin"); // undefined
 */
export function measureOfName(name: string): MeasureName | undefined {
  return MEASURE_NAMES[name.trim().toLowerCase()];
}

/**
 * Per-customer predictions a `columns` parameter can name besides the measures, fitted from the
 * purchase timeline of a transaction log: `clv` = the CLV method's predicted customer lifetime
 * value (its default parameters). Naming one makes the adapters pass the purchase rows, counted
 * as the CLV method counts them (zero-value purchases too).
 */
export const TIMELINE_MEASURES: Readonly<Record<string, 'clv'>> = { clv: 'clv' };

/**
 * The timeline prediction a name in a `columns` parameter stands for, or undefined.
 *
 * @example
 * timelineMeasureOfName(" CLV "); // "clv"
 * timelineMeasureOfName("F"); // undefined
 */
export function timelineMeasureOfName(name: string): 'clv' | undefined {
  return TIMELINE_MEASURES[name.trim().toLowerCase()];
}

/**
 * True when one of the method's `columns` parameters names a timeline prediction (e.g. a matrix
 * axis `clv`), so the purchase rows must be passed.
 *
 * @example
 * namesTimelineMeasure(matrix, { y: ["clv"] }); // true
 */
export function namesTimelineMeasure(method: MethodModule, params: Readonly<Record<string, unknown>>): boolean {
  return method.params.some((spec) => spec.kind === 'columns' && ((params[spec.name] ?? spec.default) as readonly string[]).some((name) => timelineMeasureOfName(name) !== undefined));
}

/**
 * The table columns a method's `columns` parameters name (not the measures), then those its
 * `inputColumns` names (e.g. a rule table's condition columns), in order, once each.
 *
 * @example
 * namedColumns(kmeans, { features: ["R", "Margin"] }); // ["Margin"]
 */
export function namedColumns(method: MethodModule, params: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const spec of method.params) {
    if (spec.kind !== 'columns') continue;
    const names = (params[spec.name] ?? spec.default) as readonly string[];
    for (const name of names) if (measureOfName(name) === undefined && timelineMeasureOfName(name) === undefined && !out.includes(name)) out.push(name);
  }
  if (method.inputColumns) {
    const full = Object.fromEntries(method.params.map((p) => [p.name, (params[p.name] ?? p.default) as ParamValue]));
    for (const name of method.inputColumns(full)) if (measureOfName(name) === undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Column names from a list typed by a user: separated by commas (also "，" and ";"), quotes
 * allowed around a name that holds a comma.
 *
 * @example
 * splitNames('R, F, "Sales, net"'); // ["R", "F", "Sales, net"]
 */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,，;]*))\s*(?:[,，;]|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    const name = m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '').trim();
    if (name !== '') out.push(name);
    if (m[0] === '') break;
  }
  return out;
}

/**
 * A parameter shown as text in the pane or help: shares as percentages with `percent`.
 *
 * @example
 * paramText(PYRAMID_CUTS, [0.01, 0.2, 0.5], { percent: true }); // "1, 20, 50"
 */
export function paramText(spec: ParamSpec, value: ParamValue, options: { percent?: boolean } = {}): string {
  const scale = options.percent && (spec.kind === 'share' || spec.kind === 'shares') ? 100 : 1;
  const one = (v: number): string => String(Number((v * scale).toPrecision(12)));
  if (Array.isArray(value) && spec.kind === 'named') return (value as string[]).join(', ');
  if (Array.isArray(value) && spec.kind === 'columns') return (value as string[]).map((v) => (/[,"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(', ');
  if (Array.isArray(value)) return (value as number[]).map(one).join(', ');
  return typeof value === 'number' ? one(value) : String(value);
}

/**
 * The full, checked parameters of a method: each declared parameter from `given` (by engine
 * name) or its default, then the method's cross-parameter rules. Throws {@link ParamError}.
 *
 * @example
 * resolveParams(abc, { aShare: 0.7 }); // { aShare: 0.7, bShare: 0.95 }
 * resolveParams(abc, { aShare: 0.96 }); // throws: a-share (0.96) must be less than b-share (0.95)
 */
export function resolveParams(method: MethodModule, given: Readonly<Record<string, unknown>>): ParamValues {
  const out: Record<string, ParamValue> = {};
  for (const spec of method.params) {
    const v = given[spec.name];
    const value = (v === undefined || v === null ? spec.default : v) as ParamValue;
    const problem = paramProblem(spec, value);
    if (problem) throw new ParamError(problem);
    out[spec.name] = value;
  }
  const cross = method.check?.(out);
  if (cross) throw new ParamError(cross);
  return out;
}

/**
 * The default parameters of a method.
 *
 * @example
 * defaultParams(pyramid); // { pyramidCuts: [0.01, 0.2, 0.5] }
 */
export function defaultParams(method: MethodModule): ParamValues {
  return Object.fromEntries(method.params.map((p) => [p.name, p.default]));
}
