/**
 * The Tierwise classification engine: pure TypeScript, no Office, no DOM, no Node APIs.
 */
export * from './abc';
export * from './aggregate';
export * from './cells';
export * from './coded-cells';
export * from './fold';
export * from './fold-columns';
export * from './classify';
export * from './coerce';
export * from './columns';
export * from './date-order';
export * from './dates';
export * from './detect';
export * from './duplicates';
export * from './methods';
export * from './errors';
export * from './money';
export * from './number-format';
export * from './purchases';
export * from './pyramid';
export * from './quantile';
export * from './rank-order';
export * from './rfm';
export * from './rules';
export * from './segments';
export * from './skips';
export * from './summary';
export * from './table';
export * from './transactions';
export * from './table-reading';
export * from './tiers';
export * from './clv';
export * from './kmeans';
export * from './total-rows';
export * from './loop';
export * from './sql';
