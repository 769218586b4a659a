/**
 * The management loop through the in-memory host: the Playbook sheet (written once, the user's
 * text wins, new tiers appended), the Tier History (a snapshot per run, bounded), Previous tier and
 * Change against the last snapshot, and Today's call list.
 */
import { ParamError, dayNumber, dayNumberToSerial } from '../../src/engine';
import { LOOP_NAMES } from '../../src/excel';
import { writeCallList } from '../../src/taskpane/call-list-flow';
import { PaneError, classifySelection, type RunRequest } from '../../src/taskpane/flow';
import { paneText } from '../../src/i18n/pane-strings';
import { createHost, type ExcelHost } from '../host';
import { fillTransactions, runnerOf, snapshot } from '../host/fixtures';

const TX = { invoice: 0, customer: 1, date: 2, amount: 3 };

function abc(overrides: Partial<RunRequest> = {}): RunRequest {
  return { mapping: TX, options: { method: 'abc' }, language: 'en', ...overrides };
}

async function classify(host: ExcelHost, overrides: Partial<RunRequest> = {}): Promise<Awaited<ReturnType<typeof classifySelection>>> {
  host.select('Sheet1!A1');
  return classifySelection(runnerOf(host), abc(overrides));
}

/** A column of a plan table by id. */
function planColumn(out: Awaited<ReturnType<typeof classifySelection>>, id: string): unknown[] {
  const col = out.plan.customers.columns.find((c) => c.id === id);
  if (!col) throw new Error(`no column ${id}`);
  return col.values;
}

/** customer → tier of a run, from its Customers table. */
function tiersOf(out: Awaited<ReturnType<typeof classifySelection>>): Map<string, string> {
  const keys = planColumn(out, 'customer');
  const tiers = planColumn(out, 'tier');
  return new Map(keys.map((k, i) => [String(k), String(tiers[i])]));
}

function rowsOf(host: ExcelHost, sheet: string, from: number, to: number, width: number): unknown[][] {
  const s = host.model.sheet(sheet);
  return Array.from({ length: to - from }, (_, r) => Array.from({ length: width }, (_, c) => s.get(from + r, c)));
}

