/**
 * The built task pane in headless Chromium with the in-memory host injected as office.js:
 * click through Classify as a user would, in English and in Chinese, and check the workbook.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleStub, serve } from './serve';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const IMAGES = join(ROOT, 'docs/images');
const available = existsSync(CHROMIUM);

if (!available && !process.env.CI) {
  console.warn(`\n\n!!!!!!!! BROWSER TEST SKIPPED: ${CHROMIUM} is missing. Install it with\n!!!!!!!!   apt-get install -y --no-install-recommends chromium\n\n`);
}
const describeIfBrowser = available || process.env.CI ? describe : describe.skip;

describeIfBrowser('task pane in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let stub: string;

  beforeAll(async () => {
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
    stub = await bundleStub(mkdtempSync(join(tmpdir(), 'tierwise-stub-')));
    ({ server, url } = await serve(join(ROOT, 'dist')));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    mkdirSync(IMAGES, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  async function open(fixture: 'transactions' | 'customers', displayLanguage: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 380, height: 860 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => (route.request().url() === OFFICE_JS ? route.fallback() : route.abort()));
    await page.addInitScript(([f, l]) => {
      Object.assign(window, { __fixture: f, __displayLanguage: l });
    }, [fixture, displayLanguage]);
    await page.goto(`${url}taskpane.html`);
    await page.waitForFunction(() => (document.getElementById('sel-address')?.textContent ?? '—') !== '—');
    expect(errors).toEqual([]);
    return page;
  }

  it('classifies a transaction table in English: Customers and Tier Summary sheets, tier counts, skipped rows', async () => {
    const page = await open('transactions', 'en-US');
    await expect(page.textContent('#sel-address')).resolves.toBe('Sheet1!A1:D5002');
    await expect(page.textContent('#sel-note')).resolves.toBe('Trimmed to the rows and columns in use.');
    await expect(page.inputValue('#col-customer')).resolves.toBe('1');
    await expect(page.inputValue('#col-date')).resolves.toBe('2');
    await expect(page.inputValue('#col-amount')).resolves.toBe('3');
    await expect(page.inputValue('#method')).resolves.toBe('rfm');
    await expect(page.$$eval('#method option', (os) => os.map((o) => o.textContent))).resolves.toEqual(['RFM (recency, frequency, monetary)', 'ABC (Pareto 80/20)', 'Customer pyramid']);
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
    expect(book.sheets).toEqual(['Sheet1', 'Tier Summary', 'Customers']);
    const counted = rows.reduce((n, r) => n + Number(String(r[1]).replace(/,/g, '')), 0);
    expect(book.customerRows).toBe(counted);
    expect(book.rules).toEqual(['=$G2="A"', '=$G2="B"', '=$G2="C"']);
    expect(book.why[0]).toBe('Why');
    expect(book.why[1]).toMatch(/^[ABC]: customers ranked above hold [\d.]+% of value; with this customer/);
    expect(book.charts).toEqual(['Customers and value by tier', 'Pareto: value by customer rank']);
    await expect(page.textContent('#cuts')).resolves.toMatch(/^A: cumulative share ≤ 70%.*C: the restUsed for all 5,001 rows\.$/);
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
    await expect(page.$$eval('#issues li', (lis) => lis.map((li) => li.textContent))).resolves.toEqual(['第 5 行：客户编号为空', '第 8 行：价值不是数字']);
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
    expect(book).toEqual({ sheets: ['Sheet1', '客户分层汇总'], tierHeader: '层级', customerCell: '=cmd|x', formulas: 0, pwned: null, images: 0 });
    await page.screenshot({ path: join(IMAGES, 'pane-zh.png'), fullPage: true });
    await page.close();
  });

  it('switches language from the pane: the chooser, its parameters and their messages follow', async () => {
    const page = await open('transactions', 'en-US');
    await page.selectOption('#language', 'zh-CN');
    await expect(page.textContent('#classify')).resolves.toBe('对所选区域分层');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(page.$$eval('#method option', (os) => os.map((o) => o.textContent))).resolves.toEqual(['RFM（最近购买、频次、金额）', 'ABC（帕累托 80/20）', '客户金字塔']);
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
});
