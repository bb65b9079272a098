// Item 19, diversity of job types: different job types among the period's job starts, as a
// share of the starts (≥85% → 5, 70-84% → 4, 60-69% → 3, 50-59% → 2, <50% → 1).
import { scoreFromShare, suggested, tooLittleData, type Suggester } from "./evidence.ts";
import { JOB_STARTS_MIN, jobStartsInPeriod, jobTypeKey, percent } from "./job-starts.ts";

const DIVERSITY_FLOORS = [85, 70, 60, 50] as const;

export const jobTypeDiversitySuggester: Suggester = {
  itemKey: "job_type_diversity",
  messageKeys: ["fidelity.evidence.jobTypes", "fidelity.evidence.jobStartsTooFew"],
  suggest(data) {
    const starts = jobStartsInPeriod(data);
    if (starts.length < JOB_STARTS_MIN) {
      return tooLittleData("fidelity.evidence.jobStartsTooFew", { starts: starts.length, minimum: JOB_STARTS_MIN });
    }
    const distinct = new Set(starts.map((start) => jobTypeKey(start.jobType))).size;
    return suggested(
      scoreFromShare(distinct, starts.length, DIVERSITY_FLOORS),
      "fidelity.evidence.jobTypes",
      { starts: starts.length, distinct, percent: percent(distinct, starts.length) },
    );
  },
};
