/** The pane says how it read dates and numbers: the order and mark the values show, or the ones it assumed. */
import { classifySelection, previewSelection } from '../../src/taskpane/flow';
import { readingText } from '../../src/taskpane/view';
import { createHost } from '../host';
import { runnerOf } from '../host/fixtures';

describe('the pane says what it read', () => {
  it('reads day-first text dates and decimal commas from the values, and says so', async () => {
    const host = createHost();
    host.fill('Sheet1', 'A1', [
      ['Kunde', 'Datum', 'Betrag'],
      ['Müller', '05.03.2024', '1.234,50'],
      ['Müller', '25.03.2024', '46,80'],
      ['Weber', '02.04.2024', '12,00'],
    ]);
    host.select('A1');
    const run = runnerOf(host);
    const preview = await previewSelection(run);
    expect(preview.detection.mapping).toMatchObject({ customer: 0, date: 1, amount: 2 });
    const out = await classifySelection(run, { mapping: preview.detection.mapping, options: { method: 'abc' }, language: 'en', area: preview.area, cellBytes: preview.sample.cellBytes });
    expect(out.digest.reading.dateOrder).toMatchObject({ order: 'dmy', how: 'values' });
    expect(out.digest.reading.decimal).toMatchObject({ mark: ',', how: 'values' });
    expect(out.result?.customers?.monetary[0]).toBeCloseTo(1281.3, 6);
    expect(readingText('en', out.digest.reading.dateOrder, out.digest.reading.decimal)).toBe(
      'Read as: dates day first (dd/mm/yyyy) (from the values); decimal comma (from the values)',
    );
  });
  it('says when the order was assumed', () => {
    expect(readingText('en', { order: 'mdy', how: 'assumed', ambiguous: 3, conflicting: 0 }, { mark: '.', how: 'assumed', ambiguous: 0, conflicting: 0 })).toBe(
      'Read as: dates month first (mm/dd/yyyy) (assumed: no value decides); decimal point (assumed: no value decides)',
    );
    expect(readingText('zh-CN', { order: 'dmy', how: 'values', ambiguous: 0, conflicting: 0 }, undefined)).toBe('读取方式：日期日在前（dd/mm/yyyy）（由数据判断）；Excel 数值');
    expect(readingText('en', { order: 'ymd', how: 'none', ambiguous: 0, conflicting: 0 }, undefined)).toBe('Read as: Excel dates; Excel numbers');
  });
});
