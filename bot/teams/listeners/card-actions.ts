// Buttons in ipsbot cards (the agenda's Discussed, a fidelity item's answers): one route per
// registered action, verb = actionId, answered through the responder.
import type { Application } from "@microsoft/teams-ai";
import { runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { onCardAction } from "../card-answer.ts";
import { contextFromActivity } from "../identity.ts";
import { answerInvokeInTeams, UnknownTeamsSender } from "../responder.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export function registerCardActions(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  for (const action of actionRegistry) {
    onCardAction(app, runtime, action.actionId, (turn, data) =>
      answerInvokeInTeams(runtime, turn, "click", async () => {
        const ctx = await contextFromActivity(services, turn.activity, runtime.emulator);
        if (!ctx) throw new UnknownTeamsSender();
        const value = typeof data.value === "string" ? data.value : "";
        // Teams redelivers an invoke (same activity id) when the bot is slow to answer: it is acted on once.
        const deliveryKey = action.sameClickSameAnswer
          ? `teams:${ctx.workspaceId}:click:${turn.activity.replyToId ?? ""}:${action.actionId}:${value}:${ctx.member.platformUserId}`
          : turn.activity.id
            ? `teams:${ctx.workspaceId}:activity:${turn.activity.id}`
            : undefined;
        return { ctx, answer: await runAction(ctx, action.actionId, value, deliveryKey) };
      }),
    );
  }
}
