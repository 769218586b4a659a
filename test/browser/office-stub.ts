/**
 * What the browser test serves in place of office.js: an `Office` with `onReady` and the display
 * language, and the in-memory host as `Excel`, filled with a fixture table. The test reads the
 * workbook back through `window.__host`.
 */
import { createHost, type ExcelHost } from '../host';
import { fillCustomers, fillTransactions } from '../host/fixtures';

interface StubWindow {
  __fixture?: 'transactions' | 'customers' | 'textDates' | 'education' | 'sales';
  __displayLanguage?: string;
  __host?: ExcelHost;
  /** Fires Office's DocumentSelectionChanged handlers (as Excel does when the user selects). */
  __selectionChanged?: () => void;
  /** Fires `Office.addin.onVisibilityModeChanged` handlers (SharedRuntime 1.1), as when the user closes or reopens the pane. */
  __visibility?: (mode: 'Hidden' | 'Taskpane') => void;
  Office?: unknown;
  Excel?: unknown;
}

const w = window as unknown as StubWindow;
const host = createHost();
if (w.__fixture === 'education') {
  // an education company's customers: every stage × need × area once (32 rows)
  const rows: (string | number)[][] = [['CustomerID', 'Stage', 'Need', 'Area', 'Revenue']];
  for (const stage of ['幼儿园', '小学', '中学', '大学']) for (const need of ['转学', '升学', '补习', '职业培训']) for (const area of ['城市', '农村']) rows.push([`E${rows.length}`, stage, need, area, 100 * rows.length]);
  host.fill('Sheet1', 'A1', rows);
  host.select('A1');
} else if (w.__fixture === 'sales') {
  // a sales team's orders in 2024: customer, date, amount, the sales rep and the deal's stage
  const reps = ['Li Na', 'Wang Wei', 'Zhao Min'];
  const stages = ['', '', 'lead', 'proposal', 'negotiation', ''];
  const rows: (string | number)[][] = [['Order', 'Customer', 'Date', 'Amount', 'Sales rep', 'Stage']];
  let seed = 11;
  const rnd = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 1; i <= 400; i++) {
    const c = Math.floor(rnd() ** 1.6 * 60);
    // Excel serials of 2024 (45292 = 2024-01-01), the later customers buying less recently
    rows.push([`SO${1000 + i}`, `Cust ${String(c + 1).padStart(2, '0')}`, 45292 + Math.floor(rnd() * (300 - c * 2)), Math.round((50 + rnd() * 900 * (1 + (60 - c) / 20)) * 100) / 100, reps[c % 3], stages[c % 6]]);
  }
  host.fill('Sheet1', 'A1', rows);
  host.select('A1');
} else if (w.__fixture === 'customers') {
  fillCustomers(host, 'Sheet1', [
    ['Ann', 'North', 5000],
    ['Bob', 'South', 300],
    ['Cy', 'East', 2500],
    ['', 'West', 100],
    ['Dee', 'North', 50],
    ['=cmd|x', 'South', 1500],
    ['Fay', 'East', 'n/a'],
  ]);
  host.fill('Sheet1', 'D1', [['<img src=x onerror="window.__pwned=1">']]);
  host.select('B3');
} else if (w.__fixture === 'textDates') {
  // day-first text dates where no day is over 12, and decimal-comma amounts
  host.fill('Sheet1', 'A1', [
    ['Customer', 'Date', 'Amount'],
    ['Ann', '05/03/2024', '1.234,50'],
    ['Ann', '01/04/2024', '10,00'],
    ['Bob', '02/03/2024', '46,80'],
    ['Cy', '11/02/2024', '7,25'],
  ]);
  host.select('A1');
} else {
  fillTransactions(host, 'Sheet1', 5_000, 600);
  host.fill('Sheet1', 'A5002', [['INV999', '', 45100, 12]]);
  host.select('A:D');
}
w.__host = host;
w.Excel = host.Excel;
const selectionHandlers: (() => void)[] = [];
w.__selectionChanged = () => selectionHandlers.forEach((h) => h());
const visibilityHandlers: ((message: { visibilityMode: string }) => void)[] = [];
w.__visibility = (mode) => visibilityHandlers.forEach((h) => h({ visibilityMode: mode }));
w.Office = {
  EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
  addin: {
    onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => {
      visibilityHandlers.push(handler);
      return Promise.resolve(() => Promise.resolve());
    },
  },
  context: {
    displayLanguage: w.__displayLanguage ?? 'en-US',
    document: { addHandlerAsync: (_type: string, handler: () => void) => void selectionHandlers.push(handler) },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    setTimeout(() => callback?.(info), 0);
    return Promise.resolve(info);
  },
};
