/** The whole pane flow through the in-memory host: select, classify, check the workbook. */
import { isoDayNumber, parseOptions } from '../../src/taskpane/options';
import { BESIDE_NAME, CancelToken, LOOP_NAMES, CancelledError, PAYLOAD_LIMIT, RECORD_KEY, SHEET_NAMES, SOURCE_NAME } from '../../src/excel';
import { classifySelection, glanceAtSelection, PaneError, previewSelection, refreshOutput, type RunRequest } from '../../src/taskpane/flow';
import { createHost, type ExcelHost } from '../host';
import { fillCustomers, fillTransactions, runnerOf, snapshot } from '../host/fixtures';

const TX_MAPPING = { invoice: 0, customer: 1, date: 2, amount: 3 };

function request(overrides: Partial<RunRequest> = {}): RunRequest {
  return { mapping: TX_MAPPING, options: { method: 'rfm' }, language: 'en', ...overrides };
}

/** Like the pane: preview the selection, then (counters reset) classify with what the preview found. */
async function previewAndClassify(host: ExcelHost, overrides: Partial<RunRequest> = {}): Promise<Awaited<ReturnType<typeof classifySelection>>> {
  const preview = await previewSelection(runnerOf(host));
  host.resetStats();
  return classifySelection(runnerOf(host), request({ area: preview.area, cellBytes: preview.sample.cellBytes, ...overrides }));
}

/** A host whose generated transactions were classified once, so a previous output exists. */
async function classifiedOnce(transactions: number, customers: number): Promise<ExcelHost> {
  const host = createHost();
  fillTransactions(host, 'Sheet1', transactions, customers);
  host.select('A1');
  await previewAndClassify(host);
  return host;
}

/** A previous output, then a table grown too large for one write request (selected). */
async function classifiedThenGrown(): Promise<ExcelHost> {
  const host = await classifiedOnce(1_000, 100);
  fillTransactions(host, 'Sheet1', 150_000, 1_000_000, 11);
  host.select('A1');
  return host;
}

/** The sheet a defined name points into (undefined when missing or #REF!). */
function nameSheet(host: ExcelHost, name: string): string | undefined {
  return host.model.nameTarget(name)?.sheet.name;
}

function sheetNames(host: ExcelHost): string[] {
  return host.model.sheets.map((s) => s.name);
}

/**
 * The sheets but the management loop's Playbook and Tier History, which every run keeps (they are
 * checked in loop-flow.test.ts; here, that they exist after a run).
 */
function outputSheets(host: ExcelHost): string[] {
  const loop = [LOOP_NAMES.playbook, LOOP_NAMES.history].map((n) => nameSheet(host, n));
  expect(loop.every((n) => n !== undefined)).toBe(true);
  return sheetNames(host).filter((n) => !loop.includes(n));
}

function column(host: ExcelHost, sheet: string, col: number, rows: number): unknown[] {
  const s = host.model.sheet(sheet);
  return Array.from({ length: rows }, (_, r) => s.get(r, col));
}

