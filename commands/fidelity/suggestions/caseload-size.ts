// Item 1, caseload size: the largest active caseload of any specialist, scored on the item's
// bands (≤20 → 5, 21-25 → 4, 26-30 → 3, 31-40 → 2, ≥41 → 1). ipsbot does not know who works
// part time, so each specialist counts as full time; the supervisor adjusts for that.
import { isActiveStatus } from "../../rules/caseload.ts";
import { roundTo, scoreFromCeilings, suggested, tooLittleData, type Suggester } from "./evidence.ts";

const CASELOAD_CEILINGS = [20, 25, 30, 40] as const;

export const caseloadSizeSuggester: Suggester = {
  itemKey: "caseload",
  messageKeys: ["fidelity.evidence.caseload", "fidelity.evidence.caseloadNoData"],
  suggest({ participants, period }) {
    const caseloads = new Map<number, number>();
    for (const participant of participants) {
      if (participant.enrolledOn > period.to || !isActiveStatus(participant.status)) continue;
      caseloads.set(participant.specialistId, (caseloads.get(participant.specialistId) ?? 0) + 1);
    }
    if (caseloads.size === 0) return tooLittleData("fidelity.evidence.caseloadNoData", {});
    const sizes = [...caseloads.values()];
    const largest = Math.max(...sizes);
    const average = roundTo(sizes.reduce((sum, size) => sum + size, 0) / sizes.length, 1);
    return suggested(scoreFromCeilings(largest, CASELOAD_CEILINGS), "fidelity.evidence.caseload", { largest, specialists: sizes.length, average });
  },
};
