// Every user-facing word lives in prompts/messages/<locale>.json. The catalogue is checked once
// at start-up: every locale must have every English key with the same {placeholders}, so a
// missing translation stops the bot with a message naming the key and locale instead of
// showing a raw key to a user.
//
// Messages carry no platform's markup (no backticks, no `/ips`): `{name}` is a parameter, `{=…}`
// shows what it holds as code (`{={code}}`, `{=kind:competitive}`) and `{ips …}` refers to a
// command (`{ips participant add {code}}`); each renderer writes them its own way
// (commands/neutral-text.ts). A message that breaks these rules stops the bot at start-up.
//
// A count chooses its words with an ICU plural: `{count, plural, one {# dag} other {# dagar}}`
// (`=0 {…}` for an exact number; `#` is the count in the locale's form); the locale's plural rules
// (Intl.PluralRules) choose the branch, and `other` is required. Parameters are shown in the
// reader's form (prompts/locale-format.ts): numbers, dates, ISO weeks and quarters, except inside a
// {=…} code span, which shows exactly what it holds. The words a person may type ({choices}: job-search,
// fired, retail) stay English, so in Swedish and Norwegian each is glossed: "job-search (jobbsökande)",
// from the `choice.<word>` messages and the job types' own names.
import { readFileSync } from "node:fs";
import { SPAN_MARKS } from "../commands/neutral-text.ts";
import { formatNumber, formatParameter } from "./locale-format.ts";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { INTL_TAG, LOCALES, type Locale } from "./locales.ts";

export type Messages = Readonly<Record<string, string>>;
/** A compiled message: literal text (span marks and {param} placeholders in it), and plural choices. */
type MessagePart = string | PluralChoice;
interface PluralChoice {
  parameter: string;
  /** "=0", "one", "other", …: each a compiled text in which # stands for the count. */
  branches: Readonly<Record<string, string>>;
}
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: MessageParams) => string;

const messagesSchema = z.record(z.string().min(1), z.string().min(1, "message is empty"));
const PLACEHOLDER = /\{(\w+)\}/g;

export class CatalogueError extends Error {
  override name = "CatalogueError";
}

export class Catalogue {
  private constructor(
    private readonly messages: Readonly<Record<Locale, Readonly<Record<string, readonly MessagePart[]>>>>,
    /** What each typed choice word means, per locale. */
    private readonly glosses: Readonly<Record<Locale, ReadonlyMap<string, string>>> = { en: new Map(), sv: new Map(), nb: new Map() },
  ) {}

  /** The same catalogue, glossing these words too (the job types' names, say). */
  withGlosses(extra: Readonly<Record<Locale, ReadonlyMap<string, string>>>): Catalogue {
    const merged = Object.fromEntries(LOCALES.map((locale) => [locale, new Map([...this.glosses[locale], ...extra[locale]])])) as Record<Locale, Map<string, string>>;
    return new Catalogue(this.messages, merged);
  }

