// Every message with a count, rendered for 0, 1 and 2 in every locale: the count chooses its words
// ("1 dag", "2 dagar"; "1 day", "2 days"), generated from the catalogue so that a new message
// cannot skip its plural. And numbers, dates, weeks and quarters in each locale's own form.
import { describe, expect, it } from "vitest";
import { Catalogue, CatalogueError } from "../../prompts/catalogue.ts";
import { localiseEvidence } from "../../commands/fidelity/item-evidence.ts";
import { formatDate, formatNumber, formatQuarter, formatWeek } from "../../prompts/locale-format.ts";
import { LOCALES, type Locale } from "../../prompts/locales.ts";

const catalogue = Catalogue.load();

/** The parameters that hold a number of things. */
const COUNT_PARAMETERS = new Set([
  "count", "days", "active", "starts", "ends", "reviews", "rows", "weeks", "specialists", "enrolled", "withContact", "waiting", "contacts",
  "distinct", "sustained", "judged", "competitive", "internships", "working", "internship", "studying", "jobSearch", "paused", "n", "employed",
  "length", "max", "minimum", "ceiling", "target", "largest", "total", "maximum", "hours", "mean", "median", "deadline", "number", "position",
]);

/** Noun and verb forms that are wrong after "1" (plural) and after "0" or "2" (singular), per locale. */
const WRONG_AFTER_ONE: Record<Locale, RegExp> = {
  en: /\b1 (days|weeks|week ends|characters|hours|items|reviews|rows|participants|active participants|open participants|specialists|job starts|different|endings|job, internship or study starts|in-person employer contacts|internships)\b|\b1 (?:of them )?(have|are)\b/,
  sv: /\b1 (dagar|veckor|timmar|punkter|skattningar|rader|arbetsspecialister|påbörjade|starter|aktiva|öppna|olika)\b/,
  nb: /\b1 (dager|uker|timer|punkter|vurderinger|rader|deltakere|jobbspesialister|jobbstarter|starter|avslutninger|aktive|åpne|ulike)\b/,
};
const WRONG_AFTER_TWO: Record<Locale, RegExp> = {
  en: /\b[02] (day|week(?! ends)|character|hour|item|review|row|participant|specialist|job start|ending)\b|\b[02] (?:of them )?(has|is)\b/,
  sv: /\b[02] (dag|vecka|timme|punkt|skattning|rad|arbetsspecialist|påbörjat|start|aktiv|öppen)\b/,
  nb: /\b[02] (dag|uke|time|punkt|vurdering|rad|deltaker|jobbspesialist|jobbstart|start|avslutning|aktiv|åpen)\b/,
};

const withCounts = catalogue.keys().filter((key) => catalogue.parametersOf(key).parameters.some((name) => COUNT_PARAMETERS.has(name)));

