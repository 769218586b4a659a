import { mappingLevel } from '../../src/taskpane/view';
import { classifySelection, previewSelection } from '../../src/taskpane/flow';
import { createHost } from '../host';
import { runnerOf } from '../host/fixtures';

describe('what a column mapping makes of the table', () => {
  it('takes quantity × unit price as the amount of a transaction log', () => {
    expect(mappingLevel({ customer: 6, date: 4, quantity: 3, price: 5 })).toBe('transactions');
    expect(mappingLevel({ customer: 0, date: 1, amount: 2 })).toBe('transactions');
    expect(mappingLevel({ customer: 0, date: 1, quantity: 2 })).toBeNull();
    expect(mappingLevel({ customer: 0, value: 1 })).toBe('customers');
    expect(mappingLevel({ date: 1, amount: 2 })).toBeNull();
  });
});

describe('a log with quantity and unit price instead of an amount (like UCI Online Retail)', () => {
  it('is detected, and classified with amount = quantity × unit price', async () => {
    const host = createHost();
    host.fill('Sheet1', 'A1', [
      ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'],
      ['536365', '85123A', 6, '2010-12-01 08:26:00', 2.55, 17850],
      ['536366', '22633', 6, '2010-12-01 08:28:00', 1.85, 17850],
      ['536367', '84879', 32, '2010-12-01 08:34:00', 1.69, 13047],
      ['536368', '22960', 6, '2010-12-01 08:34:00', 4.25, 13047],
      ['536369', '21756', 3, '2010-12-01 08:35:00', 5.95, 13748],
    ]);
    host.select('A1');
    const run = runnerOf(host);
    const preview = await previewSelection(run);
    expect(preview.detection.mapping).toMatchObject({ invoice: 0, quantity: 2, date: 3, price: 4, customer: 5 });
    expect(mappingLevel(preview.detection.mapping)).toBe('transactions');
    const out = await classifySelection(run, {
      mapping: preview.detection.mapping,
      options: { method: 'abc' },
      language: 'en',
      area: preview.area,
      cellBytes: preview.sample.cellBytes,
    });
    const monetary = out.plan.customers.columns.find((c) => c.id === 'monetary')?.values;
    expect(out.plan.customers.columns[0].values).toEqual(['13047', '13748', '17850']);
    expect(monetary).toEqual([32 * 1.69 + 6 * 4.25, 3 * 5.95, 6 * 2.55 + 6 * 1.85].map((v) => Number(v.toPrecision(15))));
  });
});
