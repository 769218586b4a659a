/** The classification methods: their interface, the registry and the shared helpers. */
export * from './params';
export * from './registry';
export * from './text';
export * from './tier-lookup';
export * from './types';
export { PARETO_MAX_POINTS, PARETO_TABLE, buildPareto } from './pareto';
export type { AbcModel } from './abc';
export type { PyramidModel } from './pyramid';
export type { RfmModel } from './rfm';
export type { RulesModel } from './rules';
export { DEFAULT_RULE_TABLE, RULE_PALETTE, ruleTableOf, ruleTiers } from './rules';