describe("plural forms", () => {
  it("are needed by many messages", () => {
    expect(withCounts.length).toBeGreaterThan(40);
  });

  describe.each(LOCALES)("in %s", (locale) => {
    const t = catalogue.translator(locale);
    it.each(withCounts)("%s reads right for 0, 1 and 2", (key) => {
      const { parameters } = catalogue.parametersOf(key);
      for (const n of [0, 1, 2]) {
        const params = Object.fromEntries(parameters.map((name) => [name, COUNT_PARAMETERS.has(name) ? n : "X"]));
        const text = t(key, params);
        expect(text, `${key} with ${n}`).not.toMatch(/[{}#]/);
        expect(text, `${key} with ${n}`).not.toMatch(n === 1 ? WRONG_AFTER_ONE[locale] : WRONG_AFTER_TWO[locale]);
      }
    });
  });

  it("chooses by the locale's rules, an exact =n first", () => {
    const custom = Catalogue.fromMessages({
      en: { m: "{n, plural, =0 {none} one {# day} other {# days}}" },
      sv: { m: "{n, plural, =0 {inga} one {# dag} other {# dagar}}" },
      nb: { m: "{n, plural, one {# dag} other {# dager}}" },
    });
    expect([0, 1, 2, 12.5].map((n) => custom.translator("sv")("m", { n }))).toEqual(["inga", "1 dag", "2 dagar", "12,5 dagar"]);
    expect([0, 1, 2].map((n) => custom.translator("nb")("m", { n }))).toEqual(["0 dager", "1 dag", "2 dager"]);
    expect(custom.translator("en")("m", { n: 0 })).toBe("none");
  });

  it.each([
    ["{n, plural, one {# dag}}", "needs an \"other\" branch"],
    ["{n, plural, few {# dagar} other {# dagar}}", "\"few\" is not a plural category of sv"],
    ["{n, plural, one {# dag other {# dagar}}", 'a lone "{"'],
    ["{n, plural, one {# dag} other {# dagar}", "is not closed"],
  ])("stops the bot at start-up on %s", (template, message) => {
    const load = () => Catalogue.fromMessages({ en: { m: "{n, plural, one {# day} other {# days}}" }, sv: { m: template }, nb: { m: "{n, plural, one {# dag} other {# dager}}" } });
    expect(load).toThrow(CatalogueError);
    expect(load).toThrow(message);
  });

  it("requires the same counts in every locale", () => {
    expect(() => Catalogue.fromMessages({ en: { m: "{n, plural, one {# day} other {# days}}" }, sv: { m: "{count, plural, one {# dag} other {# dagar}}" }, nb: { m: "{n} dager" } })).toThrow(/placeholders \{count\}, expected \{n\}/);
  });
});

describe("locale formats", () => {
  it.each([
    ["en", "12.5", "2026-11-20", "2026-W49", "2026 Q4"],
    ["sv", "12,5", "2026-11-20", "vecka 49", "kvartal 4 2026"],
    ["nb", "12,5", "20.11.2026", "uke 49", "4. kvartal 2026"],
  ] as const)("%s writes 12.5 as %s, 2026-11-20 as %s, 2026-W49 as %s and 2026 Q4 as %s", (locale, number, date, week, quarter) => {
    expect(formatNumber(locale, 12.5)).toBe(number);
    expect(formatDate(locale, "2026-11-20")).toBe(date);
    expect(formatWeek(locale, "2026-W49")).toBe(week);
    expect(formatQuarter(locale, "2026 Q4")).toBe(quarter);
  });

  it("shows a week without its leading zero, and a code span exactly as given", () => {
    expect(formatWeek("sv", "2027-W03")).toBe("vecka 3");
    const custom = Catalogue.fromMessages({ en: { m: "{date} {={date}}" }, sv: { m: "{date} {={date}}" }, nb: { m: "{date} {={date}}" } });
    expect(custom.translator("nb")("m", { date: "2026-11-20" })).toBe("20.11.2026 \uFDD02026-11-20\uFDD1");
  });

  it.each([
    ["sv", "3 arbetsgivarbesök av 1 arbetsspecialist under 9,9 veckor (2026-09-11 till 2026-11-18): 0,3 per arbetsspecialist och vecka."],
    ["nb", "3 arbeidsgiverbesøk av 1 jobbspesialist over 9,9 uker (11.09.2026 til 18.11.2026): 0,3 per jobbspesialist per uke."],
    ["en", "3 in-person employer contacts by 1 specialist over 9.9 weeks (2026-09-11 to 2026-11-18): 0.3 per specialist per week."],
  ] as const)("writes a fidelity item's evidence with decimal counts in %s, choosing the plural by the number", (locale, expected) => {
    const evidence = { messageKey: "fidelity.evidence.contactFrequency", params: { contacts: 3, specialists: 1, weeks: 9.9, from: "2026-09-11", to: "2026-11-18", perWeek: 0.3 } };
    expect(localiseEvidence({ t: catalogue.translator(locale) }, evidence)).toContain(expected);
  });

  it("writes percentages with a space before % in sv and nb, as their style guides ask", () => {
    expect(catalogue.translator("sv")("digest.rateValue", { percent: 27, employed: 3, active: 11, band: "b" })).toMatch(/^27 % /);
    expect(catalogue.translator("nb")("digest.rateValue", { percent: 27, employed: 3, active: 11, band: "b" })).toMatch(/^27 % /);
  });
});
