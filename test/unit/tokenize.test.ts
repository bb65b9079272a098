import { describe, it, expect } from "vitest";
import { joinWords, takeOptions } from "../../commands/parse/options.ts";
import { tokenize, type Token } from "../../commands/parse/tokenize.ts";

/** The tokens of a line that must tokenize. */
function tokens(input: string): Token[] {
  const result = tokenize(input);
  if (!result.ok) throw new Error(`did not tokenize: ${input}`);
  return result.tokens;
}

const texts = (input: string) => tokens(input).map((token) => token.text);
const word = (text: string, quoted = false): Token => ({ text, quoted });

describe("tokenize", () => {
  it("splits on whitespace and marks nothing as quoted", () => {
    expect(tokenize("contact ICA for P-017")).toEqual({
      ok: true,
      tokens: [word("contact"), word("ICA"), word("for"), word("P-017")],
    });
  });

  it("ignores extra spaces, tabs, newlines and no-break spaces", () => {
    expect(texts("  ICA \t  for\tP-017 \n asked\u00a0about  ")).toEqual(["ICA", "for", "P-017", "asked", "about"]);
    expect(tokens("")).toEqual([]);
    expect(tokens("   \t ")).toEqual([]);
  });

  it("keeps a straight-quoted name with spaces as one quoted word", () => {
    expect(tokens('"ICA Maxi Lindhagen" for P-017')).toEqual([word("ICA Maxi Lindhagen", true), word("for"), word("P-017")]);
    expect(tokens('met "ICA  Maxi" today')).toEqual([word("met"), word("ICA  Maxi", true), word("today")]);
  });

  it("accepts typographic quotes as phones and Slack produce them", () => {
    expect(tokens("“ICA Maxi Lindhagen” for P-017")).toEqual([word("ICA Maxi Lindhagen", true), word("for"), word("P-017")]);
    expect(tokens("”ICA Maxi Lindhagen” for P-017")).toEqual([word("ICA Maxi Lindhagen", true), word("for"), word("P-017")]);
    expect(tokens("„Coop Konsum“ x")).toEqual([word("Coop Konsum", true), word("x")]);
    expect(tokens("«Coop Konsum» x")).toEqual([word("Coop Konsum", true), word("x")]);
  });

  it("keeps unicode employer names intact", () => {
    expect(tokens('"Café Åsa & Söner" for P-3')).toEqual([word("Café Åsa & Söner", true), word("for"), word("P-3")]);
    expect(texts("Café Åsa & Söner")).toEqual(["Café", "Åsa", "&", "Söner"]);
  });

  it("normalises to NFC, so a decomposed é becomes one character", () => {
    const [cafe] = tokens('"Cafe\u0301 Åsa"');
    expect(cafe).toEqual(word("Café Åsa", true));
    expect(cafe?.text).toBe("Caf\u00e9 \u00c5sa");
    expect(cafe?.text.length).toBe(8);
  });

  it("refuses an unclosed quote", () => {
    expect(tokenize('"ICA Maxi for P-017')).toEqual({ ok: false, problem: "unclosed-quote" });
    expect(tokenize("“ICA Maxi for P-017")).toEqual({ ok: false, problem: "unclosed-quote" });
    expect(tokenize('note:"met at 10:30')).toEqual({ ok: false, problem: "unclosed-quote" });
    expect(tokenize('"')).toEqual({ ok: false, problem: "unclosed-quote" });
  });

  it("reads key:\"quoted value\" as one unquoted option word", () => {
    expect(tokens('type:"in person" note')).toEqual([word("type:in person"), word("note")]);
    expect(tokens("date:“2026-11-20” x")).toEqual([word("date:2026-11-20"), word("x")]);
  });

  it("treats a quote inside a word as an ordinary character", () => {
    expect(tokens('Lindhagen"s shop')).toEqual([word('Lindhagen"s'), word("shop")]);
    expect(tokens("Åsa’s café")).toEqual([word("Åsa’s"), word("café")]);
  });

  it("glues text straight after a closing quote onto the same word", () => {
    expect(tokens('"ICA Maxi"Lindhagen x')).toEqual([word("ICA MaxiLindhagen", true), word("x")]);
  });

  it("keeps an empty quoted word", () => {
    expect(tokens('a "" b')).toEqual([word("a"), word("", true), word("b")]);
  });
});

describe("takeOptions", () => {
  it("takes declared keys and leaves everything else in order", () => {
    const result = takeOptions(tokens("ICA type:phone asked date:2026-11-20 about jobs"), ["type", "date"]);
    expect(result).toEqual({
      ok: true,
      options: new Map([
        ["type", "phone"],
        ["date", "2026-11-20"],
      ]),
      rest: [word("ICA"), word("asked"), word("about"), word("jobs")],
    });
  });

  it("leaves undeclared keys, times and URLs as free text", () => {
    const result = takeOptions(tokens("met at 10:30 note:later https://example.se type:email"), ["type", "date"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.options).toEqual(new Map([["type", "email"]]));
    expect(result.rest.map((token) => token.text)).toEqual(["met", "at", "10:30", "note:later", "https://example.se"]);
  });

  it("matches keys case-insensitively and stores them lower-cased", () => {
    const result = takeOptions(tokens("TYPE:Phone Date:2026-11-20"), ["type", "date"]);
    expect(result).toEqual({
      ok: true,
      options: new Map([
        ["type", "Phone"],
        ["date", "2026-11-20"],
      ]),
      rest: [],
    });
  });

  it("takes a quoted value with spaces", () => {
    const result = takeOptions(tokens('type:"in person" ICA'), ["type"]);
    expect(result).toEqual({ ok: true, options: new Map([["type", "in person"]]), rest: [word("ICA")] });
  });

  it("keeps an empty value and colons inside the value", () => {
    const result = takeOptions(tokens("type: date:a:b"), ["type", "date"]);
    expect(result).toEqual({
      ok: true,
      options: new Map([
        ["type", ""],
        ["date", "a:b"],
      ]),
      rest: [],
    });
  });

  it("does not treat a quoted word that looks like an option as an option", () => {
    const result = takeOptions(tokens('"type:phone" ICA'), ["type"]);
    expect(result).toEqual({ ok: true, options: new Map(), rest: [word("type:phone", true), word("ICA")] });
  });

  it("refuses a declared option given twice, whatever the case", () => {
    expect(takeOptions(tokens("type:phone ICA type:email"), ["type", "date"])).toEqual({ ok: false, problem: "option-repeated", key: "type" });
    expect(takeOptions(tokens("date:2026-11-20 DATE:2026-11-21"), ["type", "date"])).toEqual({
      ok: false,
      problem: "option-repeated",
      key: "date",
    });
  });

  it("does not mind an undeclared key given twice", () => {
    const result = takeOptions(tokens("note:a note:b"), ["type"]);
    expect(result).toEqual({ ok: true, options: new Map(), rest: [word("note:a"), word("note:b")] });
  });
});

describe("joinWords", () => {
  it("joins words with single spaces", () => {
    expect(joinWords(tokens("asked   about\tjobs"))).toBe("asked about jobs");
  });

  it("drops the quotes but keeps the quoted text", () => {
    expect(joinWords(tokens('met "ICA Maxi" at 10:30'))).toBe("met ICA Maxi at 10:30");
  });

  it("gives an empty string for no words and trims empty edge words", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords([word("", true), word("x")])).toBe("x");
  });
});
