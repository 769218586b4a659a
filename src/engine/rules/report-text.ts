/** The coverage report as lines of text, in English or Chinese (the CLI prints it on stderr). */
import type { Lang } from '../methods/types';
import type { CoverageReport } from './coverage';

const fmt = (n: number): string => n.toLocaleString('en-US');
const rows = (n: number): string => `${fmt(n)} ${n === 1 ? 'row' : 'rows'}`;

/**
 * The report as lines; `rowName(i)` names data row i (a customer id or a row number).
 *
 * @example
 * coverageLines(report, ["Stage", "Need"], "en", (i) => `row ${i + 2}`)[0];
 * // "rules: 200 rows: 190 classified, 10 match no rule"
 */
export function coverageLines(r: CoverageReport, columns: readonly string[], lang: Lang, rowName: (i: number) => string): string[] {
  const zh = lang === 'zh-CN';
  const rule = (k: number): string => {
    const u = r.rules[k];
    return zh ? `规则 ${k + 1}（${u.classNameZh}，第 ${u.row} 行）` : `rule ${k + 1} (${u.className}, row ${u.row})`;
  };
  const lines: string[] = [];
  lines.push(
    zh
      ? `规则：${fmt(r.rows)} 行：已分类 ${fmt(r.covered)}，无规则匹配 ${fmt(r.uncovered)}`
      : `rules: ${rows(r.rows)}: ${fmt(r.covered)} classified, ${fmt(r.uncovered)} match no rule`,
  );
  for (const u of r.rules) {
    lines.push(zh ? `  ${rule(u.rule)}：匹配 ${fmt(u.matched)} 行，分得 ${fmt(u.assigned)} 行` : `  ${rule(u.rule)}: matches ${fmt(u.matched)}, classifies ${fmt(u.assigned)}`);
  }
  if (r.uncovered > 0) {
    lines.push(zh ? `无规则匹配的行：${fmt(r.uncovered)}（${fmt(r.uncoveredDistinct)} 种取值组合）：` : `rows no rule matches: ${fmt(r.uncovered)} (${fmt(r.uncoveredDistinct)} value combinations):`);
    for (const p of r.uncoveredPatterns) {
      const values = columns.map((c, j) => `${c} = ${p.values[j] || (zh ? '（空白）' : '(blank)')}`).join(zh ? '，' : ', ');
      lines.push(zh ? `  ${values}：${fmt(p.rows)} 行（首个：${rowName(p.first)}）` : `  ${values}: ${rows(p.rows)} (first: ${rowName(p.first)})`);
    }
    if (r.uncoveredDistinct > r.uncoveredPatterns.length) {
      const more = r.uncoveredDistinct - r.uncoveredPatterns.length;
      lines.push(zh ? `  ……另有 ${fmt(more)} 种组合` : `  … and ${fmt(more)} more combinations`);
    }
  }
  if (r.overlapping > 0) {
    lines.push(zh ? `被多条规则匹配的行：${fmt(r.overlapping)}（以第一条为准）：` : `rows several rules match: ${fmt(r.overlapping)} (the first wins):`);
    for (const o of r.overlaps) {
      const which = o.rules.map(rule).join(zh ? '、' : ', ');
      const eg = o.examples.map(rowName).join(zh ? '、' : ', ');
      lines.push(zh ? `  ${which}：${fmt(o.rows)} 行（如 ${eg}）` : `  ${which}: ${rows(o.rows)} (e.g. ${eg})`);
    }
  }
  if (r.unused.length > 0) lines.push((zh ? '不匹配任何行的规则：' : 'rules that match nothing: ') + r.unused.map(rule).join(zh ? '、' : ', '));
  if (r.shadowed.length > 0) lines.push((zh ? '所匹配的行均被前面规则分走的规则：' : 'rules whose rows all go to earlier rules: ') + r.shadowed.map(rule).join(zh ? '、' : ', '));
  const why = {
    'empty-range': { en: 'empty range', zh: '空区间' },
    'not-present': { en: 'value not present in the column', zh: '该列中没有此值' },
    'no-numbers': { en: 'the column holds no numbers', zh: '该列没有数字' },
    'no-match': { en: 'no row satisfies it', zh: '没有行满足' },
  } as const;
  for (const c of r.neverTrue) {
    lines.push(
      zh
        ? `永不成立的条件：${rule(c.rule)}，${c.column}“${c.conditionZh}”：${why[c.reason].zh}`
        : `condition never true: ${rule(c.rule)}, ${c.column} "${c.condition}": ${why[c.reason].en}`,
    );
  }
  for (const m of r.missingValues) {
    lines.push(zh ? `列中没有的值：${rule(m.rule)}，${m.column}：${m.values.join('、')}` : `values not in the column: ${rule(m.rule)}, ${m.column}: ${m.values.join(', ')}`);
  }
  return lines;
}
