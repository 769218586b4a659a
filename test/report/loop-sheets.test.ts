/** The loop's sheets as plain data: Tier History blocks and bounds, the Playbook grid, the call list table. */
import { ParamError, callList, defaultPlaybook } from '../../src/engine';
import {
  HISTORY_BLOCK,
  callListTable,
  historyMetas,
  inSheetLayout,
  lastSnapshotOf,
  planSnapshot,
  playbookHeader,
  playbookRowsToAdd,
  playbookSheetRows,
  readPlaybookSheet,
  snapshotRows,
  snapshotTiers,
} from '../../src/report';

/** The first two rows of a history holding snapshots (seq, date, method, customers) in blocks 0, 1, … */
function head(snaps: [number, string, string, number][]): (string | number)[][] {
  const top: (string | number)[] = [];
  const second: (string | number)[] = [];
  snaps.forEach(([seq, date, method, n], b) => {
    top[b * HISTORY_BLOCK] = `#${seq}`;
    top[b * HISTORY_BLOCK + 1] = date;
    top[b * HISTORY_BLOCK + 2] = method;
    top[b * HISTORY_BLOCK + 3] = n;
    second[b * HISTORY_BLOCK] = '{}';
  });
  return [top, second];
}

describe('Tier History', () => {
  it('finds the snapshots by their first row, oldest first, skipping blocks that are not snapshots', () => {
    const rows = head([[3, '2026-03-31', 'abc', 5], [1, '2026-01-31', 'abc', 4], [2, '2026-02-28', 'rfm', 9]]);
    rows[0][12] = '#4';
    rows[0][13] = 'not a date';
    const metas = historyMetas(rows);
    expect(metas.map((m) => [m.seq, m.block])).toEqual([[1, 1], [2, 2], [3, 0]]);
    expect(lastSnapshotOf(metas, 'abc')?.date).toBe('2026-03-31');
    expect(lastSnapshotOf(metas, 'pyramid')).toBeUndefined();
  });

  it('drops the oldest snapshots to stay within the bounds; the new one goes to a block no snapshot uses', () => {
    const metas = historyMetas(head([[1, '2026-01-31', 'abc', 40], [2, '2026-02-28', 'abc', 40], [3, '2026-03-31', 'rfm', 40]]));
    expect(planSnapshot(metas, 40, { snapshots: 5, rows: 1_000 })).toMatchObject({ record: true, block: 3, seq: 4, dropped: [], message: null });
    const bySnapshots = planSnapshot(metas, 40, { snapshots: 3, rows: 1_000 });
    expect(bySnapshots).toMatchObject({ record: true, block: 3, seq: 4 });
    expect(bySnapshots.dropped.map((d) => d.seq)).toEqual([1]);
    const byRows = planSnapshot(metas, 70, { snapshots: 10, rows: 120 });
    expect(byRows.dropped.map((d) => d.seq)).toEqual([1, 2]);
    expect(byRows.block).toBe(3);
    // the next run finds the dropped blocks emptied: the first of them is free again
    const next = historyMetas(head([[3, '2026-03-31', 'rfm', 40]]).map((row) => [...new Array(8).fill(''), ...row]));
    expect(planSnapshot([...next, { ...next[0], seq: 4, block: 3 }], 10, { snapshots: 5, rows: 1_000 }).block).toBe(0);
    expect(byRows.message?.zh).toContain('已删除最早的 2 个');
    const tooBig = planSnapshot(metas, 121, { snapshots: 10, rows: 120 });
    expect(tooBig).toMatchObject({ record: false, dropped: [] });
  });

  it('writes a snapshot that reads back as the same customer → tier and value, customers without a tier left out', () => {
    const s = snapshotRows({ seq: 7, date: '2026-05-31', method: 'abc', options: { method: 'abc', aShare: 0.7 }, customers: ['c1', 'c2', '007'], tiers: ['A', null, 'C'], values: [10.5, 3, 2] }, 'zh-CN');
    expect(s.head).toEqual(['#7', '2026-05-31', 'abc', 2]);
    expect(s.body[0][0]).toBe('{"method":"abc","aShare":0.7}');
    expect(s.body[1]).toEqual(['客户', '层级', '价值', '']);
    const back = snapshotTiers(s.body.slice(2));
    expect([...back.tiers]).toEqual([['c1', 'A'], ['007', 'C']]);
    expect(back.values.get('c1')).toBe(10.5);
  });
});

