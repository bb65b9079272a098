// Neutral reply text (commands/neutral-text.ts), the catalogue's span syntax and the two
// renderers' escaping: spans are written each platform's way, every other character is text.
import { describe, expect, it } from "vitest";
import { escapeMrkdwn, slackMrkdwn, slackPlain } from "../../bot/slack/slack-text.ts";
import { escapeTeamsMarkdown, teamsMarkdown, teamsPlain } from "../../bot/teams/teams-text.ts";
import { code, commandReference, plainOf, SPAN_MARKS, spansOf } from "../../commands/neutral-text.ts";
import { CatalogueError, compileSpans } from "../../prompts/catalogue.ts";

describe("neutral text", () => {
  it("reads code and command spans between plain text", () => {
    expect(spansOf(`Enrolled ${code("P-017")}; see ${commandReference("caseload")}.`)).toEqual([
      { kind: "text", text: "Enrolled " },
      { kind: "code", text: "P-017" },
      { kind: "text", text: "; see " },
      { kind: "command", text: "caseload" },
      { kind: "text", text: "." },
    ]);
  });

  it("reads stray, nested and unclosed marks as nothing, so any string is safe to render", () => {
    const { codeOpen, codeClose, commandOpen, commandClose } = SPAN_MARKS;
    expect(spansOf(`a${codeClose}b`)).toEqual([{ kind: "text", text: "ab" }]);
    expect(spansOf(`${codeOpen}x${commandOpen}y${commandClose}z${codeClose}`)).toEqual([{ kind: "code", text: "xyz" }]);
    expect(spansOf(`${commandOpen}unclosed`)).toEqual([{ kind: "text", text: "unclosed" }]);
    expect(code(`a${codeClose}b`)).toBe(`${codeOpen}ab${codeClose}`);
  });

  it("writes spans out plainly for fields that show text as written", () => {
    expect(plainOf(`${code("P-017")} ${commandReference("agenda")}`, "/ips")).toBe("P-017 /ips agenda");
  });
});

describe("the catalogue's span syntax", () => {
  it("turns {=…} and {ips …} into spans and keeps parameters, also inside spans", () => {
    const compiled = compileSpans("Enrol {={code}} with {ips participant add {code}} in {clinic}.", "test");
    expect(spansOf(compiled)).toEqual([
      { kind: "text", text: "Enrol " },
      { kind: "code", text: "{code}" },
      { kind: "text", text: " with " },
      { kind: "command", text: "participant add {code}" },
      { kind: "text", text: " in {clinic}." },
    ]);
  });

  it.each([
    ["backticks", "Type `P-017`", "backticks"],
    ["a Slack command", "Type /ips help", "{ips …}"],
    ["a nested span", "{={ips help}}", "cannot hold"],
    ["an unclosed span", "Type {=P-017", "not closed"],
    ["a lone brace", "Type } here", "lone"],
  ])("refuses %s at start-up", (_what, template, message) => {
    expect(() => compileSpans(template, "en.json x")).toThrow(CatalogueError);
    expect(() => compileSpans(template, "en.json x")).toThrow(message);
  });
});

describe("Slack text", () => {
  it("escapes &, < and > everywhere mrkdwn is read, inside code too", () => {
    expect(escapeMrkdwn("<!channel> & <https://x|y>")).toBe("&lt;!channel&gt; &amp; &lt;https://x|y&gt;");
    expect(slackMrkdwn(`Nord <!here> ${code("<@U1>`x")} ${commandReference("agenda")}`)).toBe("Nord &lt;!here&gt; `&lt;@U1&gt;\u02cbx` `/ips agenda`");
  });

  it("writes plain_text fields as typed, with commands as Slack users type them", () => {
    expect(slackPlain(`${code("P-017")} <b> ${commandReference("help")}`)).toBe("P-017 <b> /ips help");
  });
});

describe("Teams text", () => {
  it("escapes every markdown character, list starts, mentions and entities", () => {
    expect(escapeTeamsMarkdown("[a](https://e) ![i](x) **b** _i_ `c` <at>O</at> &#60; ~s~ \\")).toBe(
      "\\[a\\]\\(https://e\\) \\!\\[i\\]\\(x\\) \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\<at\\>O\\</at\\> \\&\\#60; \\~s\\~ \\\\",
    );
    expect(escapeTeamsMarkdown("- one\n+ two\n3. three")).toBe("\\- one\n\\+ two\n3\\. three");
  });

  it("writes code in bold and commands as Teams users type them, escaped inside too", () => {
    expect(teamsMarkdown(`${code("a_b")} and ${commandReference("participant add <code>")}`)).toBe("**a\\_b** and **ips participant add \\<code\\>**");
    expect(teamsPlain(`${code("P-017")} ${commandReference("help")}`)).toBe("P-017 ips help");
  });
});
