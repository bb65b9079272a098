// Item 1, caseload size: active participants per specialist during the review period, with the
// statuses as they were then. Each specialist's caseload is counted at the end of every week of
// the period (its last day, then every 7 days back) and averaged over the weeks in which they
// had one; the largest of these averages is scored on the item's bands (≤20 → 5, 21-25 → 4,
// 26-30 → 3, 31-40 → 2, ≥41 → 1). ipsbot does not know who works part time, so each
// specialist counts as full time; the supervisor adjusts for that.
// Source: ../shared/ips/fidelity-scale.md (item 1); ../shared/ips/outcome-definitions.md ("Caseload").
import { addDays, type CalendarDay } from "../../rules/calendar-day.ts";
import { isActiveStatus } from "../../rules/caseload.ts";
import { statusOn } from "../../rules/status-history.ts";
import { roundTo, scoreFromCeilings, suggested, tooLittleData, type EvidenceParticipant, type Suggester } from "./evidence.ts";

const CASELOAD_CEILINGS = [20, 25, 30, 40] as const;

/** The days a caseload is counted on: the period's last day and every 7 days back to its first. */
export function weekEnds(period: { from: CalendarDay; to: CalendarDay }): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = period.to; day >= period.from; day = addDays(day, -7)) days.push(day);
  return days;
}

/** Each specialist's caseload averaged over the week ends on which they had active participants. */
export function averageCaseloads(participants: readonly EvidenceParticipant[], days: readonly CalendarDay[]): Map<number, number> {
  const totals = new Map<number, { sum: number; weeks: number }>();
  for (const day of days) {
    const onDay = new Map<number, number>();
    for (const participant of participants) {
      const status = statusOn(participant, day);
      if (status !== undefined && isActiveStatus(status)) onDay.set(participant.specialistId, (onDay.get(participant.specialistId) ?? 0) + 1);
    }
    for (const [specialistId, count] of onDay) {
      const total = totals.get(specialistId) ?? { sum: 0, weeks: 0 };
      totals.set(specialistId, { sum: total.sum + count, weeks: total.weeks + 1 });
    }
  }
  return new Map([...totals].map(([specialistId, { sum, weeks }]) => [specialistId, sum / weeks]));
}

export const caseloadSizeSuggester: Suggester = {
  itemKey: "caseload",
  messageKeys: ["fidelity.evidence.caseload", "fidelity.evidence.caseloadNoData"],
  suggest({ participants, period }) {
    const days = weekEnds(period);
    const caseloads = averageCaseloads(participants, days);
    if (caseloads.size === 0) return tooLittleData("fidelity.evidence.caseloadNoData", {});
    const sizes = [...caseloads.values()];
    // Scored on the figure shown (one decimal), so "20.0" never scores as 21.
    const largest = roundTo(Math.max(...sizes), 1);
    const average = roundTo(sizes.reduce((sum, size) => sum + size, 0) / sizes.length, 1);
    return suggested(scoreFromCeilings(largest, CASELOAD_CEILINGS), "fidelity.evidence.caseload", { largest, specialists: sizes.length, average, weeks: days.length });
  },
};
