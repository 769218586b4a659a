/**
 * The Playbook sheet (策略手册) as a grid of text: one row per method and tier with the label,
 * strategy and service level in both languages, the contact cadence and the owner. Written once
 * per method with the built-in defaults; the user edits it; later runs read it back, and only the
 * rows of tiers it does not have yet are appended — a user's cell is never written over.
 */
import { type Cell, type PlaybookEdit, type PlaybookRow, ParamError, parseNumberText } from '../engine';
import type { Language } from '../i18n/strings';

/** The sheet's columns: field id and header in both languages. */
export const PLAYBOOK_SHEET_COLUMNS = [
  ['method', 'Method', '方法'],
  ['key', 'Tier', '层级'],
  ['label.en', 'Label', '名称（英文）'],
  ['label.zh', 'Label (中文)', '名称'],
  ['strategy.en', 'Strategy', '策略（英文）'],
  ['strategy.zh', 'Strategy (中文)', '策略'],
  ['serviceLevel.en', 'Service level', '服务等级（英文）'],
  ['serviceLevel.zh', 'Service level (中文)', '服务等级'],
  ['cadenceDays', 'Contact every (days)', '联系周期（天）'],
  ['owner', 'Owner', '负责人'],
] as const;

type FieldId = (typeof PLAYBOOK_SHEET_COLUMNS)[number][0];

/** Position of the cadence (the only number) among {@link PLAYBOOK_SHEET_COLUMNS}. */
export const PLAYBOOK_CADENCE = PLAYBOOK_SHEET_COLUMNS.findIndex(([id]) => id === 'cadenceDays');

/**
 * The header row in a language.
 *
 * @example
 * playbookHeader('en')[1]; // "Tier"
 */
export function playbookHeader(language: Language): string[] {
  return PLAYBOOK_SHEET_COLUMNS.map(([, en, zh]) => (language === 'zh-CN' ? zh : en));
}

/**
 * Rows of the sheet for playbook rows of a method (no header), cadence as a number.
 *
 * @example
 * playbookSheetRows('abc', defaultPlaybook('abc'))[0].slice(0, 2); // ["abc", "A"]
 */
export function playbookSheetRows(method: string, rows: readonly PlaybookRow[]): (string | number)[][] {
  return rows.map((r) => [method, r.key, r.label.en, r.label.zh, r.strategy.en, r.strategy.zh, r.serviceLevel.en, r.serviceLevel.zh, r.cadenceDays, r.owner]);
}

/** What the sheet holds for one method. */
export interface PlaybookSheetRead {
  /** The user's rows of this method, in sheet order (blank cells = not edited). */
  edits: PlaybookEdit[];
  /** Rows in use on the sheet, header included (new rows go below). */
  usedRows: number;
  /** True when the sheet has a header Tierwise recognises. */
  recognised: boolean;
  /** The sheet column of each of {@link PLAYBOOK_SHEET_COLUMNS} (−1: the user removed it). */
  layout: number[];
}

const norm = (v: Cell | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' && !(v instanceof Date) ? '' : String(v).trim());

/**
 * Reads the Playbook sheet's cells (its used range from A1) for one method: the rows whose Method
 * cell is the method's id (case ignored). Headers are recognised in English or Chinese; only
 * Method and Tier are required. A cadence that is not a whole number ≥ 1, or a tier listed twice,
 * is a {@link ParamError} naming the sheet, row and column in both languages.
 *
 * @example
 * readPlaybookSheet([["Method", "Tier", "Contact every (days)"], ["abc", "A", 7]], 'abc', 'Playbook').edits[0].cadenceDays; // 7
 */
export function readPlaybookSheet(cells: readonly (readonly Cell[])[], method: string, sheetName: string): PlaybookSheetRead {
  const header = (cells[0] ?? []).map((h) => norm(h).toLowerCase());
  const index = new Map<FieldId, number>();
  for (const [id, en, zh] of PLAYBOOK_SHEET_COLUMNS) {
    const j = header.findIndex((h) => h === en.toLowerCase() || h === zh.toLowerCase());
    if (j >= 0) index.set(id, j);
  }
  const recognised = index.has('method') && index.has('key');
  const usedRows = cells.length;
  const layout = PLAYBOOK_SHEET_COLUMNS.map(([id]) => index.get(id) ?? -1);
  if (!recognised) return { edits: [], usedRows, recognised, layout };
  const cell = (id: FieldId, row: readonly Cell[]): string | undefined => {
    const j = index.get(id);
    const v = j === undefined ? '' : norm(row[j]);
    return v === '' ? undefined : v;
  };
  const edits: PlaybookEdit[] = [];
  const seen = new Set<string>();
  const want = method.toLowerCase();
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if ((cell('method', row) ?? '').toLowerCase() !== want) continue;
    const key = cell('key', row);
    if (key === undefined) continue;
    if (seen.has(key)) {
      throw new ParamError({ en: `sheet "${sheetName}", row ${r + 1}: tier "${key}" of ${method} appears twice`, zh: `工作表“${sheetName}”第 ${r + 1} 行：${method} 的层级“${key}”重复出现` });
    }
    seen.add(key);
    const cadenceText = cell('cadenceDays', row);
    let cadenceDays: number | undefined;
    if (cadenceText !== undefined) {
      cadenceDays = parseNumberText(cadenceText);
      if (!Number.isInteger(cadenceDays) || cadenceDays < 1) {
        const col = PLAYBOOK_SHEET_COLUMNS.find(([id]) => id === 'cadenceDays') as (typeof PLAYBOOK_SHEET_COLUMNS)[number];
        throw new ParamError({
          en: `sheet "${sheetName}", row ${r + 1}, column "${col[1]}": "${cadenceText}" is not a whole number of days ≥ 1`,
          zh: `工作表“${sheetName}”第 ${r + 1} 行“${col[2]}”列：“${cadenceText}”不是 ≥ 1 的整天数`,
        });
      }
    }
    edits.push({
      key,
      label: { en: cell('label.en', row), zh: cell('label.zh', row) },
      strategy: { en: cell('strategy.en', row), zh: cell('strategy.zh', row) },
      serviceLevel: { en: cell('serviceLevel.en', row), zh: cell('serviceLevel.zh', row) },
      cadenceDays,
      owner: cell('owner', row),
    });
  }
  return { edits, usedRows, recognised, layout };
}

/**
 * Rows in the sheet's own column order (the user may have moved or removed columns): each value
 * under its header, blank where the sheet has no column for it.
 *
 * @example
 * inSheetLayout([["abc", "A", …]], { layout: [1, 0, …], … })[0].slice(0, 2); // ["A", "abc"]
 */
export function inSheetLayout(rows: readonly (readonly (string | number)[])[], read: Pick<PlaybookSheetRead, 'layout'>): (string | number)[][] {
  const width = Math.max(0, ...read.layout) + 1;
  return rows.map((row) => {
    const out: (string | number)[] = new Array<string | number>(width).fill('');
    read.layout.forEach((j, k) => {
      if (j >= 0) out[j] = row[k];
    });
    return out;
  });
}

/**
 * The rows to append to the sheet for a run: the default rows of the run's tiers the sheet has no
 * row for (none when every tier has one).
 *
 * @example
 * playbookRowsToAdd({ edits: [{ key: 'A' }], usedRows: 2, recognised: true }, defaultPlaybook('abc')).map((r) => r.key); // ["B", "C"]
 */
export function playbookRowsToAdd(read: PlaybookSheetRead, defaults: readonly PlaybookRow[]): PlaybookRow[] {
  const have = new Set(read.edits.map((e) => e.key));
  return defaults.filter((d) => !have.has(d.key));
}
