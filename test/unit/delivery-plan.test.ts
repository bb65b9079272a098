// One delivery plan for both platforms (commands/delivery-plan.ts): what a reply and its origin
// become, before either responder carries it out.
import { describe, expect, it } from "vitest";
import { planApology, planDelivery } from "../../commands/delivery-plan.ts";
import type { Form, MessageReply } from "../../commands/reply.ts";

const text = (visibility: MessageReply["visibility"], extra: Partial<MessageReply> = {}): MessageReply => ({ kind: "message", visibility, blocks: [{ type: "text", text: "x" }], ...extra });
const form: Form = { formId: "f", title: "F", submitLabel: "Save", cancelLabel: "Cancel", fields: [] };

describe("the delivery plan", () => {
  it("opens a form, wherever it was asked for", () => {
    for (const origin of ["typed", "click", "form"] as const) expect(planDelivery({ kind: "form", form }, origin)).toEqual([{ kind: "open-form", form }]);
  });

  it("answers privately or in the channel as the reply says", () => {
    expect(planDelivery(text("ephemeral"), "typed")).toEqual([{ kind: "answer-privately", reply: text("ephemeral") }]);
    expect(planDelivery(text("channel"), "typed")).toEqual([{ kind: "post-in-channel", reply: text("channel") }]);
  });

  it("replaces the clicked message only for a click", () => {
    const replacing = text("channel", { replaceOriginal: true });
    expect(planDelivery(replacing, "click")).toEqual([{ kind: "replace-clicked", reply: replacing }]);
    expect(planDelivery(replacing, "typed")).toEqual([{ kind: "post-in-channel", reply: replacing }]);
    expect(planDelivery({ kind: "done", reply: replacing }, "form")).toEqual([{ kind: "post-in-channel", reply: replacing }]);
  });

  it("sends the direct part first, so an answer that announces it is true when read", () => {
    const direct = { blocks: [{ type: "text" as const, text: "item 1" }] };
    const reply = text("ephemeral", { direct });
    expect(planDelivery(reply, "typed")).toEqual([{ kind: "send-direct", direct }, { kind: "answer-privately", reply }]);
  });

  it("keeps a form open with its field errors, and apologises privately", () => {
    expect(planDelivery({ kind: "fieldErrors", errors: { note: "too long" } }, "form")).toEqual([{ kind: "show-field-errors", errors: { note: "too long" } }]);
    expect(planApology(text("ephemeral"))).toEqual([{ kind: "apologise", reply: text("ephemeral") }]);
  });
});
