/** The classification methods: their interface, the registry and the shared helpers. */
export * from './params';
export * from './registry';
export * from './text';
export * from './tier-lookup';
export * from './types';
export { PARETO_MAX_POINTS, PARETO_TABLE, buildPareto } from './pareto';
export type { AbcModel } from './abc';
export type { ClvModel } from './clv';
export { CLV_TIERS } from './clv';
export type { PyramidModel } from './pyramid';
export type { RfmModel } from './rfm';
export type { KMeansModel, KMeansProfileModel } from './kmeans';
export { KMEANS_K_MAX, kmeansTables, kmeansTiers, nearestCluster } from './kmeans';
