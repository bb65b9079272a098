import { describe, expect, it } from "vitest";
import { Catalogue, CatalogueError } from "../../prompts/catalogue.ts";

const base = { "a.greeting": "Hello {name}", "b.plain": "Plain" };

describe("prompt catalogue", () => {
  it("loads the shipped catalogue with every locale complete", () => {
    const catalogue = Catalogue.load();
    expect(catalogue.translator("sv")("participant.added", { code: "P-1", since: "2026-01-01", deadline: "2026-01-31" })).toContain("P-1");
  });

  it("fills placeholders", () => {
    const catalogue = Catalogue.fromMessages({ en: base, sv: { "a.greeting": "Hej {name}", "b.plain": "Enkel" }, nb: { "a.greeting": "Hei {name}", "b.plain": "Enkel" } });
    expect(catalogue.translator("sv")("a.greeting", { name: "Olle" })).toBe("Hej Olle");
  });

  it("names the locale and key when a translation is missing", () => {
    expect(() => Catalogue.fromMessages({ en: base, sv: { "a.greeting": "Hej {name}" }, nb: base })).toThrow(
      new CatalogueError('prompts/messages/sv.json lacks "b.plain"'),
    );
  });

  it("names the locale and key when placeholders differ", () => {
    expect(() => Catalogue.fromMessages({ en: base, sv: base, nb: { "a.greeting": "Hei {navn}", "b.plain": "Enkel" } })).toThrow(
      /nb\.json "a\.greeting" has placeholders \{navn\}, expected \{name\}/,
    );
  });

  it("refuses keys only a translation has, and empty messages", () => {
    expect(() => Catalogue.fromMessages({ en: base, sv: { ...base, "c.extra": "x" }, nb: base })).toThrow(/sv\.json has "c\.extra", which en\.json lacks/);
    expect(() => Catalogue.fromMessages({ en: base, sv: { ...base, "b.plain": "" }, nb: base })).toThrow(/sv\.json: b\.plain: message is empty/);
  });

  it("refuses an unknown key at run time instead of showing it", () => {
    expect(() => Catalogue.fromMessages({ en: base, sv: base, nb: base }).translator("en")("nope")).toThrow(CatalogueError);
  });
});