describe('Classify selection: transactions', () => {
  it('previews the detected columns of a transaction table', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 500, 50);
    host.select('B7');
    const preview = await previewSelection(runnerOf(host));
    expect(preview.adjusted).toBe('expanded');
    expect(preview.area).toMatchObject({ row: 0, column: 0, rows: 501, columns: 4 });
    expect(preview.detection.level).toBe('transactions');
    expect(preview.detection.mapping).toMatchObject(TX_MAPPING);
  });

  it('writes a Customers sheet, colour rules per tier and a Tier Summary sheet with a table and a chart', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 2_000, 300);
    host.select('A1:D2001');
    const userRows = JSON.stringify(host.model.sheet('Sheet1').rows);
    const out = await classifySelection(runnerOf(host), request());
    expect(out.render.mode).toBe('sheet');
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    const customers = host.model.sheet('Customers');
    const header = out.plan.customers.columns.map((c) => c.header);
    expect(column(host, 'Customers', 0, 1)).toEqual(['Customer']);
    expect(header).toContain('Segment');
    expect(customers.usedRect()).toEqual({ row: 0, column: 0, rows: out.plan.customers.rows + 1, columns: header.length });
    // dates became Excel serials with a date format
    const first = out.plan.customers.columns.findIndex((c) => c.id === 'first');
    expect(customers.get(1, first)).toBeGreaterThanOrEqual(45000);
    expect(customers.numberFormatAt(1, first)).toBe('yyyy-mm-dd');
    // one rule per tier, over all rows, testing the segment column
    const seg = out.plan.customers.columns.findIndex((c) => c.id === 'segment');
    expect(customers.conditionalFormats).toHaveLength(out.plan.colorRules.length);
    const letter = String.fromCharCode(65 + seg);
    expect(customers.conditionalFormats[0]).toMatchObject({ formula: `=$${letter}2="Champions"`, fill: '#44BB99', rect: { row: 1, rows: out.plan.customers.rows } });
    expect(customers.tables.map((t) => t.name)).toEqual(['TierwiseCustomers']);
    const summary = host.model.sheet('Tier Summary');
    expect(summary.get(0, 0)).toBe('Tier Summary');
    expect(summary.tables.map((t) => t.name)).toEqual(['TierwiseSummary']);
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0].series.map((s) => s.name)).toEqual(['% customers', '% value']);
    // user cells untouched, output recorded
    expect(JSON.stringify(host.model.sheet('Sheet1').rows)).toBe(userRows);
    expect(nameSheet(host, SHEET_NAMES.summary)).toBe('Tier Summary');
    expect(nameSheet(host, SHEET_NAMES.customers)).toBe('Customers');
    expect(JSON.parse(String(host.model.settings.get(RECORD_KEY))).version).toBe(2);
    // tier counts add up to the customers
    expect(out.plan.tierCounts.reduce((n, t) => n + t.customers, 0)).toBe(out.plan.customers.rows);
  });

  it('adds a Pareto chart (sorted columns + cumulative % line on a secondary axis) for ABC', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_000, 200);
    host.select('A1');
    await classifySelection(runnerOf(host), request({ options: { method: 'abc' } }));
    const summary = host.model.sheet('Tier Summary');
    expect(summary.tables.map((t) => t.name)).toEqual(['TierwiseSummary', 'TierwisePareto']);
    const pareto = summary.charts[1];
    expect(pareto.title).toMatch(/Pareto/);
    expect(pareto.series.map((s) => [s.chartType ?? 'ColumnClustered', s.axisGroup ?? 'Primary'])).toEqual([
      ['ColumnClustered', 'Primary'],
      ['Line', 'Secondary'],
    ]);
  });

  it('CLV tiers: the fitted parameters, the holdout model check (actual vs predicted by repeat purchases) and the CLV distribution, with charts', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 3_000, 300);
    host.select('A1');
    // the log spans serials 45000…45364 (2023-03-15 … 2024-03-12): calibrate to 2023-11-10, the rest is the holdout
    const out = await previewAndClassify(host, { options: { method: 'clv', calibrationEnd: '2023-11-10', unit: 'week', horizon: 26, margin: 0.3, discountRate: 0.1 } });
    const summary = host.model.sheet('Tier Summary');
    expect(summary.tables.map((t) => t.name)).toEqual(['TierwiseSummary', 'TierwiseClvModel', 'TierwiseClvDistribution', 'TierwiseClvHoldout']);
    expect(summary.charts.map((c) => c.title)).toEqual([
      'Customers and value by tier',
      'Predicted CLV by customer decile',
      'Holdout purchases: actual vs predicted',
    ]);
    expect(out.digest.describe).toMatch(/^CLV over 26 weeks \(calibration to 2023-11-10, margin 30%, discount 10%\/year\)/);
  });

  it('value matrix with predicted CLV as its potential axis (typed "clv" in the pane), no column looked up', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 2_000, 200);
    host.select('A1');
    const preview = await previewSelection(runnerOf(host));
    const parsed = parseOptions({ method: 'matrix', params: { x: 'monetary', 'x-cut': 'median', 'x-at': '0.5', y: 'clv', 'y-cut': 'median', 'y-at': '0.5' }, asOf: '' });
    if (!parsed.ok) throw new Error(parsed.problem.en);
    const out = await classifySelection(runnerOf(host), request({ area: preview.area, cellBytes: preview.sample.cellBytes, headers: preview.sample.headers, options: parsed.options }));
    expect(out.digest.describe).toMatch(/^High M = M ≥ [\d.,]+ \(median\); high CLV = CLV ≥ [\d.,]+ \(median\)\./);
    const header = out.plan.customers.columns.map((c) => c.header);
    expect(header).toContain('CLV');
    expect(out.plan.tierCounts.reduce((n, t) => n + t.customers, 0)).toBe(out.plan.customers.rows);
  });

  it('keeps formula-looking customer ids as text', async () => {
    const host = createHost();
    const ids = ['=HYPERLINK("http://x","y")', '+44 20', '-minus', '@home', '007', 'TRUE'];
    host.fill('Sheet1', 'A1', [['Customer', 'Date', 'Amount'], ...ids.map((id, i) => [id, 45000 + i, 10 * (i + 1)])]);
    host.select('A1');
    await classifySelection(runnerOf(host), request({ mapping: { customer: 0, date: 1, amount: 2 }, options: { method: 'abc' } }));
    const customers = host.model.sheet('Customers');
    const written = column(host, 'Customers', 0, ids.length + 1).slice(1);
    expect(new Set(written)).toEqual(new Set(ids));
    expect(customers.formulas.size).toBe(0);
  });

  it('trims a whole-column selection to the used range', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 300, 40);
    host.select('A:D');
    const out = await classifySelection(runnerOf(host), request());
    expect(out.adjusted).toBe('trimmed');
    expect(out.area.rows).toBe(301);
    expect(out.digest.inputRows).toBe(300);
  });
});

