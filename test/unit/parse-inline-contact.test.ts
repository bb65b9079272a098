import { describe, it, expect } from "vitest";
import { parseInlineContact } from "../../commands/employer-contacts/log-employer-contact.ts";
import { tokenize, type Token } from "../../commands/parse/tokenize.ts";
import { Refusal } from "../../commands/refusal.ts";

function args(input: string): Token[] {
  const result = tokenize(input);
  if (!result.ok) throw new Error(`did not tokenize: ${input}`);
  return result.tokens;
}

const parse = (input: string) => parseInlineContact(args(input));

/** The Refusal a call throws (fails the test if it does not throw one). */
function refusalOf(run: () => unknown): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error("expected a Refusal");
}

describe("parseInlineContact", () => {
  it("reads employer, participant, options and note", () => {
    expect(parse('"ICA Maxi Lindhagen" for P-017 type:phone date:2026-11-20 asked about jobs')).toEqual({
      employer: "ICA Maxi Lindhagen",
      participant: "P-017",
      type: "phone",
      date: "2026-11-20",
      note: "asked about jobs",
    });
  });

  it("defaults the type to in-person and leaves date and participant unset", () => {
    expect(parse('"ICA Maxi Lindhagen" dropped off CV')).toEqual({
      employer: "ICA Maxi Lindhagen",
      participant: undefined,
      type: "in-person",
      date: undefined,
      note: "dropped off CV",
    });
  });

  it("gives an empty note when there is none", () => {
    expect(parse("Coop")).toEqual({ employer: "Coop", participant: undefined, type: "in-person", date: undefined, note: "" });
  });

  it("accepts options in any order and anywhere", () => {
    const expected = { employer: "Coop", participant: "P-3", type: "email", date: "2026-11-01", note: "sent CV" };
    expect(parse("type:email Coop date:2026-11-01 for P-3 sent CV")).toEqual(expected);
    expect(parse("Coop for P-3 sent CV date:2026-11-01 type:email")).toEqual(expected);
    expect(parse("date:2026-11-01 type:email Coop sent for P-3 CV")).toEqual(expected);
  });

  it("takes the participant from the first unquoted for, in any case", () => {
    expect(parse("Coop FOR p-3 asked for a trial shift")).toEqual({
      employer: "Coop",
      participant: "p-3",
      type: "in-person",
      date: undefined,
      note: "asked for a trial shift",
    });
  });

  it("does not treat a quoted \"for\" as the keyword", () => {
    expect(parse('Coop "for" P-3')).toEqual({ employer: "Coop", participant: undefined, type: "in-person", date: undefined, note: "for P-3" });
  });

  it("keeps unicode names and a quoted note word", () => {
    expect(parse('"Café Åsa & Söner" for P-9 type:video met "Åsa" at 10:30')).toEqual({
      employer: "Café Åsa & Söner",
      participant: "P-9",
      type: "video",
      date: undefined,
      note: "met Åsa at 10:30",
    });
  });

  it("returns everything unset for no words", () => {
    expect(parseInlineContact([])).toEqual({ employer: undefined, participant: undefined, type: "in-person", date: undefined, note: "" });
  });

  it("refuses for without a participant code", () => {
    const refusal = refusalOf(() => parse('"ICA Maxi Lindhagen" type:phone for'));
    expect(refusal.messageKey).toBe("error.forWithoutCode");
    expect(() => parse("Coop for")).toThrow(Refusal);
  });

  it("refuses an option given twice", () => {
    const refusal = refusalOf(() => parse("Coop type:phone type:email"));
    expect(refusal.messageKey).toBe("error.optionRepeated");
    expect(refusal.params).toEqual({ key: "type" });
  });
});

describe("parseInlineContact: `for` inside a note", () => {
  it("keeps `for` in the note when no participant code follows it", () => {
    const result = tokenize("Coop asked for a trial shift");
    if (!result.ok) throw new Error("tokenize failed");
    expect(parseInlineContact(result.tokens)).toMatchObject({ employer: "Coop", participant: undefined, note: "asked for a trial shift" });
  });
});
