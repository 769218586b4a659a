/**
 * RFM segments from a rule table; the first rule that matches wins.
 *
 * Rules are written on a 1…5 **level** scale whatever the number of bins, so one table serves
 * every `bins`: a score s of b bins has level 1 + round(4·(s − 1)/(b − 1)) (for 5 bins the level
 * is the score). The default table covers every one of the bins³ score cells exactly once
 * (first match), so no customer is left unsegmented; {@link checkCoverage} proves it for any table.
 */
import { checkBins } from './errors';

/** An inclusive level range, e.g. [4, 5]. */
export type LevelRange = readonly [number, number];

/** One rule: a segment key and the R, F and M level ranges it takes. */
export interface SegmentRule {
  segment: string;
  r: LevelRange;
  f: LevelRange;
  m: LevelRange;
}

/**
 * The default segment rules (R = recency score, 5 = most recent). Read top to bottom:
 *
 * | segment | R | F | M |
 * |---|---|---|---|
 * | Champions | 4–5 | 4–5 | 4–5 |
 * | Can't lose them | 1–2 | 4–5 | 4–5 |
 * | At risk | 1–2 | 3–5 | 1–5 |
 * | Hibernating | 1–2 | 2 | 1–5 |
 * | Lost | 1–2 | 1 | 1–5 |
 * | Loyal | 3–5 | 3–5 | 1–5 |
 * | Need attention | 3 | 1–2 | 3–5 |
 * | About to sleep | 3 | 1–2 | 1–2 |
 * | New | 5 | 1 | 1–5 |
 * | Promising | 4 | 1 | 1–5 |
 * | Potential loyalist | 4–5 | 2 | 1–5 |
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = [
  { segment: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: "Can't lose them", r: [1, 2], f: [4, 5], m: [4, 5] },
  { segment: 'At risk', r: [1, 2], f: [3, 5], m: [1, 5] },
  { segment: 'Hibernating', r: [1, 2], f: [2, 2], m: [1, 5] },
  { segment: 'Lost', r: [1, 2], f: [1, 1], m: [1, 5] },
  { segment: 'Loyal', r: [3, 5], f: [3, 5], m: [1, 5] },
  { segment: 'Need attention', r: [3, 3], f: [1, 2], m: [3, 5] },
  { segment: 'About to sleep', r: [3, 3], f: [1, 2], m: [1, 2] },
  { segment: 'New', r: [5, 5], f: [1, 1], m: [1, 5] },
  { segment: 'Promising', r: [4, 4], f: [1, 1], m: [1, 5] },
  { segment: 'Potential loyalist', r: [4, 5], f: [2, 2], m: [1, 5] },
];

/**
 * The 1…5 level of a score out of `bins`.
 *
 * @example
 * scoreLevel(3, 5); // 3
 * scoreLevel(10, 10); // 5
 * scoreLevel(2, 3); // 3
 */
export function scoreLevel(score: number, bins: number): number {
  return 1 + Math.round((4 * (score - 1)) / (bins - 1));
}

function inRange(level: number, range: LevelRange): boolean {
  return level >= range[0] && level <= range[1];
}

/** Calls `visit` for every (R, F, M) score cell with the indexes of the rules that match it. */
function forEachCell(rules: readonly SegmentRule[], bins: number, visit: (r: number, f: number, m: number, matching: number[]) => void): void {
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const [lr, lf, lm] = [scoreLevel(r, bins), scoreLevel(f, bins), scoreLevel(m, bins)];
        const matching: number[] = [];
        rules.forEach((x, i) => {
          if (inRange(lr, x.r) && inRange(lf, x.f) && inRange(lm, x.m)) matching.push(i);
        });
        visit(r, f, m, matching);
      }
    }
  }
}

/**
 * The segment of every (R, F, M) score cell for one table and number of bins, as a flat array:
 * cell (r, f, m) sits at (r·(bins+1) + f)·(bins+1) + m (see {@link segmentCell}); undefined where
 * no rule matches.
 *
 * @example
 * const cells = segmentCells(DEFAULT_SEGMENT_RULES, 5);
 * cells[segmentCell(5, 5, 5, 5)]; // "Champions"
 */
export function segmentCells(rules: readonly SegmentRule[], bins: number): (string | undefined)[] {
  checkBins(bins);
  const cells = new Array<string | undefined>((bins + 1) ** 3);
  forEachCell(rules, bins, (r, f, m, matching) => {
    cells[segmentCell(r, f, m, bins)] = matching.length ? rules[matching[0]].segment : undefined;
  });
  return cells;
}

/**
 * Where score cell (r, f, m) sits in {@link segmentCells}.
 *
 * @example
 * segmentCell(1, 1, 1, 5); // 43
 */
export function segmentCell(r: number, f: number, m: number, bins: number): number {
  return (r * (bins + 1) + f) * (bins + 1) + m;
}

/**
 * A segment lookup for one table and number of bins: one array read per customer.
 *
 * @example
 * const seg = segmentLookup(DEFAULT_SEGMENT_RULES, 5);
 * seg(5, 5, 5); // "Champions"
 */
export function segmentLookup(rules: readonly SegmentRule[], bins: number): (r: number, f: number, m: number) => string | undefined {
  const cells = segmentCells(rules, bins);
  return (r, f, m) => cells[segmentCell(r, f, m, bins)];
}

/** An (R, F, M) score cell. */
export type ScoreCell = readonly [number, number, number];

/** What {@link checkCoverage} finds in a rule table. */
export interface Coverage {
  /** Cells no rule matches (their customers would get no segment). */
  uncovered: ScoreCell[];
  /** Cells more than one rule matches, with the rules (by index) that match; the first wins. */
  overlapping: { cell: ScoreCell; rules: number[] }[];
  /** Indexes of rules that can never match: empty ranges, or every cell taken by earlier rules. */
  unreachable: number[];
  /** True when every cell is covered and every rule is reachable. */
  complete: boolean;
}

/**
 * Checks a (user-edited) rule table against every bins³ score cell.
 *
 * @example
 * checkCoverage(DEFAULT_SEGMENT_RULES, 5).complete; // true
 * checkCoverage([{ segment: "X", r: [1, 5], f: [1, 5], m: [2, 5] }], 5).uncovered.length; // 25
 */
export function checkCoverage(rules: readonly SegmentRule[], bins = 5): Coverage {
  checkBins(bins);
  const uncovered: ScoreCell[] = [];
  const overlapping: { cell: ScoreCell; rules: number[] }[] = [];
  const wins = new Array<number>(rules.length).fill(0);
  forEachCell(rules, bins, (r, f, m, matching) => {
    if (matching.length === 0) uncovered.push([r, f, m]);
    else wins[matching[0]]++;
    if (matching.length > 1) overlapping.push({ cell: [r, f, m], rules: matching });
  });
  const unreachable = wins.flatMap((w, i) => (w === 0 ? [i] : []));
  return { uncovered, overlapping, unreachable, complete: uncovered.length === 0 && unreachable.length === 0 };
}
