// The words a person types stay English (job-search, fired, retail); Swedish and Norwegian answers
// gloss each one where they list them, from the catalogue's choice.<word> texts and the job types.
import { describe, expect, it } from "vitest";
import { JOB_END_REASONS, JOB_KINDS } from "../../commands/rules/outcomes.ts";
import { PARTICIPANT_STATUSES } from "../../commands/rules/caseload.ts";
import { CONTACT_TYPES } from "../../commands/rules/employer-contacts.ts";
import { RATE_DEFINITIONS } from "../../commands/rules/employment-rate.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import { jobTypeGlosses, loadJobTypes } from "../../prompts/job-types.ts";
import { CLINIC_ROLES } from "../../storage/records.ts";

const jobTypes = loadJobTypes();
const catalogue = Catalogue.load().withGlosses(jobTypeGlosses(jobTypes));

describe("choice words", () => {
  it.each([
    ["sv", "job-search, fired, retail", "job-search (jobbsökande), fired (blev uppsagd), retail (handel)"],
    ["nb", "job-search, fired, retail", "job-search (jobbsøking), fired (ble oppsagt), retail (varehandel)"],
    ["en", "job-search, fired, retail", "job-search, fired, retail"],
  ] as const)("are glossed in %s", (locale, choices, shown) => {
    expect(catalogue.translator(locale)("error.statusUnknown", { input: "x", choices })).toContain(shown);
  });

  it("have a gloss in every language for every word a command takes", () => {
    const words = [...PARTICIPANT_STATUSES, ...CONTACT_TYPES, ...JOB_KINDS, ...JOB_END_REASONS, ...CLINIC_ROLES, ...RATE_DEFINITIONS];
    for (const word of words) expect(catalogue.has(`choice.${word}`), word).toBe(true);
    for (const type of jobTypes) expect([type.sv, type.nb].every((name) => name.length > 0)).toBe(true);
  });
});
