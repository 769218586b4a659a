/**
 * The rules method in the built task pane (headless Chromium, in-memory host as office.js), in
 * English and Chinese: create the Rules sheet from the selected table, classify by it, edit it
 * into the education example's four types and classify again, with the coverage headline.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { IMAGES, describeIfBrowser, usePaneBrowser } from './pane-page';

/** The education example's rule table (examples/education-rules.csv) as cells. */
const FOUR_TYPES = [
  ['Class', 'Class zh', 'Colour', 'Stage', 'Need', 'Area', 'Strategy', '策略'],
  ['Exam prep', '升学辅导', '#77AADD', '中学, 大学', '升学', 'any', 'Exam-prep courses and admission counselling', '升学课程与志愿填报指导'],
  ['Tutoring', '课外补习', '#EEDD88', '小学, 中学', '补习', '城市', 'After-school classes near home', '就近开设课后辅导班'],
  ['Career', '职业培训', '#44BB99', '大学', '职业培训', 'any', 'Certificate courses with employers', '与企业合作的证书课程'],
  ['Rural', '乡村客户', '#EE8866', 'any', 'not blank', '农村', 'Online classes and a local partner school', '线上课程与当地合作学校'],
];

/** The same four types written in traditional Chinese (what a Hong Kong or Taiwan office might type). */
const FOUR_TYPES_TRADITIONAL = FOUR_TYPES.map((row, r) =>
  r === 0 ? row : row.map((cell, c) => (c >= 3 && c <= 5 ? cell.replace('中学, 大学', '中學, 大學').replace('升学', '升學').replace('补习', '補習').replace('小学', '小學').replace('职业培训', '職業培訓').replace('农村', '農村') : cell)),
);

