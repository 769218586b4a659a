/**
 * Classes from an editable rule table over any columns (issue 18): one rule per row, tried top to
 * bottom, first match wins, an optional "everyone else" row. The table model, matching and the
 * coverage report are in `../rules/`; this module declares the parameters, builds the tiers from
 * the table's classes, and explains a customer by the rule that matched.
 */
import { TierwiseError } from '../errors';
import {
  type CoverageReport,
  type FoldOptions,
  type RuleTable,
  type RulesApplied,
  applyRules,
  conditionText,
  coverageLines,
  explainRow,
  parseRuleCsv,
  ruleConditions,
} from '../rules';
import { NO_CLASS, type TierDef, readableText } from '../tiers';
import { measureOfName } from './params';
import { say } from './text';
import type { Lang, Measures, MethodModule, MethodTable, ParamValues } from './types';

/** The rule table used when none is given: value tiers, so the method runs on any input. */
export const DEFAULT_RULE_TABLE = [
  'Class,Class zh,Colour,Value,Strategy,策略',
  'High value,高价值客户,#77AADD,>= 1000,Dedicated account manager; protect the relationship first.,配备专属客户经理，优先维护关系。',
  'Mid value,中等价值客户,#EEDD88,100..<1000,Grow them with cross-sell and volume offers.,交叉销售与批量优惠，推动其升级。',
  'Low value,低价值客户,#DDDDDD,< 100,Serve at low cost: self-service and automated contact.,低成本服务：自助渠道与自动化触达。',
  '',
].join('\n');

/** Fill colours for classes without one (Paul Tol's "light" palette, then grey). */
export const RULE_PALETTE = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99', '#BBCC33', '#AAAA00', '#DDDDDD'];

/** What the rules fitted: the table as read, the comparison options and the coverage report. */
export interface RulesModel {
  columns: readonly string[];
  rules: { row: number; class: string; conditions: Record<string, string> }[];
  caseSensitive: boolean;
  foldWidth: boolean;
  foldChinese: boolean;
  coverage: CoverageReport;
}

let cache: { text: string; table: RuleTable } | null = null;

/**
 * The rule table of a method's parameters (parsed once per text).
 *
 * @example
 * ruleTableOf({ rules: DEFAULT_RULE_TABLE }).columns; // ["Value"]
 */
export function ruleTableOf(params: ParamValues): RuleTable {
  const text = params.rules as string;
  if (cache?.text !== text) cache = { text, table: parseRuleCsv(text) };
  return cache.table;
}

/** The text forms `--rules-fold` treats alike. */
export const RULE_FOLDS = ['none', 'width', 'chinese', 'both'] as const;

/**
 * The comparison options of a method's parameters (`ruleCase`, `ruleFold`).
 *
 * @example
 * ruleFoldOf({ ruleCase: "ignore", ruleFold: "chinese" }); // { caseSensitive: false, foldWidth: false, foldChinese: true }
 */
export function ruleFoldOf(params: Readonly<Record<string, unknown>>): Required<FoldOptions> {
  const fold = params.ruleFold ?? 'none';
  return { caseSensitive: params.ruleCase === 'match', foldWidth: fold === 'width' || fold === 'both', foldChinese: fold === 'chinese' || fold === 'both' };
}

/**
 * Tier definitions from a rule table's classes, in order of first appearance.
 *
 * @example
 * ruleTiers(parseRuleCsv(DEFAULT_RULE_TABLE))[0].key; // "High value"
 */
export function ruleTiers(table: RuleTable): TierDef[] {
  return table.classes.map((c, k) => {
    const color = c.color ?? RULE_PALETTE[k % RULE_PALETTE.length];
    const row = table.rules.find((r) => r.classIndex === k)?.row ?? 0;
    const fallback = { en: `Serve the ${c.key} class (rule table row ${row}).`, zh: `按规则表第 ${row} 行服务"${c.labelZh}"类客户。` };
    return {
      key: c.key,
      order: k,
      label: { en: c.key, zh: c.labelZh },
      group: 'ordinary',
      color,
      textColor: readableText(color),
      strategy: { en: c.strategyEn ?? c.strategyZh ?? fallback.en, zh: c.strategyZh ?? c.strategyEn ?? fallback.zh },
    };
  });
}