describe('Date systems', () => {
  // 2024-01-01 as a serial: 45292 in the 1900 system, 43830 in the 1904 system (Excel for Mac's old default)
  const JAN1_1900 = 45292;
  const JAN1_1904 = 43830;
  const asOfRecency = async (date1904: boolean, serial: number, asOf: string) => {
    const host = createHost();
    host.model.date1904 = date1904;
    host.fill('Sheet1', 'A1', [['Customer ID', 'InvoiceDate', 'Amount'], ['A', serial, 10], ['B', serial + 5, 20], ['A', serial + 9, 5]]);
    host.select('A1:C4');
    const preview = await previewSelection(runnerOf(host));
    expect(preview.dateSystem).toBe(date1904 ? '1904' : '1900');
    const out = await classifySelection(runnerOf(host), { mapping: { customer: 0, date: 1, amount: 2 }, options: { method: 'rfm', asOf: isoDayNumber(asOf) }, language: 'en' });
    const customers = host.model.sheet('Customers');
    const col = (id: string) => out.plan.customers.columns.findIndex((c) => c.id === id);
    return { recency: out.result?.customers?.recency[0], lastPurchase: customers.get(1, col('last')) };
  };

  it('reads date serials in the workbook\'s own system: a 1904 workbook gets the same recency as a 1900 one', async () => {
    const in1900 = await asOfRecency(false, JAN1_1900, '2024-01-31');
    const in1904 = await asOfRecency(true, JAN1_1904, '2024-01-31');
    // customer A last bought on 2024-01-10: 21 days before the as-of date in both workbooks
    expect(in1900.recency).toBe(21);
    expect(in1904.recency).toBe(21);
    // and the dates written back are serials of the same system, so they show the same day
    expect(in1900.lastPurchase).toBe(JAN1_1900 + 9);
    expect(in1904.lastPurchase).toBe(JAN1_1904 + 9);
  });
});

