// Sends rendered cards where a reply belongs. Slack shows ephemeral replies to one person inside
// the channel; Teams cannot, so in a channel or group chat they go to the person's 1:1 chat with
// the bot and the channel gets a one-line notice. In a personal chat everything answers in place.
import { MessageFactory, type Activity, type ConversationParameters, type TurnContext } from "botbuilder";
import type { Translate } from "../../prompts/catalogue.ts";
import { cardAttachment, type AdaptiveCard } from "./adaptive-card.ts";
import { tenantOf } from "./identity.ts";
import { teamsMarkdown } from "./teams-text.ts";
import { BOT_CONNECTOR_AUDIENCE, type TeamsRuntime } from "./teams-runtime.ts";

export type Audience = "ephemeral" | "channel";

function isPersonalChat(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === "personal" || (!activity.conversation?.isGroup && activity.conversation?.conversationType === undefined);
}

export const cardMessages = (cards: readonly AdaptiveCard[]): Partial<Activity>[] => cards.map((card) => MessageFactory.attachment(cardAttachment(card)));

export function deliverCards(runtime: TeamsRuntime, turn: TurnContext, cards: readonly AdaptiveCard[], audience: Audience, t: Translate): Promise<void> {
  return deliverMessages(runtime, turn, cardMessages(cards), audience, t);
}

export async function deliverMessages(runtime: TeamsRuntime, turn: TurnContext, messages: Partial<Activity>[], audience: Audience, t: Translate): Promise<void> {
  if (audience === "channel" || isPersonalChat(turn.activity)) {
    await turn.sendActivities(messages);
    return;
  }
  const name = turn.activity.from?.name ?? "";
  try {
    await sendInPersonalChat(runtime, turn.activity, messages);
  } catch (error) {
    runtime.services.logger.warn("could not open a personal chat for a private reply", { error: String(error) });
    await turn.sendActivity(MessageFactory.text(teamsMarkdown(t("teams.privateChatFailed", { name }))));
    return;
  }
  await turn.sendActivity(MessageFactory.text(teamsMarkdown(t("teams.sentPrivately", { name }))));
}

/** Opens (or finds: Teams returns the existing one) the sender's 1:1 chat with the bot and posts there. */
async function sendInPersonalChat(runtime: TeamsRuntime, activity: Activity, messages: Partial<Activity>[]): Promise<void> {
  const tenantId = tenantOf(activity);
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [activity.from],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  } as ConversationParameters;
  let failure: unknown;
  await runtime.adapter.createConversationAsync(runtime.botAppId, activity.channelId, activity.serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters, async (personal) => {
    // The adapter hands errors in this callback to its turn-error handler, not to the caller.
    try {
      await personal.sendActivities(messages);
    } catch (error) {
      failure = error;
    }
  });
  if (failure !== undefined) throw failure;
}
