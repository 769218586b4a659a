/**
 * RFM scoring: recency, frequency and monetary scores, the RFM code and the named segment.
 * Recency is scored descending, so the most recent customers get the top score.
 */
import { checkBins } from './errors';
import { type Scored, type TieRule, applyCuts, quantileCuts, quantileScores } from './quantile';
import { DEFAULT_SEGMENT_RULES, type SegmentRule, segmentCells } from './segments';

/** The three RFM measures, one entry per customer. */
export interface RfmMeasures {
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/** Options for {@link scoreRfm}. */
export interface RfmOptions {
  /** Scores per measure, 2…10. Default 5. */
  bins?: number;
  ties?: TieRule;
  /** Segment rule table; default {@link DEFAULT_SEGMENT_RULES}. */
  rules?: readonly SegmentRule[];
  /** Explicit cut points per measure (ascending, bins − 1 each). */
  cuts?: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] };
  /** Population to take cut points from (default: the measures themselves). */
  population?: RfmMeasures;
}

/** RFM scores per customer (0 where a measure is missing) and the cut points used. */
export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** RFM code, e.g. 545 (0 where a score is missing). */
  code: Float64Array;
  /** Segment key per customer ("" where a score is missing or no rule matches). */
  segment: string[];
  bins: number;
  cuts: { recency: (number | null)[]; frequency: (number | null)[]; monetary: (number | null)[] };
}

/**
 * RFM code of three scores: R·100 + F·10 + M (e.g. 545); with 10 bins two digits each
 * (R·10000 + F·100 + M, e.g. 100907) so the code stays readable.
 *
 * @example
 * rfmCode(5, 4, 5, 5); // 545
 * rfmCode(10, 9, 7, 10); // 100907
 */
export function rfmCode(r: number, f: number, m: number, bins: number): number {
  const w = bins >= 10 ? 100 : 10;
  return (r * w + f) * w + m;
}

/**
 * Scores customers on recency, frequency and monetary and names their segment.
 *
 * @example
 * const s = scoreRfm({ recency: [1, 200, 30], frequency: [9, 1, 3], monetary: [900, 20, 100] }, { bins: 3 });
 * s.code; // Float64Array [333, 111, 222]
 * s.segment; // ["Champions", "Lost", "Loyal"]
 */
export function scoreRfm(measures: RfmMeasures, options: RfmOptions = {}): RfmScores {
  const bins = checkBins(options.bins ?? 5);
  const ties = options.ties ?? 'safe';
  const pop = options.population;
  const score = (values: ArrayLike<number>, popValues: ArrayLike<number> | undefined, cuts: readonly number[] | undefined, descending: boolean): Scored => {
    if (popValues && !cuts) {
      const popCuts = quantileCuts(popValues, bins);
      return { scores: applyCuts(values, popCuts, bins, descending), cuts: popCuts, bins };
    }
    return quantileScores(values, { bins, descending, ties, cuts });
  };
  const R = score(measures.recency, pop?.recency, options.cuts?.recency, true);
  const F = score(measures.frequency, pop?.frequency, options.cuts?.frequency, false);
  const M = score(measures.monetary, pop?.monetary, options.cuts?.monetary, false);
  const n = R.scores.length;
  const cells = segmentCells(options.rules ?? DEFAULT_SEGMENT_RULES, bins);
  const code = new Float64Array(n);
  const segment = new Array<string>(n);
  // rfmCode and segmentCell written out: this loop runs once per customer, often before V8 has
  // compiled it, where every call counts
  const w = bins >= 10 ? 100 : 10;
  const side = bins + 1;
  const { scores: rs } = R;
  const { scores: fs } = F;
  const { scores: ms } = M;
  for (let i = 0; i < n; i++) {
    const r = rs[i];
    const f = fs[i];
    const m = ms[i];
    if (r === 0 || f === 0 || m === 0) {
      segment[i] = '';
      continue;
    }
    code[i] = (r * w + f) * w + m;
    segment[i] = cells[(r * side + f) * side + m] ?? '';
  }
  return {
    r: R.scores,
    f: F.scores,
    m: M.scores,
    code,
    segment,
    bins,
    cuts: { recency: R.cuts, frequency: F.cuts, monetary: M.cuts },
  };
}
