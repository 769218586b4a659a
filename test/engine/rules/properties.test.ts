/**
 * Properties of rule tables over random rows and rules: every row gets exactly the class of the
 * first rule whose conditions all hold (checked against a plain re-statement of the grammar) or is
 * reported uncovered; reordering rules that do not overlap changes nothing; the report's counts add up.
 */
import fc from 'fast-check';
import { DEFAULT_FOLD, applyRules, parseRuleGrid } from '../../../src/engine';

const STAGES = ['幼儿园', '小学', '中学', '大学', ''];
const NEEDS = ['转学', '升学', '补习', '职业培训'];

/** A condition as written, with what it means, stated independently of the engine. */
type Cond = { text: string; holds: (cell: string | number) => boolean };

const textCond: fc.Arbitrary<Cond> = fc.oneof(
  fc.constant<Cond>({ text: '', holds: () => true }),
  fc.constant<Cond>({ text: 'blank', holds: (c) => c === '' }),
  fc.constant<Cond>({ text: 'not blank', holds: (c) => c !== '' }),
  fc.constantFrom(...STAGES.filter(Boolean), ...NEEDS).map((v): Cond => ({ text: v, holds: (c) => c === v })),
  fc.subarray([...STAGES.filter(Boolean), ...NEEDS], { minLength: 1, maxLength: 3 }).map((vs): Cond => ({ text: vs.join(', '), holds: (c) => vs.includes(c as string) })),
  fc.constantFrom('学', '培训').map((v): Cond => ({ text: `contains ${v}`, holds: (c) => String(c).includes(v) })),
);

const numCond: fc.Arbitrary<Cond> = fc.oneof(
  fc.constant<Cond>({ text: 'any', holds: () => true }),
  fc.integer({ min: 0, max: 2000 }).map((v): Cond => ({ text: `>= ${v.toLocaleString('en-US')}`, holds: (c) => typeof c === 'number' && c >= v })),
  fc.integer({ min: 0, max: 2000 }).map((v): Cond => ({ text: `< ${v}`, holds: (c) => typeof c === 'number' && c < v })),
  fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })).map(([a, b]): Cond => ({ text: `${a}..${b}`, holds: (c) => typeof c === 'number' && c >= a && c <= b })),
);

const rule = fc.record({ cls: fc.constantFrom('A', 'B', 'C', 'D'), stage: textCond, need: textCond, revenue: numCond });
const row = fc.record({ stage: fc.constantFrom(...STAGES), need: fc.constantFrom(...NEEDS), revenue: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant('')) });

function grid(rules: { cls: string; stage: Cond; need: Cond; revenue: Cond }[]): string[][] {
  return [['Class', 'Stage', 'Need', 'Revenue'], ...rules.map((r) => [r.cls, r.stage.text, r.need.text, r.revenue.text])];
}

function apply(rules: { cls: string; stage: Cond; need: Cond; revenue: Cond }[], rows: { stage: string; need: string; revenue: number | string }[]) {
  const table = parseRuleGrid(grid(rules));
  const cols: Record<string, (string | number)[]> = { Stage: rows.map((r) => r.stage), Need: rows.map((r) => r.need), Revenue: rows.map((r) => r.revenue) };
  return applyRules(table, rows.length, (name) => cols[name], DEFAULT_FOLD);
}

describe('rule tables, for any rules and rows', () => {
  it('give every row the class of its first matching rule, or report it uncovered; the counts add up', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 8 }), fc.array(row, { minLength: 1, maxLength: 80 }), (rules, rows) => {
        const a = apply(rules, rows);
        const classes = a.table.classes.map((c) => c.key);
        let uncovered = 0;
        rows.forEach((r, i) => {
          const k = rules.findIndex((x) => x.stage.holds(r.stage) && x.need.holds(r.need) && x.revenue.holds(r.revenue));
          if (k < 0) uncovered++;
          expect(a.classOf[i]).toBe(k < 0 ? -1 : classes.indexOf(rules[k].cls));
          expect(a.matches.first[i]).toBe(k);
        });
        const rep = a.report;
        expect(rep.uncovered).toBe(uncovered);
        expect(rep.covered + rep.uncovered).toBe(rows.length);
        expect(rep.rules.reduce((s, u) => s + u.assigned, 0)).toBe(rep.covered);
        expect(rep.overlaps.reduce((s, o) => s + o.rows, 0)).toBe(rep.overlapping);
        expect(rep.uncoveredPatterns.reduce((s, p) => s + p.rows, 0)).toBeLessThanOrEqual(rep.uncovered);
        if (rep.uncoveredDistinct <= 10) expect(rep.uncoveredPatterns.reduce((s, p) => s + p.rows, 0)).toBe(rep.uncovered);
        for (const u of rep.rules) expect(u.assigned).toBeLessThanOrEqual(u.matched);
        for (const k of rep.unused) expect(rep.rules[k].matched).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('classify the same whatever the order of rules that do not overlap', () => {
    // one rule per (stage, need) pair with its own class: no two rules can match one row
    const pairs = STAGES.filter(Boolean).flatMap((s) => NEEDS.map((n) => [s, n] as const));
    fc.assert(
      fc.property(fc.shuffledSubarray(pairs, { minLength: 1 }), fc.array(row, { minLength: 1, maxLength: 80 }), fc.context(), (chosen, rows, ctx) => {
        const rules = chosen.map(([s, n], k) => ({ cls: `T${k}`, stage: { text: s, holds: (c: unknown) => c === s }, need: { text: n, holds: (c: unknown) => c === n }, revenue: { text: '', holds: () => true } }));
        const reversed = [...rules].reverse();
        const a = apply(rules, rows);
        const b = apply(reversed, rows);
        const keyA = Array.from(a.classOf, (k) => (k < 0 ? '' : a.table.classes[k].key));
        const keyB = Array.from(b.classOf, (k) => (k < 0 ? '' : b.table.classes[k].key));
        ctx.log(JSON.stringify(chosen));
        expect(keyB).toEqual(keyA);
        expect(a.report.overlapping).toBe(0);
        expect(b.report.uncovered).toBe(a.report.uncovered);
      }),
      { numRuns: 100 },
    );
  });
});
