// ipsbot stores pseudonymous codes only. Free text that carries a Swedish personnummer or
// samordningsnummer, or a Norwegian fødselsnummer (or D-/H-nummer), is refused. To keep order
// and phone numbers usable, a match needs a real date and valid check digits, not just a shape.

export type IdentityNumberKind = "swedish-personnummer" | "swedish-samordningsnummer" | "norwegian-fodselsnummer";

// YYMMDD or YYYYMMDD (born 1800-2099), an optional - or + separator, then four digits; not
// inside a longer digit run. Without the century limit any 12-digit reference number whose
// middle looked like a date would be refused.
const SWEDISH_SHAPE = /(?<!\d)(18|19|20)?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?!\d)/g;
// DDMMYY then five digits, optionally with a space between the two parts.
const NORWEGIAN_SHAPE = /(?<!\d)(\d{2})(\d{2})(\d{2}) ?(\d{5})(?!\d)/g;

export function findIdentityNumber(text: string): IdentityNumberKind | undefined {
  for (const match of text.matchAll(SWEDISH_SHAPE)) {
    const kind = swedishKind(match);
    if (kind) return kind;
  }
  for (const match of text.matchAll(NORWEGIAN_SHAPE)) {
    if (isNorwegianFodselsnummer(match)) return "norwegian-fodselsnummer";
  }
  return undefined;
}

export function containsIdentityNumber(text: string): boolean {
  return findIdentityNumber(text) !== undefined;
}

function swedishKind(match: RegExpMatchArray): IdentityNumberKind | undefined {
  const [, century, yy, mm, dd, serial] = match as unknown as [string, string | undefined, string, string, string, string];
  const day = Number(dd);
  const isCoordination = day > 60;
  const realDay = isCoordination ? day - 60 : day;
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((year) => isRealDate(year, Number(mm), realDay))) return undefined;
  if (!luhnValid(`${yy}${mm}${dd}${serial}`)) return undefined;
  return isCoordination ? "swedish-samordningsnummer" : "swedish-personnummer";
}

function isNorwegianFodselsnummer(match: RegExpMatchArray): boolean {
  const [, ddText, mmText, yy, rest] = match as unknown as [string, string, string, string, string];
  const digits = `${ddText}${mmText}${yy}${rest}`.split("").map(Number);
  let day = Number(ddText);
  let month = Number(mmText);
  if (day > 40) day -= 40; // D-nummer
  if (month > 40) month -= 40; // H-nummer
  const years = [1900 + Number(yy), 2000 + Number(yy)];
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
