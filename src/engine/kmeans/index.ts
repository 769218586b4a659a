/**
 * k-means clusters with help choosing k and named customer profiles (客户画像).
 */
export * from './cluster';
export * from './features';
export * from './fit';
export * from './guidance';
export * from './hamerly';
export * from './init';
export * from './profiles';
export * from './random';
export * from './silhouette';
export * from './hartigan';
export * from './distance';
