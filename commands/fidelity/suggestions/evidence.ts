// What the data-assisted suggestions work on and what they return. Plain data in, plain data
// out: storage gathers the records, the suggestion functions are pure and unit-tested.
import type { CalendarDay } from "../../rules/calendar-day.ts";
import type { StatusHistory } from "../../rules/status-history.ts";
import type { ReviewPeriod } from "../review-period.ts";

export interface EvidenceParticipant extends StatusHistory {
  id: number;
  specialistId: number;
  enrolledOn: CalendarDay;
}

export interface EvidenceContact {
  specialistId: number;
  participantId: number | null;
  contactType: string;
  occurredOn: CalendarDay;
}

export interface EvidenceJobStart {
  participantId: number;
  employerId: number;
  jobType: string;
  /** "competitive", "internship" or "studies". */
  kind: string;
  startedOn: CalendarDay;
}

/** Everything ipsbot holds that bears on the data-assisted items, for one clinic. */
export interface EvidenceData {
  period: Pick<ReviewPeriod, "from" | "to">;
  participants: readonly EvidenceParticipant[];
  contacts: readonly EvidenceContact[];
  jobStarts: readonly EvidenceJobStart[];
  /** The day of the clinic's first logged employer contact, if any: weeks before it were not logged in ipsbot. */
  contactLogSince: CalendarDay | undefined;
}

/** A localised line: a message key and its parameters (stored as JSON beside the answer). */
export interface Evidence {
  messageKey: string;
  params: Record<string, string | number>;
}

export type Suggestion =
  | { outcome: "suggested"; score: number; evidence: Evidence }
  | { outcome: "too-little-data"; evidence: Evidence };

/** One data-assisted item: which item it informs, the message keys it may use, the rule. */
export interface Suggester {
  itemKey: string;
  messageKeys: readonly string[];
  suggest(data: EvidenceData): Suggestion;
}

/**
 * The score whose floor the value reaches: floors are the lowest value for scores 5, 4, 3, 2
 * (anything lower scores 1).
 */
export function scoreFromFloors(value: number, floors: readonly [number, number, number, number]): number {
  const index = floors.findIndex((floor) => value >= floor);
  return index === -1 ? 1 : 5 - index;
}

/** Highest value still scoring 5, 4, 3, 2 (anything higher scores 1): for days and caseloads. */
export function scoreFromCeilings(value: number, ceilings: readonly [number, number, number, number]): number {
  const index = ceilings.findIndex((ceiling) => value <= ceiling);
  return index === -1 ? 1 : 5 - index;
}

/** Percentage bands compared exactly (part*100 ≥ floor*whole), so 64% is never 63.999…%. */
export function scoreFromShare(part: number, whole: number, floors: readonly [number, number, number, number]): number {
  const index = floors.findIndex((floor) => part * 100 >= floor * whole);
  return index === -1 ? 1 : 5 - index;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function isWithin(day: CalendarDay, period: Pick<ReviewPeriod, "from" | "to">): boolean {
  return day >= period.from && day <= period.to;
}

export function suggested(score: number, messageKey: string, params: Evidence["params"]): Suggestion {
  return { outcome: "suggested", score, evidence: { messageKey, params } };
}

export function tooLittleData(messageKey: string, params: Evidence["params"] = {}): Suggestion {
  return { outcome: "too-little-data", evidence: { messageKey, params } };
}
