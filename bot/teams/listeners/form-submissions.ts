// Form cards: one route per registered form, verb `form:<formId>`. Field errors redraw the form
// with the values typed and each error under its field; success replaces the form with the
// confirmation. The card's submission id makes a repeated submission of one card store once.
import type { Application } from "@microsoft/teams-ai";
import { apologise, submitForm } from "../../../commands/dispatch.ts";
import { installationVoice } from "../../../commands/context.ts";
import { formRegistry } from "../../../commands/registry.ts";
import { adaptiveCard } from "../adaptive-card.ts";
import { onCardAction, replaceWith, tell } from "../card-answer.ts";
import { clinicTranslator, contextFromActivity, inClinicWhereOpened } from "../identity.ts";
import { replyText, renderCards } from "../render-card.ts";
import { FORM_CANCEL_VERB, formVerb, readFormCardData, readFormValues, renderFormCard } from "../render-form-card.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export function registerFormSubmissions(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  const t = clinicTranslator(services);

  for (const form of formRegistry) {
    onCardAction(app, runtime, formVerb(form.formId), async (turn, data) => {
      const submitted = readFormCardData(data);
      if (!submitted || submitted.form.formId !== form.formId) return tell(t("teams.formExpired"));
      let ctx;
      try {
        const sender = await contextFromActivity(services, turn.activity, runtime.emulator);
        if (!sender) return tell(t("teams.unknownSender"));
        ctx = await inClinicWhereOpened(sender, submitted.openedIn);
      } catch (error) {
        return tell(replyText(apologise(installationVoice(services), error)));
      }
      try {
        const values = readFormValues(submitted.form, data);
        const requestKey = `teams:${ctx.workspaceId}:${ctx.member.platformUserId}:${submitted.submissionId}`;
        const outcome = await submitForm(ctx, form.formId, values, requestKey, submitted.form.hidden ?? {});
        if (outcome.kind === "fieldErrors") {
          const state = { submissionId: submitted.submissionId, openedIn: submitted.openedIn, values, errors: outcome.errors };
          return replaceWith([renderFormCard(submitted.form, state, ctx.t)]);
        }
        return replaceWith(renderCards(outcome.reply));
      } catch (error) {
        return tell(replyText(apologise(ctx, error)));
      }
    });
  }

  onCardAction(app, runtime, FORM_CANCEL_VERB, async () => replaceWith([adaptiveCard([{ type: "TextBlock", text: t("teams.formClosed"), isSubtle: true, wrap: true }])]));
}
