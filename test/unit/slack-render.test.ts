import { describe, expect, it } from "vitest";
import { MAX_BLOCKS_PER_MESSAGE, renderMessage, renderMessages } from "../../bot/slack/render-blocks.ts";
import { escapeMrkdwn, unescapeSlackText } from "../../bot/slack/slack-text.ts";
import { ephemeral, type Block } from "../../commands/reply.ts";

describe("Slack rendering", () => {
  it("escapes user text so it cannot become a mention or a link", () => {
    expect(escapeMrkdwn("<!channel> & <https://x|y>")).toBe("&lt;!channel&gt; &amp; &lt;https://x|y&gt;");
    const { blocks } = renderMessage(ephemeral({ type: "text", text: "Café Åsa & Söner <!here>" }));
    expect(blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "Café Åsa &amp; Söner &lt;!here&gt;" } }]);
  });

  it("reads Slack's escaped command text back as typed", () => {
    expect(unescapeSlackText("Caf\u00e9 &amp; S\u00f6ner &lt;3 &amp;amp;")).toBe("Café & Söner <3 &amp;");
  });

  it("aligns a table in a code block", () => {
    const { blocks } = renderMessage(ephemeral({ type: "table", columns: ["Code", "Days"], rows: [["P-1", "5"], ["P-100", "12"]] }));
    expect(blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "```Code   Days\nP-1    5\nP-100  12```" } }]);
  });

  it("puts a button beside an item", () => {
    const { blocks } = renderMessage(
      ephemeral({ type: "item", text: "P-1: reason", detail: "by a", button: { actionId: "x.y", label: "Discussed", value: "7", style: "primary" } }),
    );
    expect(blocks[0]).toMatchObject({ accessory: { type: "button", action_id: "x.y", value: "7", style: "primary" } });
  });

  it("splits a reply into messages of at most 50 blocks", () => {
    const items: Block[] = Array.from({ length: 120 }, (_, index) => ({ type: "item", text: `P-${index}` }));
    const messages = renderMessages(ephemeral({ type: "heading", text: "Agenda" }, ...items));
    expect(messages.map((message) => message.blocks.length)).toEqual([50, 50, 21]);
    expect(messages.every((message) => message.blocks.length <= MAX_BLOCKS_PER_MESSAGE)).toBe(true);
    expect(messages.flatMap((message) => message.blocks)).toHaveLength(121);
  });

  it("still sends one message for an empty reply", () => {
    expect(renderMessages(ephemeral())).toHaveLength(1);
  });
});
