/**
 * The cut points the engine will use, in words: the engine run on the rows at hand (a sample in
 * the preview, all rows after a run) and described by the report.
 */
import { type Cell, type ColumnMapping, type Role, type TableColumns, type TableOptions, classifyTable } from '../engine';
import type { Language } from '../i18n/strings';

/**
 * Describes the cut points for column-major cells of a table, or null when they cannot be computed.
 * `extra` names the columns the method reads besides the roles (name → column index), such as a
 * rule table's condition columns.
 * @example cutPointsText(sample, { customer: 0, value: 1 }, { method: 'abc' }, 'en') // "A: cumulative share ≤ 80% (value ≥ …)…"
 */
export function cutPointsText(
  columns: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  options: TableOptions,
  language: Language,
  extra: Readonly<Record<string, number>> = {},
): string | null {
  const table: Partial<Record<Role, readonly Cell[]>> = {};
  for (const [role, index] of Object.entries(mapping) as [Role, number | undefined][]) {
    if (index !== undefined && columns[index]) table[role] = columns[index];
  }
  if (!table.customer) return null;
  const named = Object.entries(extra).filter(([, j]) => columns[j] !== undefined);
  const input: TableColumns = { ...(table as TableColumns), ...(named.length > 0 ? { extra: Object.fromEntries(named.map(([name, j]) => [name, columns[j]])) } : {}) };
  try {
    return classifyTable(input, options).classification.describe(language);
  } catch {
    return null;
  }
}