describe('Classify selection: customer tables', () => {
  const rows = [
    ['Ann', 'North', 5000],
    ['Bob', 'South', 300],
    ['Cy', 'East', 2500],
    ['', 'West', 100],
    ['Dee', 'North', 50],
    ['Eve', 'South', 1500],
  ];

  it('writes the tier columns beside the table and colours the user rows', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    host.select('A1:C7');
    const out = await classifySelection(runnerOf(host), request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc' } }));
    expect(out.render.mode).toBe('beside');
    expect(out.render.besideAddress).toBe('Sheet1!D1:F7');
    const tiers = out.plan.besideInput?.columns[0].values.map((v) => v ?? '');
    expect(column(host, 'Sheet1', 3, 7)).toEqual(['Tier', ...(tiers ?? [])]);
    // reach rule: Ann (5,000 of 9,350) and Cy (above them 53 %) are A; Eve (above her 80.2 %) is B
    expect(tiers).toEqual(['A', 'C', 'A', '', 'C', 'B']);
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    const cfs = host.model.sheet('Sheet1').conditionalFormats;
    expect(cfs.map((c) => c.formula)).toEqual(['=$D2="A"', '=$D2="B"', '=$D2="C"']);
    expect(cfs[0].rect).toEqual({ row: 1, column: 0, rows: 6, columns: 6 });
    expect(column(host, 'Sheet1', 5, 2)).toEqual(['Why', 'A: customers ranked above hold 0% of value (< 80%)']);
    expect(out.plan.issues.lines.map((l) => l.message)).toEqual(['row 5: blank customer id']);
  });

  it('writes to a new sheet and says so when the columns right of the table are not empty', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    host.fill('Sheet1', 'E3', [['my note']]);
    host.select('A1:C7');
    const out = await classifySelection(runnerOf(host), request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc' } }));
    expect(out.render.mode).toBe('sheet');
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    expect(host.model.sheet('Sheet1').get(2, 4)).toBe('my note');
    expect(host.model.sheet('Sheet1').usedRect()).toEqual({ row: 0, column: 0, rows: 7, columns: 5 });
  });

  it('replaces its own output when run again, never the user cells', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    host.select('A1:C7');
    const run = runnerOf(host);
    await classifySelection(run, request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc' } }));
    const out = await classifySelection(run, request({ mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } }));
    expect(out.render.mode).toBe('beside');
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    expect(column(host, 'Sheet1', 3, 7)).toEqual(['Tier', ...(out.plan.besideInput?.columns[0].values.map((v) => v ?? '') ?? [])]);
    expect(column(host, 'Sheet1', 3, 2)).toEqual(['Tier', 'Platinum']);
    expect(host.model.sheet('Sheet1').conditionalFormats).toHaveLength(4);
    expect(column(host, 'Sheet1', 0, 7)).toEqual(['Customer', 'Ann', 'Bob', 'Cy', '', 'Dee', 'Eve']);
    // the table grows by a row whose neighbour cell holds a user note: output moves to a sheet
    host.fill('Sheet1', 'A8', [['Fay', 'East', 900, 'note']]);
    host.select('A1:C8');
    const third = await classifySelection(run, request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc' } }));
    expect(third.render.mode).toBe('sheet');
    expect(column(host, 'Sheet1', 3, 9)).toEqual(['', '', '', '', '', '', '', 'note', '']);
    expect(host.model.sheet('Sheet1').conditionalFormats).toHaveLength(0);
    // (and the source of the run, for Refresh output)
    // (and the loop's Tier History and Playbook, which a re-run keeps)
    expect([...host.model.names.keys()].sort()).toEqual([SHEET_NAMES.customers, LOOP_NAMES.history, LOOP_NAMES.playbook, SOURCE_NAME, SHEET_NAMES.summary]);
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
  });

  it('keeps the user\'s own colour rules on the rows when it replaces its own', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    const mine = { id: '{user-cf}', type: 'Custom', rect: { row: 1, column: 0, rows: 6, columns: 3 }, formula: '=$C2>1000', fill: '#FF0000' };
    host.model.sheet('Sheet1').conditionalFormats.push({ ...mine });
    host.select('A1:C7');
    await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
    await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } });
    const cfs = host.model.sheet('Sheet1').conditionalFormats;
    expect(cfs.filter((c) => c.id === mine.id)).toEqual([mine]);
    expect(cfs.filter((c) => c.id !== mine.id).map((c) => c.formula)).toEqual(['=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
  });

  describe('colour rules Excel cannot read or delete (office-js 5222, 6827, 6835)', () => {
    const abc = { mapping: { customer: 0, value: 2 }, options: { method: 'abc' as const } };
    const pyramid = { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' as const } };
    const formulasOf = (host: ExcelHost): string[] => host.model.sheet('Sheet1').conditionalFormats.filter((c) => c.formula.startsWith('=$D')).map((c) => c.formula);

    it('previews and re-runs beside a table with two cell-value rules on one range: reads only the rules over its own columns', async () => {
      const host = createHost();
      fillCustomers(host, 'Sheet1', rows);
      const sheet = host.model.sheet('Sheet1');
      const values = { row: 1, column: 2, rows: 6, columns: 1 };
      sheet.conditionalFormats.push({ id: '{gt}', type: 'CellValue', rect: values, formula: '>1000' }, { id: '{lt}', type: 'CellValue', rect: values, formula: '<100' });
      host.select('A1:C7');
      await previewAndClassify(host, abc);
      const second = await previewAndClassify(host, pyramid);
      expect(second.render.mode).toBe('beside');
      expect(sheet.conditionalFormats.map((c) => c.id).slice(0, 2)).toEqual(['{gt}', '{lt}']);
      expect(formulasOf(host)).toEqual(['=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
    });

    it('falls back to the rule ids it records when a duplicated user rule spans its columns too', async () => {
      const host = createHost();
      fillCustomers(host, 'Sheet1', rows);
      const sheet = host.model.sheet('Sheet1');
      sheet.conditionalFormats.push({ id: '{dup}', type: 'Custom', rect: { row: 1, column: 0, rows: 6, columns: 8 }, formula: '=$C2>4000', duplicated: true });
      host.select('A1:C7');
      await previewAndClassify(host, abc); // no previous output: nothing to read
      // the rules cannot be read: the run leaves the previous ones and records the ids of its own
      await previewAndClassify(host, pyramid);
      expect(formulasOf(host)).toEqual(['=$D2="A"', '=$D2="B"', '=$D2="C"', '=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
      const record = JSON.parse(String(host.model.settings.get(RECORD_KEY))) as { rules: string[] };
      expect(record.rules).toEqual(sheet.conditionalFormats.slice(-4).map((c) => c.id));
      // the next run removes them by those ids
      await previewAndClassify(host, abc);
      expect(formulasOf(host)).toEqual(['=$D2="A"', '=$D2="B"', '=$D2="C"', '=$D2="A"', '=$D2="B"', '=$D2="C"']);
      expect(sheet.conditionalFormats[0].id).toBe('{dup}');
    });

    it('writes the output when Excel fails to delete a previous rule, leaving that rule', async () => {
      const host = createHost();
      fillCustomers(host, 'Sheet1', rows);
      host.select('A1:C7');
      await previewAndClassify(host, abc);
      const sheet = host.model.sheet('Sheet1');
      sheet.conditionalFormats[0].deleteFails = true;
      const out = await previewAndClassify(host, pyramid);
      expect(out.render.mode).toBe('beside');
      expect(out.render.besideAddress).toBe('Sheet1!D1:F7');
      expect(formulasOf(host)).toEqual(['=$D2="A"', '=$D2="B"', '=$D2="C"', '=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
      expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    });
  });

  it('replaces the output recorded by an earlier version (sheet and rule ids in the setting)', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    host.select('A1:C7');
    await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
    const m = host.model;
    const sheet1 = m.sheet('Sheet1');
    m.settings.set(RECORD_KEY, JSON.stringify({ version: 1, sheets: [m.sheet('Tier Summary').id], besideSheet: sheet1.id, rules: sheet1.conditionalFormats.map((c) => c.id) }));
    m.names.delete(SHEET_NAMES.summary);
    await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } });
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    expect(sheet1.conditionalFormats.map((c) => c.formula)).toEqual(['=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
  });

  it('replaces an earlier version\'s rules in Excel without ExcelApi 1.14 (isSetSupported guard, no getItemOrNullObject)', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', rows);
    host.select('A1:C7');
    await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
    const m = host.model;
    const sheet1 = m.sheet('Sheet1');
    m.settings.set(RECORD_KEY, JSON.stringify({ version: 1, sheets: [m.sheet('Tier Summary').id], besideSheet: sheet1.id, rules: sheet1.conditionalFormats.map((c) => c.id) }));
    m.names.delete(SHEET_NAMES.summary);
    m.excelApi = 9; // Excel 2019-era: ExcelApi 1.9
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { requirements: host.requirements } };
    try {
      await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } });
    } finally {
      delete office.Office;
    }
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    expect(sheet1.conditionalFormats.map((c) => c.formula)).toEqual(['=$D2="Platinum"', '=$D2="Gold"', '=$D2="Iron"', '=$D2="Lead"']);
  });

  it('finds its output after the user renamed or deleted its sheets', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 500, 80);
    host.select('A1');
    await previewAndClassify(host);
    host.model.sheet('Tier Summary').name = 'My summary';
    host.model.deleteSheet(host.model.sheet('Customers'));
    host.select('Sheet1!A1');
    const out = await previewAndClassify(host, { options: { method: 'abc' } });
    // read, the loop's sheets (Playbook, Tier History) read, write
    expect(host.stats.syncs).toBe(3);
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    expect(out.render.summarySheet).toBe('Tier Summary');
    expect(nameSheet(host, SHEET_NAMES.customers)).toBe('Customers');
  });

  it('picks free table names when the user already has tables named like its own', async () => {
    const host = createHost();
    const other = host.model.addSheet('Mine');
    ['TierwiseCustomers', 'TierwiseSummary', 'TierwisePareto'].forEach((name, i) =>
      other.tables.push({ id: `{t${i}}`, name, rect: { row: i * 3, column: 0, rows: 2, columns: 1 }, hasHeaders: true }),
    );
    fillTransactions(host, 'Sheet1', 400, 60);
    host.select('Sheet1!A1');
    await previewAndClassify(host, { options: { method: 'abc' } });
    expect(host.model.sheet('Customers').tables.map((t) => t.name)).toEqual(['TierwiseCustomers2']);
    expect(host.model.sheet('Tier Summary').tables.map((t) => t.name)).toEqual(['TierwiseSummary2', 'TierwisePareto2']);
    // a re-run reuses its own names' slots without touching the user's tables
    await previewAndClassify(host, { options: { method: 'abc' } });
    expect(other.tables.map((t) => t.name)).toEqual(['TierwiseCustomers', 'TierwiseSummary', 'TierwisePareto']);
    expect(host.model.sheet('Customers').tables.map((t) => t.name)).toEqual(['TierwiseCustomers2']);
  });

  it('keeps a user sheet named "Customers" and picks another name', async () => {
    const host = createHost();
    host.model.addSheet('customers');
    fillTransactions(host, 'Sheet1', 100, 10);
    host.select('A1');
    const out = await classifySelection(runnerOf(host), request());
    expect(out.render.customersSheet).toBe('Customers (2)');
  });
});

