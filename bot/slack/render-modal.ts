// Platform-neutral forms ↔ Slack modals: a form becomes a view; a view_submission's state
// becomes the plain field values the form's use case validates.
import type { Form, FormField } from "../../commands/reply.ts";
import { slackPlain } from "./slack-text.ts";

const plainText = (text: string) => ({ type: "plain_text", text: slackPlain(text).slice(0, 150), emoji: true });

function fieldElement(field: FormField): Record<string, unknown> {
  switch (field.kind) {
    case "text":
      return {
        type: "plain_text_input",
        action_id: field.id,
        multiline: field.multiline ?? false,
        max_length: field.maxLength,
        ...(field.placeholder ? { placeholder: plainText(field.placeholder) } : {}),
        ...(field.initial ? { initial_value: field.initial } : {}),
      };
    case "select": {
      const options = field.options.map((option) => ({ text: plainText(option.label), value: option.value }));
      const initial = options.find((option) => option.value === field.initial);
      return { type: "static_select", action_id: field.id, options: options.slice(0, 100), ...(initial ? { initial_option: initial } : {}) };
    }
    case "date":
      return { type: "datepicker", action_id: field.id, initial_date: field.initial };
  }
}

/** What a modal carries back on submission: where it was opened and the form's hidden values. */
interface ModalMetadata {
  channelId?: string;
  hidden?: Record<string, string>;
}

export function renderModal(form: Form, opened: { channelId?: string }): Record<string, unknown> {
  const metadata: ModalMetadata = { channelId: opened.channelId, ...(form.hidden ? { hidden: form.hidden } : {}) };
  return {
    type: "modal",
    callback_id: form.formId,
    private_metadata: JSON.stringify(metadata),
    title: plainText(form.title.slice(0, 24)),
    submit: plainText(form.submitLabel.slice(0, 24)),
    close: plainText(form.cancelLabel.slice(0, 24)),
    blocks: form.fields.map((field) => ({
      type: "input",
      block_id: field.id,
      optional: !field.required,
      label: plainText(field.label),
      element: fieldElement(field),
    })),
  };
}

interface SlackStateValue {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
}

/** The submitted value of each field, whatever element type carried it. */
export function readModalValues(state: { values?: Record<string, Record<string, SlackStateValue>> } | undefined): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    for (const element of Object.values(actions)) {
      values[blockId] = element.value ?? element.selected_date ?? element.selected_option?.value ?? undefined;
    }
  }
  return values;
}

/** The channel the modal was opened from and its hidden values, read back from private_metadata. */
export function readModalMetadata(privateMetadata: string | undefined): { channelId: string | undefined; hidden: Record<string, string> } {
  try {
    const parsed = JSON.parse(privateMetadata ?? "") as { channelId?: unknown; hidden?: unknown };
    const hidden: Record<string, string> = {};
    if (parsed.hidden && typeof parsed.hidden === "object") {
      for (const [key, value] of Object.entries(parsed.hidden)) if (typeof value === "string") hidden[key] = value;
    }
    return { channelId: typeof parsed.channelId === "string" ? parsed.channelId : undefined, hidden };
  } catch {
    return { channelId: undefined, hidden: {} };
  }
}