describe('the Playbook sheet', () => {
  it('is written on the first run of a method, one row per tier from the built-in strategies', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 2_000, 200);
    const out = await classify(host, { loop: { today: '2026-01-31' } });
    expect(out.loop).toMatchObject({ previous: null, playbookAdded: 3, playbookCreated: true, playbookSheet: 'Playbook', recorded: true });
    const rows = rowsOf(host, 'Playbook', 0, 4, 10);
    expect(rows[0]).toEqual(['Method', 'Tier', 'Label', 'Label (中文)', 'Strategy', 'Strategy (中文)', 'Service level', 'Service level (中文)', 'Contact every (days)', 'Owner']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[8], r[9]])).toEqual([
      ['abc', 'A', 14, 'Key accounts'],
      ['abc', 'B', 30, 'Sales'],
      ['abc', 'C', 90, 'Customer service'],
    ]);
    expect(rows[1][3]).toBe('A类 · 关键客户');
    expect(host.model.sheet('Playbook').visibility).toBe('Visible');
    expect(host.model.nameTarget(LOOP_NAMES.playbook)?.sheet.name).toBe('Playbook');
    // the first run has nothing to compare with
    expect(out.plan.customers.columns.map((c) => c.id)).not.toContain('change');
  });

  it('keeps the user\'s edits on a re-run, and their text wins in the summary, the Customers sheet and the pane', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 2_000, 200);
    await classify(host, { loop: { today: '2026-01-31' } });
    // the user edits A's English label and strategy, B's cadence, and removes the row of C
    host.fill('Playbook', 'C2', [['Gold accounts']]);
    host.fill('Playbook', 'E2', [['Call every Monday; lunch each quarter']]);
    host.fill('Playbook', 'I3', [[7]]);
    host.fill('Playbook', 'A4', [['', '', '', '', '', '', '', '', '', '']]);
    const before = rowsOf(host, 'Playbook', 0, 3, 10);
    const out = await classify(host, { loop: { today: '2026-02-28' } });
    // the user's rows are as they left them; C, gone from the sheet, is a new row below them
    expect(rowsOf(host, 'Playbook', 0, 3, 10)).toEqual(before);
    expect(rowsOf(host, 'Playbook', 3, 4, 2)).toEqual([['abc', 'C']]);
    expect(out.loop).toMatchObject({ playbookAdded: 1, playbookCreated: false, playbookSheet: 'Playbook' });
    const summary = out.plan.summary.table;
    const at = (id: string) => summary.columns.find((c) => c.id === id)?.values;
    expect(at('label')?.[0]).toBe('Gold accounts');
    expect(at('strategy')?.[0]).toBe('Call every Monday; lunch each quarter');
    expect(at('strategy')?.[1]).toBe('Grow them: cross-sell and volume offers to lift them into the key tier.');
    const labels = planColumn(out, 'tierLabel');
    const tiers = planColumn(out, 'tier');
    expect(new Set(labels.filter((_, i) => tiers[i] === 'A'))).toEqual(new Set(['Gold accounts']));
    expect(out.plan.tierCounts[0].label).toBe('Gold accounts');
    // on the sheets too
    const summarySheet = host.model.sheet('Tier Summary');
    const flat = JSON.stringify(summarySheet.rows);
    expect(flat).toContain('Call every Monday; lunch each quarter');
    // a third run with everything in place writes no playbook row
    const third = await classify(host, { loop: { today: '2026-03-31' } });
    expect(third.loop?.playbookAdded).toBe(0);
    expect(host.model.sheet('Playbook').usedRect()?.rows).toBe(4);
  });

  it('appends the rows of another method\'s tiers below, in the sheet\'s own column order', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_000, 150);
    await classify(host);
    // the user swaps two columns: Owner first, Method last … (headers move with their values)
    const s = host.model.sheet('Playbook');
    for (let r = 0; r < 4; r++) {
      const row = s.rows[r] as unknown[];
      [row[0], row[9]] = [row[9], row[0]];
    }
    const out = await classify(host, { options: { method: 'pyramid' } });
    expect(out.loop?.playbookAdded).toBe(4);
    const added = rowsOf(host, 'Playbook', 4, 8, 10);
    expect(added.map((r) => [r[9], r[1], r[8], r[0]])).toEqual([
      ['pyramid', 'Platinum', 14, 'Key accounts'],
      ['pyramid', 'Gold', 14, 'Key accounts'],
      ['pyramid', 'Iron', 30, 'Sales'],
      ['pyramid', 'Lead', 90, 'Customer service'],
    ]);
    expect(rowsOf(host, 'Playbook', 1, 4, 2).map((r) => r[1])).toEqual(['A', 'B', 'C']);
  });

  it('starts a new Playbook and Tier History when the user deleted them (their names then point nowhere)', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 500, 80);
    await classify(host);
    host.model.deleteSheet(host.model.sheet('Playbook'));
    host.model.deleteSheet(host.model.sheet('Tier History'));
    const out = await classify(host, { loop: { today: '2026-02-28' } });
    expect(out.loop).toMatchObject({ previous: null, playbookCreated: true, playbookSheet: 'Playbook', playbookAdded: 3 });
    expect(host.model.nameTarget(LOOP_NAMES.playbook)?.sheet.name).toBe('Playbook');
    expect(host.model.nameTarget(LOOP_NAMES.history)?.sheet.name).toBe('Tier History');
    expect(host.model.sheet('Tier History').get(0, 0)).toBe('#1');
  });

  it('refuses a cadence that is not a whole number of days, naming the row and column, and writes nothing', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 500, 80);
    await classify(host);
    host.fill('Playbook', 'I3', [['weekly']]);
    const before = snapshot(host);
    const error = await classify(host).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).problem.en).toBe('sheet "Playbook", row 3, column "Contact every (days)": "weekly" is not a whole number of days ≥ 1');
    expect((error as ParamError).problem.zh).toContain('第 3 行');
    expect(snapshot(host)).toEqual(before);
  });
});

