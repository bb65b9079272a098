import { describe, it, expect } from "vitest";
import { closestMatch, editDistance } from "../../commands/rules/closest-match.ts";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("contact", "contact")).toBe(0);
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3); // k→s, e→i, +g
    expect(editDistance("flaw", "lawn")).toBe(2); // −f, +n
    expect(editDistance("contcat", "contact")).toBe(2); // a transposition is two edits
    expect(editDistance("contac", "contact")).toBe(1);
  });

  it("is symmetric and case-sensitive", () => {
    expect(editDistance("sitting", "kitten")).toBe(3);
    expect(editDistance("Contact", "contact")).toBe(1);
  });
});

describe("closestMatch", () => {
  const commands = ["contact", "caseload", "enrol", "help"];

  it("suggests the nearest candidate for a typo", () => {
    expect(closestMatch("contcat", commands)).toBe("contact");
    expect(closestMatch("caseloa", commands)).toBe("caseload");
    expect(closestMatch("hlep", commands)).toBe("help");
    expect(closestMatch("enroll", commands)).toBe("enrol");
  });

  it("ignores case", () => {
    expect(closestMatch("CONTACT", commands)).toBe("contact");
    expect(closestMatch("Caseload", commands)).toBe("caseload");
  });

  it("suggests nothing when the input is too far from everything", () => {
    expect(closestMatch("xyzzy", commands)).toBeUndefined();
    expect(closestMatch("report", commands)).toBeUndefined();
  });

  it("allows at least two edits, and a third of the candidate's length for long ones", () => {
    // "help" (4 letters): limit max(2, 1) = 2.
    expect(closestMatch("hxxp", ["help"])).toBe("help"); // 2 edits
    expect(closestMatch("hxxx", ["help"])).toBeUndefined(); // 3 edits
    // "participants" (12 letters): limit max(2, 4) = 4.
    expect(closestMatch("partcpnts", ["participants"])).toBe("participants"); // 3 deletions
    expect(closestMatch("prtcpnts", ["participants"])).toBe("participants"); // 4 deletions
    expect(closestMatch("prtcpnt", ["participants"])).toBeUndefined(); // 5 deletions
  });

  it("keeps the first candidate on a tie", () => {
    expect(closestMatch("cat", ["bat", "hat"])).toBe("bat");
    expect(closestMatch("cat", ["hat", "bat"])).toBe("hat");
  });

  it("suggests nothing without candidates", () => {
    expect(closestMatch("contact", [])).toBeUndefined();
  });
});
