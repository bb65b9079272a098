// Every user-facing word lives in prompts/messages/<locale>.json. The catalogue is checked once
// at start-up: every locale must have every English key with the same {placeholders}, so a
// missing translation stops the bot with a message naming the key and locale instead of
// showing a raw key to a user.
//
// Messages carry no platform's markup (no backticks, no `/ips`): `{name}` is a parameter, `{=…}`
// shows what it holds as code (`{={code}}`, `{=kind:competitive}`) and `{ips …}` refers to a
// command (`{ips participant add {code}}`); each renderer writes them its own way
// (commands/neutral-text.ts). A message that breaks these rules stops the bot at start-up.
import { readFileSync } from "node:fs";
import { SPAN_MARKS } from "../commands/neutral-text.ts";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LOCALES, type Locale } from "./locales.ts";

export type Messages = Readonly<Record<string, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: MessageParams) => string;

const messagesSchema = z.record(z.string().min(1), z.string().min(1, "message is empty"));
const PLACEHOLDER = /\{(\w+)\}/g;

export class CatalogueError extends Error {
  override name = "CatalogueError";
}

export class Catalogue {
  private constructor(private readonly messages: Readonly<Record<Locale, Messages>>) {}

  static fromMessages(raw: Readonly<Record<Locale, unknown>>): Catalogue {
    const parsed = {} as Record<Locale, Messages>;
    for (const locale of LOCALES) {
      const result = messagesSchema.safeParse(raw[locale]);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new CatalogueError(`prompts/messages/${locale}.json: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
      }
      parsed[locale] = Object.fromEntries(Object.entries(result.data).map(([key, template]) => [key, compileSpans(template, `prompts/messages/${locale}.json "${key}"`)]));
    }
    checkLocalesAgree(parsed);
    return new Catalogue(parsed);
  }

  static load(directory = fileURLToPath(new URL("./messages/", import.meta.url))): Catalogue {
    const raw = {} as Record<Locale, unknown>;
    for (const locale of LOCALES) {
      const file = `${directory}/${locale}.json`;
      try {
        raw[locale] = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new CatalogueError(`prompts/messages/${locale}.json cannot be read: ${(error as Error).message}`);
      }
    }
    return Catalogue.fromMessages(raw);
  }

  has(key: string): boolean {
    return key in this.messages.en;
  }

  translator(locale: Locale): Translate {
    const messages = this.messages[locale];
    return (key, params = {}) => {
      const template = messages[key];
      if (template === undefined) throw new CatalogueError(`no message "${key}" in locale ${locale}`);
      return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
    };
  }
}

const COMMAND_SPAN = "{ips ";

/** The message with its {=…} and {ips …} spans turned into span marks; parameters stay as they are. */
export function compileSpans(template: string, where: string): string {
  if (template.includes("`")) throw new CatalogueError(`${where}: backticks are Slack syntax; write {=…} for code`);
  if (/(^|[^\w])\/ips\b/.test(template)) throw new CatalogueError(`${where}: write a command as {ips …}, not /ips`);
  let compiled = "";
  let closing: string | undefined;
  for (let index = 0; index < template.length; index++) {
    const rest = template.slice(index);
    const opening = rest.startsWith("{=") ? { mark: SPAN_MARKS.codeOpen, close: SPAN_MARKS.codeClose, length: 2 } : rest.startsWith(COMMAND_SPAN) ? { mark: SPAN_MARKS.commandOpen, close: SPAN_MARKS.commandClose, length: COMMAND_SPAN.length } : undefined;
    if (opening) {
      if (closing) throw new CatalogueError(`${where}: a span cannot hold another span`);
      compiled += opening.mark;
      closing = opening.close;
      index += opening.length - 1;
      continue;
    }
    const parameter = /^\{\w+\}/.exec(rest);
    if (parameter) {
      compiled += parameter[0];
      index += parameter[0].length - 1;
      continue;
    }
    if (rest[0] === "}" && closing) {
      compiled += closing;
      closing = undefined;
      continue;
    }
    if (rest[0] === "{" || rest[0] === "}") throw new CatalogueError(`${where}: a lone "${rest[0]}" at ${index}`);
    compiled += rest[0];
  }
  if (closing) throw new CatalogueError(`${where}: a span is not closed`);
  return compiled;
}

function placeholdersOf(template: string): string {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort().join(",");
}

function checkLocalesAgree(messages: Record<Locale, Messages>): void {
  const reference = messages.en;
  for (const locale of LOCALES) {
    for (const [key, template] of Object.entries(reference)) {
      const translation = messages[locale][key];
      if (translation === undefined) throw new CatalogueError(`prompts/messages/${locale}.json lacks "${key}"`);
      if (placeholdersOf(translation) !== placeholdersOf(template)) {
        throw new CatalogueError(
          `prompts/messages/${locale}.json "${key}" has placeholders {${placeholdersOf(translation)}}, expected {${placeholdersOf(template)}}`,
        );
      }
    }
    for (const key of Object.keys(messages[locale])) {
      if (!(key in reference)) throw new CatalogueError(`prompts/messages/${locale}.json has "${key}", which en.json lacks`);
    }
  }
}
