// A typed message (`ips contact "ICA Maxi" for P-017`, or `@ipsbot agenda` in a channel): run it
// as Slack runs the text after `/ips`, and hand its answer to the responder.
import type { Application } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import { runCommandText } from "../../../commands/dispatch.ts";
import { contextFromActivity } from "../identity.ts";
import { commandTextOf } from "../message-text.ts";
import { teamsMentions } from "../mentions.ts";
import { rememberConversation } from "../installations.ts";
import { answerTypedInTeams, UnknownTeamsSender } from "../responder.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

/** Typed text; a message carrying a `value` is a card's Action.Submit (card-answer.ts) even with empty text. */
const isTypedMessage = async ({ activity }: TurnContext) => activity.type === "message" && typeof activity.text === "string" && (typeof activity.value !== "object" || activity.value === null);

export function registerCommandMessages(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  app.message(isTypedMessage, async (turn) => {
    await answerTypedInTeams(runtime, turn, async () => {
      const ctx = await contextFromActivity(services, turn.activity, runtime.emulator, teamsMentions(turn, runtime.emulator));
      if (!ctx) throw new UnknownTeamsSender();
      // Bookkeeping for later removals: a failure here must not cost the user their answer.
      await rememberConversation(runtime, turn.activity, ctx).catch((error: unknown) => services.logger.warn("could not record a Teams conversation", { error: String(error) }));
      // Teams redelivers an activity (same id) when the bot is slow to answer: it is acted on once.
      const deliveryKey = turn.activity.id ? `teams:${ctx.workspaceId}:activity:${turn.activity.id}` : undefined;
      return { ctx, answer: await runCommandText(ctx, commandTextOf(turn.activity), deliveryKey) };
    });
  });
}