describe('Tier History and Previous tier / Change', () => {
  it('records a snapshot per run in a hidden sheet, and compares with the last one of the same method', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 1_500, 300, 7);
    const first = await classify(host, { loop: { today: '2026-01-31' } });
    const history = host.model.sheet('Tier History');
    expect(history.visibility).toBe('Hidden');
    expect(rowsOf(host, 'Tier History', 0, 3, 4)).toEqual([
      ['#1', '2026-01-31', 'abc', first.plan.customers.rows],
      [JSON.stringify({ method: 'abc' }), '', '', ''],
      ['Customer', 'Tier', 'Value', ''],
    ]);
    const recorded = new Map(rowsOf(host, 'Tier History', 3, 3 + first.plan.customers.rows, 2).map((r) => [String(r[0]), String(r[1])]));
    expect(recorded).toEqual(tiersOf(first));

    // a month later: other purchases (some customers gone, some new); a pyramid run in between
    fillTransactions(host, 'Sheet1', 1_500, 300, 8);
    await classify(host, { options: { method: 'pyramid' }, loop: { today: '2026-02-15' } });
    const second = await classify(host, { loop: { today: '2026-02-28', historyVisible: true } });
    expect(history.visibility).toBe('Visible');
    expect(second.loop?.previous).toMatchObject({ seq: 1, date: '2026-01-31', method: 'abc' });
    expect(rowsOf(host, 'Tier History', 0, 1, 12)[0].filter((_, c) => c % 4 === 0)).toEqual(['#1', '#2', '#3']);

    // Previous tier and Change, worked out here from the two runs' own tables
    const before = tiersOf(first);
    const after = tiersOf(second);
    const order = ['A', 'B', 'C'];
    const expected = [...after].map(([k, tier]) => {
      const prev = before.get(k);
      const change = prev === undefined ? 'new' : order.indexOf(tier) < order.indexOf(prev) ? '↑' : order.indexOf(tier) > order.indexOf(prev) ? '↓' : '=';
      return [k, prev ?? null, change];
    });
    const keys = planColumn(second, 'customer').map(String);
    const got = keys.map((k, i) => [k, planColumn(second, 'previousTier')[i], planColumn(second, 'change')[i]]);
    expect(got).toEqual(expected);
    const ids = second.plan.customers.columns.map((c) => c.id);
    expect(ids.slice(ids.indexOf('tier'), ids.indexOf('tier') + 4)).toEqual(['tier', 'tierLabel', 'previousTier', 'change']);
    const kinds = new Set(expected.map((e) => e[2]));
    expect(kinds).toEqual(new Set(['↑', '↓', '=', 'new']));
    const gone = [...before.keys()].filter((k) => !after.has(k)).length;
    expect(gone).toBeGreaterThan(0);
    expect(second.loop?.totals).toEqual({
      up: expected.filter((e) => e[2] === '↑').length,
      down: expected.filter((e) => e[2] === '↓').length,
      same: expected.filter((e) => e[2] === '=').length,
      new: expected.filter((e) => e[2] === 'new').length,
      gone,
    });
    // the summary's migration matrix: row totals = the first run's tier counts, column totals = this run's
    const matrix = second.plan.summary.extras.find((e) => e.table.name === 'TierwiseMigration')?.table;
    expect(matrix).toBeDefined();
    const cols = matrix!.columns;
    const totalRow = cols.map((c) => c.values[c.values.length - 1]);
    expect(totalRow).toEqual(['Total', ...order.map((t) => [...after.values()].filter((x) => x === t).length), gone, before.size + expected.filter((e) => e[2] === 'new').length]);
    const rowTotals = cols[cols.length - 1].values.slice(0, 3);
    expect(rowTotals).toEqual(order.map((t) => [...before.values()].filter((x) => x === t).length));
    expect(second.plan.summary.extras.map((e) => e.table.name)).toContain('TierwiseMovers');
    // written to the Customers sheet under their headers
    const header = host.model.sheet('Customers').rows[0] as unknown[];
    expect(header).toContain('Previous tier');
    expect(header).toContain('Change');
  });

  it('adds Previous tier and Change beside a customer table too', async () => {
    const host = createHost();
    host.fill('Sheet1', 'A1', [['Customer', 'Region', 'Value'], ['Ann', 'N', 5000], ['Bob', 'S', 300], ['Cy', 'E', 2500], ['Dee', 'N', 50]]);
    host.select('A1');
    const request = abc({ mapping: { customer: 0, value: 2 } });
    await classifySelection(runnerOf(host), request);
    host.fill('Sheet1', 'C3', [[9000]]);
    host.fill('Sheet1', 'A6', [['Eve', 'W', 10]]);
    host.select('A1');
    const out = await classifySelection(runnerOf(host), request);
    expect(out.render.mode).toBe('beside');
    expect(rowsOf(host, 'Sheet1', 0, 6, 8).map((r) => r.slice(3, 7))).toEqual([
      ['Tier', 'Tier label', 'Previous tier', 'Change'],
      ['A', 'A — key customers', 'A', '='],
      ['A', 'A — key customers', 'C', '↑'],
      ['B', 'B — ordinary customers', 'A', '↓'],
      ['C', 'C — small customers', 'C', '='],
      ['C', 'C — small customers', '', 'new'],
    ]);
  });

  it('keeps at most the bounded number of snapshots, dropping the oldest and saying so; refuses one too large', async () => {
    const host = createHost();
    fillTransactions(host, 'Sheet1', 400, 60);
    const limits = { snapshots: 2, rows: 1_000 };
    await classify(host, { loop: { today: '2026-01-31', limits } });
    await classify(host, { loop: { today: '2026-02-28', limits } });
    const third = await classify(host, { loop: { today: '2026-03-31', limits } });
    expect(third.loop?.historyMessage?.en).toBe('Tier History keeps at most 2 snapshots and 1,000 customer rows: dropped the oldest 1 (2026-01-31 abc).');
    expect(third.loop?.previous?.date).toBe('2026-02-28');
    // the oldest block emptied, the new snapshot in the block after the last
    const head = rowsOf(host, 'Tier History', 0, 1, 12)[0];
    expect([head[0], head[4], head[8]]).toEqual(['', '#2', '#3']);
    expect(host.model.sheet('Tier History').usedRect()).toMatchObject({ column: 4, columns: 8 });
    const fourthRun = await classify(host, { loop: { today: '2026-04-15', limits } });
    expect(fourthRun.loop?.previous?.date).toBe('2026-03-31');
    expect(rowsOf(host, 'Tier History', 0, 1, 12)[0].filter((_, c) => c % 4 === 0)).toEqual(['#4', '', '#3']);
    // a snapshot larger than the history holds is not recorded; the history stays as it was
    const headBefore = JSON.stringify(host.model.sheet('Tier History').rows);
    const fourth = await classify(host, { loop: { today: '2026-04-30', limits: { snapshots: 2, rows: 10 } } });
    expect(fourth.loop?.recorded).toBe(false);
    expect(fourth.loop?.historyMessage?.en).toMatch(/^Not recorded in Tier History: \d+ customers are more than it keeps \(10 customer rows\)\.$/);
    expect(JSON.stringify(host.model.sheet('Tier History').rows)).toBe(headBefore);
  });
});

