import { describe, it, expect } from "vitest";
import { CASELOAD_CEILING, isActiveStatus, isOverCaseloadCeiling, PARTICIPANT_STATUSES } from "../../commands/rules/caseload.ts";

describe("caseload ceiling", () => {
  it("is 20 participants", () => {
    expect(CASELOAD_CEILING).toBe(20);
  });

  it("is exceeded only above 20", () => {
    expect(isOverCaseloadCeiling(0)).toBe(false);
    expect(isOverCaseloadCeiling(19)).toBe(false);
    expect(isOverCaseloadCeiling(20)).toBe(false);
    expect(isOverCaseloadCeiling(21)).toBe(true);
    expect(isOverCaseloadCeiling(35)).toBe(true);
  });
});

describe("isActiveStatus", () => {
  it("lists the known statuses", () => {
    expect(PARTICIPANT_STATUSES).toEqual(["job-search", "working", "studying", "internship", "paused", "closed"]);
  });

  it.each(["job-search", "working", "studying", "internship"])("counts %s as active", (status) => {
    expect(isActiveStatus(status)).toBe(true);
  });

  it.each(["paused", "closed"])("does not count %s as active", (status) => {
    expect(isActiveStatus(status)).toBe(false);
  });

  it("counts the active ones in a mixed caseload", () => {
    const statuses = ["working", "paused", "job-search", "closed", "closed", "internship", "studying", "paused"];
    expect(statuses.filter(isActiveStatus)).toHaveLength(4);
  });
});
