// Checks a card with the Adaptive Cards SDK itself: it must parse with no errors or warnings,
// pass the SDK's validation, and come back unchanged when the SDK serialises it again (a
// misspelt or unknown property would be dropped), and stay under Teams' message size.
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

// `require("adaptivecards")` fails on Node 20 (extensionless ESM in lib/); the bundle works.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as typeof import("adaptivecards");

/** Teams refuses messages over 28 KB. */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as Record<string, unknown>;
  if (json.version !== "1.5") problems.push(`version is ${String(json.version)}, not 1.5`);
  const size = Buffer.byteLength(JSON.stringify(card), "utf8");
  if (size >= TEAMS_CARD_LIMIT_BYTES) problems.push(`${size} bytes, over Teams' limit`);

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  for (let index = 0; index < context.eventCount; index += 1) problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);

  const { msteams: _msteams, ...portable } = json;
  // The SDK uses an action's `fallback` only when it cannot handle the action itself, and then
  // drops it: check each fallback action as a card of its own, and compare the rest.
  const fallbacks: unknown[] = [];
  const withoutFallbacks = stripFallbacks(portable, fallbacks) as Record<string, unknown>;
  for (const fallback of fallbacks) {
    problems.push(...adaptiveCardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "-", wrap: true }], actions: [fallback] }).map((problem) => `fallback: ${problem}`));
  }
  const again = parsed.toJSON() as Record<string, unknown>;
  problems.push(...differences(normalise(withoutFallbacks), normalise(again), "card").map((path) => `the SDK does not keep ${path}`));
  return problems;
}

function stripFallbacks(value: unknown, found: unknown[]): unknown {
  if (Array.isArray(value)) return value.map((item) => stripFallbacks(item, found));
  if (!isObject(value)) return value;
  const { fallback, ...rest } = value;
  if (fallback !== undefined) found.push(fallback);
  return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, stripFallbacks(inner, found)]));
}

/** Paths where `sent` and `kept` differ. */
function differences(sent: unknown, kept: unknown, path: string): string[] {
  if (isDeepStrictEqual(sent, kept)) return [];
  if (Array.isArray(sent) && Array.isArray(kept) && sent.length === kept.length) return sent.flatMap((item, index) => differences(item, kept[index], `${path}[${index}]`));
  if (isObject(sent) && isObject(kept)) {
    const keys = new Set([...Object.keys(sent), ...Object.keys(kept)]);
    return [...keys].flatMap((key) => differences(sent[key], kept[key], `${path}.${key}`));
  }
  return [`${path} (sent ${JSON.stringify(sent)?.slice(0, 80)}, kept ${JSON.stringify(kept)?.slice(0, 80)})`];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// Key order does not matter; the SDK writes the schema URL itself.
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "$schema")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, inner]) => [key, normalise(inner)]),
  );
}
