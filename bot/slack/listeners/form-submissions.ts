// Modal submissions: the form's use case validates before anything is stored; field errors go
// back in the acknowledgement and keep the modal open, a confirmation is posted where the form
// was opened (through the responder).
import type { App } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { submitForm } from "../../../commands/dispatch.ts";
import { formRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { readModalMetadata, readModalValues } from "../render-modal.ts";
import { answerInSlack } from "../responder.ts";

export function registerFormSubmissions(app: App, services: Services): void {
  for (const form of formRegistry) {
    app.view(form.formId, async ({ ack, body, view, client }) => {
      const { channelId, hidden } = readModalMetadata(view.private_metadata);
      const place = { client, userId: body.user.id, channelId, triggerId: undefined, respond: undefined, ack: (response?: object) => ack(response as never) };
      await answerInSlack(services, place, "form", async () => {
        const ctx = await contextFromInteraction(services, client, body, channelId);
        return { ctx, answer: await submitForm(ctx, form.formId, readModalValues(view.state), `slack:view:${view.id}`, hidden) };
      });
    });
  }
}