describe('Requests', () => {
  it('classifies 10,000 transactions in 2 requests after the preview: one read, one write', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 10_000, 1_000);
    host.select('A:D');
    const out = await previewAndClassify(host);
    expect(out.digest.inputRows).toBe(10_000);
    expect(out.render.oneRequest).toBe(true);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.records.map((r) => r.calculationSuspended)).toEqual([false, true]);
    expect(host.model.sheet('Customers').conditionalFormats).toHaveLength(out.plan.colorRules.length);
  });

  it('classifies a customer table in 2 requests, re-runs it in 3 (the loop\'s sheets read), in 4 with a previous snapshot of the method', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', Array.from({ length: 300 }, (_, i) => [`c${i}`, i % 2 ? 'N' : 'S', (i * 37) % 1000]));
    host.select('B5');
    const first = await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
    expect(first.render.mode).toBe('beside');
    expect(host.stats.syncs).toBe(2);
    const second = await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } });
    expect(second.render.mode).toBe('beside');
    // read (with the loop's sheets found), the Playbook and Tier History read, write
    expect(host.stats.syncs).toBe(3);
    expect(host.model.sheet('Sheet1').conditionalFormats.map((c) => c.formula)).toEqual(second.plan.colorRules.map((r) => `=$D2="${r.tier}"`));
    expect(nameSheet(host, BESIDE_NAME)).toBe('Sheet1');
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    // ABC again: its snapshot read too (one more request); Previous tier and Change beside the table
    const third = await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
    expect(third.render.mode).toBe('beside');
    expect(host.stats.syncs).toBe(4);
    expect(third.plan.besideInput?.columns.map((c) => c.id)).toEqual(['tier', 'tierLabel', 'previousTier', 'change', 'why']);
  });

  it('reads the table again when the selection changed since the preview', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_000, 100);
    host.select('A1');
    const preview = await previewSelection(runnerOf(host));
    host.fill('Sheet1', 'A1002', [['INV9', 'C99999', 45100, 5]]);
    const out = await classifySelection(runnerOf(host), request({ area: preview.area, cellBytes: preview.sample.cellBytes }));
    expect(out.area.rows).toBe(1_002);
    expect(out.digest.inputRows).toBe(1_001);
    expect(out.result!.classification.keys).toContain('C99999');
  });
});

