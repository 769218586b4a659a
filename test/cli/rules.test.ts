/**
 * `tierwise classify --method rules --rules FILE`: the education example (examples/, made by
 * scripts/make-examples.mjs) classified by its rule table of four types, the coverage report on
 * stderr, `--strict`, rule tables from .xlsx, and bad tables refused with the file and cell.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLES, run, tempDir, writeTemp } from './helpers';

const CUSTOMERS = join(EXAMPLES, 'education-customers.csv');
const RULES = join(EXAMPLES, 'education-rules.csv');

/** The example's four rules, stated again in plain code (first match wins). */
function expectedClass(stage: string, need: string, area: string): string {
  if (['中学', '大学'].includes(stage) && need === '升学') return 'Exam prep';
  if (['小学', '中学'].includes(stage) && need === '补习' && area === '城市') return 'Tutoring';
  if (stage === '大学' && need === '职业培训') return 'Career';
  if (need !== '' && area === '农村') return 'Rural';
  return '';
}

function exampleRows(): { id: string; stage: string; need: string; area: string }[] {
  const lines = readFileSync(CUSTOMERS, 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [id, stage, need, area] = l.split(',');
    return { id, stage: stage.trim(), need: need.trim(), area: area.trim() };
  });
}

describe('tierwise classify --method rules', () => {
  it('classifies the education example by its four rules and prints the coverage report', async () => {
    const r = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', RULES, '--out', '-');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rows = exampleRows();
    expect(doc.customers).toHaveLength(rows.length);
    const want = new Map(rows.map((x) => [x.id, expectedClass(x.stage, x.need, x.area)]));
    for (const c of doc.customers) expect([c.customer, c.tier ?? '']).toEqual([c.customer, want.get(c.customer)]);
    const uncovered = [...want.values()].filter((v) => v === '').length;
    expect(uncovered).toBeGreaterThan(0);
    expect(r.stderr).toContain(`tierwise: rules: 300 rows: ${300 - uncovered} classified, ${uncovered} match no rule`);
    expect(r.stderr).toMatch(/tierwise: {3}Stage = 小学, Need = 升学, Area = 城市: \d+ rows \(first: E\d{4}\)/);
    expect(r.stderr).toMatch(/tierwise: {3}rule 1 \(Exam prep, row 2\), rule 4 \(Rural, row 5\): \d+ rows/);
    const e = doc.customers.find((c: { tier: string }) => c.tier === 'Tutoring');
    expect(e.why).toMatch(/^Tutoring: Stage = (小学|中学) \(小学, 中学\) and Need = 补习 and Area = 城市$/);
    expect(doc.summary.map((s: { tier: string }) => s.tier)).toEqual(['Exam prep', 'Tutoring', 'Career', 'Rural']);
  });

  it('writes the report in Chinese with --lang zh-CN, and the coverage table on the summary sheet', async () => {
    const dir = tempDir();
    const out = join(dir, 'edu.xlsx');
    const r = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', RULES, '--out', out, '--lang', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/tierwise: 规则：300 行：已分类 \d+，无规则匹配 \d+/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.worksheets[1].eachRow((row) => texts.push(JSON.stringify(row.values)));
    expect(texts.some((t) => t.includes('规则覆盖情况'))).toBe(true);
    expect(texts.some((t) => t.includes('升学辅导'))).toBe(true);
    // the coverage table's conditions read in Chinese
    expect(texts.some((t) => t.includes('Stage：中学、大学 且 Need = 升学'))).toBe(true);
  });

  it('--rules-fold chinese treats a traditional rule table as the simplified data (off by default)', async () => {
    const dir = tempDir();
    const traditional = readFileSync(RULES, 'utf8').replace(/中学/g, '中學').replace(/大学/g, '大學').replace(/小学/g, '小學').replace(/升学/g, '升學').replace(/补习/g, '補習').replace(/农村/g, '農村');
    const rules = writeTemp(dir, 'traditional.csv', traditional);
    const plain = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', rules, '--out', '-');
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).customers.filter((c: { tier: string | null }) => c.tier === 'Exam prep')).toEqual([]);
    const folded = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', rules, '--rules-fold', 'chinese', '--out', '-');
    expect(folded.code).toBe(0);
    const want = new Map(exampleRows().map((x) => [x.id, expectedClass(x.stage, x.need, x.area)]));
    const doc = JSON.parse(folded.stdout);
    for (const c of doc.customers) expect([c.customer, c.tier ?? '']).toEqual([c.customer, want.get(c.customer)]);
    expect(doc.model.foldChinese).toBe(true);
  });

  it('--strict makes rows no rule matches an error (exit 1, the report, nothing written)', async () => {
    const dir = tempDir();
    const out = join(dir, 'edu.xlsx');
    const r = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', RULES, '--out', out, '--strict', '-q');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rows no rule matches: \d+/);
    expect(r.stderr).toMatch(/tierwise: --strict: \d+ of 300 customers got no class \(see the report above\); nothing was written/);
    expect(existsSync(out)).toBe(false);
    const covered = writeTemp(dir, 'all.csv', readFileSync(RULES, 'utf8') + 'Others,其他,,,,,,\n');
    const ok = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', covered, '--strict', '-q');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
  });

  it('reads the rule table from an .xlsx workbook the same as from CSV', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rules');
    for (const line of readFileSync(RULES, 'utf8').trim().split('\n')) ws.addRow(line.match(/("[^"]*"|[^,]+)/g)?.map((f) => f.replace(/^"|"$/g, '')) ?? []);
    const xlsx = join(dir, 'rules.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const a = JSON.parse((await run('classify', CUSTOMERS, '--method', 'rules', '--rules', RULES, '-q')).stdout);
    const b = JSON.parse((await run('classify', CUSTOMERS, '--method', 'rules', '--rules', xlsx, '-q')).stdout);
    expect(b.customers.map((c: { tier: string }) => c.tier)).toEqual(a.customers.map((c: { tier: string }) => c.tier));
  });

  it('refuses a bad rule table or a column the input lacks, naming the file, row and column', async () => {
    const dir = tempDir();
    const bad = writeTemp(dir, 'bad.csv', 'Class,Stage,Revenue\nA,中学,>= lots\n');
    const r = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tierwise: --rules ${bad}: rule table: row 2, column "Revenue": ">= lots": lots is not a number\n`);
    const missing = writeTemp(dir, 'missing.csv', 'Class,Region\nA,北京\n');
    const m = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', missing);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/^tierwise: --rules "Region": no such column \(the columns are "CustomerID", "Stage", "Need", "Area", "Revenue"/);
    const none = await run('classify', CUSTOMERS, '--method', 'rules', '--rules', join(dir, 'nope.csv'));
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/nope\.csv/);
    const abc = await run('classify', CUSTOMERS, '--method', 'abc', '--rules', RULES);
    expect(abc.stderr).toBe('tierwise: --rules applies to --method rules, not abc\n');
  });

  it('classifies a transaction log by rules over R, F and M (recency days, purchases, net value)', async () => {
    const dir = tempDir();
    const table = writeTemp(dir, 'rfm-rules.csv', 'Class,Class zh,R,F,M\nActive,活跃客户,< 90,>= 3,\nBig,大客户,,,">= 2,000"\nLapsed,流失客户,>= 365,,\nOthers,其他,,,\n');
    const tx = join(EXAMPLES, 'transactions.csv');
    const rfm = JSON.parse((await run('classify', tx, '-q')).stdout);
    const r = await run('classify', tx, '--method', 'rules', '--rules', table, '-q');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const byId = new Map(rfm.customers.map((c: { customer: string }) => [c.customer, c]));
    for (const c of doc.customers) {
      const m = byId.get(c.customer) as { recency: number; frequency: number; monetary: number };
      const want = m.recency < 90 && m.frequency >= 3 ? 'Active' : m.monetary >= 2000 ? 'Big' : m.recency >= 365 ? 'Lapsed' : 'Others';
      expect([c.customer, c.tier]).toEqual([c.customer, want]);
    }
    expect(new Set(doc.customers.map((c: { tier: string }) => c.tier)).size).toBe(4);
  });
});
