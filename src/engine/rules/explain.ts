/** Why a row got its class: the rule that matched, with the row's values ("Type 2: Stage = 中学 and Need = 升学"). */
import type { Lang } from '../methods/types';
import type { Condition } from './condition';
import { conditionText } from './condition';
import { shownAt } from './fold';
import { NO_RULE } from './match';
import type { RulesApplied } from './apply';

function part(column: string, c: Condition, shown: string | undefined, lang: Lang): string {
  const value = shown === undefined ? '' : shown === '' ? (lang === 'zh-CN' ? '（空白）' : '(blank)') : shown;
  const zh = lang === 'zh-CN';
  const rule = conditionText(c, lang);
  if (shown === undefined) return c.kind === 'equals' && !c.negate && c.values.length === 1 ? `${column} = ${rule}` : `${column}${zh ? '：' : ': '}${rule}`;
  if (c.kind === 'equals' && !c.negate && c.values.length === 1) return `${column} = ${value}`;
  return zh ? `${column} = ${value}（${rule}）` : `${column} = ${value} (${rule})`;
}

/**
 * The conditions of a rule that are not "any", joined ("Stage = 中学 and Need = 升学"), with the
 * values of row `i` when given.
 *
 * @example
 * ruleConditions(applied, 0, 3, "en"); // "Stage = 中学 and Need = 升学"
 * ruleConditions(applied, 0, undefined, "zh-CN"); // "Stage：中学、大学 且 Need = 升学"
 */
export function ruleConditions(a: RulesApplied, rule: number, i: number | undefined, lang: Lang): string {
  const r = a.table.rules[rule];
  const parts = r.conditions
    .map((c, j) => (c.kind === 'any' ? '' : part(a.table.columns[j], c, i === undefined ? undefined : shownAt(a.columns[j], i), lang)))
    .filter((s) => s !== '');
  return parts.join(lang === 'zh-CN' ? ' 且 ' : ' and ');
}

/**
 * Why row i got its class (`name` shows a class in the language), or why it got none.
 *
 * @example
 * explainRow(applied, 3, "en", (k) => k); // "Type 2: Stage = 中学 and Need = 升学"
 * explainRow(applied, 7, "en", (k) => k); // "no class: no rule matches (Stage = 托管, Need = 升学)"
 */
export function explainRow(a: RulesApplied, i: number, lang: Lang, name: (classIndex: number) => string): string {
  const zh = lang === 'zh-CN';
  const r = a.matches.first[i];
  if (r === NO_RULE) {
    const values = a.table.columns.map((c, j) => `${c} = ${shownAt(a.columns[j], i) || (zh ? '（空白）' : '(blank)')}`).join(zh ? '，' : ', ');
    return zh ? `未分类：没有规则匹配（${values}）` : `no class: no rule matches (${values})`;
  }
  const cls = name(a.table.rules[r].classIndex);
  if (a.table.rules[r].catchAll) {
    return zh ? `${cls}：以上规则均不匹配（其余客户，规则表第 ${a.table.rules[r].row} 行）` : `${cls}: no rule above matches (everyone else, rule table row ${a.table.rules[r].row})`;
  }
  return `${cls}${zh ? '：' : ': '}${ruleConditions(a, r, i, lang)}`;
}
