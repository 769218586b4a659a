/**
 * The built task pane in headless Chromium with the in-memory host injected as office.js:
 * click through Classify as a user would, in English and in Chinese, and check the workbook.
 */
import { join } from 'node:path';
import { METHOD_LIST } from '../../src/engine';
import { IMAGES, describeIfBrowser, usePaneBrowser } from './pane-page';

describeIfBrowser('task pane in headless Chromium', () => {
  const open = usePaneBrowser();

  it('classifies a transaction table in English: Customers and Tier Summary sheets, tier counts, skipped rows', async () => {
    const page = await open('transactions', 'en-US');
    await expect(page.textContent('#sel-address')).resolves.toBe('Sheet1!A1:D5002');
    await expect(page.textContent('#sel-note')).resolves.toBe('Trimmed to the rows and columns in use.');
    await expect(page.inputValue('#col-customer')).resolves.toBe('1');
    await expect(page.inputValue('#col-date')).resolves.toBe('2');
    await expect(page.inputValue('#col-amount')).resolves.toBe('3');
    // Excel dates and numbers: no date order or decimal mark to decide, and the pane says so
    await expect(page.textContent('#sel-reading')).resolves.toBe('Read as: Excel dates; Excel numbers');
    await expect(page.inputValue('#method')).resolves.toBe('rfm');
    await expect(page.$$eval('#method option', (os) => os.map((o) => o.textContent))).resolves.toEqual(METHOD_LIST.map((m) => m.label.en)); // the registry, in menu order: RFM, ABC, pyramid, …
    await expect(page.textContent('label[for="param-bins"]')).resolves.toBe('Scores per measure');
    await expect(page.textContent('#cuts')).resolves.toMatch(/^5 bins\. R \(days, lower is better\) cut at/);
    await page.screenshot({ path: join(IMAGES, 'pane-before.png'), fullPage: true });

    await page.selectOption('#method', 'abc');
    await expect(page.textContent('#method-about')).resolves.toMatch(/^Ranks customers by value: A holds/);
    await page.fill('#param-a-share', '97');
    await expect(page.textContent('#cuts')).resolves.toBe('Check the parameters: a-share (0.97) must be less than b-share (0.95)');
    await page.fill('#param-a-share', '70');
    const syncsBefore = await page.evaluate(() => (window as unknown as { __host: import('../host').ExcelHost }).__host.stats.syncs);
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#status')).resolves.toMatch(/^Done: \d+ customers classified\. Wrote the sheets "Customers" and "Tier Summary"\./);
    const rows = await page.$$eval('#tier-rows tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map((r) => r[0])).toEqual(['A — key customers', 'B — ordinary customers', 'C — small customers']);
    await expect(page.textContent('#issues-h')).resolves.toBe('Skipped rows (1)');
    await expect(page.textContent('#issues li')).resolves.toBe('row 5,002: blank customer id');

    const book = await page.evaluate(() => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      const customers = host.model.sheet('Customers');
      return {
        sheets: host.model.sheets.map((s) => s.name),
        customerRows: (customers.usedRect()?.rows ?? 0) - 1,
        rules: customers.conditionalFormats.map((c) => c.formula),
        why: [customers.get(0, 8), String(customers.get(1, 8))],
        charts: host.model.sheet('Tier Summary').charts.map((c) => c.title),
        maxRequest: host.stats.maxRequestBytes,
        syncs: host.stats.syncs,
      };
    });
    // the click costs two requests: one read (with the selection check), one write
    expect(book.syncs - syncsBefore).toBe(2);
    // the output, then the management loop's Tier History (hidden) and Playbook (see loop-pane.test.ts)
    expect(book.sheets).toEqual(['Sheet1', 'Tier Summary', 'Customers', 'Tier History', 'Playbook']);
    const counted = rows.reduce((n, r) => n + Number(String(r[1]).replace(/,/g, '')), 0);
    expect(book.customerRows).toBe(counted);
    expect(book.rules).toEqual(['=$G2="A"', '=$G2="B"', '=$G2="C"']);
    expect(book.why[0]).toBe('Why');
    expect(book.why[1]).toMatch(/^[ABC]: customers ranked above hold [\d.]+% of value \([<≥] /);
    expect(book.charts).toEqual(['Customers and value by tier', 'Pareto: value by customer rank']);
    await expect(page.textContent('#cuts')).resolves.toMatch(/^A: top customers until their value reaches 70%.*C: the restUsed for all 5,001 rows\.$/);
    await page.screenshot({ path: join(IMAGES, 'pane-after.png'), fullPage: true });
    await page.close();
  });

  it('classifies a customer table in Chinese: tier columns beside the table, no HTML from the workbook', async () => {
    const page = await open('customers', 'zh-CN');
    await expect(page.textContent('h2#sel-h')).resolves.toBe('所选区域');
    await expect(page.textContent('#sel-note')).resolves.toBe('已扩展到所选单元格所在的表格。');
    await expect(page.getAttribute('#method option[value="rfm"]', 'disabled')).resolves.toBe('');
    await expect(page.textContent('#method option[value="rfm"]')).resolves.toBe('RFM（最近购买、频次、金额） — 需要交易明细');
    await expect(page.inputValue('#method')).resolves.toBe('abc');
    await expect(page.textContent('label[for="param-a-share"]')).resolves.toBe('A类：价值占比（%）');
    await page.getByRole('button', { name: '对所选区域分层' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#status')).resolves.toMatch(/^完成：已为 5 位客户分层。已在 Sheet1!E1:G8 写入层级列/);
    const labels = await page.$$eval('#tier-rows td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(labels).toEqual(['A类 · 关键客户', 'B类 · 普通客户', 'C类 · 小客户']);
    await expect(page.$$eval('#issues li', (lis) => lis.map((li) => li.textContent))).resolves.toEqual(['第 5 行：客户编号为空', '第 8 行：价值“n/a”不是数字']);
    const book = await page.evaluate(() => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      const s = host.model.sheet('Sheet1');
      return {
        sheets: host.model.sheets.map((x) => x.name),
        tierHeader: s.get(0, 4),
        customerCell: s.get(6, 0),
        formulas: s.formulas.size,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        images: document.querySelectorAll('img').length,
      };
    });
    expect(book).toEqual({ sheets: ['Sheet1', '客户分层汇总', '分层历史', '策略手册'], tierHeader: '层级', customerCell: '=cmd|x', formulas: 0, pwned: null, images: 0 });
    await page.screenshot({ path: join(IMAGES, 'pane-zh.png'), fullPage: true });
    await page.close();
  });

  it('says the date order it assumed and lets the user choose it', async () => {
    const page = await open('textDates', 'en-US');
    await expect(page.textContent('#sel-reading')).resolves.toMatch(/^Read as: dates (month|day|year) first \([a-z/-]+\) \(assumed: no value decides\); decimal comma \(from the values\)$/);
    await page.selectOption('#date-order', 'dmy');
    await expect(page.textContent('#sel-reading')).resolves.toBe('Read as: dates day first (dd/mm/yyyy) (chosen); decimal comma (from the values)');
    await page.selectOption('#method', 'abc');
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#sel-reading')).resolves.toBe('Read as: dates day first (dd/mm/yyyy) (chosen); decimal comma (from the values)');
    const lastPurchase = await page.evaluate(() => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      const s = host.model.sheet('Customers');
      const header = s.rows[0] as unknown[];
      const col = header.indexOf('Last purchase');
      return col < 0 ? header : s.rows.slice(1, 4).map((r) => [(r as unknown[])[0], (r as unknown[])[col]]);
    });
    // day first: Ann's last purchase is 1 April 2024 (Excel serial 45383), not 4 January
    expect(lastPurchase).toContainEqual(['Ann', 45383]);
    await page.close();
  });

  it('switches language from the pane: the chooser, its parameters and their messages follow', async () => {
    const page = await open('transactions', 'en-US');
    await page.selectOption('#language', 'zh-CN');
    await expect(page.textContent('#classify')).resolves.toBe('对所选区域分层');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(page.$$eval('#method option', (os) => os.map((o) => o.textContent))).resolves.toEqual(METHOD_LIST.map((m) => m.label.zh));
    await page.focus('#method');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.inputValue('#method')).resolves.toBe('pyramid');
    await expect(page.textContent('label[for="param-pyramid-cuts"]')).resolves.toBe('金字塔分界（客户占比 %）');
    await expect(page.inputValue('#param-pyramid-cuts')).resolves.toBe('1, 20, 50');
    await page.fill('#param-pyramid-cuts', '1, 20');
    await expect(page.textContent('#cuts')).resolves.toBe('请检查参数：pyramid-cuts 须为 3 个递增的 0 到 1 之间的占比，当前为 "1, 20"');
    await page.selectOption('#language', 'en');
    await expect(page.textContent('#cuts')).resolves.toBe('Check the parameters: pyramid-cuts must be 3 ascending shares between 0 and 1, got "1, 20"');
    await page.fill('#param-pyramid-cuts', '2, 20, 50');
    await expect(page.textContent('#cuts')).resolves.toMatch(/^Platinum: top 2% of customers/);
    await page.screenshot({ path: join(IMAGES, 'pane-methods.png'), fullPage: true });
    await page.close();
  });
  it('runs k-means in the compute worker with its steps in the progress line; the tiers are the k chosen', async () => {
    const page = await open('transactions', 'en-US');
    const url = page.url().replace(/taskpane\.html.*$/, ''); // the pane's base address
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.selectOption('#method', 'kmeans');
    await page.selectOption('#param-k', 'auto');
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { __labels: seen });
      new MutationObserver(() => seen.push(document.getElementById('progress-label')?.textContent ?? '')).observe(document.getElementById('progress-label')!, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#status')).resolves.toMatch(/^Done: \d+ customers classified\./);
    expect(workers).toEqual([`${url}compute.js`]);
    const labels = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
    expect(labels).toContain('Classifying customers… step 1 of 8');
    expect(labels).toContain('Classifying customers… step 8 of 8');
    const cuts = (await page.textContent('#cuts')) ?? '';
    const k = Number(/^k = (\d+) on /.exec(cuts)?.[1]);
    const tiers = await page.$$eval('#tier-rows tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(tiers).toHaveLength(k);
    await page.close();
  });

  it('shows a long run\'s progress and Cancel stops it with the workbook untouched, the pane responsive meanwhile', async () => {
    const page = await open('transactions', 'en-US');
    const url = page.url().replace(/taskpane\.html.*$/, ''); // the pane's base address
    // a compute worker that reports step 3 of 8 and then keeps working (never answers)
    await page.route(`${url}compute.js`, (route) => route.fulfill({
      status: 200, contentType: 'text/javascript',
      body: "onmessage = () => { postMessage({ type: 'started' }); postMessage({ type: 'progress', done: 3, total: 8 }); };",
    }));
    await page.selectOption('#method', 'kmeans');
    const sheetsBefore = await page.evaluate(() => (window as unknown as { __host: import('../host').ExcelHost }).__host.model.sheets.map((s) => s.name));
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForFunction(() => document.getElementById('progress-label')?.textContent === 'Classifying customers… step 3 of 8');
    await expect(page.getAttribute('#progress-bar', 'aria-valuenow')).resolves.toBe('41');
    // the pane answers while the worker works: the language switches, then back
    await page.selectOption('#language', 'zh-CN');
    await expect(page.textContent('#cancel')).resolves.toBe('取消');
    await page.selectOption('#language', 'en');
    await page.screenshot({ path: join(IMAGES, 'pane-progress.png'), fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Cancelled. The workbook is as it was.');
    await expect(page.isHidden('#progress')).resolves.toBe(true);
    const after = await page.evaluate(() => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      return { sheets: host.model.sheets.map((s) => s.name), used: host.model.sheet('Sheet1').usedRect() };
    });
    expect(after.sheets).toEqual(sheetsBefore);
    expect(after.used).toMatchObject({ columns: 4 });
    await page.close();
  });

  it('reads only the address on a selection change; Classify then inspects, and says so when the table changed', async () => {
    const page = await open('transactions', 'en-US');
    const stats = (): Promise<{ syncs: number; received: number }> =>
      page.evaluate(() => {
        const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
        return { syncs: host.stats.syncs, received: host.stats.bytesReceived };
      });
    const before = await stats();
    await page.evaluate(() => {
      const w = window as unknown as { __host: import('../host').ExcelHost; __selectionChanged: () => void };
      w.__host.fill('Sheet1', 'H1', [['Client', 'Spend'], ['a', 10], ['b', 20], ['c', 5]]);
      w.__host.select('H2');
      w.__selectionChanged();
    });
    await page.waitForFunction(() => document.getElementById('sel-address')?.textContent === 'Sheet1!H2');
    const after = await stats();
    expect(after.syncs - before.syncs).toBe(1);
    expect(after.received - before.received).toBeLessThan(200);
    await expect(page.textContent('#sel-info')).resolves.toBe('The selection changed. Press Refresh to detect its columns, or Classify to run on it.');
    // Classify: the full inspection finds another table, shows its columns and asks to check them
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForFunction(() => /another table/.test(document.getElementById('status')?.textContent ?? ''));
    await expect(page.textContent('#sel-address')).resolves.toBe('Sheet1!H1:I4');
    await expect(page.evaluate(() => (window as unknown as { __host: import('../host').ExcelHost }).__host.model.sheets.length)).resolves.toBe(1);
    await page.close();
  });

  it('shows "select one block of cells" in the pane\'s language when two areas are selected', async () => {
    const page = await open('transactions', 'zh-CN');
    await page.evaluate(() => {
      const w = window as unknown as { __host: import('../host').ExcelHost; __selectionChanged: () => void };
      w.__host.select('A1:B9,D1:D9');
      w.__selectionChanged();
    });
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    await expect(page.textContent('#status')).resolves.toBe('请只选择一个连续的单元格区域：多个区域、图表或形状无法分层。');
    await page.close();
  });
  it('Refresh output runs the last classification again in place after the data changed', async () => {
    const page = await open('customers', 'en-US');
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await page.evaluate(() => {
      const w = window as unknown as { __host: import('../host').ExcelHost };
      // two more customers below the table; the user now works on another sheet
      w.__host.fill('Sheet1', 'A9', [['Gus', 'West', 7000], ['Hal', 'East', 20]]);
      w.__host.model.addSheet('Notes');
      w.__host.select('Notes!B2');
    });
    await page.getByRole('button', { name: 'Refresh output' }).click();
    await page.waitForFunction(() => /^Done: 7 customers classified\./.test(document.getElementById('status')?.textContent ?? ''));
    const tiers = await page.evaluate(() => {
      const s = (window as unknown as { __host: import('../host').ExcelHost }).__host.model.sheet('Sheet1');
      return Array.from({ length: 11 }, (_, r) => s.get(r, 4));
    });
    expect(tiers[0]).toBe('Tier');
    expect(tiers[8]).toBe('A');
    expect(tiers[10]).toBe('');
    await page.close();
  });
  it('costs nothing on selection changes while the pane is hidden, and inspects when it is shown again', async () => {
    const page = await open('transactions', 'en-US');
    const syncs = (): Promise<number> => page.evaluate(() => (window as unknown as { __host: import('../host').ExcelHost }).__host.stats.syncs);
    const before = await syncs();
    await page.evaluate(() => {
      const w = window as unknown as { __host: import('../host').ExcelHost; __selectionChanged: () => void; __visibility: (m: string) => void };
      w.__visibility('Hidden');
      w.__host.select('B2');
      w.__selectionChanged();
      w.__selectionChanged();
    });
    await page.waitForTimeout(600); // past the pane's 400 ms debounce
    expect(await syncs()).toBe(before);
    await page.evaluate(() => (window as unknown as { __visibility: (m: string) => void }).__visibility('Taskpane'));
    await page.waitForFunction(() => document.getElementById('sel-address')?.textContent === 'Sheet1!A1:D5002');
    await expect(page.textContent('#sel-note')).resolves.toBe('Expanded to the table around the selected cell.');
    await page.close();
  });
});
