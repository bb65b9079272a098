// The platform-neutral reply a command returns. bot/slack renders it as Block Kit, bot/teams
// as Adaptive Cards; commands never know which.

export type Tone = "info" | "success" | "warning" | "error";

export interface Button {
  actionId: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
}

export type Block =
  | { type: "heading"; text: string }
  | { type: "text"; text: string; tone?: Tone }
  | { type: "context"; text: string }
  | { type: "table"; columns: string[]; rows: string[][] }
  | { type: "item"; text: string; detail?: string; button?: Button; extraButtons?: Button[] }
  /** A row of buttons (answers, navigation). Buttons in one row may share an actionId. */
  | { type: "actions"; buttons: Button[] }
  /** People named so they notice: a mention in Slack, a name in Teams. */
  | { type: "people"; people: Person[] }
  | { type: "divider" };

export interface Person {
  platform: string;
  platformUserId: string;
  displayName: string;
}

/** A file handed to the person, e.g. a CSV export. */
export interface FileAttachment {
  name: string;
  title: string;
  mediaType: "text/csv" | "application/json";
  content: string;
}

export interface MessageReply {
  kind: "message";
  /** Ephemeral replies are seen only by the person who acted. */
  visibility: "ephemeral" | "channel";
  /** Replace the message whose button was clicked, instead of adding a new one. */
  replaceOriginal?: boolean;
  blocks: Block[];
  /**
   * Sent to the actor's direct conversation with the bot (a Slack DM, a Teams personal chat),
   * besides this reply: for conversations that continue privately, and for files.
   */
  direct?: DirectMessage;
}

export interface DirectMessage {
  blocks: Block[];
  file?: FileAttachment;
}

export type FormField =
  | { kind: "text"; id: string; label: string; required: boolean; maxLength: number; multiline?: boolean; placeholder?: string; initial?: string }
  | { kind: "select"; id: string; label: string; required: boolean; options: { value: string; label: string }[]; initial?: string }
  | { kind: "date"; id: string; label: string; required: boolean; initial: string };

export interface Form {
  /** Names the use case that receives the submission. */
  formId: string;
  title: string;
  submitLabel: string;
  cancelLabel: string;
  fields: FormField[];
  /** Values the submission carries back unseen (e.g. which clinic a settings form is for). Untrusted on return. */
  hidden?: Record<string, string>;
}

export interface FormReply {
  kind: "form";
  form: Form;
}

export type Reply = MessageReply | FormReply;

/** The answer to a form submission: field errors keep the form open; otherwise a message. */
export type FormOutcome = { kind: "fieldErrors"; errors: Record<string, string> } | { kind: "done"; reply: MessageReply };

export function ephemeral(...blocks: Block[]): MessageReply {
  return { kind: "message", visibility: "ephemeral", blocks };
}

export function errorReply(text: string, usage?: string): MessageReply {
  return ephemeral({ type: "text", text, tone: "error" }, ...(usage ? [{ type: "context", text: usage } as const] : []));
}
