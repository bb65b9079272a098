// The editable list of job types (prompts/job-types.json), checked at start-up: unique lower-case
// keys and a label in every locale.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CatalogueError } from "./catalogue.ts";
import { LOCALES, type Locale } from "./locales.ts";

const jobTypesSchema = z.object({
  types: z
    .array(z.object({ key: z.string().regex(/^[a-z][a-z0-9-]*$/), en: z.string().min(1), sv: z.string().min(1), nb: z.string().min(1) }))
    .min(2)
    .refine((types) => new Set(types.map((type) => type.key)).size === types.length, "job type keys must be unique"),
});

export type JobTypes = z.output<typeof jobTypesSchema>["types"];

export function parseJobTypes(raw: unknown): JobTypes {
  const result = jobTypesSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CatalogueError(`prompts/job-types.json: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data.types;
}

export function loadJobTypes(file = new URL("./job-types.json", import.meta.url)): JobTypes {
  return parseJobTypes(JSON.parse(readFileSync(file, "utf8")));
}

export function jobTypeLabel(types: JobTypes, key: string, locale: Locale): string {
  return types.find((type) => type.key === key)?.[locale] ?? key;
}

export { LOCALES };

/** Each job type's name per locale, for glossing the keys a person types (type:retail → "retail (handel)"). */
export function jobTypeGlosses(types: JobTypes): Record<Locale, Map<string, string>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, new Map(types.map((type) => [type.key, type[locale]]))])) as Record<Locale, Map<string, string>>;
}
