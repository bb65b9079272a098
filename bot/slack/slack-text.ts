// Neutral reply text → Slack. Slack reads &, < and > as markup (`<!channel>`, `<@U…>`, links), in
// blocks and in a message's top-level `text` alike, so every piece of text is escaped; a code span
// becomes `code` and a command reference `/ips …`.
import { plainOf, spansOf, type Span } from "../../commands/neutral-text.ts";
import { COMMAND_WORD } from "../../commands/registry.ts";

/** Slack reads &, < and > as markup; user-typed text must not become a mention, a broadcast or a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack escapes &, < and > in the text it sends; undo that before parsing. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A backtick would end the code span early: shown as the look-alike modifier letter instead. */
const inCode = (text: string) => escapeMrkdwn(text.replace(/`/g, "\u02cb"));

function spanMrkdwn(span: Span): string {
  switch (span.kind) {
    case "text":
      return escapeMrkdwn(span.text);
    case "code":
      return `\`${inCode(span.text)}\``;
    case "command":
      return `\`/${COMMAND_WORD} ${inCode(span.text)}\``;
  }
}

/** For mrkdwn fields (section and context text). */
export function slackMrkdwn(text: string): string {
  return spansOf(text).map(spanMrkdwn).join("");
}

/** For plain_text fields (headers, buttons, modal labels), which Slack shows as written. */
export function slackPlain(text: string): string {
  return plainOf(text, `/${COMMAND_WORD}`);
}
