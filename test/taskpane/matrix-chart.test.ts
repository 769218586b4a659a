/**
 * The value matrix's scatter chart through the pane flow and the in-memory host: an XY scatter
 * whose series read the plotted rows of each cell from the summary sheet, in the cell's colour,
 * the cut lines dashed without markers, and the axes logarithmic when the plan says so.
 */
import { MATRIX_TIERS } from '../../src/engine';
import { classifySelection } from '../../src/taskpane/flow';
import { createHost } from '../host';
import type { Rect } from '../host/a1';
import { fillTransactions, runnerOf } from '../host/fixtures';

const TX_MAPPING = { invoice: 0, customer: 1, date: 2, amount: 3 };

describe('Classify selection: value matrix scatter chart', () => {
  it('draws the two axes as an XY scatter per cell with the cut lines, from the tables on the summary sheet', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_500, 200);
    host.select('A1');
    const out = await classifySelection(runnerOf(host), { mapping: TX_MAPPING, options: { method: 'matrix' }, language: 'en' });
    const summary = host.model.sheet('Tier Summary');
    expect(summary.tables.map((t) => t.name)).toEqual(['TierwiseSummary', 'TierwiseMatrix', 'TierwiseMatrixGrid', 'TierwiseMatrixPoints', 'TierwiseMatrixCuts']);
    const scatter = summary.charts.find((c) => c.type === 'XYScatter');
    if (!scatter) throw new Error('no scatter chart');
    const spec = out.plan.summary.charts.find((c) => c.kind === 'scatter');
    if (!spec || spec.kind !== 'scatter') throw new Error('no scatter spec');
    expect(scatter.title).toBe(spec.title);
    const cells = scatter.series.filter((s) => s.chartType === undefined);
    const lines = scatter.series.filter((s) => s.chartType === 'XYScatterLinesNoMarkers');
    expect(cells.map((s) => s.name)).toEqual(MATRIX_TIERS.map((t) => t.key));
    expect(lines.map((s) => [s.name, s.lineStyle, s.lineColor])).toEqual([
      ['F cut', 'Dash', '#404040'],
      ['AOV cut', 'Dash', '#404040'],
    ]);
    // each cell's series reads x and y of that cell's rows only, and is coloured like the cell
    const points = summary.tables.find((t) => t.name === 'TierwiseMatrixPoints')!.rect;
    const read = (r: Rect): unknown[] => Array.from({ length: r.rows }, (_, k) => summary.get(r.row + k, r.column));
    let plotted = 0;
    cells.forEach((s, t) => {
      expect(s.markerBackgroundColor).toBe(MATRIX_TIERS[t].color);
      expect(s.markerStyle).toBe('Circle');
      const xs = s.xValues as Rect;
      const ys = s.values as Rect;
      expect([xs.column, ys.column]).toEqual([points.column + 2, points.column + 3]);
      expect(xs.row).toBe(ys.row);
      expect(xs.row).toBeGreaterThan(points.row);
      const cellColumn = read({ ...xs, column: points.column });
      expect(new Set(cellColumn)).toEqual(new Set([MATRIX_TIERS[t].key]));
      plotted += xs.rows;
    });
    expect(plotted).toBe(points.rows - 1);
    // every customer with a cell is plotted (fewer than 5,000)
    expect(plotted).toBe(out.plan.tierCounts.reduce((n, c) => n + c.customers, 0));
    // the F cut line is vertical at the median of F
    const fCut = lines[0];
    const fx = read(fCut.xValues as Rect);
    expect(fx[0]).toBe(fx[1]);
    const cutsTable = out.plan.summary.extras.find((e) => e.table.name === 'TierwiseMatrixCuts')!.table;
    expect(fx[0]).toBe(cutsTable.columns.find((c) => c.id === 'x')!.values[0]);
    // F runs from 1 to over 100 invoices (two decades): log x axis; AOV 5…205 does not: linear y axis
    expect([spec.logX, spec.logY]).toEqual([true, false]);
    expect(scatter.axes).toEqual({ category: { title: 'F (log scale)', scaleType: 'Logarithmic' }, value: { title: 'AOV' } });
  });

  it('sets logarithmic axes when the plan asks for them (AOV spanning decades)', async () => {
    const host = createHost();
    const sheet = host.model.sheet('Sheet1');
    sheet.put(0, 0, 'Invoice');
    sheet.put(0, 1, 'Customer ID');
    sheet.put(0, 2, 'InvoiceDate');
    sheet.put(0, 3, 'Amount');
    // 40 customers with 1–4 invoices each, amounts 1 to 10,000: AOV spans four decades, F does not
    let r = 1;
    for (let c = 0; c < 40; c++) {
      for (let k = 0; k <= c % 4; k++, r++) sheet.rows[r] = [`INV${r}`, `C${c}`, 45000 + r, 10 ** (c % 5)];
    }
    host.select('A1');
    const out = await classifySelection(runnerOf(host), { mapping: TX_MAPPING, options: { method: 'matrix' }, language: 'en' });
    const spec = out.plan.summary.charts.find((c) => c.kind === 'scatter');
    if (!spec || spec.kind !== 'scatter') throw new Error('no scatter spec');
    expect([spec.logX, spec.logY]).toEqual([false, true]);
    const scatter = host.model.sheet('Tier Summary').charts.find((c) => c.type === 'XYScatter');
    expect(scatter?.axes?.value.scaleType).toBe('Logarithmic');
    expect(scatter?.axes?.category.scaleType).toBeUndefined();
    expect(scatter?.axes?.value.title).toBe('AOV (log scale)');
  });
});