describe('Cancel', () => {
  it('leaves the workbook as it was when cancelled while writing', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 60_000, 20_000);
    host.select('A1');
    const before = snapshot(host);
    const token = new CancelToken();
    const run = classifySelection(runnerOf(host), request({
      token,
      onProgress: (p) => {
        if (p.phase === 'write' && p.done > 0) token.cancel();
      },
    }));
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(snapshot(host)).toEqual(before);
  });

  it('keeps the previous output when a re-run is cancelled after its read request', async () => {
    const host = await classifiedOnce(3_000, 500);
    const before = snapshot(host);
    const token = new CancelToken();
    host.afterSync = () => token.cancel();
    await expect(previewAndClassify(host, { token, options: { method: 'abc' } })).rejects.toBeInstanceOf(CancelledError);
    expect(snapshot(host)).toEqual(before);
  });

  it('keeps the previous output when a re-run too large for one request is cancelled between its writes', async () => {
    const host = await classifiedThenGrown();
    const before = snapshot(host);
    const token = new CancelToken();
    host.afterSync = (stats) => {
      if (stats.records.length > 0 && stats.records[stats.records.length - 1].calculationSuspended) token.cancel();
    };
    await expect(previewAndClassify(host, { token })).rejects.toBeInstanceOf(CancelledError);
    expect(snapshot(host)).toEqual(before);
    // uncancelled, the same run goes through staging sheets
    host.afterSync = undefined;
    const out = await previewAndClassify(host);
    expect(out.render.oneRequest).toBe(false);
    expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    expect(host.model.sheet('Customers').usedRect()?.rows).toBe(out.plan.customers.rows + 1);
  });

  describe('keeps the previous output when a re-run fails on a table (a request stops at its first failing operation)', () => {
    const isTableAdd = (d: unknown): boolean => {
      const op = d as { m?: string; a?: unknown[] };
      return op.m === 'add' && op.a?.length === 2 && op.a[0] === 'range' && op.a[1] === true;
    };
    it.each([['a table', isTableAdd]])('one request, output on sheets: adding %s fails', async (_, fails) => {
      const host = await classifiedOnce(3_000, 500);
      const before = snapshot(host);
      host.failOp = fails;
      await expect(previewAndClassify(host, { options: { method: 'abc' } })).rejects.toMatchObject({ code: 'GeneralException' });
      expect(snapshot(host)).toEqual(before);
      // and the next run, without the failure, replaces it as usual
      host.failOp = undefined;
      await previewAndClassify(host, { options: { method: 'abc' } });
      expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    });
  });

  describe('writes the output without charts when Excel refuses a chart (the chart is queued before the removal)', () => {
    const isChartAdd = (d: unknown): boolean => {
      const op = d as { m?: string; a?: unknown[] };
      return op.m === 'add' && op.a?.length === 3 && op.a[1] === 'range';
    };
    it('one request, output on sheets', async () => {
      const host = await classifiedOnce(3_000, 500);
      host.failOp = isChartAdd;
      const out = await previewAndClassify(host, { options: { method: 'abc' } });
      expect(out.render.chartsLeftOut).toBe(true);
      expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
      expect(host.model.sheet('Tier Summary').charts).toEqual([]);
      expect(host.model.sheet('Tier Summary').tables.map((t) => t.name)).toEqual(['TierwiseSummary', 'TierwisePareto']);
      expect(host.model.sheet('Customers').usedRect()?.rows).toBe(out.plan.customers.rows + 1);
    });
    it('one request, tier columns beside the table', async () => {
      const host = createHost();
      fillCustomers(host, 'Sheet1', [
        ['Ann', 'North', 5000],
        ['Bob', 'South', 300],
        ['Cy', 'East', 2500],
        ['Dee', 'North', 50],
      ]);
      host.select('A1:C5');
      const first = await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'abc' } });
      expect(first.render.mode).toBe('beside');
      host.failOp = isChartAdd;
      const out = await previewAndClassify(host, { mapping: { customer: 0, value: 2 }, options: { method: 'pyramid' } });
      expect([out.render.mode, out.render.chartsLeftOut]).toEqual(['beside', true]);
      expect(host.model.sheet('Sheet1').conditionalFormats.map((c) => c.formula)).toEqual(out.plan.colorRules.map((r) => `=$D2="${r.tier}"`));
      expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary']);
    });
    it('staging sheets (too large for one request)', async () => {
      const host = await classifiedThenGrown();
      host.failOp = isChartAdd;
      const out = await previewAndClassify(host);
      expect([out.render.oneRequest, out.render.chartsLeftOut]).toEqual([false, true]);
      expect(outputSheets(host)).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
      expect(host.model.sheet('Tier Summary').charts).toEqual([]);
    });
  });

  it('stops the k-means k table when cancelled while computing, and keeps the previous output', async () => {
    const host = await classifiedOnce(3_000, 400);
    const before = snapshot(host);
    const token = new CancelToken();
    const steps: string[] = [];
    const run = previewAndClassify(host, {
      token,
      options: { method: 'kmeans', k: 'auto' },
      onProgress: (p) => {
        if (p.phase !== 'compute' || p.total === 1) return;
        steps.push(`${p.done}/${p.total}`);
        if (p.done === 2) token.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    // the k table has 8 steps (k = 2…8, then the silhouettes): the work stopped at the cancel
    expect(steps).toEqual(['1/8', '2/8']);
    expect(snapshot(host)).toEqual(before);
    // uncancelled, the same run reports every step
    steps.length = 0;
    await previewAndClassify(host, { options: { method: 'kmeans', k: 'auto' }, onProgress: (p) => p.phase === 'compute' && p.total > 1 && steps.push(`${p.done}/${p.total}`) });
    expect(steps).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
  });

  it('writes nothing when cancelled while reading', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_000, 100);
    host.select('A1');
    const before = snapshot(host);
    const token = new CancelToken();
    const run = classifySelection(runnerOf(host), request({ token, onProgress: (p) => p.phase === 'read' && token.cancel() }));
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(snapshot(host)).toEqual(before);
  });
});

