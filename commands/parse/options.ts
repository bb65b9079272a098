// Pulls `key:value` options (type:phone, date:2026-11-20) out of a command's words. Only the keys
// a command declares count as options, so a note such as "met at 10:30" stays free text.
import type { Token } from "./tokenize.ts";

export type OptionsResult =
  | { ok: true; options: Map<string, string>; rest: Token[] }
  | { ok: false; problem: "option-repeated"; key: string };

const OPTION_PATTERN = /^([a-z]+):(.*)$/isu;

export function takeOptions(tokens: readonly Token[], keys: readonly string[]): OptionsResult {
  const options = new Map<string, string>();
  const rest: Token[] = [];
  for (const token of tokens) {
    const match = token.quoted ? null : OPTION_PATTERN.exec(token.text);
    const key = match?.[1]?.toLowerCase();
    if (!match || !key || !keys.includes(key)) {
      rest.push(token);
      continue;
    }
    if (options.has(key)) return { ok: false, problem: "option-repeated", key };
    options.set(key, match[2] ?? "");
  }
  return { ok: true, options, rest };
}

/** Joins free-text words back into one string (a note or a reason). */
export function joinWords(tokens: readonly Token[]): string {
  return tokens.map((token) => token.text).join(" ").trim();
}
