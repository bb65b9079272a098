// ipsbot stores pseudonymous codes only. Free text that carries a Swedish personnummer or
// samordningsnummer, or a Norwegian fødselsnummer (or D-/H-nummer), is refused. To keep order
// and phone numbers usable, a match needs a real date and valid check digits, not just a shape.
//
// The guard judges what a person sees, not the bytes: a number typed with a space, an en dash,
// a non-breaking hyphen, full-width or Arabic-Indic digits, or with a zero-width space pasted
// from a web page is the same number. So the text is first normalised into digit
// groups joined by separators, and every run of whole groups with the right number of digits
// is judged. A candidate never cuts a group, so a longer digit run (an order number) stays one.
//
// Sources: Skatteverket's personnummer (SKV 704) and samordningsnummer (SKV 707) for the Luhn
// digit, the +60 day and the + after 100 years; Skatteetaten's fødselsnummer with its two
// mod-11 digits, D-nummer (day + 40) and H-nummer (month + 40).
import { normaliseDigitsAndSeparators } from "./identity-number-text.ts";

export type IdentityNumberKind = "swedish-personnummer" | "swedish-samordningsnummer" | "norwegian-fodselsnummer";

/** What separates digit groups once the text is normalised (see identity-number-text.ts). */
const SEPARATOR = " ";

export function findIdentityNumber(text: string): IdentityNumberKind | undefined {
  for (const groups of digitGroupChains(normaliseDigitsAndSeparators(text))) {
    const kind = judgeChain(groups);
    if (kind) return kind;
  }
  return undefined;
}

export function containsIdentityNumber(text: string): boolean {
  return findIdentityNumber(text) !== undefined;
}

/** Chains of digit groups joined only by separators: "ring 070-123 45 67" holds [070,123,45,67]. */
function digitGroupChains(normalised: string): string[][] {
  return normalised
    .split(/[^0-9 ]+/u)
    .map((part) => part.split(SEPARATOR).filter((group) => group.length > 0))
    .filter((groups) => groups.length > 0);
}

function judgeChain(groups: readonly string[]): IdentityNumberKind | undefined {
  for (let first = 0; first < groups.length; first++) {
    let digits = "";
    for (let last = first; last < groups.length && digits.length < 12; last++) {
      digits += groups[last];
      const kind = judgeDigits(digits);
      if (kind) return kind;
    }
  }
  return undefined;
}

function judgeDigits(digits: string): IdentityNumberKind | undefined {
  if (digits.length === 10) return swedishKind(undefined, digits);
  if (digits.length === 12) return swedishKind(digits.slice(0, 2), digits.slice(2));
  if (digits.length === 11 && isNorwegianFodselsnummer(digits)) return "norwegian-fodselsnummer";
  return undefined;
}

/** YYMMDDNNNN, with the century when written as YYYYMMDDNNNN (born 1800-2099 only). */
function swedishKind(century: string | undefined, tenDigits: string): IdentityNumberKind | undefined {
  // Without the century limit any 12-digit reference whose middle looked like a date would be refused.
  if (century !== undefined && !["18", "19", "20"].includes(century)) return undefined;
  const yy = tenDigits.slice(0, 2);
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  const isCoordination = day > 60;
  const realDay = isCoordination ? day - 60 : day;
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((year) => isRealDate(year, month, realDay))) return undefined;
  if (!luhnValid(tenDigits)) return undefined;
  return isCoordination ? "swedish-samordningsnummer" : "swedish-personnummer";
}

/** DDMMYY IIIKK: a real date (day + 40 for a D-nummer, month + 40 for an H-nummer) and both mod-11 digits. */
function isNorwegianFodselsnummer(elevenDigits: string): boolean {
  const digits = elevenDigits.split("").map(Number);
  let day = Number(elevenDigits.slice(0, 2));
  let month = Number(elevenDigits.slice(2, 4));
  const yy = Number(elevenDigits.slice(4, 6));
  if (day > 40) day -= 40;
  if (month > 40) month -= 40;
  const years = [1900 + yy, 2000 + yy];
  if (!years.some((year) => isRealDate(year, month, day))) return false;
  const k1 = mod11Check(digits.slice(0, 9), [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod11Check(digits.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 === digits[9] && k2 === digits[10];
}

function mod11Check(digits: number[], weights: number[]): number | undefined {
  const sum = digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined; // no valid number has this remainder
  return check;
}

/** Luhn over the ten digits YYMMDDNNNN, as Skatteverket computes it. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let index = 0; index < tenDigits.length; index++) {
    let value = Number(tenDigits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return sum % 10 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