describe('Refresh output (the recorded run again, in place)', () => {
  it('re-runs the recorded table, columns and options after the data changed, wherever the selection is', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', [['Ann', 'N', 5000], ['Bob', 'S', 300], ['Cy', 'E', 2500], ['Dee', 'N', 50]]);
    host.select('B3');
    const preview = await previewSelection(runnerOf(host));
    const first = await classifySelection(runnerOf(host), request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc', aShare: 0.5, bShare: 0.9 }, language: 'zh-CN', area: preview.area, cellBytes: preview.sample.cellBytes, headers: preview.sample.headers }));
    expect(first.render.mode).toBe('beside');
    // the data change: a value goes up, two customers are added below; the user is elsewhere
    host.fill('Sheet1', 'C3', [[100]]);
    host.fill('Sheet1', 'A6', [['Eve', 'S', 9000], ['Fay', 'E', 10]]);
    host.model.addSheet('Notes');
    host.select('Notes!A1');
    const again = await refreshOutput(runnerOf(host));
    expect(again.area).toMatchObject({ sheetName: 'Sheet1', row: 0, column: 0, rows: 7, columns: 3 });
    expect(again.plan.customers.rows).toBe(6);
    expect(again.render.mode).toBe('beside');
    // the same options (A until the value reaches 50 %) and language (the summary in Chinese)
    expect(again.render.summarySheet).toBe(first.render.summarySheet);
    // the same as classifying the changed table afresh with those options
    const fresh = createHost();
    fillCustomers(fresh, 'Sheet1', [['Ann', 'N', 5000], ['Bob', 'S', 100], ['Cy', 'E', 2500], ['Dee', 'N', 50], ['Eve', 'S', 9000], ['Fay', 'E', 10]]);
    fresh.select('A1');
    await classifySelection(runnerOf(fresh), request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc', aShare: 0.5, bShare: 0.9 }, language: 'zh-CN' }));
    expect(column(host, 'Sheet1', 3, 7)).toEqual(column(fresh, 'Sheet1', 3, 7));
    expect(column(host, 'Sheet1', 3, 7)[0]).toBe('层级');
    expect(new Set(column(host, 'Sheet1', 3, 7).slice(1))).toEqual(new Set(['A', 'B', 'C']));
    expect(outputSheets(host)).toEqual(['Sheet1', 'Notes', first.render.summarySheet]);
  });

  it('refuses when there is nothing to refresh, or the recorded columns changed', async () => {
    const host = createHost();
    fillCustomers(host, 'Sheet1', [['Ann', 'N', 5000], ['Bob', 'S', 300]]);
    await expect(refreshOutput(runnerOf(host))).rejects.toEqual(expect.objectContaining({ key: 'error.noRecordedRun' }));
    host.select('A1');
    const preview = await previewSelection(runnerOf(host));
    await classifySelection(runnerOf(host), request({ mapping: { customer: 0, value: 2 }, options: { method: 'abc' }, area: preview.area, cellBytes: preview.sample.cellBytes, headers: preview.sample.headers }));
    host.fill('Sheet1', 'C1', [['Region total']]);
    await expect(refreshOutput(runnerOf(host))).rejects.toEqual(expect.objectContaining({ key: 'error.sourceChanged' }));
  });
});

describe('Selections Excel cannot hand over', () => {
  it('says "select one block of cells" when two areas are selected, for the preview and for a run', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 100, 10);
    host.select('A1:B20,D1:D20');
    await expect(previewSelection(runnerOf(host))).rejects.toEqual(expect.objectContaining({ name: 'PaneError', key: 'error.selection' }));
    await expect(classifySelection(runnerOf(host), request())).rejects.toBeInstanceOf(PaneError);
    await expect(glanceAtSelection(runnerOf(host))).rejects.toEqual(expect.objectContaining({ key: 'error.selection' }));
  });

  it('says the same when a chart is selected (e.g. Tierwise\'s own chart), and writes nothing', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 100, 10);
    host.select('A1');
    await previewAndClassify(host);
    const before = snapshot(host);
    host.selectChart('Tier Summary');
    await expect(classifySelection(runnerOf(host), request())).rejects.toEqual(expect.objectContaining({ key: 'error.selection' }));
    expect(snapshot(host)).toEqual(before);
  });
});

