import { describe, it, expect } from "vitest";
import { normaliseParticipantCode } from "../../commands/rules/participant-code.ts";

describe("normaliseParticipantCode", () => {
  it("accepts a code and returns it upper-cased and trimmed", () => {
    expect(normaliseParticipantCode("P-017")).toBe("P-017");
    expect(normaliseParticipantCode("p-017")).toBe("P-017");
    expect(normaliseParticipantCode("  p-17 \n")).toBe("P-17");
  });

  it("accepts one to four letters and one to six digits", () => {
    expect(normaliseParticipantCode("P-1")).toBe("P-1");
    expect(normaliseParticipantCode("ABCD-123456")).toBe("ABCD-123456");
    expect(normaliseParticipantCode("sth-0042")).toBe("STH-0042");
  });

  it("rejects too many letters or digits", () => {
    expect(normaliseParticipantCode("ABCDE-1")).toBeUndefined();
    expect(normaliseParticipantCode("P-1234567")).toBeUndefined();
  });

  it("rejects other shapes", () => {
    expect(normaliseParticipantCode("P017")).toBeUndefined();
    expect(normaliseParticipantCode("P-")).toBeUndefined();
    expect(normaliseParticipantCode("-017")).toBeUndefined();
    expect(normaliseParticipantCode("P 017")).toBeUndefined();
    expect(normaliseParticipantCode("P–017")).toBeUndefined(); // en dash
    expect(normaliseParticipantCode("P-01a")).toBeUndefined();
    expect(normaliseParticipantCode("P-017-2")).toBeUndefined();
    expect(normaliseParticipantCode("Ö-17")).toBeUndefined();
    expect(normaliseParticipantCode("")).toBeUndefined();
  });

  it("rejects names and identity numbers", () => {
    expect(normaliseParticipantCode("Anna Svensson")).toBeUndefined();
    expect(normaliseParticipantCode("121212-1212")).toBeUndefined();
    expect(normaliseParticipantCode("19121212-1212")).toBeUndefined();
  });
});
