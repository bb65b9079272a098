// Numbers, dates, ISO weeks and quarters as each locale writes them. ipsbot computes with canonical
// forms (2026-11-20, 2026-W49, 2026 Q4, 12.5); the catalogue shows each parameter in the reader's
// form: Swedish "vecka 49", "kvartal 4 2026", "12,5"; Norwegian "uke 49", "4. kvartal 2026",
// "20.11.2026"; English keeps the ISO forms. Sources: Språkrådet (sv) "Skrivregler" on dates and
// numbers, Språkrådet (nb) "Dato og klokkeslett"; CLDR for the decimal comma.
import { INTL_TAG, type Locale } from "./locales.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const QUARTER = /^(\d{4}) Q([1-4])$/;

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A count or measure: a decimal comma in sv and nb, at most one decimal. */
export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 1, useGrouping: "min2" });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** A calendar day: ISO in en and sv (as Swedish writes it), day.month.year in nb. */
export function formatDate(locale: Locale, isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || locale !== "nb") return isoDate;
  return `${match[3]}.${match[2]}.${match[1]}`;
}

/** An ISO week: "vecka 49" (sv), "uke 49" (nb); English keeps "2026-W49". */
export function formatWeek(locale: Locale, isoWeek: string): string {
  const match = ISO_WEEK.exec(isoWeek);
  if (!match || locale === "en") return isoWeek;
  return `${locale === "sv" ? "vecka" : "uke"} ${Number(match[2])}`;
}

/** A quarter: "kvartal 4 2026" (sv), "4. kvartal 2026" (nb); English keeps "2026 Q4". */
export function formatQuarter(locale: Locale, quarter: string): string {
  const match = QUARTER.exec(quarter);
  if (!match || locale === "en") return quarter;
  return locale === "sv" ? `kvartal ${match[2]} ${match[1]}` : `${match[2]}. kvartal ${match[1]}`;
}

/** A message parameter in the locale's form: numbers, and strings in one of the canonical forms above; anything else as it is. */
export function formatParameter(locale: Locale, value: string | number): string {
  if (typeof value === "number") return formatNumber(locale, value);
  if (ISO_DATE.test(value)) return formatDate(locale, value);
  if (ISO_WEEK.test(value)) return formatWeek(locale, value);
  if (QUARTER.test(value)) return formatQuarter(locale, value);
  return value;
}
