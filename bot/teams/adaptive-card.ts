// The Adaptive Card envelope ipsbot sends. Version 1.5: the newest Teams renders everywhere,
// and the first with Action.Execute (Universal Actions) for cards that update in place.
import type { Attachment } from "botbuilder";

export const ADAPTIVE_CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
/** Teams refuses a message over about 28 KB; keep each card well below, leaving room for the envelope. */
export const MAX_CARD_BYTES = 24 * 1024;

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: "Full"; entities?: MentionEntity[] };
}

/** A person @-mentioned in a card: Teams notifies them; `id` may be their Entra object id. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

export function adaptiveCard(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/**
 * An Action.Execute (Universal Actions: the card can be replaced in place) with the Action.Submit
 * fallback Microsoft recommends for Teams clients without Universal Actions; the fallback's data
 * carries the verb, which teams-ai's actionSubmit routes read.
 */
export function universalAction(title: string, verb: string, data: Record<string, unknown>, options: CardElement = {}): CardElement {
  return { type: "Action.Execute", title, verb, data, ...options, fallback: { type: "Action.Submit", title, data: { ...data, verb }, ...options } };
}
