// Carries out a delivery plan (commands/delivery-plan.ts) in Slack. A request with a response_url
// (a slash command, a click in a message) is answered through it; a form submission or a click in
// the Home tab has none, so private answers go to the channel the form was opened in (ephemeral)
// or the app's direct messages. Slack is acknowledged first, after the change is committed; a
// form's field errors travel in that acknowledgement, the only place Slack shows them.
import type { AllMiddlewareArgs, RespondFn } from "@slack/bolt";
import { installationVoice, type RequestContext, type Services } from "../../commands/context.ts";
import { planApology, planDelivery, type DeliveryStep, type RequestOrigin } from "../../commands/delivery-plan.ts";
import { apologise } from "../../commands/dispatch.ts";
import type { FormOutcome, MessageReply, Reply } from "../../commands/reply.ts";
import { acknowledgeOnce } from "./acknowledge-once.ts";
import { sendDirectMessage } from "./direct-message.ts";
import { refreshHomeAfterChange } from "./listeners/home-tab.ts";
import { renderMessages } from "./render-blocks.ts";
import { renderModal } from "./render-modal.ts";
import { slackPlain } from "./slack-text.ts";

type WebClient = AllMiddlewareArgs["client"];
type Acknowledgement = { response_action: "errors"; errors: Record<string, string> };

/** Where a Slack request came from and the ways back to its sender. */
export interface SlackPlace {
  client: WebClient;
  userId: string;
  channelId: string | undefined;
  triggerId: string | undefined;
  /** Answers through the request's response_url, when it has one. */
  respond: RespondFn | undefined;
  ack(response?: Acknowledgement): Promise<void>;
}

/**
 * Runs a request (building its context, then the use case) and carries out the plan for its
 * answer; anything that fails on the way is apologised for privately.
 */
export async function answerInSlack(
  services: Services,
  place: SlackPlace,
  origin: RequestOrigin,
  run: () => Promise<{ ctx: RequestContext; answer: Reply | FormOutcome }>,
): Promise<void> {
  const acknowledged = { ...place, ack: acknowledgeOnce(place.ack) };
  let ctx: RequestContext | undefined;
  try {
    const request = await run();
    ctx = request.ctx;
    await carryOut(services, acknowledged, planDelivery(request.answer, origin));
    await refreshHomeAfterChange(place.client, services, ctx);
  } catch (error) {
    await carryOut(services, acknowledged, planApology(apologise(ctx ?? installationVoice(services), error)));
  }
}

async function carryOut(services: Services, place: SlackPlace, steps: readonly DeliveryStep[]): Promise<void> {
  const fieldErrors = steps.find((step) => step.kind === "show-field-errors");
  await place.ack(fieldErrors ? { response_action: "errors", errors: mapValues(fieldErrors.errors, slackPlain) } : undefined);
  for (const step of steps) {
    switch (step.kind) {
      case "show-field-errors":
        break; // sent with the acknowledgement
      case "open-form":
        await place.client.views.open({ trigger_id: place.triggerId ?? "", view: renderModal(step.form, { channelId: place.channelId }) as never });
        break;
      case "send-direct":
        await sendDirectMessage(place.client, place.userId, step.direct);
        break;
      case "answer-privately":
      case "apologise":
        await answerPrivately(services, place, step.reply);
        break;
      case "post-in-channel":
        await postInChannel(place, step.reply);
        break;
      case "replace-clicked":
        await replaceClicked(place, step.reply);
        break;
    }
  }
}

async function answerPrivately(services: Services, place: SlackPlace, reply: MessageReply): Promise<void> {
  for (const message of renderMessages(reply)) {
    if (place.respond) {
      await place.respond({ response_type: "ephemeral", replace_original: false, ...message });
      continue;
    }
    if (place.channelId) {
      try {
        await place.client.chat.postEphemeral({ channel: place.channelId, user: place.userId, ...message });
        continue;
      } catch (error) {
        // The bot may not be in that channel (not_in_channel): a direct message instead.
        services.logger.debug("ephemeral post failed, sending a direct message", { error: String(error) });
      }
    }
    await place.client.chat.postMessage({ channel: place.userId, ...message });
  }
}

async function postInChannel(place: SlackPlace, reply: MessageReply): Promise<void> {
  for (const message of renderMessages(reply)) {
    if (place.respond) await place.respond({ response_type: "in_channel", replace_original: false, ...message });
    else await place.client.chat.postMessage({ channel: place.channelId ?? place.userId, ...message });
  }
}

async function replaceClicked(place: SlackPlace, reply: MessageReply): Promise<void> {
  const responseType = reply.visibility === "channel" ? "in_channel" : "ephemeral";
  const [first, ...rest] = renderMessages(reply);
  // A click in the Home tab has no message to replace: the answer goes to the app's direct messages.
  if (!place.respond) {
    for (const message of [first!, ...rest]) await place.client.chat.postMessage({ channel: place.userId, ...message });
    return;
  }
  await place.respond({ replace_original: true, response_type: responseType, ...first! });
  for (const message of rest) await place.respond({ response_type: responseType, ...message });
}

const mapValues = (record: Readonly<Record<string, string>>, map: (value: string) => string) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