describeIfBrowser('rules in the task pane (headless Chromium)', () => {
  const openPane = usePaneBrowser();
  const open = (displayLanguage: string): Promise<Page> => openPane('education', displayLanguage, { width: 380, height: 900 });

  const tierRows = (page: Page) => page.$$eval('#tier-rows tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));

  it('in English: creates the Rules sheet, classifies by it, then by the four types with the coverage headline', async () => {
    const page = await open('en-US');
    await expect(page.textContent('#subtitle')).resolves.toBe('Customer tiers: RFM, ABC, Pyramid, Lifecycle, Value matrix, Grading, k-means, CLV, Rules');
    await expect(page.isHidden('#rules-box')).resolves.toBe(true);
    await page.selectOption('#method', 'rules');
    await expect(page.isVisible('#rules-box')).resolves.toBe(true);
    // no Rules sheet yet: the cut points are the built-in value tiers'
    await page.waitForFunction(() => /^3 rules over Value, first match wins/.test(document.getElementById('cuts')?.textContent ?? ''));
    await page.getByRole('button', { name: 'Create Rules sheet' }).click();
    await expect(page.textContent('#status')).resolves.toBe('Wrote the sheet "Rules" with 5 example rules from the most frequent values. Edit it, then classify.');
    // the cut points before a run now come from the user's Rules sheet
    await page.waitForFunction(() => /^5 rules over Stage, Area, first match wins: 32 of 32 rows classified, 0 match no rule/.test(document.getElementById('cuts')?.textContent ?? ''));
    const header = await page.evaluate(() => {
      const s = (window as unknown as { __host: import('../host').ExcelHost }).__host.model.sheet('Rules');
      return [0, 1, 2, 3, 4, 5].map((c) => s.get(0, c));
    });
    expect(header).toEqual(['Class', 'Class zh', 'Colour', 'Strategy', 'Stage', 'Area']);

    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#status')).resolves.toMatch(/^Done: 32 customers classified\. .* rules: 32 rows: 32 classified, 0 match no rule$/);
    expect((await tierRows(page)).map((r) => [r[0], r[1]])).toEqual([['Type 1', '4'], ['Type 2', '4'], ['Type 3', '4'], ['Type 4', '4'], ['Others', '16']]);

    // the user rewrites the sheet into the four types
    await page.evaluate((rows) => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      host.model.deleteSheet(host.model.sheet('Rules'));
      host.model.addSheet('Rules');
      host.fill('Rules', 'A1', rows);
    }, FOUR_TYPES);
    await page.getByRole('button', { name: 'Classify selection' }).click();
    await page.waitForFunction(() => /rules: 32 rows: 21 classified, 11 match no rule$/.test(document.getElementById('status')?.textContent ?? ''));
    expect((await tierRows(page)).map((r) => [r[0], r[1]])).toEqual([['Exam prep', '4'], ['Tutoring', '2'], ['Career', '2'], ['Rural', '13']]);
    const summary = await page.evaluate(() => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      const s = host.model.sheet('Tier Summary');
      const used = s.usedRect() ?? { row: 0, column: 0, rows: 0, columns: 0 };
      const cells: string[] = [];
      for (let r = used.row; r < used.row + used.rows; r++) for (let c = used.column; c < used.column + used.columns; c++) cells.push(String(s.get(r, c)));
      return cells;
    });
    expect(summary).toContain('Rows classified'); // the Rule coverage table
    expect(summary).toContain('(no rule)');
    await page.screenshot({ path: join(IMAGES, 'pane-rules.png'), fullPage: true });
    await page.close();
  });

  it('in Chinese: the same, with the Chinese class labels and report', async () => {
    const page = await open('zh-CN');
    await page.selectOption('#method', 'rules');
    await page.getByRole('button', { name: '创建规则表' }).click();
    await expect(page.textContent('#status')).resolves.toBe('已写入工作表"Rules"，含 5 条按最常见取值生成的示例规则。编辑后再分类。');
    await page.evaluate((rows) => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      host.model.deleteSheet(host.model.sheet('Rules'));
      host.model.addSheet('Rules');
      host.fill('Rules', 'A1', rows);
    }, FOUR_TYPES);
    await page.getByRole('button', { name: '对所选区域分层' }).click();
    await page.waitForSelector('#results:not([hidden])');
    await expect(page.textContent('#status')).resolves.toMatch(/^完成：已为 32 位客户分层。.*规则：32 行：已分类 21，无规则匹配 11$/);
    expect((await tierRows(page)).map((r) => r[0])).toEqual(['升学辅导', '课外补习', '职业培训', '乡村客户']);
    // the coverage table reads in Chinese
    const summary = await page.evaluate(() => {
      const s = (window as unknown as { __host: import('../host').ExcelHost }).__host.model.sheet('客户分层汇总');
      const used = s.usedRect() ?? { row: 0, column: 0, rows: 0, columns: 0 };
      const cells: string[] = [];
      for (let r = used.row; r < used.row + used.rows; r++) for (let c = used.column; c < used.column + used.columns; c++) cells.push(String(s.get(r, c)));
      return cells;
    });
    expect(summary).toContain('Stage：中学、大学 且 Need = 升学');
    expect(summary).toContain('（无规则）');
    await page.close();
  });

  it('treats simplified and traditional Chinese alike only when the pane option says so', async () => {
    const page = await open('zh-CN');
    await expect(page.textContent('#subtitle')).resolves.toMatch(/^客户分层：RFM、ABC、金字塔、.*规则$/);
    await page.selectOption('#method', 'rules');
    await page.evaluate((rows) => {
      const host = (window as unknown as { __host: import('../host').ExcelHost }).__host;
      host.model.addSheet('Rules');
      host.fill('Rules', 'A1', rows);
    }, FOUR_TYPES_TRADITIONAL);
    await expect(page.inputValue('#param-rules-fold')).resolves.toBe('none');
    await page.getByRole('button', { name: '对所选区域分层' }).click();
    await page.waitForFunction(() => /规则：32 行：已分类 0，无规则匹配 32$/.test(document.getElementById('status')?.textContent ?? ''));
    await page.selectOption('#param-rules-fold', 'chinese');
    await page.getByRole('button', { name: '对所选区域分层' }).click();
    await page.waitForFunction(() => /规则：32 行：已分类 21，无规则匹配 11$/.test(document.getElementById('status')?.textContent ?? ''));
    expect((await tierRows(page)).map((r) => [r[0], r[1]])).toEqual([['升学辅导', '4'], ['课外补习', '2'], ['职业培训', '2'], ['乡村客户', '13']]);
    await page.close();
  });
});
