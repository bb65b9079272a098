// Item 20, diversity of employers: different employers among the period's job starts, as a
// share of the starts (same bands as item 19: ≥85% → 5 … <50% → 1). Employers are already one
// row per normalised name, so "ICA Maxi" and "ica maxi" are one employer.
import { scoreFromShare, suggested, tooLittleData, type Suggester } from "./evidence.ts";
import { JOB_STARTS_MIN, jobStartsInPeriod, percent } from "./job-starts.ts";

const DIVERSITY_FLOORS = [85, 70, 60, 50] as const;

export const employerDiversitySuggester: Suggester = {
  itemKey: "employer_diversity",
  messageKeys: ["fidelity.evidence.employers", "fidelity.evidence.jobStartsTooFew"],
  suggest(data) {
    const starts = jobStartsInPeriod(data);
    if (starts.length < JOB_STARTS_MIN) {
      return tooLittleData("fidelity.evidence.jobStartsTooFew", { starts: starts.length, minimum: JOB_STARTS_MIN });
    }
    const distinct = new Set(starts.map((start) => start.employerId)).size;
    return suggested(
      scoreFromShare(distinct, starts.length, DIVERSITY_FLOORS),
      "fidelity.evidence.employers",
      { starts: starts.length, distinct, percent: percent(distinct, starts.length) },
    );
  },
};
