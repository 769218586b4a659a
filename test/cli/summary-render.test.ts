/**
 * Issue 11, case 6: the Tier Summary renders in LibreOffice without overprinting — a wrapped
 * strategy line used to run over the next row. The workbook is converted to PDF with LibreOffice
 * headless, the summary page rendered to PNG with pdftoppm, and the words' boxes on every page
 * (pdftotext -bbox, from the same PDF) must not overlap. A workbook that wraps without row
 * heights shows the check can fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { convert, pdftoppm, soffice } from './libreoffice';
import { EXAMPLES, run, tempDir } from './helpers';

// pngjs ships no types; the one call used here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function words(pdf: string): Word[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const out: Word[] = [];
  let page = 0;
  for (const line of r.stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] });
  }
  return out;
}

/** Pairs of words printed over each other (their boxes share more than a fifth of the smaller one). */
function overprints(ws: Word[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    for (let j = i + 1; j < ws.length; j++) {
      const a = ws[i];
      const b = ws[j];
      if (a.page !== b.page) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w <= 0 || h <= 0) continue;
      const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
      if (w * h > 0.2 * smaller) found.push(`page ${a.page}: "${a.text}" over "${b.text}"`);
    }
  }
  return found;
}

/** Share of non-white pixels in a PNG. */
function inked(png: string): number {
  const img = PNG.sync.read(readFileSync(png));
  let ink = 0;
  for (let p = 0; p < img.data.length; p += 4) if (img.data[p] < 200 || img.data[p + 1] < 200 || img.data[p + 2] < 200) ink++;
  return ink / (img.width * img.height);
}

describe('Tier Summary rendered by LibreOffice', () => {
  it('has no text printed over other text (RFM strategies wrap onto rows tall enough), and renders to PNG', async () => {
    const lo = soffice();
    const ppm = pdftoppm();
    if (!lo || !ppm) return;
    const dir = tempDir();
    const xlsx = join(dir, 'tiers.xlsx');
    expect((await run('classify', join(EXAMPLES, 'transactions.csv'), '--out', xlsx, '-q')).code).toBe(0);
    const pdf = convert(lo, xlsx, 'pdf');
    const all = words(pdf);
    const summaryPage = all.find((w) => w.text === 'Strategy')?.page;
    expect(summaryPage).toBeDefined();
    expect(overprints(all)).toEqual([]);
    // the wrapped strategy is all there
    expect(all.filter((w) => w.page === summaryPage).map((w) => w.text).join(' ')).toContain('personal call from the account manager, tailored');
    spawnSync(ppm, ['-r', '60', '-png', '-f', String(summaryPage), '-l', String(summaryPage), pdf, join(dir, 'summary')]);
    const png = [join(dir, `summary-${summaryPage}.png`), join(dir, `summary-0${summaryPage}.png`)].find(existsSync);
    expect(png).toBeDefined();
    expect(inked(png as string)).toBeGreaterThan(0.01);
  }, 300_000);

  it('the check finds overprinting: wrapped text in a row of default height, as the old summary wrote it', async () => {
    const lo = soffice();
    if (!lo) return;
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getColumn(1).width = 20;
    ws.getCell('A1').value = 'Big spenders gone quiet: personal call from the account manager, tailored win-back offer.';
    ws.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
    ws.getCell('A2').value = 'Recent with some repeat buying: membership offer, recommendations.';
    ws.getCell('A3').value = 'Third row text here.';
    const xlsx = join(dir, 'old.xlsx');
    await wb.xlsx.writeFile(xlsx);
    expect(overprints(words(convert(lo, xlsx, 'pdf'))).length).toBeGreaterThan(0);
  }, 300_000);
});
