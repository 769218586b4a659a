/**
 * The management loop's workbooks: `compare` (the migration matrix, totals, top movers and every
 * customer's change), `calls` (the call list, coloured by tier) and `playbook` (one row per tier
 * to edit) as .xlsx, streamed with ExcelJS (a million changes stay in bounded memory) and written
 * atomically. Tables come as plan tables; user text stays text (ExcelJS writes strings as strings).
 */
import { type Migration, type PlaybookRow, migrationTable, pick, topMovers } from '../engine';
import { type ColumnPlan, type PlanValue, type TablePlan, type TierColorRule, changesTable, matrixTable } from '../report';
import { EXCEL_MAX_ROWS, columnLetter, customerSheetNames, tierFormula } from './render-xlsx';
import { writeAtomicWith } from './write-output';

/** One table on a sheet, under an optional title, optionally coloured by tier. */
export interface XlsxBlock {
  title?: string;
  table: TablePlan;
  /** Column id of the tier (coloured by `colorRules`). */
  tierColumn?: string;
  colorRules?: readonly TierColorRule[];
}

/** One sheet: its blocks top to bottom, a blank row between them. */
export interface XlsxSheet {
  name: string;
  blocks: XlsxBlock[];
  /** Freeze the first row and filter it (a sheet of one table). */
  frozenHeader?: boolean;
}

const FORMATS: Partial<Record<ColumnPlan['kind'], string>> = { integer: '#,##0', number: '#,##0.00', money: '#,##0.00', percent: '0.0%', date: 'yyyy-mm-dd' };
const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase();

function cell(kind: ColumnPlan['kind'], v: PlanValue): PlanValue | Date {
  if (v === null) return null;
  if (kind === 'date' && typeof v === 'number') return new Date(Math.round(v * 86_400_000));
  return v;
}

function widthOf(v: PlanValue, kind: ColumnPlan['kind']): number {
  if (v === null) return 0;
  if (kind === 'date') return 10;
  const s = String(v);
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Writes sheets of tables to an .xlsx file (atomically: a failure leaves no file).
 *
 * @example
 * await writeTablesXlsx("calls.xlsx", [{ name: "Call List", blocks: [{ table }], frozenHeader: true }]);
 */
export async function writeTablesXlsx(out: string, sheets: readonly XlsxSheet[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  await writeAtomicWith(out, async (tmp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'Tierwise';
    wb.created = new Date(0);
    wb.modified = new Date(0);
    for (const sheet of sheets) {
      const options = sheet.frozenHeader ? { views: [{ state: 'frozen' as const, ySplit: 1 }] } : {};
      const ws = wb.addWorksheet(sheet.name, options);
      const widths: number[] = [];
      for (const b of sheet.blocks) {
        b.table.columns.forEach((c, k) => {
          let w = Math.min(widthOf(c.header, 'label') + 2, 30);
          for (let r = 0; r < Math.min(b.table.rows, 300); r++) w = Math.max(w, widthOf(c.values[r], c.kind) + 2);
          widths[k] = Math.max(widths[k] ?? 8, Math.min(w, 70));
        });
      }
      ws.columns = widths.map((width) => ({ width }));
      let rowNo = 0;
      for (const [i, b] of sheet.blocks.entries()) {
        if (i > 0) {
          ws.addRow([]).commit();
          rowNo++;
        }
        if (b.title) {
          const t = ws.addRow([b.title]);
          t.getCell(1).font = { bold: true };
          t.commit();
          rowNo++;
        }
        const head = ws.addRow(b.table.columns.map((c) => c.header));
        head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
        b.table.columns.forEach((_, k) => (head.getCell(k + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } }));
        head.commit();
        rowNo++;
        const top = rowNo + 1;
        const tierCol = b.tierColumn ? b.table.columns.findIndex((c) => c.id === b.tierColumn) + 1 : 0;
        if (tierCol > 0 && b.colorRules && b.table.rows > 0) {
          const letter = columnLetter(tierCol);
          ws.addConditionalFormatting({
            ref: `A${top}:${columnLetter(b.table.columns.length)}${top + b.table.rows - 1}`,
            rules: b.colorRules.map((rule, p) => ({
              type: 'expression' as const,
              priority: p + 1,
              formulae: [tierFormula(letter, top, rule.tier)],
              style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.fontColor) } } },
            })),
          });
        }
        if (sheet.frozenHeader && sheet.blocks.length === 1) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + b.table.rows, column: b.table.columns.length } };
        const kinds = b.table.columns.map((c) => c.kind);
        for (let r = 0; r < b.table.rows; r++) {
          const row = ws.addRow(b.table.columns.map((c, k) => cell(kinds[k], c.values[r])));
          kinds.forEach((kind, k) => {
            const f = FORMATS[kind];
            if (f && b.table.columns[k].values[r] !== null) row.getCell(k + 1).numFmt = f;
          });
          row.commit();
          rowNo++;
        }
      }
      ws.commit();
    }
    await wb.commit();
  });
}

