// Buttons in ipsbot cards (the agenda's Discussed, a fidelity item's answers): one route per
// registered action, verb = actionId. A reply that replaces the original comes back as the
// refreshed card; a form opens privately; any other reply is a short note for the person who
// clicked. A reply's direct part goes to the person's 1:1 chat.
import { randomUUID } from "node:crypto";
import type { Application } from "@microsoft/teams-ai";
import { apologise, runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { onCardAction, replaceWith, tell } from "../card-answer.ts";
import { deliverDirect } from "../direct-message.ts";
import { installationVoice } from "../../../commands/context.ts";
import { clinicTranslator, contextFromActivity, formOrigin } from "../identity.ts";
import { replyText, renderCards } from "../render-card.ts";
import { renderFormCard } from "../render-form-card.ts";
import { deliverCards } from "../reply-delivery.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export function registerCardActions(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  for (const action of actionRegistry) {
    onCardAction(app, runtime, action.actionId, async (turn, data) => {
      let ctx;
      try {
        ctx = await contextFromActivity(services, turn.activity, runtime.emulator);
      } catch (error) {
        return tell(replyText(apologise(installationVoice(services), error)));
      }
      if (!ctx) return tell(clinicTranslator(services)("teams.unknownSender"));
      try {
        // Teams redelivers an invoke (same activity id) when the bot is slow to answer: it is acted on once.
        const value = typeof data.value === "string" ? data.value : "";
        const deliveryKey = action.sameClickSameAnswer
          ? `teams:${ctx.workspaceId}:click:${turn.activity.replyToId ?? ""}:${action.actionId}:${value}:${ctx.member.platformUserId}`
          : turn.activity.id
            ? `teams:${ctx.workspaceId}:activity:${turn.activity.id}`
            : undefined;
        const reply = await runAction(ctx, action.actionId, typeof data.value === "string" ? data.value : "", deliveryKey);
        if (reply.kind === "form") {
          const form = renderFormCard(reply.form, { submissionId: randomUUID(), openedIn: formOrigin(ctx) }, ctx.t);
          await deliverCards(runtime, turn, [form], "ephemeral", ctx.t);
          return tell(ctx.t("teams.formOpened"));
        }
        if (reply.direct) await deliverDirect(runtime, turn, reply.direct, ctx.t);
        return reply.replaceOriginal ? replaceWith(renderCards(reply)) : tell(replyText(reply));
      } catch (error) {
        return tell(replyText(apologise(ctx, error)));
      }
    });
  }
}
