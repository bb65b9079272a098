// Scoring a fidelity review (IPS-25): the total (25-125), the three section subtotals (of 15, 40
// and 70), the band, the lowest items and the change against an earlier review. Pure functions
// over the item list and the scores, so the rules are tested without a database or a chat.
import { FIDELITY_SECTIONS, SCORE_LEVELS, type FidelityItem, type FidelitySection } from "../../prompts/fidelity-catalogue.ts";

/** A review's scores by item key: 1-5, or null/absent while skipped or not yet answered. */
export type ScoreSheet = Readonly<Record<string, number | null | undefined>>;

export const BANDS = ["exemplary", "good", "fair", "not-supported"] as const;
export type Band = (typeof BANDS)[number];

/** Lowest total of each band (IPS-25 manual): 115-125, 100-114, 74-99, 73 or less. */
const BAND_FLOORS: readonly [Band, number][] = [
  ["exemplary", 115],
  ["good", 100],
  ["fair", 74],
  ["not-supported", 0],
];

export function bandFor(total: number): Band {
  return BAND_FLOORS.find(([, floor]) => total >= floor)![0];
}

export interface SectionScore {
  section: FidelitySection;
  score: number;
  maximum: number;
  /** Items of the section that have a score. */
  scored: number;
  items: number;
}

export interface ReviewScore {
  total: number;
  maximum: number;
  sections: SectionScore[];
  /** Items skipped or not yet answered, in scale order: while any remain the review has no band. */
  unscored: FidelityItem[];
  complete: boolean;
  band: Band | undefined;
}

export function isScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= SCORE_LEVELS;
}

function scoreOf(scores: ScoreSheet, key: string): number | undefined {
  const value = scores[key];
  if (value === null || value === undefined) return undefined;
  if (!isScore(value)) throw new RangeError(`item ${key} has score ${value}; scores run 1-${SCORE_LEVELS}`);
  return value;
}

export function scoreReview(items: readonly FidelityItem[], scores: ScoreSheet): ReviewScore {
  const sections = FIDELITY_SECTIONS.map((section): SectionScore => {
    const inSection = items.filter((item) => item.section === section);
    const values = inSection.map((item) => scoreOf(scores, item.key)).filter((value) => value !== undefined);
    return { section, score: sum(values), maximum: inSection.length * SCORE_LEVELS, scored: values.length, items: inSection.length };
  });
  const unscored = items.filter((item) => scoreOf(scores, item.key) === undefined);
  const total = sum(sections.map((section) => section.score));
  const complete = unscored.length === 0;
  return { total, maximum: items.length * SCORE_LEVELS, sections, unscored, complete, band: complete ? bandFor(total) : undefined };
}

export interface ScoredItem {
  item: FidelityItem;
  score: number;
}

/** The lowest-scoring items (improvement areas); ties keep the scale's order. */
export function lowestItems(items: readonly FidelityItem[], scores: ScoreSheet, count = 5): ScoredItem[] {
  return items
    .flatMap((item) => {
      const score = scoreOf(scores, item.key);
      return score === undefined ? [] : [{ item, score }];
    })
    .sort((a, b) => a.score - b.score || a.item.number - b.item.number)
    .slice(0, count);
}

export interface ItemChange {
  item: FidelityItem;
  previous: number | undefined;
  current: number | undefined;
  /** current - previous, when both have a score. */
  change: number | undefined;
}

/** Item-by-item change from an earlier review to this one. */
export function compareReviews(items: readonly FidelityItem[], current: ScoreSheet, previous: ScoreSheet): ItemChange[] {
  return items.map((item) => {
    const now = scoreOf(current, item.key);
    const before = scoreOf(previous, item.key);
    return { item, previous: before, current: now, change: now !== undefined && before !== undefined ? now - before : undefined };
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
