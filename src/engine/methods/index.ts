/** The classification methods: their interface, the registry and the shared helpers. */
export * from './params';
export * from './registry';
export * from './text';
export * from './tier-lookup';
export * from './types';
export { PARETO_MAX_POINTS, PARETO_TABLE, buildPareto } from './pareto';
export type { AbcModel } from './abc';
export { DEFAULT_LIFECYCLE_RULES, LIFECYCLE_TIERS, type LifecycleFacts, type LifecycleModel, type LifecycleRules, lifecycleClassOf, lifecycleReason } from './lifecycle';
export { quarterOf, timelineFacts } from './timeline';
export { MATRIX_TIERS, type CutKind, type MatrixAxis, type MatrixModel, axisCut, matrixCellOf } from './matrix';
export { averageInvoice, criterionLabel, criterionOfRow, criterionValues } from './criteria';
export { GRADE_TIERS, gradeRow, type Direction, type GradeCriterion, type GradeModel } from './grade';
export { checkExact, doubleRankIn, doubleRanks, fixedThreshold, percentileThreshold, weightUnits } from './grade-score';
export { percentileInc, percentilePosition, sortedFinite } from './percentile';
export type { PyramidModel } from './pyramid';
export type { RfmModel } from './rfm';
