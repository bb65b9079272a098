// Platform-neutral forms ↔ Adaptive Cards. A form becomes a card with inputs and an
// Action.Execute whose verb names the form; the submission's data carries the input values, the
// form's id and hidden values, and the card's submission id. The form itself is not sent back and
// forth: ipsbot rebuilds it from its spec to read the values and to redraw it with field errors
// (as a Slack modal stays open), so nothing the client sends decides what a form shows.
import { z } from "zod";
import type { Form, FormField } from "../../commands/reply.ts";
import type { Translate } from "../../prompts/catalogue.ts";
import { adaptiveCard, universalAction, type AdaptiveCard, type CardElement } from "./adaptive-card.ts";
import { textBlock } from "./render-card.ts";
import { teamsPlain } from "./teams-text.ts";

export const FORM_VERB_PREFIX = "form:";
export const FORM_CANCEL_VERB = "form.cancel";
const INPUT_PREFIX = "field.";

export const formVerb = (formId: string) => `${FORM_VERB_PREFIX}${formId}`;

/** What an Action.Execute of a form card carries besides the inputs. */
export interface FormCardData {
  formId: string;
  /** The form's hidden values travel with it and come back untrusted, like everything else here. */
  hidden: Record<string, string>;
  /** Identifies this card: a redelivered or repeated submission of it is stored once. */
  submissionId: string;
  /**
   * The channel or group chat the form was asked for in, when it was sent to the personal chat
   * instead (as Slack's modal remembers its channel). Untrusted on return: see identity.ts.
   */
  openedIn?: string;
}

const hiddenSchema = z.record(z.string().max(100), z.string().max(500));
const dataSchema = z.union([
  z.object({ formId: z.string().max(100), hidden: hiddenSchema.optional(), submissionId: z.string().regex(/^[0-9a-f-]{36}$/), openedIn: z.string().max(300).optional() }),
  // Cards sent before forms were rebuilt from their specs carried the whole form: only its id and hidden values are read.
  z
    .object({ form: z.object({ formId: z.string().max(100), hidden: hiddenSchema.optional() }), submissionId: z.string().regex(/^[0-9a-f-]{36}$/), openedIn: z.string().max(300).optional() })
    .transform(({ form, ...rest }) => ({ formId: form.formId, hidden: form.hidden, ...rest })),
]);

export interface FormCardState {
  submissionId: string;
  openedIn?: string;
  values?: Readonly<Record<string, string | undefined>>;
  errors?: Readonly<Record<string, string>>;
}

function input(field: FormField, value: string | undefined, t: Translate): CardElement {
  // Teams checks required inputs before sending and shows errorMessage under an empty one.
  const required = field.required ? { isRequired: true, errorMessage: teamsPlain(t("teams.fieldRequired", { field: field.label })) } : {};
  const common = { id: `${INPUT_PREFIX}${field.id}`, label: teamsPlain(field.label), ...required };
  switch (field.kind) {
    case "text":
      return {
        type: "Input.Text",
        ...common,
        maxLength: field.maxLength,
        ...(field.multiline ? { isMultiline: true } : {}),
        ...(field.placeholder ? { placeholder: teamsPlain(field.placeholder) } : {}),
        ...(value ? { value } : {}),
      };
    case "select":
      return {
        type: "Input.ChoiceSet",
        ...common,
        choices: field.options.map((option) => ({ title: teamsPlain(option.label), value: option.value })),
        ...(value ? { value } : {}),
      };
    case "date":
      return { type: "Input.Date", ...common, ...(value ? { value } : {}) };
  }
}

export function renderFormCard(form: Form, state: FormCardState, t: Translate): AdaptiveCard {
  const body: CardElement[] = [textBlock(form.title, { size: "Medium", weight: "Bolder" })];
  for (const field of form.fields) {
    // A redrawn form shows what was submitted, even an emptied field.
    body.push(input(field, state.values ? state.values[field.id] : field.initial, t));
    const error = state.errors?.[field.id];
    if (error) body.push(textBlock(error, { color: "Attention", spacing: "Small" }));
  }
  const data: FormCardData = { formId: form.formId, hidden: form.hidden ?? {}, submissionId: state.submissionId, ...(state.openedIn ? { openedIn: state.openedIn } : {}) };
  return adaptiveCard(body, [
    universalAction(teamsPlain(form.submitLabel), formVerb(form.formId), { ...data }, { style: "positive", associatedInputs: "auto" }),
    universalAction(teamsPlain(form.cancelLabel), FORM_CANCEL_VERB, { formId: form.formId }, { associatedInputs: "none" }),
  ]);
}

/** The form id, hidden values and submission id an Action.Execute carried, or undefined when they are not a form's. */
export function readFormCardData(data: unknown): FormCardData | undefined {
  const parsed = dataSchema.safeParse(data);
  return parsed.success ? { ...parsed.data, hidden: parsed.data.hidden ?? {} } : undefined;
}

/** The submitted value of each of the form's fields; empty inputs count as not given. */
export function readFormValues(form: Form, data: Readonly<Record<string, unknown>>): Record<string, string | undefined> {
  return Object.fromEntries(
    form.fields.map((field) => {
      const value = data[`${INPUT_PREFIX}${field.id}`];
      return [field.id, typeof value === "string" && value.trim() !== "" ? value : undefined];
    }),
  );
}
