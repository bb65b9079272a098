// IPS caps a full-time employment specialist's caseload at 20 participants (fidelity item 1).

export const CASELOAD_CEILING = 20;

export const PARTICIPANT_STATUSES = ["job-search", "working", "studying", "internship", "paused", "closed"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Active participants count against the ceiling; paused and closed ones do not. */
export function isActiveStatus(status: string): boolean {
  return status !== "paused" && status !== "closed";
}

export function isOverCaseloadCeiling(activeParticipants: number): boolean {
  return activeParticipants > CASELOAD_CEILING;
}
