// A participant's status on a given day, from the status changes recorded for them. The
// figures that look back (the digest's quarter, the fidelity review's period) use the statuses as
// they were then, not as they are now.
import type { CalendarDay } from "./calendar-day.ts";
import { isActiveStatus } from "./caseload.ts";

export interface StatusHistory {
  enrolledOn: CalendarDay;
  /** Status changes in the order they were recorded (enrolment records the first). */
  statusHistory: readonly { status: string; effectiveOn: CalendarDay }[];
}

/** The participant's status at the end of `day`, or undefined before enrolment. */
export function statusOn(participant: StatusHistory, day: CalendarDay): string | undefined {
  if (participant.enrolledOn > day) return undefined;
  let status: string | undefined;
  let latest = "";
  for (const change of participant.statusHistory) {
    if (change.effectiveOn <= day && change.effectiveOn >= latest) {
      status = change.status;
      latest = change.effectiveOn;
    }
  }
  return status;
}

/** True when the participant's status met `test` at the end of some day from `from` to `to`. */
function hadStatusBetween(participant: StatusHistory, from: CalendarDay, to: CalendarDay, test: (status: string) => boolean): boolean {
  if (participant.enrolledOn > to) return false;
  const atStart = statusOn(participant, from);
  if (atStart !== undefined && test(atStart)) return true;
  // Enrolling records the first status change, so a participant enrolled inside the period is seen
  // here. A change counts only if it was still in force that day (not corrected the same day).
  return participant.statusHistory.some((change) => {
    if (change.effectiveOn <= from || change.effectiveOn > to) return false;
    const status = statusOn(participant, change.effectiveOn);
    return status !== undefined && test(status);
  });
}

/** Active (not paused or closed) at some moment from `from` to `to`, both included. */
export function wasActiveBetween(participant: StatusHistory, from: CalendarDay, to: CalendarDay): boolean {
  return hadStatusBetween(participant, from, to, isActiveStatus);
}

/**
 * Served in the period: on a caseload (enrolled and not closed, paused included) at some moment
 * from `from` to `to`. The IPS Employment Center's quarterly reports count everyone served in
 * the quarter (../shared/ips/outcome-definitions.md, "Employment rate").
 */
export function wasServedBetween(participant: StatusHistory, from: CalendarDay, to: CalendarDay): boolean {
  return hadStatusBetween(participant, from, to, (status) => status !== "closed");
}
