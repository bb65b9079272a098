import fc from "fast-check";
import { describe, it, expect } from "vitest";
import { containsIdentityNumber, findIdentityNumber } from "../../commands/rules/identity-number-guard.ts";
import { normaliseDigitsAndSeparators } from "../../commands/rules/identity-number-text.ts";
import { IDENTITY_NUMBERS, NOT_IDENTITY_NUMBERS } from "../fixtures/identity-numbers.ts";
import { inText, mobileNumberFailingLuhn, norwegianNumber, swedishNumber, writtenAsPeopleDo } from "../support/identity-number-arbitraries.ts";

describe("identity numbers written the ways people type and paste them", () => {
  it("has at least 60 positive and 30 negative cases", () => {
    expect(IDENTITY_NUMBERS.length).toBeGreaterThanOrEqual(60);
    expect(NOT_IDENTITY_NUMBERS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(IDENTITY_NUMBERS)("finds %s", (_description, text, kind) => {
    expect(findIdentityNumber(text)).toBe(kind);
  });

  it.each(NOT_IDENTITY_NUMBERS)("lets %s through", (_description, text) => {
    expect(findIdentityNumber(text)).toBeUndefined();
  });

  it("finds any valid Swedish number with random separators, digit scripts and invisible characters, in text", () => {
    fc.assert(fc.property(inText(writtenAsPeopleDo(swedishNumber)), (text) => containsIdentityNumber(text)), { numRuns: 500 });
  });

  it("finds any valid Norwegian number with random separators, digit scripts and invisible characters, in text", () => {
    fc.assert(fc.property(inText(writtenAsPeopleDo(norwegianNumber)), (text) => containsIdentityNumber(text)), { numRuns: 500 });
  });

  it("lets any mobile number whose digits fail Luhn through, however it is written", () => {
    fc.assert(fc.property(inText(writtenAsPeopleDo(mobileNumberFailingLuhn)), (text) => !containsIdentityNumber(text)), { numRuns: 500 });
  });
});

describe("normalising a copy of the text", () => {
  it("turns compatibility and other decimal digits into ASCII and separators into one space", () => {
    expect(normaliseDigitsAndSeparators("\uff18\uff11\u0661\u0968 \u2013\u00a0x")).toBe("8112 x");
    expect(normaliseDigitsAndSeparators("a\u200bb")).toBe("ab");
    expect(normaliseDigitsAndSeparators("\u{1D7D7}\u{1D7CE}")).toBe("90");
  });
});


// All numbers below are synthetic; their check digits were computed by hand (or with a throwaway
// script) following the published algorithms.
//
// Swedish personnummer: Luhn over the ten digits YYMMDDNNNN, weights 2,1,2,1,… from the left;
// a product over 9 has 9 subtracted; the sum must be divisible by 10.
//   121212-1212:  1·2 2·1 1·2 2·1 1·2 2·1 1·2 2·1 1·2 2·1 = 2+2+2+2+2+2+2+2+2+2 = 20 ✓
//   811228-9874:  8·2=16→7, 1, 1·2=2, 2, 2·2=4, 8, 9·2=18→9, 8, 7·2=14→5, 4
//                 = 7+1+2+2+4+8+9+8+5+4 = 50 ✓
// Samordningsnummer: the day plus 60, same Luhn.
//   850162-1232 (born 1985-01-02): 8·2=16→7, 5, 0, 1, 6·2=12→3, 2, 1·2=2, 2, 3·2=6, 2
//                 = 7+5+0+1+3+2+2+2+6+2 = 30 ✓
//
// Norwegian fødselsnummer DDMMYY IIIKK: k1 = 11 − (Σ d·[3,7,6,1,8,9,4,5,2]) mod 11,
// k2 = 11 − (Σ d·[5,4,3,2,7,6,5,4,3,2] over the first ten digits) mod 11; 11→0, 10→invalid.
//   150585 123|43:
//     k1: 1·3+5·7+0·6+5·1+8·8+5·9+1·4+2·5+3·2 = 3+35+0+5+64+45+4+10+6 = 172; 172 mod 11 = 7; 11−7 = 4
//     k2: 1·5+5·4+0·3+5·2+8·7+5·6+1·5+2·4+3·3+4·2 = 5+20+0+10+56+30+5+8+9+8 = 151; 151 mod 11 = 8; 11−8 = 3
// D-nummer: the day plus 40.
//   550585 123|37 (born 1985-05-15):
//     k1: 5·3+5·7+0+5·1+8·8+5·9+1·4+2·5+3·2 = 15+35+0+5+64+45+4+10+6 = 184; 184 mod 11 = 8; 11−8 = 3
//     k2: 5·5+5·4+0+5·2+8·7+5·6+1·5+2·4+3·3+3·2 = 25+20+0+10+56+30+5+8+9+6 = 169; 169 mod 11 = 4; 11−4 = 7

describe("Swedish personnummer", () => {
  it.each([
    ["YYMMDD-NNNN", "121212-1212"],
    ["YYMMDDNNNN", "1212121212"],
    ["YYYYMMDDNNNN", "191212121212"],
    ["YYYYMMDD-NNNN", "19121212-1212"],
    ["YYMMDD+NNNN (aged 100 or more)", "121212+1212"],
    ["another valid number", "811228-9874"],
    ["another valid number, 12 digits", "198112289874"],
    ["born 2000-01-01", "20000101-0008"],
  ])("finds the %s form: %s", (_form, number) => {
    expect(findIdentityNumber(number)).toBe("swedish-personnummer");
  });

  it("finds one embedded in a sentence", () => {
    expect(findIdentityNumber("Spoke with Anna (121212-1212) about her CV")).toBe("swedish-personnummer");
    expect(findIdentityNumber("pnr:19121212-1212.")).toBe("swedish-personnummer");
    expect(findIdentityNumber("Her number is 8112289874, please check")).toBe("swedish-personnummer");
    expect(findIdentityNumber("line one\n811228-9874\nline three")).toBe("swedish-personnummer");
    expect(containsIdentityNumber("Spoke with Anna (121212-1212) about her CV")).toBe(true);
  });

  it("keeps looking after a shape that is not a number", () => {
    expect(findIdentityNumber("Order 4500123456, client 811228-9874")).toBe("swedish-personnummer");
  });

  it("finds a samordningsnummer (day + 60)", () => {
    expect(findIdentityNumber("850162-1232")).toBe("swedish-samordningsnummer");
    expect(findIdentityNumber("121272-1219")).toBe("swedish-samordningsnummer"); // 12 Dec 1912
    expect(findIdentityNumber("samordningsnr 19850162-1232 ok")).toBe("swedish-samordningsnummer");
  });
});

describe("Norwegian fødselsnummer", () => {
  it("finds one with and without a space after the date", () => {
    expect(findIdentityNumber("15058512343")).toBe("norwegian-fodselsnummer");
    expect(findIdentityNumber("150585 12343")).toBe("norwegian-fodselsnummer");
    expect(findIdentityNumber("Fnr 15058512424 i journalen")).toBe("norwegian-fodselsnummer");
  });

  it("finds a D-nummer (day + 40)", () => {
    expect(findIdentityNumber("55058512337")).toBe("norwegian-fodselsnummer");
    expect(findIdentityNumber("D-nummer: 550585 12337")).toBe("norwegian-fodselsnummer");
  });

  it("finds an H-nummer (month + 40)", () => {
    expect(findIdentityNumber("15054512330")).toBe("norwegian-fodselsnummer");
  });

  it("accepts 29 February in a leap year (2000)", () => {
    expect(findIdentityNumber("29020012380")).toBe("norwegian-fodselsnummer");
  });
});

describe("things that only look like identity numbers pass", () => {
  it("rejects a wrong Swedish check digit", () => {
    expect(findIdentityNumber("121212-1213")).toBeUndefined();
    expect(findIdentityNumber("1212121211")).toBeUndefined();
    expect(findIdentityNumber("19121212-1210")).toBeUndefined();
    expect(findIdentityNumber("811228-9875")).toBeUndefined();
    expect(findIdentityNumber("850162-1233")).toBeUndefined();
  });

  it("lets Swedish phone numbers through when they fail Luhn", () => {
    // 0701234567: 0·2=0, 7, 0·2=0, 1, 2·2=4, 3, 4·2=8, 5, 6·2=12→3, 7 = 38, not divisible by 10.
    expect(findIdentityNumber("0701234567")).toBeUndefined();
    expect(findIdentityNumber("Call her on 0701234567 tomorrow")).toBeUndefined();
    expect(findIdentityNumber("070-123 45 67")).toBeUndefined();
    expect(findIdentityNumber("070-1234567")).toBeUndefined();
    expect(findIdentityNumber("+46 70 123 45 67")).toBeUndefined();
    expect(findIdentityNumber("+46701234567")).toBeUndefined();
    expect(findIdentityNumber("08-123 456 78")).toBeUndefined();
  });

  it("lets order numbers through", () => {
    expect(findIdentityNumber("Order 4500123456")).toBeUndefined();
    // Luhn-valid but month 00, so not a date.
    expect(findIdentityNumber("Order 4500123452")).toBeUndefined();
  });

  it("rejects shapes whose date is not real, even with a valid Luhn digit", () => {
    expect(findIdentityNumber("991332-1234")).toBeUndefined();
    expect(findIdentityNumber("991332-1239")).toBeUndefined(); // Luhn-valid, month 13
    expect(findIdentityNumber("990230-1234")).toBeUndefined(); // Luhn-valid, 30 February
    expect(findIdentityNumber("121292-1214")).toBeUndefined(); // day 92 − 60 = 32
  });

  it("rejects Norwegian numbers with bad check digits", () => {
    expect(findIdentityNumber("15058512344")).toBeUndefined(); // k2 wrong
    expect(findIdentityNumber("15058512353")).toBeUndefined(); // k1 wrong
    expect(findIdentityNumber("150585 12344")).toBeUndefined();
    expect(findIdentityNumber("55058512338")).toBeUndefined();
    // 010190 123: k1 sum 0·3+1·7+0·6+1·1+9·8+0·9+1·4+2·5+3·2 = 100; 100 mod 11 = 1; 11−1 = 10 → no valid k1.
    expect(findIdentityNumber("01019012300")).toBeUndefined();
    expect(findIdentityNumber("01019012345")).toBeUndefined();
  });

  it("rejects Norwegian shapes whose date is not real, even with valid check digits", () => {
    expect(findIdentityNumber("32018512318")).toBeUndefined(); // day 32
    expect(findIdentityNumber("31048512359")).toBeUndefined(); // 31 April
    expect(findIdentityNumber("29020112482")).toBeUndefined(); // 29 February 1901/2001
  });

  it("does not match part of a longer digit run", () => {
    // 13 digits: neither a 10/12-digit Swedish nor an 11-digit Norwegian number.
    expect(findIdentityNumber("1121212121212")).toBeUndefined();
    expect(findIdentityNumber("8112289874123")).toBeUndefined();
    // 11 digits that hold 1212121212: only the Norwegian reading applies (month 21, not a date).
    expect(findIdentityNumber("01212121212")).toBeUndefined();
    // 12 digits starting with the valid 1212121212: read as YYYYMMDDNNNN, Luhn over 1212121200 fails.
    expect(findIdentityNumber("121212121200")).toBeUndefined();
    // 14 digits holding a valid 12-digit number.
    expect(findIdentityNumber("19121212121299")).toBeUndefined();
    expect(findIdentityNumber("Ref 00191212121212")).toBeUndefined();
    // Digit runs glued on by separators are still separate runs.
    expect(findIdentityNumber("9121212-12123")).toBeUndefined();
  });

  it("does not treat a 12-digit run as YYYYMMDDNNNN unless the century is plausible", () => {
    // The last ten digits (1212121212) are Luhn-valid, but no one was born in the year 4512 or 9912.
    expect(findIdentityNumber("Invoice 451212121212")).toBeUndefined();
    expect(findIdentityNumber("991212121212")).toBeUndefined();
  });

  it("lets dates, times and plain text through", () => {
    expect(findIdentityNumber("2026-11-23")).toBeUndefined();
    expect(findIdentityNumber("20261123")).toBeUndefined();
    expect(findIdentityNumber("met at 10:30")).toBeUndefined();
    expect(findIdentityNumber("2026-11-23 10:30")).toBeUndefined();
    expect(findIdentityNumber("Met ICA Maxi Lindhagen about a warehouse job, P-017 keen")).toBeUndefined();
    expect(findIdentityNumber("")).toBeUndefined();
    expect(containsIdentityNumber("met at 10:30")).toBe(false);
  });
});