/** The cells of a condition column: a loaded table column by its name, else the measure of that name. */
function columnOf(m: Measures, name: string): ArrayLike<number | string | boolean | Date | null | undefined | object> {
  const extra = m.extra?.[name] ?? Object.entries(m.extra ?? {}).find(([k]) => k.trim().toLowerCase() === name.trim().toLowerCase())?.[1];
  if (extra) return extra;
  const measure = measureOfName(name);
  if (measure) {
    const col =
      measure === 'value' ? m.value
      : measure === 'aov' ? (m.monetary && m.frequency ? Float64Array.from(m.monetary, (v, i) => (m.frequency![i] > 0 ? v / m.frequency![i] : NaN)) : undefined)
      : m[measure];
    if (!col) throw new TierwiseError('column', `the rule table's column "${name}" is the ${measure}, which this input does not have (it needs a transaction log)`);
    return col;
  }
  const given = Object.keys(m.extra ?? {});
  throw new TierwiseError('column', `the rule table names the column "${name}", which was not loaded from the input${given.length ? ` (loaded: ${given.join(', ')})` : ''}`);
}

const tierName = (tiers: readonly TierDef[], lang: string) => (k: number): string => (lang === 'zh-CN' ? tiers[k].label.zh : tiers[k].key);

function coverageTable(applied: RulesApplied): MethodTable {
  const { report, table } = applied;
  const also = (k: number): string =>
    report.overlaps
      .filter((o) => o.rules.includes(k))
      .map((o) => `${o.rules.filter((x) => x !== k).map((x) => x + 1).join('+')}: ${o.rows}`)
      .join('; ');
  const reason = {
    'empty-range': { en: 'empty-range', zh: '空区间' },
    'not-present': { en: 'not-present', zh: '该列中没有此值' },
    'no-numbers': { en: 'no-numbers', zh: '该列没有数字' },
    'no-match': { en: 'no-match', zh: '没有行满足' },
  } as const;
  const note = (k: number, lang: Lang): string => {
    const zh = lang === 'zh-CN';
    return [
      ...report.neverTrue.filter((c) => c.rule === k).map((c) => (zh ? `${c.column}“${c.conditionZh}”：${reason[c.reason].zh}` : `${c.column} "${c.condition}": ${reason[c.reason].en}`)),
      ...report.missingValues.filter((c) => c.rule === k).map((c) => (zh ? `${c.column}：列中没有 ${c.values.join('、')}` : `${c.column}: ${c.values.join(', ')} not present`)),
      report.unused.includes(k) ? (zh ? '不匹配任何行' : 'matches nothing') : report.shadowed.includes(k) ? (zh ? '所匹配的行均被前面规则分走' : 'all rows go to earlier rules') : '',
    ]
      .filter((s) => s !== '')
      .join(zh ? '；' : '; ');
  };
  const conditions = (lang: Lang): string[] => [...table.rules.map((r, k) => (r.catchAll ? (lang === 'zh-CN' ? '其余客户' : 'everyone else') : ruleConditions(applied, k, undefined, lang))), ''];
  const rows = table.rules.length + 1;
  type Values = (string | number | null)[];
  const col = (id: string, en: string, zh: string, kind: 'integer' | 'text' | 'label', values: Values, valuesZh?: Values) => ({ id, header: { en, zh }, kind, values, ...(valuesZh ? { valuesZh } : {}) });
  return {
    name: 'TierwiseRuleCoverage',
    title: { en: 'Rule coverage', zh: '规则覆盖情况' },
    columns: [
      col('rule', 'Rule', '规则', 'integer', [...table.rules.map((_, k) => k + 1), null]),
      col('class', 'Class', '类别', 'label', [...table.rules.map((r) => table.classes[r.classIndex].key), '(no rule)'], [...table.rules.map((r) => table.classes[r.classIndex].labelZh), '（无规则）']),
      col('conditions', 'Conditions', '条件', 'text', conditions('en'), conditions('zh-CN')),
      col('matched', 'Rows matched', '匹配行数', 'integer', [...report.rules.map((u) => u.matched), report.uncovered]),
      col('assigned', 'Rows classified', '分得行数', 'integer', [...report.rules.map((u) => u.assigned), report.uncovered]),
      col('overlaps', 'Also matched by rules', '同时匹配的规则', 'text', [...table.rules.map((_, k) => also(k)), '']),
      col(
        'note',
        'Note',
        '说明',
        'text',
        [...table.rules.map((_, k) => note(k, 'en')), report.uncovered > 0 ? 'no rule matches these rows' : ''],
        [...table.rules.map((_, k) => note(k, 'zh-CN')), report.uncovered > 0 ? '这些行没有规则匹配' : ''],
      ),
    ],
    rows,
    chart: { kind: 'column', title: { en: 'Rows classified by each rule', zh: '各规则分得的行数' }, categoryColumn: 'class', bars: ['assigned'], lines: [] },
  };
}

