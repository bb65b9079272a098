// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and a byte-order mark so Excel
// opens å, ä, ö and ø as UTF-8. Cells that a spreadsheet would run as a formula get a leading '.
// Swedish and Norwegian Excel split columns on ";" (their decimal separator is the comma), so the
// file a person gets in those languages is separated by semicolons; in English by commas.
import type { Locale } from "../../prompts/locales.ts";

export type CsvSeparator = "," | ";";

const FORMULA_START = /^[=+\-@\t\r]/;

/** The separator a spreadsheet in this language splits columns on. */
export function csvSeparatorFor(locale: Locale): CsvSeparator {
  return locale === "en" ? "," : ";";
}

export function csvCell(value: string | number | null | undefined, separator: CsvSeparator = ","): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(separator) || /["\r\n,;]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], separator: CsvSeparator = ","): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join("\r\n")}\r\n`;
}