const TOTAL_HEADERS = {
  up: { en: 'Up', zh: '升级' },
  down: { en: 'Down', zh: '降级' },
  same: { en: 'Same', zh: '不变' },
  new: { en: 'New', zh: '新增' },
  gone: { en: 'Gone', zh: '消失' },
};

const TEXT = {
  sheet: { en: 'Migration', zh: '迁移' },
  changes: { en: 'Changes', zh: '变化' },
  counts: { en: 'Customers: previous tier × current tier', zh: '客户数：之前层级 × 当前层级' },
  values: { en: 'Value: previous tier × current tier', zh: '价值：之前层级 × 当前层级' },
  totals: { en: 'Up / down / same / new / gone', zh: '升级 / 降级 / 不变 / 新增 / 消失' },
  movers: { en: 'Top movers by value', zh: '层级变动客户（按价值）' },
};

/**
 * The sheets of `tierwise compare --format xlsx`: Migration (totals, the counts and value matrices,
 * top movers) and Changes (every customer; continued on "Changes (2)"… past a sheet's rows).
 *
 * @example
 * await writeTablesXlsx("moves.xlsx", compareSheets(m, 10, "en"));
 */
export function compareSheets(m: Migration, top: number, language: 'en' | 'zh-CN', maxRows = EXCEL_MAX_ROWS): XlsxSheet[] {
  const say = (k: keyof typeof TEXT): string => pick(TEXT[k], language);
  const t = m.totals;
  const totals: TablePlan = {
    name: 'totals',
    rows: 1,
    columns: (['up', 'down', 'same', 'new', 'gone'] as const).map((k) => ({ id: k, header: pick(TOTAL_HEADERS[k], language), kind: 'integer' as const, values: [t[k]] })),
  };
  const moverTable = changesTable('movers', topMovers(m, top), language);
  const per = Math.max(1, maxRows - 1);
  const names = customerSheetNames(say('changes'), m.customers.length, maxRows);
  const changeSheets: XlsxSheet[] = names.map((name, i) => {
    const part = m.customers.slice(i * per, (i + 1) * per);
    return {
      name,
      frozenHeader: true,
      blocks: [
        {
          table: changesTable('changes', part, language),
        },
      ],
    };
  });
  return [
    {
      name: say('sheet'),
      blocks: [
        { title: say('totals'), table: totals },
        { title: say('counts'), table: matrixTable('counts', migrationTable(m, language, 'counts'), 'integer') },
        { title: say('values'), table: matrixTable('values', migrationTable(m, language, 'values'), 'money') },
        { title: say('movers'), table: moverTable },
      ],
    },
    ...changeSheets,
  ];
}

/** Playbook headers: the CSV's (so a file written as xlsx reads back like the CSV). */
export const PLAYBOOK_XLSX_HEADERS = ['Tier', 'Label', 'Label (中文)', 'Strategy', 'Strategy (中文)', 'Service level', 'Service level (中文)', 'Contact every (days)', 'Owner'];

/**
 * The sheet of `tierwise playbook --out playbook.xlsx`: the CSV's columns, one row per tier.
 *
 * @example
 * await writeTablesXlsx("playbook.xlsx", [playbookSheet(defaultPlaybook("abc"))]);
 */
export function playbookSheet(rows: readonly PlaybookRow[]): XlsxSheet {
  const fields: ((r: PlaybookRow) => string | number)[] = [
    (r) => r.key,
    (r) => r.label.en,
    (r) => r.label.zh,
    (r) => r.strategy.en,
    (r) => r.strategy.zh,
    (r) => r.serviceLevel.en,
    (r) => r.serviceLevel.zh,
    (r) => r.cadenceDays,
    (r) => r.owner,
  ];
  return {
    name: 'Playbook',
    frozenHeader: true,
    blocks: [{ table: { name: 'playbook', rows: rows.length, columns: PLAYBOOK_XLSX_HEADERS.map((header, k) => ({ id: `c${k}`, header, kind: k === 7 ? 'integer' : 'text', values: rows.map(fields[k]) })) } }],
  };
}