  static fromMessages(raw: Readonly<Record<Locale, unknown>>): Catalogue {
    const parsed = {} as Record<Locale, Record<string, readonly MessagePart[]>>;
    for (const locale of LOCALES) {
      const result = messagesSchema.safeParse(raw[locale]);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new CatalogueError(`prompts/messages/${locale}.json: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
      }
      parsed[locale] = Object.fromEntries(Object.entries(result.data).map(([key, template]) => [key, compileMessage(template, locale, `prompts/messages/${locale}.json "${key}"`)]));
    }
    checkLocalesAgree(parsed);
    const glosses = Object.fromEntries(
      LOCALES.map((locale) => [locale, new Map(Object.entries(raw[locale] as Record<string, string>).filter(([key]) => key.startsWith(CHOICE_PREFIX)).map(([key, text]) => [key.slice(CHOICE_PREFIX.length), text]))]),
    ) as Record<Locale, Map<string, string>>;
    return new Catalogue(parsed, glosses);
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

  /** The parameters of a message (plural counts included), for tests that render every message. */
  parametersOf(key: string): { parameters: string[]; counts: string[] } {
    const parts = this.messages.en[key] ?? [];
    return { parameters: placeholdersOf(parts).split(",").filter(Boolean), counts: parts.flatMap((part) => (typeof part === "string" ? [] : [part.parameter])) };
  }

  keys(): string[] {
    return Object.keys(this.messages.en);
  }

  translator(locale: Locale): Translate {
    const messages = this.messages[locale];
    const rules = new Intl.PluralRules(INTL_TAG[locale]);
    const glosses = this.glosses[locale];
    return (key, params = {}) => {
      const parts = messages[key];
      if (parts === undefined) throw new CatalogueError(`no message "${key}" in locale ${locale}`);
      const shown = locale !== "en" && typeof params.choices === "string" ? { ...params, choices: glossed(params.choices, glosses) } : params;
      return parts.map((part) => (typeof part === "string" ? fill(part, shown, locale) : choose(part, shown, locale, rules))).join("");
    };
  }
}

const CHOICE_PREFIX = "choice.";

/** "job-search, paused" as "job-search (jobbsökande), paused (pausad)": each word the reader may type, with what it means. */
function glossed(choices: string, glosses: ReadonlyMap<string, string>): string {
  return choices
    .split(", ")
    .map((choice) => {
      const word = choice.replace(/[\uFDD0-\uFDD3]/g, "");
      const gloss = glosses.get(word);
      return gloss && gloss.toLowerCase() !== word.toLowerCase() ? `${choice} (${gloss})` : choice;
    })
    .join(", ");
}

/** The plural branch for the count: an exact `=n` first, then the locale's category, then `other`. */
function choose(choice: PluralChoice, params: MessageParams, locale: Locale, rules: Intl.PluralRules): string {
  const value = params[choice.parameter];
  const count = typeof value === "number" ? value : Number(value);
  if (value === undefined || Number.isNaN(count)) return `{${choice.parameter}}`;
  const branch = choice.branches[`=${count}`] ?? choice.branches[rules.select(count)] ?? choice.branches.other!;
  return fill(branch.replace(/#/g, formatNumber(locale, count)), params, locale);
}

/** Fills the placeholders: in the locale's form outside code spans, exactly as given inside them. */
function fill(text: string, params: MessageParams, locale: Locale): string {
  let inCode = false;
  let filled = "";
  for (const piece of text.split(/([\uFDD0\uFDD1])/)) {
    if (piece === SPAN_MARKS.codeOpen) inCode = true;
    else if (piece === SPAN_MARKS.codeClose) inCode = false;
    filled +=
      piece === SPAN_MARKS.codeOpen || piece === SPAN_MARKS.codeClose
        ? piece
        : piece.replace(PLACEHOLDER, (whole, name: string) => (name in params ? (inCode ? String(params[name]) : formatParameter(locale, params[name]!)) : whole));
  }
  return filled;
}

const PLURAL_START = /^\{(\w+), plural,/;
const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** A message's parts: text between plural choices, each compiled with compileSpans. */
export function compileMessage(template: string, locale: Locale, where: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let rest = template;
  for (;;) {
    const start = rest.search(/\{\w+, plural,/);
    if (start < 0) break;
    if (start > 0) parts.push(compileSpans(rest.slice(0, start), where));
    const parameter = PLURAL_START.exec(rest.slice(start))![1]!;
    let index = start + rest.slice(start).indexOf(",", parameter.length) + ", plural,".length;
    const branches: Record<string, string> = {};
    for (;;) {
      const branch = BRANCH.exec(rest.slice(index));
      if (!branch) break;
      index += branch[0].length;
      const end = closingBrace(rest, index, where);
      branches[branch[1]!] = compileSpans(rest.slice(index, end), where);
      index = end + 1;
    }
    while (rest[index] === " ") index += 1;
    if (rest[index] !== "}") throw new CatalogueError(`${where}: the plural of {${parameter}} is not closed (or has a branch other than =n, one, other, …)`);
    if (branches.other === undefined) throw new CatalogueError(`${where}: the plural of {${parameter}} needs an "other" branch`);
    const categories = new Intl.PluralRules(INTL_TAG[locale]).resolvedOptions().pluralCategories as string[];
    for (const name of Object.keys(branches)) {
      if (!name.startsWith("=") && !categories.includes(name)) throw new CatalogueError(`${where}: "${name}" is not a plural category of ${locale} (${categories.join(", ")})`);
    }
    parts.push({ parameter, branches });
    rest = rest.slice(index + 1);
  }
  if (rest.length > 0 || parts.length === 0) parts.push(compileSpans(rest, where));
  return parts;
}

/** The index of the brace that closes a branch opened just before `from` (branches hold {param} and spans). */
function closingBrace(text: string, from: number, where: string): number {
  let depth = 0;
  for (let index = from; index < text.length; index++) {
    if (text[index] === "{") depth += 1;
    else if (text[index] === "}") {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  throw new CatalogueError(`${where}: a plural branch is not closed`);
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

function placeholdersOf(parts: readonly MessagePart[]): string {
  const names = new Set<string>();
  for (const part of parts) {
    const texts = typeof part === "string" ? [part] : (names.add(part.parameter), Object.values(part.branches));
    for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  }
  return [...names].sort().join(",");
}

function checkLocalesAgree(messages: Record<Locale, Readonly<Record<string, readonly MessagePart[]>>>): void {
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
