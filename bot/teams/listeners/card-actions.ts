// Buttons in ipsbot cards (the agenda's Discussed): one Action.Execute route per registered
// action, verb = actionId. A reply that replaces the original comes back as the refreshed card
// (teams-ai then updates the message in place); any other reply is shown to the person who
// clicked as the invoke's message answer.
import type { Application } from "@microsoft/teams-ai";
import { apologise, runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { clinicTranslator, contextFromActivity } from "../identity.ts";
import { plainText, renderCards } from "../render-card.ts";
import { cardMessages } from "../reply-delivery.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export function registerCardActions(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  for (const action of actionRegistry) {
    app.adaptiveCards.actionExecute<{ value?: unknown }>(action.actionId, async (turn, _state, data) => {
      const ctx = await contextFromActivity(services, turn.activity, runtime.emulator);
      if (!ctx) return clinicTranslator(services)("teams.unknownSender");
      try {
        const reply = await runAction(ctx, action.actionId, typeof data.value === "string" ? data.value : "");
        if (!reply.replaceOriginal) return plainText(reply);
        const [first, ...rest] = renderCards(reply);
        if (rest.length > 0) await turn.sendActivities(cardMessages(rest));
        return first!;
      } catch (error) {
        return plainText(apologise(ctx, error));
      }
    });
  }
}
