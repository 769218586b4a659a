/**
 * Customer lifetime value: the BG/NBD purchase model (Fader, Hardie & Lee 2005), the Gamma-Gamma
 * spend model (Fader & Hardie 2013) and CLV over a horizon. Pure TypeScript.
 */
export * from './bgnbd';
export * from './bgnbd-fit';
export * from './bgnbd-predict';
export * from './clv';
export * from './gamma-gamma';
export * from './mle';
export * from './optimize';
export * from './repeat-summary';
export * from './simulate';
export * from './special';
export * from './units';
export * from './fit-models';
