// The data-assisted items: where ipsbot's own records inform an item, its suggester computes
// evidence and a suggested score. The supervisor always decides; other items show no evidence.
import { caseloadSizeSuggester } from "./caseload-size.ts";
import { competitiveJobsSuggester } from "./competitive-jobs.ts";
import { employerContactFrequencySuggester } from "./employer-contact-frequency.ts";
import { employerDiversitySuggester } from "./employer-diversity.ts";
import type { EvidenceData, Suggester, Suggestion } from "./evidence.ts";
import { jobTypeDiversitySuggester } from "./job-type-diversity.ts";
import { rapidJobSearchSuggester } from "./rapid-job-search.ts";

export const SUGGESTERS: readonly Suggester[] = [
  caseloadSizeSuggester,
  rapidJobSearchSuggester,
  employerContactFrequencySuggester,
  jobTypeDiversitySuggester,
  employerDiversitySuggester,
  competitiveJobsSuggester,
];

export function hasSuggestion(itemKey: string): boolean {
  return SUGGESTERS.some((suggester) => suggester.itemKey === itemKey);
}

export function suggestionFor(itemKey: string, data: EvidenceData): Suggestion | undefined {
  return SUGGESTERS.find((suggester) => suggester.itemKey === itemKey)?.suggest(data);
}
