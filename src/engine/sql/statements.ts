/**
 * Whole SQL statements per method, from the building blocks: the customer measures
 * (`customers.ts`) and the rank rules (`rank-rules.ts`). The method modules call these from
 * their `sql`. Every statement returns one row per customer, ordered by customer, with the
 * columns of the CLI's JSON: customer, recency, frequency, monetary, then (RFM) r, f, m, score,
 * and tier (RFM: also segment, the same key).
 */
import type { AbcRule } from '../abc';
import { type SegmentRule, scoreLevel } from '../segments';
import { MEASURES, type SqlKeepNoPurchase, type SqlSource, customerCtes } from './customers';
import { type SqlDialect, textLiteral } from './dialect';
import { abcCtes, pyramidCtes, quantileCtes, withCtes } from './rank-rules';

/** What a method's SQL is generated for. */
export interface SqlContext {
  dialect: SqlDialect;
  source: SqlSource;
}

const MEASURE_COLUMNS = 'm.customer, m.recency, m.frequency, m.monetary';

/**
 * The RFM statement: tie-safe quantile scores of recency (descending), frequency and monetary,
 * the RFM code and the segment of the first matching rule (levels 1…5 per `scoreLevel`).
 *
 * @example
 * rfmSql({ dialect: SQL_DIALECTS.postgres, source }, { bins: 5, rules: DEFAULT_SEGMENT_RULES });
 */
export function rfmSql(q: SqlContext, o: { bins: number; rules: readonly SegmentRule[] }): string {
  const { bins } = o;
  const ctes = [
    ...customerCtes(q.dialect, q.source),
    ...quantileCtes('r_scores', MEASURES, 'recency', bins),
    ...quantileCtes('f_scores', MEASURES, 'frequency', bins),
    ...quantileCtes('m_scores', MEASURES, 'monetary', bins),
    `scored AS (\n  SELECT ${MEASURE_COLUMNS}, ${bins + 1} - rs.score AS r, fs.score AS f, ms.score AS m\n  FROM ${MEASURES} m\n  JOIN r_scores rs ON rs.v = m.recency\n  JOIN f_scores fs ON fs.v = m.frequency\n  JOIN m_scores ms ON ms.v = m.monetary\n)`,
  ];
  const level = (s: string): string => {
    const whens = Array.from({ length: bins }, (_, i) => `WHEN ${i + 1} THEN ${scoreLevel(i + 1, bins)}`);
    return `CASE ${s} ${whens.join(' ')} END`;
  };
  ctes.push(`levels AS (\n  SELECT customer, recency, frequency, monetary, r, f, m,\n    ${level('r')} AS lr, ${level('f')} AS lf, ${level('m')} AS lm\n  FROM scored\n)`);
  const rules = o.rules.map(
    (x) => `WHEN lr BETWEEN ${x.r[0]} AND ${x.r[1]} AND lf BETWEEN ${x.f[0]} AND ${x.f[1]} AND lm BETWEEN ${x.m[0]} AND ${x.m[1]} THEN ${textLiteral(x.segment)}`,
  );
  const w = bins >= 10 ? 100 : 10;
  ctes.push(`segmented AS (\n  SELECT customer, recency, frequency, monetary, r, f, m, (r * ${w} + f) * ${w} + m AS score,\n    CASE\n    ${rules.join('\n    ')}\n    END AS segment\n  FROM levels\n)`);
  return withCtes(ctes, 'SELECT customer, recency, frequency, monetary, r, f, m, score, segment AS tier, segment\nFROM segmented\nORDER BY customer');
}

/**
 * The ABC statement: classes by cumulative share of monetary value (see `rank-rules.ts`).
 *
 * @example
 * abcSql({ dialect: SQL_DIALECTS.duckdb, source }, { aShare: 0.8, bShare: 0.95, rule: "within", keys: ["A", "B", "C"] });
 */
export function abcSql(q: SqlContext, o: { aShare: number; bShare: number; rule: AbcRule; keys: readonly string[] }): string {
  const ctes = [...customerCtes(q.dialect, q.source), ...abcCtes('abc', MEASURES, 'monetary', o)];
  return withCtes(ctes, `SELECT ${MEASURE_COLUMNS}, COALESCE(c.tier, ${textLiteral(o.keys[2])}) AS tier\nFROM ${MEASURES} m\nLEFT JOIN abc c ON c.v = m.monetary\nORDER BY m.customer`);
}

/**
 * The pyramid statement: tiers by share of customers ranked by monetary value.
 *
 * @example
 * pyramidSql({ dialect: SQL_DIALECTS.trino, source }, { cuts: [0.01, 0.2, 0.5], keys: ["Platinum", "Gold", "Iron", "Lead"] });
 */
export function pyramidSql(q: SqlContext, o: { cuts: readonly number[]; keys: readonly string[] }): string {
  const ctes = [...customerCtes(q.dialect, q.source), ...pyramidCtes('pyramid', MEASURES, 'monetary', o)];
  return withCtes(ctes, `SELECT ${MEASURE_COLUMNS}, p.tier\nFROM ${MEASURES} m\nJOIN pyramid p ON p.v = m.monetary\nORDER BY m.customer`);
}

/**
 * The customer table alone, every value as text: customer, first and last purchase and the as-of
 * date as day numbers (days since 1970-01-01, as the engine counts), recency, frequency, monetary
 * (exact, at the source's decimals) and the rows each customer was aggregated from. For running
 * the aggregation on the user's engine and the classification in Tierwise. `keep` keeps customers
 * without a purchase as the method needs (see {@link SqlKeepNoPurchase}; their days are NULL).
 *
 * @example
 * customersSql({ dialect: SQL_DIALECTS.duckdb, source });
 * customersSql({ dialect: SQL_DIALECTS.duckdb, source }, true); // lifecycle: customers with no purchase too
 */
export function customersSql(q: SqlContext, keep: SqlKeepNoPurchase = false): string {
  const d = q.dialect;
  const t = (e: string): string => `CAST(${e} AS ${d.text})`;
  const day = (e: string): string => t(d.daysBetween("DATE '1970-01-01'", e));
  const cols = [t('m.customer'), day('m.first_tx'), day('m.last_tx'), t('m.recency'), t('m.frequency'), t('m.monetary'), day('a.as_of'), t('m.rows_used')];
  return withCtes(customerCtes(d, q.source, keep), `SELECT ${cols.join(', ')}\nFROM ${MEASURES} m CROSS JOIN as_of a`);
}
