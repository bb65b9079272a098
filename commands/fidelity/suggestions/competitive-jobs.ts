// Item 21, competitive jobs: the share of the period's job starts that are competitive (ordinary
// work at ordinary pay) rather than internships (≥95% → 5, 85-94% → 4, 75-84% → 3, 64-74% → 2,
// <64% → 1). ipsbot does not record whether a job is permanent; the supervisor weighs that.
import { scoreFromShare, suggested, tooLittleData, type Suggester } from "./evidence.ts";
import { JOB_STARTS_MIN, jobStartsInPeriod, percent } from "./job-starts.ts";

const COMPETITIVE_FLOORS = [95, 85, 75, 64] as const;

export const competitiveJobsSuggester: Suggester = {
  itemKey: "competitive_jobs",
  messageKeys: ["fidelity.evidence.competitive", "fidelity.evidence.jobStartsTooFew"],
  suggest(data) {
    const starts = jobStartsInPeriod(data);
    if (starts.length < JOB_STARTS_MIN) {
      return tooLittleData("fidelity.evidence.jobStartsTooFew", { starts: starts.length, minimum: JOB_STARTS_MIN });
    }
    const competitive = starts.filter((start) => start.kind === "competitive").length;
    return suggested(
      scoreFromShare(competitive, starts.length, COMPETITIVE_FLOORS),
      "fidelity.evidence.competitive",
      { starts: starts.length, competitive, internships: starts.length - competitive, percent: percent(competitive, starts.length) },
    );
  },
};
