/** Engine entry points and a shuffle for the scikit-learn comparison. */
export { classifyTable, kGuidance, kmeans, prepareFeatures, rfmFeatures } from '../../src/engine';
import { shuffled } from '../engine/kmeans/helpers';

/** The points in a seeded random order (seed = k, so each k sees another order). */
export function shuffledCopy(points: Float64Array, n: number, d: number, k: number): Float64Array {
  return shuffled(points, n, d, 1000 + k);
}
