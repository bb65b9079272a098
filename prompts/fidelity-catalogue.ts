// The IPS-25 fidelity items: their order and sections (prompts/fidelity/items.json) and, per
// locale, each item's name, what it asks about and its five score levels
// (prompts/fidelity/<locale>.json). Checked once at start-up like the message catalogue: a
// broken item stops the bot with a message naming the item and the locale.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CatalogueError } from "./catalogue.ts";
import { LOCALES, type Locale } from "./locales.ts";

export const FIDELITY_SECTIONS = ["staffing", "organisation", "services"] as const;
export type FidelitySection = (typeof FIDELITY_SECTIONS)[number];

/** The scale's shape: 3 staffing, 8 organisation and 14 services items, in that order. */
export const SECTION_ITEM_COUNTS: Readonly<Record<FidelitySection, number>> = { staffing: 3, organisation: 8, services: 14 };
export const FIDELITY_ITEM_COUNT = 25;
export const SCORE_LEVELS = 5;

export interface FidelityItem {
  key: string;
  section: FidelitySection;
  /** 1-25, the item's place on the scale (as on the paper form). */
  number: number;
}

export interface FidelityItemText {
  name: string;
  asks: string;
  /** Score 1 to score 5. */
  levels: readonly string[];
}

const nonEmpty = z.string().trim().min(1, "is empty");

const structureSchema = z.object({
  items: z.array(z.object({ key: z.string().regex(/^[a-z][a-z_]*$/, "keys are lower_snake_case"), section: z.enum(FIDELITY_SECTIONS) })),
});

const itemTextSchema = z.object({
  name: nonEmpty,
  asks: nonEmpty,
  levels: z.array(nonEmpty).length(SCORE_LEVELS, `needs exactly ${SCORE_LEVELS} score levels`),
});

const localeSchema = z.object({
  sections: z.object({ staffing: nonEmpty, organisation: nonEmpty, services: nonEmpty }),
  items: z.record(z.string(), z.unknown()),
});

type LocaleTexts = { sections: Record<FidelitySection, string>; items: Record<string, FidelityItemText> };

export class FidelityCatalogue {
  private constructor(
    readonly items: readonly FidelityItem[],
    private readonly texts: Readonly<Record<Locale, LocaleTexts>>,
  ) {}

  static fromData(structure: unknown, localeData: Readonly<Record<Locale, unknown>>): FidelityCatalogue {
    const items = checkStructure(structure);
    const texts = {} as Record<Locale, LocaleTexts>;
    for (const locale of LOCALES) texts[locale] = checkLocale(locale, localeData[locale], items);
    return new FidelityCatalogue(items, texts);
  }

  static load(directory = fileURLToPath(new URL("./fidelity/", import.meta.url))): FidelityCatalogue {
    const read = (name: string): unknown => {
      try {
        return JSON.parse(readFileSync(`${directory}/${name}`, "utf8"));
      } catch (error) {
        throw new CatalogueError(`prompts/fidelity/${name} cannot be read: ${(error as Error).message}`);
      }
    };
    const structure = read("items.json");
    const localeData = Object.fromEntries(LOCALES.map((locale) => [locale, read(`${locale}.json`)])) as Record<Locale, unknown>;
    return FidelityCatalogue.fromData(structure, localeData);
  }

  item(key: string): FidelityItem | undefined {
    return this.items.find((item) => item.key === key);
  }

  text(locale: Locale, key: string): FidelityItemText {
    const text = this.texts[locale].items[key];
    if (!text) throw new CatalogueError(`no fidelity item "${key}"`);
    return text;
  }

  sectionName(locale: Locale, section: FidelitySection): string {
    return this.texts[locale].sections[section];
  }
}

function checkStructure(raw: unknown): FidelityItem[] {
  const parsed = structureSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogueError(`prompts/fidelity/items.json: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  const list = parsed.data.items;
  if (list.length !== FIDELITY_ITEM_COUNT) throw new CatalogueError(`prompts/fidelity/items.json has ${list.length} items, expected ${FIDELITY_ITEM_COUNT}`);
  const seen = new Set<string>();
  for (const { key } of list) {
    if (seen.has(key)) throw new CatalogueError(`prompts/fidelity/items.json lists item "${key}" twice`);
    seen.add(key);
  }
  for (const section of FIDELITY_SECTIONS) {
    const count = list.filter((item) => item.section === section).length;
    if (count !== SECTION_ITEM_COUNTS[section]) {
      throw new CatalogueError(`prompts/fidelity/items.json has ${count} ${section} items, expected ${SECTION_ITEM_COUNTS[section]}`);
    }
  }
  // Sections follow each other as on the paper form, so item numbers match the seeds' tables.
  list.forEach((item, index) => {
    const previous = list[index - 1];
    if (previous && FIDELITY_SECTIONS.indexOf(item.section) < FIDELITY_SECTIONS.indexOf(previous.section)) {
      throw new CatalogueError(`prompts/fidelity/items.json: item "${item.key}" (${item.section}) comes after a ${previous.section} item`);
    }
  });
  return list.map((item, index) => ({ ...item, number: index + 1 }));
}

function checkLocale(locale: Locale, raw: unknown, items: readonly FidelityItem[]): LocaleTexts {
  const file = `prompts/fidelity/${locale}.json`;
  const parsed = localeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogueError(`${file}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  const texts: Record<string, FidelityItemText> = {};
  for (const item of items) {
    const rawText = parsed.data.items[item.key];
    if (rawText === undefined) throw new CatalogueError(`${file} lacks item "${item.key}"`);
    const text = itemTextSchema.safeParse(rawText);
    if (!text.success) {
      const issue = text.error.issues[0];
      throw new CatalogueError(`${file}: item "${item.key}": ${issue?.path.join(".") || "(item)"}: ${issue?.message}`);
    }
    texts[item.key] = text.data;
  }
  for (const key of Object.keys(parsed.data.items)) {
    if (!items.some((item) => item.key === key)) throw new CatalogueError(`${file} has item "${key}", which items.json lacks`);
  }
  return { sections: parsed.data.sections, items: texts };
}
