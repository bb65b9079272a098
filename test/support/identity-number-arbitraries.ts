// fast-check generators for valid identity numbers written the ways people type them: random
// separators between any digits, random digit scripts, invisible characters pasted in.
import fc from "fast-check";

/** The zero of some scripts' decimal digits (ASCII, full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai, Khmer, mathematical bold). */
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x17e0, 0x1d7ce];
const SEPARATORS = [" ", "-", "\u2013", "\u2014", "\u2011", "\u2010", "\u2212", "\u00a0", "\u202f", "\u3000", "\uff0d", "\u30fc", ".", "/", " - "];
const INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];
const WORDS = ["ring", "Anna", "pnr", "fnr:", "om", "jobb", "(", "),", "ICA", "möte", "kl", "och"];

function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let index = 0; index < 9; index++) {
    let value = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

function mod11(digits: readonly number[], weights: readonly number[]): number | undefined {
  const check = 11 - (digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0) % 11);
  return check === 11 ? 0 : check === 10 ? undefined : check;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const birthDate = fc.date({ min: new Date("1901-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true });

/** A Swedish personnummer or samordningsnummer: YYMMDDNNNN or YYYYMMDDNNNN. */
export const swedishNumber = fc
  .record({ born: birthDate, serial: fc.integer({ min: 0, max: 999 }), coordination: fc.boolean(), twelve: fc.boolean() })
  .map(({ born, serial, coordination, twelve }) => {
    const year = born.getUTCFullYear();
    const day = born.getUTCDate() + (coordination ? 60 : 0);
    const nine = `${pad(year % 100)}${pad(born.getUTCMonth() + 1)}${pad(day)}${pad(serial, 3)}`;
    const ten = `${nine}${luhnCheckDigit(nine)}`;
    return twelve ? `${String(year).slice(0, 2)}${ten}` : ten;
  });

/** A Norwegian fødselsnummer, D-nummer or H-nummer: DDMMYYIIIKK. */
export const norwegianNumber = fc
  .record({ born: birthDate, individual: fc.integer({ min: 0, max: 999 }), variant: fc.constantFrom("F", "D", "H") })
  .map(({ born, individual, variant }) => {
    const day = born.getUTCDate() + (variant === "D" ? 40 : 0);
    const month = born.getUTCMonth() + 1 + (variant === "H" ? 40 : 0);
    const digits = `${pad(day)}${pad(month)}${pad(born.getUTCFullYear() % 100)}${pad(individual, 3)}`.split("").map(Number);
    const k1 = mod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    const k2 = k1 === undefined ? undefined : mod11([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    return k1 === undefined || k2 === undefined ? undefined : `${digits.join("")}${k1}${k2}`;
  })
  .filter((number): number is string => number !== undefined);

/** The digits written apart at random places, in random scripts, with invisible characters pasted in. */
export function writtenAsPeopleDo(digits: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return digits.chain((number) =>
    fc
      .tuple(
        fc.array(fc.option(fc.constantFrom(...SEPARATORS), { nil: undefined, freq: 3 }), { minLength: number.length - 1, maxLength: number.length - 1 }),
        fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: number.length, maxLength: number.length }),
        fc.array(fc.option(fc.constantFrom(...INVISIBLES), { nil: undefined, freq: 5 }), { minLength: number.length, maxLength: number.length }),
      )
      .map(([separators, zeros, invisibles]) =>
        number
          .split("")
          .map((digit, index) => `${invisibles[index] ?? ""}${String.fromCodePoint((zeros[index] ?? 0x30) + Number(digit))}${separators[index] ?? ""}`)
          .join(""),
      ),
  );
}

/** Words around the number, never glued to a digit of it. */
export function inText(written: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((chosen) => chosen.join(" "));
  return fc.tuple(words, written, words).map(([before, number, after]) => `${before} ${number} ${after}`);
}

/** A Swedish mobile number (07X-XXX XX XX) whose ten digits fail Luhn, so it is no personnummer in any writing. */
export const mobileNumberFailingLuhn = fc
  .tuple(fc.constantFrom("070", "072", "073", "076", "079"), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([prefix, rest]) => `${prefix}${pad(rest, 7)}`)
  .filter((ten) => luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9]));
