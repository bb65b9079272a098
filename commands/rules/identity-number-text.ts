// Text as a person reads it, for the identity-number guard: every digit an ASCII digit, every
// separator one space, everything else kept. Only a copy is normalised; what is stored is what
// was typed.

/** Characters a number may be written apart with: dashes, hyphens, minus signs, spaces, dots, slashes, plus. */
// U+30FC is the long-vowel mark a Japanese input method types for "-"; U+00B7 and U+30FB are middle dots.
const SEPARATORS = /[\p{Pd}\p{Zs}\s\u2212\u2043\u30FC\u00B7\u30FB.\/+]+/gu;
/** Zero-width and other format characters (a zero-width space pasted from a web page). */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const OTHER_DECIMAL_DIGIT = /[^\x00-\x7F]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

export function normaliseDigitsAndSeparators(text: string): string {
  const compatible = text.normalize("NFKC").replace(FORMAT_CHARACTERS, "");
  let digits = "";
  for (const character of compatible) digits += asciiDigit(character) ?? character;
  return digits.replace(SEPARATORS, " ");
}

const digitValues = new Map<string, string | undefined>();

/** The ASCII digit for any Unicode decimal digit (Arabic-Indic, Devanagari, …), else undefined. */
function asciiDigit(character: string): string | undefined {
  if (!OTHER_DECIMAL_DIGIT.test(character)) return undefined;
  if (digitValues.has(character)) return digitValues.get(character);
  const value = DECIMAL_DIGIT.test(character) ? String(decimalValue(character.codePointAt(0) ?? 0)) : undefined;
  digitValues.set(character, value);
  return value;
}

/**
 * Unicode encodes every script's decimal digits as a contiguous run 0-9, and runs that touch
 * (mathematical digits) each start at zero, so the value is the distance from the start of
 * the run of digits, modulo ten.
 */
function decimalValue(codePoint: number): number {
  let start = codePoint;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}
