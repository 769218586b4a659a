/** The Rules sheet through the in-memory host: created from the selected table as text, read back as the rule table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FOLD, applyRules, parseRuleCsv } from '../../src/engine';
import { cutPointsText } from '../../src/taskpane/cuts';
import { PaneError, classifySelection, namedColumnIndexes, previewSelection } from '../../src/taskpane/flow';
import { createRulesSheet, readRulesSheet } from '../../src/taskpane/rules-sheet';
import { createHost, type ExcelHost } from '../host';
import { runnerOf } from '../host/fixtures';

const CSV = readFileSync(join(__dirname, '..', '..', 'examples', 'education-customers.csv'), 'utf8').trim().split('\n');
const ROWS = CSV.map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, 5).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '')));

function educationHost(): ExcelHost {
  const host = createHost();
  host.fill('Sheet1', 'A1', ROWS);
  host.select('A1');
  return host;
}

describe('the Rules sheet', () => {
  it('is created from the selection with example rules from the most frequent values, as text', async () => {
    const host = educationHost();
    const made = await createRulesSheet(runnerOf(host));
    expect(made.sheet).toBe('Rules');
    const sheet = host.model.sheet('Rules');
    // the columns with fewest distinct values: Area (城市/农村), then Stage before Need (4 each, table order)
    expect([0, 1, 2, 3, 4, 5].map((c) => sheet.get(0, c))).toEqual(['Class', 'Class zh', 'Colour', 'Strategy', 'Stage', 'Area']);
    expect(sheet.get(1, 0)).toBe('Type 1');
    expect(sheet.numberFormatAt(1, 4)).toBe('@');
    // the most frequent (Stage, Area) pair of the table is the first rule
    const pairs = new Map<string, number>();
    for (const r of ROWS.slice(1)) pairs.set(`${r[1].trim()}|${r[3].trim()}`, (pairs.get(`${r[1].trim()}|${r[3].trim()}`) ?? 0) + 1);
    const top = [...pairs.entries()].sort((a, b) => b[1] - a[1])[0][0].split('|');
    expect([sheet.get(1, 4), sheet.get(1, 5)]).toEqual(top);
    expect(made.rules).toBe(5);
  });

  it('reads back as the rule table, covering every row with its Others rule', async () => {
    const host = educationHost();
    await createRulesSheet(runnerOf(host));
    const csv = await readRulesSheet(runnerOf(host));
    const table = parseRuleCsv(csv as string);
    const data = ROWS.slice(1);
    const col = (name: string) => data.map((r) => r[ROWS[0].indexOf(name)]);
    const applied = applyRules(table, data.length, col, DEFAULT_FOLD);
    expect(applied.report.uncovered).toBe(0);
    expect(applied.report.rules[0].assigned).toBeGreaterThan(0);
  });

  it('never replaces a sheet, keeps typed conditions as text, and says where an edited table is wrong', async () => {
    const host = educationHost();
    host.model.addSheet('Rules');
    host.fill('Rules', 'A1', [['mine']]);
    const made = await createRulesSheet(runnerOf(host));
    expect(made.sheet).toBe('Rules (2)');
    expect(host.model.sheet('Rules').get(0, 0)).toBe('mine');
    await runnerOf(host)(async (ctx) => {
      ctx.workbook.worksheets.getItem('Rules (2)').getRange('E2').values = [['= 升学']];
      await ctx.sync();
    });
    expect(host.model.sheet('Rules (2)').get(1, 4)).toBe('= 升学');
    expect(await readRulesSheet(runnerOf(host), 'Rules (2)')).toMatch(/^Class,Class zh,Colour,Strategy,Stage,Area\nType 1,类型1,,,= 升学,/);
    await runnerOf(host)(async (ctx) => {
      ctx.workbook.worksheets.getItem('Rules (2)').getRange('F3').values = [['>= many']];
      await ctx.sync();
    });
    await expect(readRulesSheet(runnerOf(host), 'Rules (2)')).rejects.toThrow('rule table: row 3, column "Area": ">= many": many is not a number');
    expect(await readRulesSheet(runnerOf(host), 'Nope')).toBeNull();
  });
});

describe('classifying the selection by rules', () => {
  const RULES = readFileSync(join(__dirname, '..', '..', 'examples', 'education-rules.csv'), 'utf8');

  it('loads the columns the rule table names and classifies each customer by the first matching rule', async () => {
    const host = educationHost();
    const preview = await previewSelection(runnerOf(host));
    const request = { mapping: preview.detection.mapping, options: { method: 'rules' as const, rules: RULES }, language: 'en' as const, area: preview.area, cellBytes: preview.sample.cellBytes };
    for (const headers of [preview.sample.headers, undefined]) {
      const out = await classifySelection(runnerOf(host), { ...request, headers });
      const c = out.result!.classification;
      const data = ROWS.slice(1);
      const want = data.map(([, stage, need, area]) => {
        const [s, n, a] = [stage.trim(), need.trim(), area.trim()];
        if (['中学', '大学'].includes(s) && n === '升学') return 'Exam prep';
        if (['小学', '中学'].includes(s) && n === '补习' && a === '城市') return 'Tutoring';
        if (s === '大学' && n === '职业培训') return 'Career';
        return n !== '' && a === '农村' ? 'Rural' : undefined;
      });
      expect(Array.from(c.tierIndex, (k) => c.tiers[k]?.key)).toEqual(want);
      expect(c.audit('en')?.unclassified).toBe(want.filter((w) => w === undefined).length);
    }
  });

  it('says which column is missing from the selected table', async () => {
    const host = educationHost();
    const preview = await previewSelection(runnerOf(host));
    const request = { mapping: preview.detection.mapping, options: { method: 'rules' as const, rules: 'Class,Region\nNorth,北京\n' }, language: 'en' as const, headers: preview.sample.headers, area: preview.area, cellBytes: preview.sample.cellBytes };
    await expect(classifySelection(runnerOf(host), request)).rejects.toThrow('the column "Region" is not in the selected table (its columns: "CustomerID", "Stage", "Need", "Area", "Revenue")');
    // the pane shows it in its language: the message key and its parameters come with the error
    await expect(classifySelection(runnerOf(host), request)).rejects.toMatchObject({
      name: 'PaneError',
      key: 'error.noSuchColumn',
      params: { name: 'Region', headers: '"CustomerID", "Stage", "Need", "Area", "Revenue"' },
    });
  });
});

describe('the columns a method names, found by header (flow only)', () => {
  it('maps each named column to its index, case and spaces ignored, measures left out', () => {
    expect(namedColumnIndexes({ method: 'rules', rules: 'Class,stage ,Revenue,Value\nA,中学,>= 1,any\n' }, ['CustomerID', 'Stage', 'Need', 'Area', 'Revenue'])).toEqual({ stage: 1, Revenue: 4 });
    expect(namedColumnIndexes({ method: 'abc' }, ['Customer', 'Value'])).toEqual({});
    expect(() => namedColumnIndexes({ method: 'rules', rules: 'Class,Region\nA,x\n' }, ['Stage'])).toThrow(PaneError);
  });
});

describe('the cut points shown before a run', () => {
  it('use the rule table and the columns it names from the sample', async () => {
    const host = educationHost();
    const preview = await previewSelection(runnerOf(host));
    const RULES = readFileSync(join(__dirname, '..', '..', 'examples', 'education-rules.csv'), 'utf8');
    const options = { method: 'rules' as const, rules: RULES };
    const extra = namedColumnIndexes(options, preview.sample.headers);
    const rows = preview.sample.sample[0].length;
    expect(cutPointsText(preview.sample.sample, preview.detection.mapping, options, 'en', extra)).toMatch(new RegExp(`^4 rules over Stage, Need, Area, first match wins: \\d+ of ${rows} rows classified`));
    // without the columns, the rule table cannot be applied (no cut points rather than wrong ones)
    expect(cutPointsText(preview.sample.sample, preview.detection.mapping, options, 'en')).toBeNull();
    // without a rule table, the built-in value tiers
    expect(cutPointsText(preview.sample.sample, preview.detection.mapping, { method: 'rules' }, 'en', {})).toMatch(/^3 rules over Value, first match wins/);
  });
});
