/**
 * The management loop in the built task pane (headless Chromium, in-memory host as office.js), in
 * English and Chinese: classify a sales team's orders (the Playbook and Tier History appear), edit
 * the playbook, add a month of orders and Refresh output (Previous tier, Change, the comparison),
 * then Today's call list per sales rep.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { IMAGES, describeIfBrowser, usePaneBrowser } from './pane-page';

type HostWindow = { __host: import('../host').ExcelHost };

describeIfBrowser('the management loop in the task pane (headless Chromium)', () => {
  const openPane = usePaneBrowser();
  const open = (displayLanguage: string): Promise<Page> => openPane('sales', displayLanguage, { width: 380, height: 1100 });

  const status = (page: Page): Promise<string> => page.textContent('#status').then((s) => s ?? '');

  /** A month of new orders: the smallest customers buy a lot (they move up), one new customer. */
  const moreOrders = (page: Page): Promise<void> =>
    page.evaluate(() => {
      const host = (window as unknown as HostWindow).__host;
      const rows: (string | number)[][] = [];
      for (let i = 0; i < 6; i++) rows.push([`SO9${i}`, `Cust ${String(55 + i).padStart(2, '0')}`, 45600 + i, 9000, 'Zhao Min', 'negotiation']);
      rows.push(['SO99', 'Cust 99', 45610, 120, 'Li Na', 'lead']);
      host.fill('Sheet1', 'A402', rows);
    });

  /** The Call List sheet as an HTML table coloured like Excel colours it (for the README's picture). */
  async function sheetPicture(page: Page, sheet: string, file: string): Promise<void> {
    const html = await page.evaluate((name) => {
      const s = (window as unknown as HostWindow).__host.model.sheet(name);
      const rect = s.usedRect();
      const fills = new Map(s.conditionalFormats.map((c) => [/="(.*)"$/.exec(c.formula)?.[1] ?? '', { fill: c.fill, font: c.fontColor }]));
      const esc = (v: unknown): string => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const date = (v: unknown): string => (typeof v === 'number' && v > 40000 ? new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10) : esc(v));
      let out = '<table>';
      for (let r = 0; r < (rect?.rows ?? 0); r++) {
        const tier = String(s.get(r, 3));
        const c = r > 0 ? fills.get(tier) : undefined;
        out += `<tr style="${c ? `background:${c.fill};color:${c.font}` : 'background:#1F4E79;color:#fff;font-weight:600'}">`;
        for (let k = 0; k < (rect?.columns ?? 0); k++) out += `<td>${k === 6 && r > 0 ? date(s.get(r, k)) : esc(s.get(r, k))}</td>`;
        out += '</tr>';
      }
      return `${out}</table>`;
    }, sheet);
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser behind the page');
    const pic = await browser.newPage({ viewport: { width: 1500, height: 400 }, deviceScaleFactor: 1 });
    await pic.setContent(`<html><head><style>body{margin:8px;font:12px 'Segoe UI','Noto Sans CJK SC',sans-serif}table{border-collapse:collapse}td{border:1px solid #d0d0d0;padding:3px 6px;white-space:nowrap}</style></head><body><div style="margin-bottom:6px;font-weight:600">${sheet}</div>${html}</body></html>`);
    await pic.screenshot({ path: join(IMAGES, file), fullPage: true });
    await pic.close();
  }

  it('in English: a re-run shows who moved, the user\'s playbook wins, and the call list goes per sales rep', async () => {
    const page = await open('en-US');
    await page.selectOption('#method', 'abc');
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    expect(await status(page)).toMatch(/First run of this method: snapshot kept for the next comparison\. Wrote the sheet "Playbook" with 3 tiers: edit the strategies, cadences and owners there\.$/);
    const sheets = await page.evaluate(() => (window as unknown as HostWindow).__host.model.sheets.map((s) => [s.name, s.visibility]));
    expect(sheets).toEqual([['Sheet1', 'Visible'], ['Tier Summary', 'Visible'], ['Customers', 'Visible'], ['Tier History', 'Hidden'], ['Playbook', 'Visible']]);

    // the manager edits the playbook (A's label and action, B every 2 weeks), shows the history, a month of orders comes in
    await page.evaluate(() => {
      const host = (window as unknown as HostWindow).__host;
      host.fill('Playbook', 'C2', [['Key account']]);
      host.fill('Playbook', 'E2', [['Visit in person, review the annual plan']]);
      host.fill('Playbook', 'I3', [[14]]);
    });
    await moreOrders(page);
    await page.check('#show-history');
    await page.getByRole('button', { name: 'Refresh output' }).click();
    await page.waitForFunction(() => /Compared with the run of/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await status(page)).toMatch(/Compared with the run of \d{4}-\d{2}-\d{2}: [1-9]\d* up, \d+ down, \d+ same, 1 new, 0 gone\.$/);
    const labels = await page.$$eval('#tier-rows td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(labels).toEqual(['Key account', 'B — ordinary customers', 'C — small customers']);
    const book = await page.evaluate(() => {
      const host = (window as unknown as HostWindow).__host;
      const c = host.model.sheet('Customers');
      const header = c.rows[0] as unknown[];
      const col = header.indexOf('Change');
      return {
        history: host.model.sheet('Tier History').visibility,
        header: header.slice(header.indexOf('Tier'), col + 1),
        changes: c.rows.slice(1).map((r) => (r as unknown[])[col]),
        playbookE2: host.model.sheet('Playbook').get(1, 4),
        summary: JSON.stringify(host.model.sheet('Tier Summary').rows),
      };
    });
    expect(book.history).toBe('Visible');
    expect(book.header).toEqual(['Tier', 'Tier label', 'Previous tier', 'Change']);
    expect(book.changes).toContain('↑');
    expect(book.changes).toContain('new');
    expect(book.playbookE2).toBe('Visit in person, review the annual plan');
    expect(book.summary).toContain('Visit in person, review the annual plan');
    expect(book.summary).toContain('Migration since the previous run (customers)');
    await page.screenshot({ path: join(IMAGES, 'pane-loop-rerun.png'), fullPage: true });

    // today's call list for the last day of 2024, at most 8 calls per rep
    await page.fill('#call-date', '2024-12-31');
    await page.fill('#per-rep', '8');
    await page.getByRole('button', { name: "Today's call list" }).click();
    await page.waitForFunction(() => /Call List/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await status(page)).toBe('Wrote the sheet "Call List 2024-12-31": 24 customers due across 3 owners. Columns used: owner, stage.');
    const list = await page.evaluate(() => {
      const s = (window as unknown as HostWindow).__host.model.sheet('Call List 2024-12-31');
      return s.rows.slice(1).map((r) => r as unknown[]);
    });
    for (const rep of ['Li Na', 'Wang Wei', 'Zhao Min']) expect(list.filter((r) => r[0] === rep).map((r) => r[1])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // tier first, then deals in a later stage: within each rep's list the tiers never go back up
    for (const rep of ['Li Na', 'Wang Wei', 'Zhao Min']) {
      const tiers = list.filter((r) => r[0] === rep).map((r) => 'ABC'.indexOf(String(r[3])));
      expect([...tiers].sort()).toEqual(tiers);
    }
    const firstA = list.find((r) => r[3] === 'A');
    expect(firstA?.[11]).toBe('Visit in person, review the annual plan');
    expect(String(firstA?.[12])).toMatch(/^Key customer \(A\), \d+ days overdue on a 14-day cadence/);
    await page.screenshot({ path: join(IMAGES, 'pane-calls.png'), fullPage: true });
    await sheetPicture(page, 'Call List 2024-12-31', 'call-list-sheet.png');
    await page.close();
  });

  it('in Chinese: the comparison, the playbook and the call list in the user\'s language', async () => {
    const page = await open('zh-CN');
    await page.selectOption('#method', 'abc');
    await page.getByRole('button', { name: '对所选区域分层' }).click();
    await page.waitForSelector('#results:not([hidden])');
    expect(await status(page)).toContain('该方法首次分层：已保存快照，供下次比较。已写入工作表“策略手册”，含 3 个层级');
    await moreOrders(page);
    await page.getByRole('button', { name: '刷新结果' }).click();
    await page.waitForFunction(() => /相比/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await status(page)).toMatch(/与 \d{4}-\d{2}-\d{2} 的分层相比：升级 [1-9]\d*，降级 \d+，不变 \d+，新增 1，消失 0。$/);
    const header = await page.evaluate(() => ((window as unknown as HostWindow).__host.model.sheet('客户').rows[0] as unknown[]).filter((h) => h === '之前层级' || h === '变化'));
    expect(header).toEqual(['之前层级', '变化']);
    await page.fill('#call-date', '2024-12-31');
    await page.fill('#per-rep', '4');
    await page.getByRole('button', { name: '今日拜访清单' }).click();
    await page.waitForFunction(() => /拜访清单/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await status(page)).toBe('已写入工作表“拜访清单 2024-12-31”：12 位客户到期需联系，分属 3 位负责人。使用的列：负责人、阶段。');
    const reasons = await page.evaluate(() => (window as unknown as HostWindow).__host.model.sheet('拜访清单 2024-12-31').rows.slice(1).map((r) => String((r as unknown[])[12])));
    expect(reasons[0]).toMatch(/^关键客户（A类 · 关键客户），按14天周期已逾期\d+天/);
    await page.screenshot({ path: join(IMAGES, 'pane-loop-zh.png'), fullPage: true });
    await page.close();
  });
});