/** The rules method. */
export const rules: MethodModule<'rules', RulesModel> = {
  id: 'rules',
  label: { en: 'Rules (attributes)', zh: '规则（按客户属性）' },
  short: { en: 'Rules', zh: '规则' },
  description: {
    en: 'Classes from your rule table over any columns (stage, region, industry, value…): first matching rule wins; reports rows no rule or several rules match.',
    zh: '按您的规则表对任意列（阶段、地区、行业、价值……）分类：第一条匹配的规则生效；报告无规则或多条规则匹配的行。',
  },
  needs: ['value'],
  needsTransactions: false,
  params: [
    {
      name: 'rules',
      flag: 'rules',
      kind: 'table',
      default: DEFAULT_RULE_TABLE,
      label: { en: 'Rule table', zh: '规则表' },
      help: {
        en: 'rules: the rule table, a .csv or .xlsx file (Class, optional Class zh, Colour, Strategy, one condition column per input column); without it, value tiers by Value',
        zh: '规则：规则表，.csv 或 .xlsx 文件（类别、可选的中文名、颜色、策略，每个输入列一个条件列）；不给时按价值分层',
      },
    },
    {
      name: 'ruleCase',
      flag: 'rules-case',
      kind: 'choice',
      choices: ['ignore', 'match'],
      default: 'ignore',
      label: { en: 'Letter case', zh: '大小写' },
      help: { en: 'rules: ignore or match letter case when comparing text (default ignore)', zh: '规则：比较文字时忽略（ignore）或区分（match）大小写（默认 ignore）' },
    },
    {
      name: 'ruleFold',
      flag: 'rules-fold',
      kind: 'choice',
      choices: RULE_FOLDS,
      default: 'none',
      label: { en: 'Treat alike', zh: '视为相同' },
      help: {
        en: 'rules: text forms treated alike: width = full-width and half-width (Unicode NFKC), chinese = simplified and traditional Chinese (OpenCC character tables), both (default none)',
        zh: '规则：视为相同的字形：width = 全角与半角（Unicode NFKC），chinese = 简体与繁体中文（後 = 后，OpenCC 字表），both = 两者（默认 none）',
      },
    },
  ],
  inputColumns: (params) => [...ruleTableOf(params).columns],
  tiers: (params) => ruleTiers(ruleTableOf(params)),
  tierColumn: { id: 'tier', header: { en: 'Class', zh: '类别' } },
  classify(m, ctx) {
    const table = ruleTableOf(ctx.params);
    const fold = ruleFoldOf(ctx.params);
    const applied = applyRules(table, m.n, (name) => columnOf(m, name) as ArrayLike<never>, fold);
    const tierIndex = new Uint8Array(m.n);
    for (let i = 0; i < m.n; i++) tierIndex[i] = applied.classOf[i] < 0 ? NO_CLASS : applied.classOf[i];
    const model: RulesModel = {
      columns: table.columns,
      rules: table.rules.map((r) => ({
        row: r.row,
        class: table.classes[r.classIndex].key,
        conditions: Object.fromEntries(table.columns.map((c, j) => [c, conditionText(r.conditions[j])])),
      })),
      ...fold,
      coverage: applied.report,
    };
    return { tierIndex, model, state: applied };
  },
  explain({ fit, tier, lang, index }) {
    const applied = fit.state as RulesApplied;
    const tiers = ruleTiers(applied.table);
    const name = tierName(tiers, lang);
    if (index !== undefined) return explainRow(applied, index, lang, name);
    if (tier === NO_CLASS) return say({ en: 'no class: no rule matches', zh: '未分类：没有规则匹配' }, lang);
    const k = applied.table.rules.findIndex((r) => r.classIndex === tier);
    const rule = applied.table.rules[k];
    return rule.catchAll ? say({ en: '{c}: everyone else', zh: '{c}：其余客户' }, lang, { c: name(tier) }) : `${name(tier)}${lang === 'zh-CN' ? '：' : ': '}${ruleConditions(applied, k, undefined, lang)}`;
  },
  describe(model, lang) {
    const c = model.coverage;
    return say(
      {
        en: '{rules} rules over {cols}, first match wins: {covered} of {rows} rows classified, {uncovered} match no rule, {overlap} match several rules',
        zh: '{rules} 条规则（{cols}），以第一条匹配为准：{rows} 行中已分类 {covered} 行，无规则匹配 {uncovered} 行，多条规则匹配 {overlap} 行',
      },
      lang,
      { rules: model.rules.length, cols: model.columns.join(', ') || '—', covered: c.covered, rows: c.rows, uncovered: c.uncovered, overlap: c.overlapping },
    );
  },
  audit(fit, keys, lang) {
    const applied = fit.state as RulesApplied;
    return { lines: coverageLines(applied.report, applied.table.columns, lang, (i) => keys[i] ?? `#${i + 1}`), unclassified: applied.report.uncovered };
  },
  tables: (fit) => [coverageTable(fit.state as RulesApplied)],
};
