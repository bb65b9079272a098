// Carries out a delivery plan (commands/delivery-plan.ts) in Teams. A typed message is answered
// with messages: private steps (an answer, a form, the direct part) go together to the person's
// personal chat, so a channel gets one notice; channel posts answer in place. A click or a form
// submission is an invoke whose answer Teams shows on the card: the clicked card is replaced, or
// the person gets a short note; a form card is replaced by its confirmation or redrawn with its
// field errors. Anything that fails on the way is apologised for.
import { randomUUID } from "node:crypto";
import type { Activity, TurnContext } from "botbuilder";
import { installationVoice, type RequestContext } from "../../commands/context.ts";
import { planDelivery, type DeliveryStep, type RequestOrigin } from "../../commands/delivery-plan.ts";
import { apologise } from "../../commands/dispatch.ts";
import { errorReply, type Form, type FormOutcome, type MessageReply, type Reply } from "../../commands/reply.ts";
import type { AdaptiveCard } from "./adaptive-card.ts";
import { replaceWith, tell, type CardAnswer } from "./card-answer.ts";
import { directMessages } from "./direct-message.ts";
import { clinicTranslator, formOrigin } from "./identity.ts";
import { renderCards, replyText } from "./render-card.ts";
import { renderFormCard, type FormCardState } from "./render-form-card.ts";
import { cardMessages, deliverCards, deliverMessages } from "./reply-delivery.ts";
import type { TeamsRuntime } from "./teams-runtime.ts";

/** Teams sent no Entra user or tenant: nobody to act for, so nothing is done. */
export class UnknownTeamsSender extends Error {
  override name = "UnknownTeamsSender";
}

type Request = { ctx: RequestContext; answer: Reply | FormOutcome };

/** The submitted form, for redrawing it with its field errors. */
export interface SubmittedForm {
  form: Form;
  state: FormCardState;
}

/** Runs a typed message and answers it with messages. */
export async function answerTypedInTeams(runtime: TeamsRuntime, turn: TurnContext, run: () => Promise<Request>): Promise<void> {
  let ctx: RequestContext | undefined;
  try {
    const request = await run();
    ctx = request.ctx;
    await carryOutInChat(runtime, turn, planDelivery(request.answer, "typed"), request.ctx);
  } catch (error) {
    const apology = apologyFor(runtime, ctx, error);
    await turn.sendActivities(cardMessages(renderCards(apology)));
  }
}

/** Runs a click or a form submission and returns what its invoke answers. */
export async function answerInvokeInTeams(
  runtime: TeamsRuntime,
  turn: TurnContext,
  origin: Exclude<RequestOrigin, "typed">,
  run: () => Promise<Request & { submitted?: SubmittedForm }>,
): Promise<CardAnswer> {
  let ctx: RequestContext | undefined;
  try {
    const request = await run();
    ctx = request.ctx;
    return await carryOutInInvoke(runtime, turn, planDelivery(request.answer, origin), request.ctx, origin, request.submitted);
  } catch (error) {
    return tell(replyText(apologyFor(runtime, ctx, error)));
  }
}

function apologyFor(runtime: TeamsRuntime, ctx: RequestContext | undefined, error: unknown): MessageReply {
  if (error instanceof UnknownTeamsSender) return errorReply(clinicTranslator(runtime.services)("teams.unknownSender"));
  return apologise(ctx ?? installationVoice(runtime.services), error);
}

const formCard = (form: Form, ctx: RequestContext): AdaptiveCard => renderFormCard(form, { submissionId: randomUUID(), openedIn: formOrigin(ctx) }, ctx.t);

async function carryOutInChat(runtime: TeamsRuntime, turn: TurnContext, steps: readonly DeliveryStep[], ctx: RequestContext): Promise<void> {
  const privately: AdaptiveCard[] = [];
  // In one chat the answer reads first and what it announces (an item card, a file) after it.
  const direct: Partial<Activity>[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case "open-form":
        // A form is private like an ephemeral reply: it is filled in where only its owner sees it.
        privately.push(formCard(step.form, ctx));
        break;
      case "answer-privately":
        privately.push(...renderCards(step.reply));
        break;
      case "send-direct":
        direct.push(...directMessages(step.direct, turn.activity.from?.id ?? "", ctx.clock.now()));
        break;
      case "post-in-channel":
      case "replace-clicked":
        await deliverCards(runtime, turn, renderCards(step.reply), "channel", ctx.t);
        break;
      case "apologise":
        await turn.sendActivities(cardMessages(renderCards(step.reply)));
        break;
      case "show-field-errors":
        throw new Error("a typed message has no form to show errors in");
    }
  }
  if (privately.length + direct.length > 0) await deliverMessages(runtime, turn, [...cardMessages(privately), ...direct], "ephemeral", ctx.t);
}

async function carryOutInInvoke(
  runtime: TeamsRuntime,
  turn: TurnContext,
  steps: readonly DeliveryStep[],
  ctx: RequestContext,
  origin: Exclude<RequestOrigin, "typed">,
  submitted: SubmittedForm | undefined,
): Promise<CardAnswer> {
  let answer: CardAnswer = tell("");
  for (const step of steps) {
    switch (step.kind) {
      case "open-form":
        await deliverCards(runtime, turn, [formCard(step.form, ctx)], "ephemeral", ctx.t);
        answer = tell(ctx.t("teams.formOpened"));
        break;
      case "send-direct":
        await deliverMessages(runtime, turn, directMessages(step.direct, turn.activity.from?.id ?? "", ctx.clock.now()), "ephemeral", ctx.t);
        break;
      case "replace-clicked":
        answer = replaceWith(renderCards(step.reply));
        break;
      case "answer-privately":
      case "post-in-channel":
        // A submitted form card gives way to its confirmation; a click gets a note.
        answer = origin === "form" ? replaceWith(renderCards(step.reply)) : tell(replyText(step.reply));
        break;
      case "show-field-errors":
        if (!submitted) throw new Error("field errors without a submitted form");
        answer = replaceWith([renderFormCard(submitted.form, { ...submitted.state, errors: step.errors }, ctx.t)]);
        break;
      case "apologise":
        answer = tell(replyText(step.reply));
        break;
    }
  }
  return answer;
}
