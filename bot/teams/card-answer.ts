// What a click on a card button or a form submission answers, and how it gets to Teams. Cards
// carry Action.Execute (Universal Actions: an `adaptiveCard/action` invoke whose response holds the
// new card) with an Action.Submit fallback for clients without Universal Actions (a message with
// `value`: the new card replaces the clicked message through the connector). Both routes run the
// same answer, registered once per verb through teams-ai's adaptive-card routes.
import type { Application } from "@microsoft/teams-ai";
import { MessageFactory, type TurnContext } from "botbuilder";
import { cardAttachment, type AdaptiveCard } from "./adaptive-card.ts";
import { clinicTranslator } from "./identity.ts";
import { cardMessages, deliverMessages } from "./reply-delivery.ts";
import type { TeamsRuntime } from "./teams-runtime.ts";
import { teamsMarkdown, teamsPlain } from "./teams-text.ts";

export type CardAnswer =
  /** Replaces the clicked card; `more` follows as new messages (a long agenda). */
  | { kind: "card"; card: AdaptiveCard; more: AdaptiveCard[] }
  /** A short note (neutral text) for the person who clicked; the card stays as it was. */
  | { kind: "text"; text: string };

export const replaceWith = ([card, ...more]: AdaptiveCard[]): CardAnswer => ({ kind: "card", card: card!, more });
export const tell = (text: string): CardAnswer => ({ kind: "text", text });

export type CardData = Record<string, unknown>;

export function onCardAction(app: Application, runtime: TeamsRuntime, verb: string, answer: (turn: TurnContext, data: CardData) => Promise<CardAnswer>): void {
  app.adaptiveCards.actionExecute<CardData>(verb, async (turn, _state, data) => {
    const result = await answer(turn, data);
    if (result.kind === "text") return teamsPlain(result.text);
    if (result.more.length > 0) await turn.sendActivities(cardMessages(result.more));
    return result.card;
  });

  app.adaptiveCards.actionSubmit<CardData>(verb, async (turn, _state, data) => {
    const result = await answer(turn, data);
    if (result.kind === "text") {
      await deliverMessages(runtime, turn, [MessageFactory.text(teamsMarkdown(result.text))], "ephemeral", clinicTranslator(runtime.services));
      return;
    }
    const replacement = { ...MessageFactory.attachment(cardAttachment(result.card)), id: turn.activity.replyToId };
    if (replacement.id) await turn.updateActivity(replacement);
    else await turn.sendActivity(replacement);
    if (result.more.length > 0) await turn.sendActivities(cardMessages(result.more));
  });
}
