// Norwegian texts in Norwegian, Swedish texts in Swedish: no word of the other language (a small
// list of words that exist in only one of them, taken from where translations slipped), no Swedish
// place or shop in a Norwegian example, and one word for each thing (prompts/GLOSSARY.md).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const texts = (locale: string) => Object.entries(JSON.parse(readFileSync(new URL(`../../prompts/messages/${locale}.json`, import.meta.url), "utf8")) as Record<string, string>);
const fidelityTexts = (locale: string) => Object.entries(JSON.parse(readFileSync(new URL(`../../prompts/fidelity/${locale}.json`, import.meta.url), "utf8")) as Record<string, unknown>).map(([key, value]) => [key, JSON.stringify(value)] as const);

/** Words (or names) that belong to one language only, and those the glossary replaced. */
const NOT_IN: Record<"sv" | "nb", RegExp> = {
  nb: /\b(mottagning\w*|deltagar\w*|arbetsspecialist\w*|arbetsgivar\w*|och|inte|veckan?|skattning\w*|praktik|Psykosmottagning|ICA|Lindhagen|deltakerliste\w*|poliklinikk\w*)\b/iu,
  sv: /\b(deltaker\w*|jobbspesialist\w*|arbeidsgiver\w*|ikke|uke\w*|klinikk\w*|klinik\w*|vurdering\w*|praksis|og)\b/iu,
};

describe.each(["sv", "nb"] as const)("the %s texts", (locale) => {
  it("hold no English placeholder word", () => {
    expect(texts(locale).filter(([, text]) => /<(name|code|reason|employer)>/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("hold no word of the other language", () => {
    const slips = [...texts(locale), ...fidelityTexts(locale)].filter(([, text]) => NOT_IN[locale].test(text.replace(/\{\w+(, plural,)?\}?/g, ""))).map(([key, text]) => `${key}: ${NOT_IN[locale].exec(text)?.[0]}`);
    expect(slips).toEqual([]);
  });
});

describe("one word for each thing (prompts/GLOSSARY.md)", () => {
  it("calls an in-person employer contact a visit in Swedish and a physical meeting in Norwegian", () => {
    expect(texts("sv").filter(([, text]) => /på plats/i.test(text)).map(([key]) => key)).toEqual([]);
    expect(texts("nb").filter(([, text]) => /ansikt til ansikt/i.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe("the English texts", () => {
  it("hold no Swedish gloss left in", () => {
    expect(texts("en").filter(([, text]) => /\bpraktik\b/.test(text)).map(([key]) => key)).toEqual([]);
  });
});