describe('the Playbook sheet', () => {
  const grid = (): (string | number)[][] => [playbookHeader('en'), ...playbookSheetRows('abc', defaultPlaybook('abc')), ...playbookSheetRows('pyramid', defaultPlaybook('pyramid'))];

  it('reads the rows of one method; blank cells are not edits', () => {
    const cells = grid();
    cells[2][4] = 'Call them';
    cells[2][8] = '';
    const read = readPlaybookSheet(cells, 'ABC', 'Playbook');
    expect(read.edits.map((e) => e.key)).toEqual(['A', 'B', 'C']);
    expect(read.edits[1]).toMatchObject({ key: 'B', strategy: { en: 'Call them' }, cadenceDays: undefined });
    expect(read.usedRows).toBe(8);
    expect(readPlaybookSheet(cells, 'pyramid', 'Playbook').edits.map((e) => e.key)).toEqual(['Platinum', 'Gold', 'Iron', 'Lead']);
  });

  it('reads Chinese headers in any order, and writes new rows in that order', () => {
    const zh = playbookHeader('zh-CN');
    const order = [1, 0, ...Array.from({ length: zh.length - 2 }, (_, i) => i + 2)];
    const cells = [order.map((k) => zh[k]), ...playbookSheetRows('abc', defaultPlaybook('abc').slice(0, 1)).map((r) => order.map((k) => r[k]))];
    const read = readPlaybookSheet(cells, 'abc', '策略手册');
    expect(read.recognised).toBe(true);
    expect(read.edits.map((e) => e.key)).toEqual(['A']);
    const add = playbookRowsToAdd(read, defaultPlaybook('abc'));
    expect(add.map((r) => r.key)).toEqual(['B', 'C']);
    expect(inSheetLayout(playbookSheetRows('abc', add), read)[0].slice(0, 2)).toEqual(['B', 'abc']);
  });

  it('names the sheet, row and column of a bad cadence or a repeated tier, in both languages', () => {
    const cells = grid();
    cells[3][8] = '0';
    expect(() => readPlaybookSheet(cells, 'abc', 'Playbook')).toThrow(new ParamError({ en: 'sheet "Playbook", row 4, column "Contact every (days)": "0" is not a whole number of days ≥ 1', zh: '' }).message);
    const twice = grid();
    twice[3][1] = 'A';
    expect(() => readPlaybookSheet(twice, 'abc', 'Playbook')).toThrow('sheet "Playbook", row 4: tier "A" of abc appears twice');
    expect(readPlaybookSheet([['Name', 'Value']], 'abc', 'Playbook').recognised).toBe(false);
  });
});

describe('the call list table', () => {
  it('has the playbook\'s label and action, in the list\'s order', () => {
    const book = defaultPlaybook('abc').map((p) => (p.key === 'B' ? { ...p, label: { en: 'Growth', zh: '成长客户' } } : p));
    const entries = callList(
      [
        { customer: 'x', tier: 'B', value: 5, lastPurchase: 100 },
        { customer: 'y', tier: 'A', value: 9, lastPurchase: 100 },
      ],
      [{ key: 'A', group: 'key' }, { key: 'B', group: 'ordinary' }, { key: 'C', group: 'small' }],
      book,
      { date: 200 },
    );
    const table = callListTable(entries, book, 'zh-CN');
    const col = (id: string) => table.columns.find((c) => c.id === id)?.values;
    expect(col('customer')).toEqual(['y', 'x']);
    expect(col('tierLabel')).toEqual(['A类 · 关键客户', '成长客户']);
    expect(col('overdue')).toEqual([86, 70]);
    expect(table.columns[0].header).toBe('负责人');
  });
});
