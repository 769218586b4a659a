/**
 * The Excel adapter: reads selections and renders sheet plans with Office.js, within Excel's
 * request limits. Knows Excel; knows nothing about customers or tiers.
 */
export * from './a1';
export * from './cancel';
export * from './cell-value';
export * from './date-probe';
export * from './limits';
export * from './read';
export * from './requirements';
export * from './render';
export * from './selection';
export * from './selection-glance';
export * from './sheet-names';
export * from './summary-layout';
export * from './tracking';
export * from './text-sheet';
export * from './loop-sheets';
export * from './own-sheet';
