import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogueError } from "../../prompts/catalogue.ts";
import { FidelityCatalogue } from "../../prompts/fidelity-catalogue.ts";
import { LOCALES, type Locale } from "../../prompts/locales.ts";

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../prompts/fidelity/${name}`, import.meta.url), "utf8"));
const shipped = () => ({
  structure: read("items.json") as { items: { key: string; section: string }[] },
  locales: Object.fromEntries(LOCALES.map((locale) => [locale, read(`${locale}.json`)])) as Record<Locale, any>,
});

describe("fidelity item catalogue", () => {
  it("loads the shipped catalogue: 25 items, 3/8/14 per section, every locale complete", () => {
    const catalogue = FidelityCatalogue.load();
    expect(catalogue.items).toHaveLength(25);
    expect(catalogue.items.map((item) => item.section).join(",")).toBe(
      [...Array(3).fill("staffing"), ...Array(8).fill("organisation"), ...Array(14).fill("services")].join(","),
    );
    expect(catalogue.items[14]).toEqual({ key: "rapid_search", section: "services", number: 15 });
    for (const locale of LOCALES) {
      for (const item of catalogue.items) expect(catalogue.text(locale, item.key).levels).toHaveLength(5);
    }
    expect(catalogue.text("sv", "caseload").name).toBe("Deltagargruppens storlek");
    expect(catalogue.sectionName("sv", "services")).toBe("IPS-verksamheter");
  });

  it("uses the keys of the scale, in the order of the paper form", () => {
    const keys = FidelityCatalogue.load().items.map((item) => item.key);
    expect(keys.slice(0, 3)).toEqual(["caseload", "es_services_only", "vocational_generalist"]);
    expect(keys.slice(14, 21)).toEqual([
      "rapid_search",
      "individualized_search",
      "employer_contact_frequency",
      "employer_contact_quality",
      "job_type_diversity",
      "employer_diversity",
      "competitive_jobs",
    ]);
    expect(keys[24]).toBe("assertive_outreach");
  });

  it("names the item and locale when an item's texts are missing", () => {
    const { structure, locales } = shipped();
    delete locales.nb.items.rapid_search;
    expect(() => FidelityCatalogue.fromData(structure, locales)).toThrow(new CatalogueError('prompts/fidelity/nb.json lacks item "rapid_search"'));
  });

  it("refuses a missing item in the scale", () => {
    const { structure, locales } = shipped();
    structure.items.splice(4, 1);
    expect(() => FidelityCatalogue.fromData(structure, locales)).toThrow("prompts/fidelity/items.json has 24 items, expected 25");
  });

  it("refuses wrong section counts even when the total is 25", () => {
    const { structure, locales } = shipped();
    structure.items[3]!.section = "staffing"; // team_assignment moved from organisation to staffing
    expect(() => FidelityCatalogue.fromData(structure, locales)).toThrow("prompts/fidelity/items.json has 4 staffing items, expected 3");
  });

  it("refuses an item listed twice and sections out of order", () => {
    const twice = shipped();
    twice.structure.items[1]!.key = "caseload";
    expect(() => FidelityCatalogue.fromData(twice.structure, twice.locales)).toThrow('lists item "caseload" twice');
    const swapped = shipped();
    const [a, b] = [swapped.structure.items[2]!, swapped.structure.items[3]!];
    swapped.structure.items[2] = b;
    swapped.structure.items[3] = a;
    expect(() => FidelityCatalogue.fromData(swapped.structure, swapped.locales)).toThrow('item "vocational_generalist" (staffing) comes after a organisation item');
  });

  it("names the item and locale when a score level is missing", () => {
    const { structure, locales } = shipped();
    locales.sv.items.competitive_jobs.levels.pop();
    expect(() => FidelityCatalogue.fromData(structure, locales)).toThrow(
      'prompts/fidelity/sv.json: item "competitive_jobs": levels: needs exactly 5 score levels',
    );
  });

  it("names the item, locale and field when a text is empty or absent", () => {
    const empty = shipped();
    empty.locales.en.items.disclosure.asks = "  ";
    expect(() => FidelityCatalogue.fromData(empty.structure, empty.locales)).toThrow('prompts/fidelity/en.json: item "disclosure": asks: is empty');
    const absent = shipped();
    delete absent.locales.nb.items.caseload.name;
    expect(() => FidelityCatalogue.fromData(absent.structure, absent.locales)).toThrow('prompts/fidelity/nb.json: item "caseload": name:');
    const level = shipped();
    level.locales.sv.items.caseload.levels[2] = "";
    expect(() => FidelityCatalogue.fromData(level.structure, level.locales)).toThrow('prompts/fidelity/sv.json: item "caseload": levels.2: is empty');
  });

  it("refuses a missing section name and an item only a locale has", () => {
    const section = shipped();
    delete section.locales.sv.sections.organisation;
    expect(() => FidelityCatalogue.fromData(section.structure, section.locales)).toThrow("prompts/fidelity/sv.json: sections.organisation:");
    const extra = shipped();
    extra.locales.en.items.made_up = { name: "x", asks: "y", levels: ["1", "2", "3", "4", "5"] };
    expect(() => FidelityCatalogue.fromData(extra.structure, extra.locales)).toThrow('prompts/fidelity/en.json has item "made_up", which items.json lacks');
  });
});
