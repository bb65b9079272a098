// A typed message (`ips contact "ICA Maxi" for P-017`, or `@ipsbot agenda` in a channel): run it
// as Slack runs the text after `/ips`, and answer with cards.
import { randomUUID } from "node:crypto";
import type { Application } from "@microsoft/teams-ai";
import { MessageFactory, type TurnContext } from "botbuilder";
import { teamsMarkdown } from "../teams-text.ts";
import { apologise, runCommandText } from "../../../commands/dispatch.ts";
import { installationVoice } from "../../../commands/context.ts";
import { clinicTranslator, contextFromActivity, formOrigin } from "../identity.ts";
import { commandTextOf } from "../message-text.ts";
import { teamsMentions } from "../mentions.ts";
import { deliverDirect, directCards } from "../direct-message.ts";
import { renderCards } from "../render-card.ts";
import { renderFormCard } from "../render-form-card.ts";
import { cardMessages, deliverCards } from "../reply-delivery.ts";
import { rememberConversation } from "../installations.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

/** Typed text; a message carrying a `value` is a card's Action.Submit (card-answer.ts) even with empty text. */
const isTypedMessage = async ({ activity }: TurnContext) => activity.type === "message" && typeof activity.text === "string" && (typeof activity.value !== "object" || activity.value === null);

export function registerCommandMessages(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  app.message(isTypedMessage, async (turn) => {
    // Building the context reads the database: its failure gets the apology too (one error boundary).
    const ctx = await contextFromActivity(services, turn.activity, runtime.emulator, teamsMentions(turn, runtime.emulator)).catch(async (error: unknown) => {
      await turn.sendActivities(cardMessages(renderCards(apologise(installationVoice(services), error))));
      return null;
    });
    if (ctx === null) return;
    if (!ctx) {
      await turn.sendActivity(MessageFactory.text(teamsMarkdown(clinicTranslator(services)("teams.unknownSender"))));
      return;
    }
    // Bookkeeping for later removals: a failure here must not cost the user their answer.
    await rememberConversation(runtime, turn.activity, ctx).catch((error: unknown) => services.logger.warn("could not record a Teams conversation", { error: String(error) }));
    try {
      // Teams redelivers an activity (same id) when the bot is slow to answer: it is acted on once.
      const deliveryKey = turn.activity.id ? `teams:${ctx.workspaceId}:activity:${turn.activity.id}` : undefined;
      const reply = await runCommandText(ctx, commandTextOf(turn.activity), deliveryKey);
      if (reply.kind === "form") {
        // A form is private like an ephemeral reply: it is filled in where only its owner sees it.
        const form = renderFormCard(reply.form, { submissionId: randomUUID(), openedIn: formOrigin(ctx) }, ctx.t);
        await deliverCards(runtime, turn, [form], "ephemeral", ctx.t);
      } else if (reply.visibility === "ephemeral") {
        // A private answer and its direct part (an item card, an export) go to the personal chat
        // together, so a channel gets one notice.
        const direct = reply.direct ? directCards(reply.direct, ctx.t) : [];
        await deliverCards(runtime, turn, [...renderCards(reply), ...direct], "ephemeral", ctx.t);
      } else {
        await deliverCards(runtime, turn, renderCards(reply), "channel", ctx.t);
        if (reply.direct) await deliverDirect(runtime, turn, reply.direct, ctx.t);
      }
    } catch (error) {
      await turn.sendActivities(cardMessages(renderCards(apologise(ctx, error))));
    }
  });
}
