// Form cards: one route per registered form, verb `form:<formId>`, answered through the responder:
// field errors redraw the form with the values typed and each error under its field; success
// replaces the form with the confirmation. The card's submission id makes a repeated submission
// of one card store once.
import type { Application } from "@microsoft/teams-ai";
import { reopenForm, submitForm } from "../../../commands/dispatch.ts";
import { formRegistry } from "../../../commands/registry.ts";
import { adaptiveCard } from "../adaptive-card.ts";
import { onCardAction, replaceWith, tell } from "../card-answer.ts";
import { clinicTranslator, contextFromActivity, inClinicWhereOpened } from "../identity.ts";
import { textBlock } from "../render-card.ts";
import { FORM_CANCEL_VERB, formVerb, readFormCardData, readFormValues } from "../render-form-card.ts";
import { answerInvokeInTeams, UnknownTeamsSender } from "../responder.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export function registerFormSubmissions(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;
  const t = clinicTranslator(services);

  for (const form of formRegistry) {
    onCardAction(app, runtime, formVerb(form.formId), async (turn, data) => {
      const submitted = readFormCardData(data);
      if (!submitted || submitted.formId !== form.formId) return tell(t("teams.formExpired"));
      return answerInvokeInTeams(runtime, turn, "form", async () => {
        const sender = await contextFromActivity(services, turn.activity, runtime.emulator);
        if (!sender) throw new UnknownTeamsSender();
        const ctx = await inClinicWhereOpened(sender, submitted.openedIn);
        // The form is rebuilt from its spec, to read the inputs it has and to redraw it with errors.
        const reopened = await reopenForm(ctx, form.formId, submitted.hidden);
        if (reopened.kind === "message") return { ctx, answer: reopened };
        const values = readFormValues(reopened.form, data);
        const requestKey = `teams:${ctx.workspaceId}:${ctx.member.platformUserId}:${submitted.submissionId}`;
        const answer = await submitForm(ctx, form.formId, values, requestKey, submitted.hidden);
        const state = { submissionId: submitted.submissionId, openedIn: submitted.openedIn, values };
        return { ctx, answer, submitted: { form: reopened.form, state } };
      });
    });
  }

  onCardAction(app, runtime, FORM_CANCEL_VERB, async () => replaceWith([adaptiveCard([textBlock(t("teams.formClosed"), { isSubtle: true })])]));
}
