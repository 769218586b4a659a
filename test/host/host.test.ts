/** The in-memory Excel host behaves like Excel where the add-in depends on it. */
import { createHost, PAYLOAD_LIMIT } from './index';
import type { RangeProxy } from './proxies';

describe('in-memory Excel host', () => {
  it('throws PropertyNotLoaded for a property read before load() + sync()', async () => {
    const host = createHost();
    host.fill('Sheet1', 'A1', [['x']]);
    await host.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([['x']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('queues writes until sync()', async () => {
    const host = createHost();
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1, 'two']];
      expect(host.model.sheet('Sheet1').get(0, 0)).toBe('');
      await ctx.sync();
      expect(host.model.sheet('Sheet1').get(0, 1)).toBe('two');
    });
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.bytesSent).toBeGreaterThan(0);
  });

  it('stops a request at a failing operation, keeping the ones before it and dropping the rest', async () => {
    const host = createHost();
    host.failOp = (d) => JSON.stringify(d).includes('"fails"');
    await expect(
      host.Excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [['before']];
        sheet.getRange('B1').values = [['fails']];
        sheet.getRange('C1').values = [['after']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    const sheet = host.model.sheet('Sheet1');
    expect([sheet.get(0, 0), sheet.get(0, 1), sheet.get(0, 2)]).toEqual(['before', '', '']);
  });

  it('rejects values of the wrong shape', async () => {
    const host = createHost();
    await expect(host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('rejects a request over 5 MB like Excel on the web', async () => {
    const host = createHost();
    const rows = Math.ceil(PAYLOAD_LIMIT / 20);
    const values = Array.from({ length: rows }, () => ['a value of twenty b']);
    await expect(host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, rows, 1).values = values;
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(host.model.sheet('Sheet1').usedRect()).toBeNull();
  });

  it('rejects a response over 5 MB with the response code (ResponsePayloadSizeLimitExceeded)', async () => {
    const host = createHost();
    const sheet = host.model.sheet('Sheet1');
    for (let r = 0; r < 300_000; r++) sheet.put(r, 0, 'a value of twenty b');
    await expect(host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A:A').load('values');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('follows Excel sheet-name rules', async () => {
    const host = createHost();
    for (const bad of ['a'.repeat(32), 'a/b', 'a[b]', 'x:y', 'q?', 'SHEET1', "'quoted'"]) {
      await expect(host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(bad);
        await ctx.sync();
      })).rejects.toMatchObject({ code: expect.stringMatching(/InvalidArgument|ItemAlreadyExists/) });
    }
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('客户分层汇总');
      await ctx.sync();
    });
    expect(host.model.sheets.map((s) => s.name)).toEqual(['Sheet1', '客户分层汇总']);
  });

  it('turns =, + and @ text into formulas unless it starts with an apostrophe', async () => {
    const host = createHost();
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:E1').values = [['=1+1', "'=1+1", '-3', "'007", 'TRUE']];
      await ctx.sync();
    });
    const s = host.model.sheet('Sheet1');
    expect(s.formulaAt(0, 0)).toBe('=1+1');
    expect(s.get(0, 1)).toBe('=1+1');
    expect(s.formulaAt(0, 1)).toBeUndefined();
    expect(s.get(0, 2)).toBe(-3);
    expect(s.get(0, 3)).toBe('007');
    expect(s.get(0, 4)).toBe(true);
  });

  it('finds the surrounding region and the used range', async () => {
    const host = createHost();
    host.fill('Sheet1', 'B2', [['h1', 'h2'], [1, 2], [3, 4]]);
    host.fill('Sheet1', 'F10', [['far']]);
    host.select('C3');
    await host.Excel.run(async (ctx) => {
      const region = ctx.workbook.getSelectedRange().getSurroundingRegion().load('address');
      const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRange(true).load('address');
      await ctx.sync();
      expect(region.address).toBe('Sheet1!B2:C4');
      expect(used.address).toBe('Sheet1!B2:F10');
    });
  });

  it('resolves getItemOrNullObject at sync time', async () => {
    const host = createHost();
    await host.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const setting = ctx.workbook.settings.getItemOrNullObject('k');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      ctx.workbook.settings.add('k', { a: 1 });
      await ctx.sync();
      const again = ctx.workbook.settings.getItemOrNullObject('k').load('value');
      await ctx.sync();
      expect(again.value).toEqual({ a: 1 });
    });
  });
  it('keeps a name into a deleted sheet as #REF!, and loads tables, names and rules as collections', async () => {
    const host = createHost();
    host.model.addSheet('Out');
    host.model.names.set('N', { sheetId: host.model.sheet('Out').id, rect: { row: 0, column: 0, rows: 1, columns: 1 } });
    host.model.sheet('Sheet1').conditionalFormats.push({ id: '{cf}', type: 'Custom', rect: { row: 1, column: 0, rows: 5, columns: 2 }, formula: '=$B2="A"' });
    host.model.sheet('Sheet1').tables.push({ id: '{t}', name: 'Sales', rect: { row: 0, column: 4, rows: 3, columns: 1 }, hasHeaders: true });
    host.model.deleteSheet(host.model.sheet('Out'));
    await host.Excel.run(async (ctx) => {
      const name = ctx.workbook.names.getItemOrNullObject('N');
      const range = (name.getRangeOrNullObject() as RangeProxy).load('rowIndex');
      const names = ctx.workbook.names.load('items/name');
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/id');
      const rules = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect([name.isNullObject, range.isNullObject]).toEqual([false, true]);
      expect(names.items.map((n) => n.name)).toEqual(['N']);
      expect(tables.items.map((t) => [t.name, t.worksheet.id])).toEqual([['Sales', host.model.sheet('Sheet1').id]]);
      expect(rules.items.map((r) => [r.id, r.type, r.customOrNullObject.rule.formula])).toEqual([['{cf}', 'Custom', '=$B2="A"']]);
    });
  });
});
