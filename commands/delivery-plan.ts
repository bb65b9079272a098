// What to do with an answer, decided once for every platform: a use case's reply and where the
// request came from become steps (open a form, answer privately, post in the channel, send to the
// person's direct messages, replace the clicked message, show a form's field errors, apologise).
// Each platform has one responder that carries the steps out its own way (bot/slack/responder.ts,
// bot/teams/responder.ts); listeners only build the request, run it and hand over the plan.
import type { DirectMessage, Form, FormOutcome, MessageReply, Reply } from "./reply.ts";

/** How the request arrived: typed (a slash command, a chat message), a button click, a form submission. */
export type RequestOrigin = "typed" | "click" | "form";

export type DeliveryStep =
  | { kind: "open-form"; form: Form }
  /** Seen only by the person who acted. */
  | { kind: "answer-privately"; reply: MessageReply }
  /** Seen by everyone where the request was made. */
  | { kind: "post-in-channel"; reply: MessageReply }
  /** To the person's direct conversation with the bot (a conversation that continues privately, a file). */
  | { kind: "send-direct"; direct: DirectMessage }
  /** The message whose button was clicked is redrawn with the answer. */
  | { kind: "replace-clicked"; reply: MessageReply }
  /** The form stays open with an error under each field; nothing was stored. */
  | { kind: "show-field-errors"; errors: Readonly<Record<string, string>> }
  /** Something went wrong: said privately, with the correlation id the log has. */
  | { kind: "apologise"; reply: MessageReply };

export function planDelivery(answer: Reply | FormOutcome, origin: RequestOrigin): DeliveryStep[] {
  switch (answer.kind) {
    case "form":
      return [{ kind: "open-form", form: answer.form }];
    case "fieldErrors":
      return [{ kind: "show-field-errors", errors: answer.errors }];
    case "done":
      return planMessage(answer.reply, origin);
    case "message":
      return planMessage(answer, origin);
  }
}

export function planApology(reply: MessageReply): DeliveryStep[] {
  return [{ kind: "apologise", reply }];
}

function planMessage(reply: MessageReply, origin: RequestOrigin): DeliveryStep[] {
  const main: DeliveryStep =
    reply.replaceOriginal && origin === "click"
      ? { kind: "replace-clicked", reply }
      : reply.visibility === "channel"
        ? { kind: "post-in-channel", reply }
        : { kind: "answer-privately", reply };
  // The direct part goes first: an answer saying "it is in your direct messages" is then true when read.
  return reply.direct ? [{ kind: "send-direct", direct: reply.direct }, main] : [main];
}
