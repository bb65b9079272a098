import { describe, expect, it } from "vitest";
import { renderMessage, slackActionIdPattern } from "../../bot/slack/render-blocks.ts";
import { readModalMetadata, renderModal } from "../../bot/slack/render-modal.ts";
import { ephemeral } from "../../commands/reply.ts";

describe("Slack button rows", () => {
  it("renders a row of buttons with action ids unique in the message", () => {
    const { blocks } = renderMessage(
      ephemeral(
        { type: "actions", buttons: [1, 2].map((score) => ({ actionId: "fidelity.answer", label: String(score), value: `1:caseload:${score}` })) },
        { type: "actions", buttons: [{ actionId: "fidelity.answer", label: "Skip", value: "1:caseload:skip", style: "danger" }, { actionId: "fidelity.back", label: "Back", value: "1:caseload" }] },
      ),
    );
    expect(blocks).toEqual([
      {
        type: "actions",
        elements: [
          { type: "button", action_id: "fidelity.answer#0", value: "1:caseload:1", text: { type: "plain_text", text: "1", emoji: true } },
          { type: "button", action_id: "fidelity.answer#1", value: "1:caseload:2", text: { type: "plain_text", text: "2", emoji: true } },
        ],
      },
      {
        type: "actions",
        elements: [
          { type: "button", action_id: "fidelity.answer#2", value: "1:caseload:skip", text: { type: "plain_text", text: "Skip", emoji: true }, style: "danger" },
          { type: "button", action_id: "fidelity.back#3", value: "1:caseload", text: { type: "plain_text", text: "Back", emoji: true } },
        ],
      },
    ]);
  });

  it("routes numbered and plain action ids to the registered action, and nothing else", () => {
    const pattern = slackActionIdPattern("fidelity.answer");
    expect(["fidelity.answer", "fidelity.answer#0", "fidelity.answer#17"].map((id) => pattern.test(id))).toEqual([true, true, true]);
    expect(["fidelityXanswer", "fidelity.answer#", "fidelity.answer#1x", "fidelity.answers", "x.fidelity.answer"].map((id) => pattern.test(id))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("carries a form's hidden values in the modal's private metadata and reads them back", () => {
    const view = renderModal(
      { formId: "fidelity-note", title: "Note on item 23", submitLabel: "Save", cancelLabel: "Cancel", fields: [], hidden: { target: "4:caseload" } },
      { channelId: "D0SPEC1" },
    );
    expect(readModalMetadata(view.private_metadata as string)).toEqual({ channelId: "D0SPEC1", hidden: { target: "4:caseload" } });
    expect(readModalMetadata("not json")).toEqual({ channelId: undefined, hidden: {} });
    expect(readModalMetadata(JSON.stringify({ hidden: { target: 7, other: "x" } }))).toEqual({ channelId: undefined, hidden: { other: "x" } });
  });
});
