/**
 * TIER.MIGRATION and TIER.CHANGE: how customers moved between two classifications (engine:
 * `migration`). Method-agnostic: the tier order comes from the method argument, else from the
 * first registered method whose tiers include every key, else from first appearance.
 */
import { CHANGE_SYMBOL, METHOD_LIST, defaultParams, keyText, methodById, migration as migrate, migrationTable } from '../engine';
import { type Matrix, type Out, asMatrix, errorOut, fail, flatten, optionalText, reshape, run, widthOf } from './args';

function tierText(cell: unknown, where: string): string | null {
  const error = errorOut(cell);
  if (error) fail(`${where} holds an error value`);
  if (cell === null || cell === undefined) return null;
  const text = String(cell).trim();
  return text === '' ? null : text;
}

/** Tier order (best first): the method's tiers, else a registered method holding every key, else first appearance. */
function tierOrder(method: string, seen: readonly string[]): string[] {
  const keysOf = (id: string): string[] => {
    const m = methodById(id);
    return m.tiers(defaultParams(m)).map((t) => t.key);
  };
  if (method !== '') return keysOf(method);
  for (const m of METHOD_LIST) {
    const keys = keysOf(m.id);
    if (seen.every((k) => keys.includes(k))) return keys;
  }
  return [...new Set(seen)];
}

/**
 * A snapshot from a range: 2 columns (customer, tier) are keyed by customer; 1 column is keyed by
 * row number (row i of previous and current is the same customer).
 */
function snapshot(rows: Matrix, name: string): Map<string, string | null> {
  const width = widthOf(rows);
  const out = new Map<string, string | null>();
  if (width === 1) {
    flatten(rows).forEach((cell, i) => out.set(`#${i}`, tierText(cell, `${name} row ${i + 1}`)));
    return out;
  }
  if (width !== 2) fail(`${name} must be one column of tiers or two columns (customer, tier), got ${width} columns`);
  rows.forEach((row, i) => {
    if (errorOut(row[0])) fail(`${name} row ${i + 1}: the customer is an error value`);
    const key = keyText(row[0] as never);
    if (key === '') return;
    if (out.has(key)) fail(`${name} row ${i + 1}: customer ${JSON.stringify(key)} appears twice`);
    out.set(key, tierText(row[1], `${name} row ${i + 1}`));
  });
  return out;
}

function pair(previous: unknown, current: unknown): [Map<string, string | null>, Map<string, string | null>] {
  const p = asMatrix(previous);
  const c = asMatrix(current);
  if (widthOf(p) !== widthOf(c)) fail(`previous and current must have the same number of columns (1: tiers row by row; 2: customer and tier), got ${widthOf(p)} and ${widthOf(c)}`);
  if (widthOf(p) === 1 && p.length !== c.length) fail(`previous and current tiers must have the same number of rows, got ${p.length} and ${c.length}`);
  return [snapshot(p, 'previous'), snapshot(c, 'current')];
}

const seenTiers = (...maps: Map<string, string | null>[]): string[] => maps.flatMap((m) => [...m.values()].filter((t): t is string => t !== null));

/**
 * The migration matrix: header row, one row per previous tier and "New", columns per current
 * tier, "Gone" and "Total", and a "Total" row.
 *
 * @example
 * migrationMatrix([["C1", "A"], ["C2", "B"]], [["C1", "B"], ["C3", "A"]]);
 * // [["Previous \\ Current", "A", "B", "C", "Gone", "Total"], ["A", 0, 1, 0, 0, 1], …]
 */
export function migrationMatrix(previous: unknown, current: unknown, method?: unknown, language?: unknown): Out[][] {
  return run(() => {
    const [p, c] = pair(previous, current);
    const m = optionalText(method, '');
    const lang = /^zh/i.test(optionalText(language, 'en')) ? 'zh-CN' : 'en';
    return migrationTable(migrate(p, c, tierOrder(m, seenTiers(p, c))), lang);
  });
}

/**
 * Each row's change: ↑ (better tier), ↓ (worse), = (same), new (no previous tier), gone (no
 * current tier), "" when both are blank. Rows are matched row by row (1 column each) or by
 * customer (2 columns: customer, tier; the result has one cell per row of current).
 *
 * @example
 * change([["B"], ["A"], [""]], [["A"], ["A"], ["C"]]); // [["↑"], ["="], ["new"]]
 */
export function change(previous: unknown, current: unknown, method?: unknown): Out[][] {
  return run(() => {
    const [p, c] = pair(previous, current);
    const m = migrate(p, c, tierOrder(optionalText(method, ''), seenTiers(p, c)));
    const byKey = new Map(m.customers.map((x) => [x.customer, x]));
    const rows = asMatrix(current);
    const keys = widthOf(rows) === 1 ? rows.map((_, i) => `#${i}`) : rows.map((row) => keyText(row[0] as never));
    return reshape(
      keys.map((k): Out => {
        if (k === '') return '';
        const x = byKey.get(k);
        return x ? CHANGE_SYMBOL[x.change] : '';
      }),
      1,
    );
  });
}
