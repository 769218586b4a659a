/**
 * TIER.RULES: the class of each row of an attribute table by a rule table (engine: `../engine/rules`).
 * Argument shaping only: header rows become column names, error cells cost their row only.
 */
import { type Cell, type FoldOptions, ParamError, applyRules, errorCode, explainRow, methodById, parseRuleGrid, ruleFoldOf } from '../engine';
import { type Out, asMatrix, errorOut, excelError, fail, optionalText, run } from './args';
import { language } from './label';
import { optionParams } from './per-row';

function foldOf(options: unknown): FoldOptions {
  return ruleFoldOf(optionParams(methodById('rules'), optionalText(options, '')));
}

function ruleGrid(arg: unknown): Cell[][] {
  return asMatrix(arg).map((row, i) =>
    row.map((cell, j) => {
      const code = errorCode(cell as Cell);
      if (code !== undefined) fail(`rule_table: row ${i + 1}, column ${j + 1} holds the error ${code}`);
      return cell as Cell;
    }),
  );
}

/**
 * The class of each data row of `attributes` (a header row, then one row per customer) by the
 * first rule of `rule_table` that matches; `#N/A` (with the row's values in its message) where no
 * rule matches; a row's error cell in a column the rules use comes back as that row's result.
 * One result per data row, one column wide.
 *
 * @example
 * rules([["Stage", "Need"], ["中学", "升学"], ["小学", "转学"]], [["Class", "Stage", "Need"], ["Type 1", "中学", "升学"]], null, null);
 * // [["Type 1"], [#N/A]]
 */
export function rules(attributes: unknown, ruleTable: unknown, options: unknown, lang: unknown): Out[][] {
  return run(() => {
    const l = language(lang);
    const fold = foldOf(options);
    let table;
    try {
      table = parseRuleGrid(ruleGrid(ruleTable));
    } catch (e) {
      if (e instanceof ParamError) fail(`rule_table: ${e.problem.en.replace(/^rule table: /, '')}`);
      throw e;
    }
    const rows = asMatrix(attributes);
    if (rows.length < 2) fail('attributes must have a header row and at least one row below it');
    const headers = rows[0].map((h) => String(h ?? '').trim());
    const n = rows.length - 1;
    const index = (name: string): number => {
      const j = headers.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
      if (j < 0) fail(`rule_table names the column "${name}", which is not in the attributes' header row (${headers.map((h) => `"${h}"`).join(', ')})`);
      return j;
    };
    const used = table.columns.map(index);
    const applied = applyRules(table, n, (name) => rows.slice(1).map((r) => r[index(name)] as Cell), fold);
    const out: Out[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const bad = used.map((j) => errorOut(rows[i + 1][j])).find((e) => e !== undefined);
      if (bad) out[i] = [bad];
      else if (applied.classOf[i] < 0) out[i] = [excelError('#N/A', explainRow(applied, i, l, () => ''))];
      else {
        const c = table.classes[applied.classOf[i]];
        out[i] = [l === 'zh-CN' ? c.labelZh : c.key];
      }
    }
    return out;
  });
}
