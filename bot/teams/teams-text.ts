// Neutral reply text → Teams. A TextBlock and a message's text are markdown in Teams: `[a](b)` is
// a link, `![a](b)` an image, `*`/`_` formatting, `<at>` a mention, `&#60;` an entity. Every
// piece of text is escaped with backslashes, so it shows as typed; a code span is shown in bold
// (Adaptive Cards have no inline code) and a command reference as `ips …`, as it is typed in Teams.
import { plainOf, spansOf, type Span } from "../../commands/neutral-text.ts";
import { COMMAND_WORD } from "../../commands/registry.ts";

const MARKDOWN_CHARACTERS = /[\\`*_[\]()!<>&~#|]/g;

export function escapeTeamsMarkdown(text: string): string {
  return (
    text
      .replace(MARKDOWN_CHARACTERS, (character) => `\\${character}`)
      // A line that starts like a list item ("- ", "+ ", "1. ") is kept as a line of text.
      .replace(/^(\s*)([-+])(?=\s)/gm, "$1\\$2")
      .replace(/^(\s*\d+)\.(?=\s)/gm, "$1\\.")
  );
}

function spanMarkdown(span: Span): string {
  switch (span.kind) {
    case "text":
      return escapeTeamsMarkdown(span.text);
    case "code":
      return `**${escapeTeamsMarkdown(span.text)}**`;
    case "command":
      return `**${COMMAND_WORD} ${escapeTeamsMarkdown(span.text)}**`;
  }
}

/** For TextBlocks and message text. */
export function teamsMarkdown(text: string): string {
  return spansOf(text).map(spanMarkdown).join("");
}

/** For fields Teams shows as written: button titles, input labels, choices, invoke answers. */
export function teamsPlain(text: string): string {
  return plainOf(text, COMMAND_WORD);
}
