/**
 * What the new sheets carry besides values — formats, colour rules, tables under temporary names,
 * charts — queued before the previous output is removed.
 */
import type { Block } from './a1';
import { addChart } from './charts';
import { addTierRules } from './colors';
import { formatTable } from './formats';
import type { NewSheets, RenderRequest } from './render-types';
import { type PlacedTable, addScatterChart } from './scatter-chart';
import { summaryLayout } from './summary-layout';

/** A table added under a temporary name, and the name it is to get. */
export interface PendingTable {
  table: Excel.Table;
  base: string;
}

/**
 * Queues formats, colour rules, tables (under temporary names: the previous output's tables still
 * hold the real ones) and charts on the new sheets. Returns the tables to name in `commitOutput`.
 * @example const tables = decorate(request, made, stamp());
 */
export function decorate(request: RenderRequest, made: NewSheets, id: string): PendingTable[] {
  const { plan } = request;
  const pending: PendingTable[] = [];
  const addTable = (sheet: Excel.Worksheet, at: Block, base: string): void => {
    const table = sheet.tables.add(sheet.getRangeByIndexes(at.row, at.column, at.rows, at.columns), true);
    table.name = `Tierwise_${id}_${pending.length + 1}`;
    table.style = 'TableStyleLight1';
    pending.push({ table, base });
  };
  if (made.customers) {
    const sheet = made.customers;
    const table = plan.customers;
    formatTable(sheet, 0, 0, table);
    const tierCol = table.columns.findIndex((c) => c.id === plan.tierColumn);
    if (tierCol >= 0) addTierRules(sheet, { row: 1, column: 0, rows: table.rows, columns: table.columns.length }, tierCol, plan.colorRules);
    if (table.rows > 0) addTable(sheet, { row: 0, column: 0, rows: table.rows + 1, columns: table.columns.length }, table.name);
  }
  const sheet = made.summary;
  const layout = summaryLayout(plan.summary);
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  sheet.getRangeByIndexes(layout.notes.row, 0, layout.notes.rows, 1).format.font.bold = true;
  formatTable(sheet, layout.table.row, 0, plan.summary.table);
  const tierCol = plan.summary.table.columns.findIndex((c) => c.id === 'tier');
  if (tierCol >= 0) addTierRules(sheet, { row: layout.table.row + 1, column: 0, rows: plan.summary.table.rows, columns: layout.table.columns }, tierCol, plan.colorRules);
  addTable(sheet, layout.table, plan.summary.table.name);
  plan.summary.extras.forEach((extra, k) => {
    sheet.getRangeByIndexes(layout.extraTitles[k].row, 0, 1, 1).format.font.bold = true;
    formatTable(sheet, layout.extras[k].row, 0, extra.table);
    addTable(sheet, layout.extras[k], extra.table.name);
  });
  const placed = (name: string): PlacedTable => {
    const k = plan.summary.extras.findIndex((e) => e.table.name === name);
    return k >= 0 ? { table: plan.summary.extras[k].table, at: layout.extras[k] } : { table: plan.summary.table, at: layout.table };
  };
  plan.summary.charts.forEach((spec, i) => {
    if (spec.kind === 'scatter') {
      addScatterChart(sheet, spec, placed, layout.charts[i]);
      return;
    }
    const { table, at } = placed(spec.table);
    addChart(sheet, spec, table, at, layout.charts[i]);
  });
  return pending;
}