describe('Selection changes', () => {
  it('cost one small request: the address and size, no values, names, rules or date probe', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 10_000, 1_000);
    host.select('B7');
    const glance = await glanceAtSelection(runnerOf(host));
    expect(glance).toEqual({ address: 'Sheet1!B7', rows: 1, columns: 1 });
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.bytesReceived).toBeLessThan(200);
  });
});

describe('Excel limits', () => {
  it('reads again in smaller chunks when Excel refuses a read answer over 5 MB (ResponsePayloadSizeLimitExceeded)', async () => {
    const host = createHost();
    // 40,000 customers whose ids are 120 characters long: about 5.6 MB of answer for the column
    const long = (i: number): string => `C${String(i).padStart(6, '0')}-${'x'.repeat(112)}`;
    host.fill('Sheet1', 'A1', [['Customer', 'Value'], ...Array.from({ length: 40_000 }, (_, i) => [long(i), (i * 37) % 1000])]);
    host.select('A1');
    const preview = await previewSelection(runnerOf(host));
    host.resetStats();
    // the preview's size estimate is stale (as after the user pasted longer ids): the first chunk is too large
    const out = await classifySelection(runnerOf(host), request({ mapping: { customer: 0, value: 1 }, options: { method: 'abc' }, area: preview.area, cellBytes: [4, 4] }));
    expect(out.digest.inputRows).toBe(40_000);
    expect(out.plan.customers.rows).toBe(40_000);
    // Excel refused at least one answer, and the run went on with smaller ones
    expect(host.stats.records.some((r) => r.responseBytes > PAYLOAD_LIMIT)).toBe(true);
  });

  it('classifies a full 1,048,576-row sheet selected as whole columns, every request under 5 MB', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_048_575, 100_000);
    host.select('A:D');
    const out = await previewAndClassify(host);
    expect(out.digest.inputRows).toBe(1_048_575);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(host.stats.records.filter((r) => r.requestBytes > 100_000).every((r) => r.calculationSuspended)).toBe(true);
    expect(host.model.sheet('Customers').conditionalFormats).toHaveLength(out.plan.colorRules.length);
    // syncs stay near the minimum the payload limit allows
    const minimum = Math.ceil(host.stats.bytesReceived / PAYLOAD_LIMIT) + Math.ceil(host.stats.bytesSent / PAYLOAD_LIMIT);
    expect(host.stats.syncs).toBeLessThanOrEqual(Math.floor(minimum * 1.2));
  });
});
