/**
 * A starting rule table for a customer table (what the pane's Rules sheet is pre-filled with):
 * the columns that look most like categories, one rule per most frequent combination of their
 * values, then "Others" for everyone else. The user edits it from there.
 */
import { TierwiseError } from '../errors';
import type { Cell } from '../cells';
import { parseCondition } from './condition';
import { DEFAULT_FOLD, prepareColumn, shownAt } from './fold';

/** A column of the customer table by its header. */
export interface NamedCells {
  name: string;
  cells: ArrayLike<Cell>;
}

/** Most distinct values a column may have to be taken for a category. */
export const MAX_CATEGORY_VALUES = 12;

/**
 * The condition text that equals exactly `value` (quoted when it would read as something else,
 * such as a list, a range or a keyword).
 *
 * @example
 * equalsCondition("中学"); // "中学"
 * equalsCondition("any"); // '"any"'
 * equalsCondition("A, B"); // '"A, B"'
 */
export function equalsCondition(value: string): string {
  const c = parseCondition(value);
  const exact = !('problem' in c) && c.kind === 'equals' && !c.negate && c.values.length === 1 && c.values[0] === value.trim();
  return exact ? value.trim() : `"${value.trim().replace(/"/g, '""')}"`;
}

/**
 * An example rule table (header row first) over the (at most `columns`) columns that look most
 * like categories: 2 to {@link MAX_CATEGORY_VALUES} distinct values, some repeated, mostly not numbers, at least
 * half the rows filled. One rule ("Type 1", 类型1, …) per most frequent combination of their
 * values, at most `rules`, then "Others" (其他) matching everyone else. Throws a TierwiseError
 * when no column looks like categories.
 *
 * @example
 * exampleRuleGrid([{ name: "Stage", cells: ["中学", "中学", "小学", "小学", "中学"] }])
 * // [["Class", "Class zh", "Colour", "Strategy", "Stage"], ["Type 1", "类型1", "", "", "中学"], ["Type 2", "类型2", "", "", "小学"], ["Others", "其他", "", "", ""]]
 */
export function exampleRuleGrid(table: readonly NamedCells[], options: { columns?: number; rules?: number } = {}): string[][] {
  const maxColumns = options.columns ?? 2;
  const maxRules = options.rules ?? 4;
  const candidates = table
    .map((c, order) => {
      const p = prepareColumn(c.name, c.cells, DEFAULT_FOLD);
      const n = p.code.length;
      let filled = 0;
      let numeric = 0;
      for (let i = 0; i < n; i++) {
        const k = p.code[i];
        if (!p.blank[k]) filled++;
        if (!Number.isNaN(p.num[k])) numeric++;
      }
      const distinct = new Set(p.text.filter((t) => t !== '')).size;
      // an identifier column holds each value once: not a category
      return { c, p, order, distinct, ok: n > 0 && filled >= n / 2 && numeric <= filled / 2 && distinct >= 2 && distinct <= MAX_CATEGORY_VALUES && distinct < filled };
    })
    .filter((x) => x.ok)
    .sort((a, b) => a.distinct - b.distinct || a.order - b.order)
    .slice(0, maxColumns)
    .sort((a, b) => a.order - b.order);
  if (candidates.length === 0) {
    throw new TierwiseError('column', `no column looks like categories (2 to ${MAX_CATEGORY_VALUES} distinct values, mostly text, at least half filled): write the rule table by hand`);
  }
  const n = candidates[0].p.code.length;
  const combos = new Map<string, { values: string[]; rows: number; first: number }>();
  for (let i = 0; i < n; i++) {
    if (candidates.some((x) => x.p.blank[x.p.code[i]])) continue;
    const key = candidates.map((x) => x.p.text[x.p.code[i]]).join('\u0001');
    const seen = combos.get(key);
    if (seen) seen.rows++;
    else combos.set(key, { values: candidates.map((x) => shownAt(x.p, i)), rows: 1, first: i });
  }
  const top = [...combos.values()].sort((a, b) => b.rows - a.rows || a.first - b.first).slice(0, maxRules);
  const header = ['Class', 'Class zh', 'Colour', 'Strategy', ...candidates.map((x) => x.c.name)];
  const rows = top.map((t, k) => [`Type ${k + 1}`, `类型${k + 1}`, '', '', ...t.values.map(equalsCondition)]);
  return [header, ...rows, ['Others', '其他', '', '', ...candidates.map(() => '')]];
}
