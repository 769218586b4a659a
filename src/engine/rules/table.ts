/**
 * The rule table: one row per rule, tried top to bottom; the first rule whose conditions all hold
 * gives the row its class. Reserved columns name the class and how it is shown; every other
 * column is a condition on the input column (or measure) of the same name.
 *
 * | header (case-insensitive)                     | holds                                       |
 * | --------------------------------------------- | ------------------------------------------- |
 * | `Class`, `类别`                                | the class name (required; the tier key)     |
 * | `Class zh`, `中文名`                            | its Chinese label (default: the class name) |
 * | `Colour`, `Color`, `颜色`                       | `#RRGGBB` (default: a palette colour)       |
 * | `Strategy`, `策略`                              | what to do with the class (en / zh; one serves both when only one is given) |
 */
import { type Cell, isBlank } from '../cells';
import { ParamError } from '../methods/params';
import { type Condition, parseCondition } from './condition';
import { cellText } from './fold';

/** A class the rules assign, with how it is shown. */
export interface RuleClass {
  key: string;
  labelZh: string;
  /** `#RRGGBB` or null for a palette colour. */
  color: string | null;
  strategyEn: string | null;
  strategyZh: string | null;
}

/** One rule: the conditions of its row, one per condition column. */
export interface Rule {
  /** The row number in the rule table (the header is row 1). */
  row: number;
  /** Index into `RuleTable.classes`. */
  classIndex: number;
  conditions: readonly Condition[];
  /** True when every condition is "any": the "everyone else" rule. */
  catchAll: boolean;
}

/** A parsed rule table. */
export interface RuleTable {
  /** Condition column names, as written in the header. */
  columns: readonly string[];
  rules: readonly Rule[];
  classes: readonly RuleClass[];
}

/** Most classes a table may define (tier indexes are bytes; 255 = no class). */
export const MAX_RULE_CLASSES = 250;

const META: Record<string, 'class' | 'zh' | 'color' | 'strategy' | 'strategyZh'> = {
  class: 'class',
  类别: 'class',
  'class zh': 'zh',
  中文名: 'zh',
  colour: 'color',
  color: 'color',
  颜色: 'color',
  strategy: 'strategy',
  策略: 'strategyZh',
};

function fail(en: string, zh: string): never {
  throw new ParamError({ en: `rule table: ${en}`, zh: `规则表：${zh}` });
}

function text(cell: Cell): string {
  return cellText(cell).trim();
}

/**
 * Reads a rule table from rows of cells (the first row is the header). Throws a bilingual
 * {@link ParamError} naming the row and column of the first problem.
 *
 * @example
 * const t = parseRuleGrid([["Class", "Stage", "Need"], ["Type 1", "中学", "升学"], ["Others", "", ""]]);
 * t.columns; // ["Stage", "Need"]
 * t.rules[1].catchAll; // true
 */
export function parseRuleGrid(grid: readonly (readonly Cell[])[]): RuleTable {
  if (grid.length === 0) fail('it is empty (a header row with Class and the condition columns is needed)', '表为空（需要含"类别"及条件列的表头行）');
  const header = grid[0].map(text);
  const role = new Map<number, string>();
  const conditionCols: number[] = [];
  const seen = new Set<string>();
  header.forEach((h, j) => {
    const key = h.toLowerCase().replace(/\s+/g, ' ');
    if (h === '') {
      if (grid.some((r, i) => i > 0 && !isBlank(r[j]))) fail(`column ${j + 1} has values but no header`, `第 ${j + 1} 列有值但没有表头`);
      return;
    }
    if (seen.has(key)) fail(`the column "${h}" appears twice`, `列"${h}"出现了两次`);
    seen.add(key);
    const meta = META[key];
    if (meta) role.set(j, meta);
    else conditionCols.push(j);
  });
  const at = (r: readonly Cell[], name: string): string => {
    for (const [j, m] of role) if (m === name) return text(r[j]);
    return '';
  };
  if (![...role.values()].includes('class')) fail(`no "Class" column (the headers are ${header.map((h) => `"${h}"`).join(', ')})`, `没有"类别"列（表头为 ${header.map((h) => `"${h}"`).join('、')}）`);
  const classes: RuleClass[] = [];
  const rules: Rule[] = [];
  for (let i = 1; i < grid.length; i++) {
    const r = grid[i];
    if (r.every((c) => isBlank(c))) continue;
    const rowNo = i + 1;
    const key = at(r, 'class');
    if (key === '') fail(`row ${rowNo} has no class name`, `第 ${rowNo} 行没有类别名称`);
    const color = at(r, 'color');
    if (color !== '' && !/^#?[0-9a-f]{6}$/i.test(color)) fail(`row ${rowNo}, Colour: "${color}" is not a colour like #77AADD`, `第 ${rowNo} 行，颜色："${color}" 不是 #77AADD 这样的颜色`);
    let classIndex = classes.findIndex((c) => c.key === key);
    if (classIndex < 0) {
      if (classes.length >= MAX_RULE_CLASSES) fail(`more than ${MAX_RULE_CLASSES} classes`, `类别超过 ${MAX_RULE_CLASSES} 个`);
      classIndex = classes.push({ key, labelZh: '', color: null, strategyEn: null, strategyZh: null }) - 1;
    }
    const cls = classes[classIndex];
    cls.labelZh ||= at(r, 'zh');
    cls.color ??= color === '' ? null : `#${color.replace('#', '').toUpperCase()}`;
    cls.strategyEn ??= at(r, 'strategy') || null;
    cls.strategyZh ??= at(r, 'strategyZh') || null;
    const conditions = conditionCols.map((j) => {
      const cell = r[j];
      const c = parseCondition(typeof cell === 'number' ? cell : text(cell));
      if ('problem' in c) fail(`row ${rowNo}, column "${header[j]}": ${c.problem.en}`, `第 ${rowNo} 行，列"${header[j]}"：${c.problem.zh}`);
      return c;
    });
    rules.push({ row: rowNo, classIndex, conditions, catchAll: conditions.every((c) => c.kind === 'any') });
  }
  if (rules.length === 0) fail('it has no rules below the header', '表头下没有规则');
  for (const c of classes) c.labelZh ||= c.key;
  return { columns: conditionCols.map((j) => header[j]), rules, classes };
}