describe("Today's call list", () => {
  const serial = (y: number, m: number, d: number) => dayNumberToSerial(dayNumber(y, m, d));
  /** Six customers, ABC: K1 K2 are A, O1 O2 B, S1 S2 C (values 5000 3000 1000 500 300 200). */
  function salesHost(): ExcelHost {
    const host = createHost();
    host.fill('Sheet1', 'A1', [
      ['Invoice', 'Customer', 'Date', 'Amount', 'Sales rep', 'Stage', 'Last contact'],
      ['i1', 'K1', serial(2024, 3, 1), 5000, 'Li', '', ''],
      ['i2', 'K2', serial(2024, 3, 25), 3000, 'Li', '', ''],
      ['i3', 'O1', serial(2024, 1, 1), 1000, 'Wang', '谈判', ''],
      ['i4', 'O2', serial(2024, 2, 15), 500, 'Li', '', serial(2024, 3, 20)],
      ['i5', 'S1', serial(2023, 10, 1), 300, 'Wang', '', ''],
      ['i6', 'S2', serial(2024, 3, 1), 200, 'Wang', '', ''],
    ]);
    return host;
  }

  it('lists the due customers in priority order with owner, stage, days overdue, the playbook action and the reason', async () => {
    const host = salesHost();
    host.select('A1');
    await classifySelection(runnerOf(host), abc());
    const out = await writeCallList(runnerOf(host), { date: '2024-03-31', language: 'en' });
    expect(out.sheet).toBe('Call List 2024-03-31');
    expect(out.columns).toEqual({ owner: 4, stage: 5, contact: 6 });
    const rows = rowsOf(host, out.sheet, 0, 4, 13);
    expect(rows[0]).toEqual(['Owner', 'Rank', 'Customer', 'Tier', 'Tier label', 'Stage', 'Last contact/purchase', 'Based on', 'Days since', 'Cadence (days)', 'Days overdue', 'Action', 'Reason']);
    // K2 (6 days) and O2 (contacted 11 days ago) are not due; S2 is within its 90 days
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6], r[7], r[10]])).toEqual([
      ['Li', 1, 'K1', 'A', '', serial(2024, 3, 1), 'purchase', 16],
      ['Wang', 1, 'O1', 'B', '谈判', serial(2024, 1, 1), 'purchase', 60],
      ['Wang', 2, 'S1', 'C', '', serial(2023, 10, 1), 'purchase', 92],
    ]);
    expect(rows[1][12]).toBe('Key customer (A), 16 days overdue on a 14-day cadence');
    expect(rows[2][12]).toBe('Ordinary customer (B), 60 days overdue on a 30-day cadence, in negotiation');
    expect(rows[1][11]).toBe('Dedicated account manager and VIP service; protect the relationship first.');
    expect(rowsOf(host, out.sheet, 4, 5, 3)[0]).toEqual(['', '', '']);
    // coloured by tier: one rule per tier over the rows, testing the Tier column (D)
    const cfs = host.model.sheet(out.sheet).conditionalFormats;
    expect(cfs.map((c) => c.formula)).toEqual(['=$D2="A"', '=$D2="B"', '=$D2="C"']);
    expect(host.model.sheet(out.sheet).numberFormatAt(1, 6)).toBe('yyyy-mm-dd');
  });

  it('caps each owner\'s list, follows the user\'s playbook, replaces its own sheet for the date and never a user\'s', async () => {
    const host = salesHost();
    host.select('A1');
    await classifySelection(runnerOf(host), abc());
    // the user: C customers every 200 days, their own words for A
    host.fill('Playbook', 'I4', [[200]]);
    host.fill('Playbook', 'E2', [['Visit in person']]);
    const capped = await writeCallList(runnerOf(host), { date: '2024-03-31', perRep: 1, language: 'en' });
    expect(capped.entries.map((e) => [e.owner, e.customer])).toEqual([['Li', 'K1'], ['Wang', 'O1']]);
    expect(host.model.sheet(capped.sheet).get(1, 11)).toBe('Visit in person');
    // S1 (182 days) is no longer due on a 200-day cadence, even without the cap
    const again = await writeCallList(runnerOf(host), { date: '2024-03-31', language: 'en' });
    expect(again.sheet).toBe('Call List 2024-03-31');
    expect(again.entries.map((e) => e.customer)).toEqual(['K1', 'O1']);
    expect(host.model.sheets.filter((s) => s.name.startsWith('Call List')).map((s) => s.name)).toEqual(['Call List 2024-03-31']);
    // a sheet of the user's with the name of the day's list is kept
    host.model.addSheet('Call List 2024-04-01');
    host.fill('Call List 2024-04-01', 'A1', [['my notes']]);
    const next = await writeCallList(runnerOf(host), { date: '2024-04-01', language: 'zh-CN' });
    expect(next.sheet).toBe('拜访清单 2024-04-01');
    const mine = await writeCallList(runnerOf(host), { date: '2024-04-01', language: 'en' });
    expect(mine.sheet).toBe('Call List 2024-04-01 (2)');
    expect(host.model.sheet('Call List 2024-04-01').get(0, 0)).toBe('my notes');
  });

  it('writes the list in Chinese, reasons included', async () => {
    const host = salesHost();
    host.select('A1');
    await classifySelection(runnerOf(host), abc({ language: 'zh-CN' }));
    const out = await writeCallList(runnerOf(host), { date: '2024-03-31', language: 'zh-CN' });
    const rows = rowsOf(host, out.sheet, 0, 3, 13);
    expect(rows[0][0]).toBe('负责人');
    expect(rows[1][12]).toBe('关键客户（A类 · 关键客户），按14天周期已逾期16天');
    expect(rows[2][12]).toBe('普通客户（B类 · 普通客户），按30天周期已逾期60天，处于谈判阶段');
    expect(rows[1][7]).toBe('购买');
  });

  it('says when there is no classified table, or the date is not a date', async () => {
    const host = salesHost();
    await expect(writeCallList(runnerOf(host), { date: '2024-03-31', language: 'en' })).rejects.toEqual(expect.objectContaining({ key: 'error.noRecordedRun' }));
    await expect(writeCallList(runnerOf(host), { date: '2024-02-30', language: 'en' })).rejects.toEqual(expect.objectContaining({ key: 'error.callDate' }));
  });

  it('names the column, sheet row and value of a last-contact cell that is not a date, in the pane\'s words', async () => {
    const host = salesHost();
    host.fill('Sheet1', 'G5', [['next week']]);
    host.select('A1');
    await classifySelection(runnerOf(host), abc());
    const error = await writeCallList(runnerOf(host), { date: '2024-03-31', language: 'zh-CN' }).catch((e: unknown) => e);
    expect(error).toEqual(expect.objectContaining({ key: 'error.contactDate', params: { column: 'Last contact', row: 5, value: 'next week' } }));
    expect(paneText('zh-CN', 'error.contactDate', { ...(error as PaneError).params })).toBe('列“Last contact”第 5 行：“next week”不是日期。最近联系列须为日期（或留空）。');
    expect(host.model.sheets.map((s) => s.name)).not.toContain('Call List 2024-03-31');
  });
});
