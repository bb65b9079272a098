// The text of a reply carries no platform's markup. Two kinds of span are marked in it: a code
// (a participant code, what the person typed, an option: monospace in Slack) and a command
// reference (`/ips agenda` in Slack, `ips agenda` in Teams). The marks are Unicode noncharacters,
// which never occur in text people exchange; everything outside a span is literal text that each
// renderer escapes for its own markup, so nothing a person types can become a mention, a link or
// formatting. Prompts write the spans as {=…} and {ips …} (prompts/catalogue.ts); code builds
// them with code() and commandReference().

const CODE_OPEN = "\uFDD0";
const CODE_CLOSE = "\uFDD1";
const COMMAND_OPEN = "\uFDD2";
const COMMAND_CLOSE = "\uFDD3";
const MARKS = /[\uFDD0-\uFDD3]/g;

export type SpanKind = "text" | "code" | "command";

export interface Span {
  kind: SpanKind;
  text: string;
}

/** A literal shown as code: a participant code, an option such as `kind:`, what was typed. */
export function code(text: string): string {
  return `${CODE_OPEN}${withoutMarks(text)}${CODE_CLOSE}`;
}

/** A command the person can type, given by its words after the command word: "participant add P-017". */
export function commandReference(words: string): string {
  return `${COMMAND_OPEN}${withoutMarks(words)}${COMMAND_CLOSE}`;
}

export const SPAN_MARKS = { codeOpen: CODE_OPEN, codeClose: CODE_CLOSE, commandOpen: COMMAND_OPEN, commandClose: COMMAND_CLOSE } as const;

/** The text without any span marks (a mark that is not a span's is dropped). */
export function withoutMarks(text: string): string {
  return text.replace(MARKS, "");
}

/**
 * The spans of a neutral text, in order. A span never nests; an opening mark inside a span, a
 * closing mark outside one and an unclosed span's marks are dropped, so any string reads safely.
 */
export function spansOf(text: string): Span[] {
  const spans: Span[] = [];
  let kind: SpanKind = "text";
  let current = "";
  const flush = () => {
    if (current !== "") spans.push({ kind, text: current });
    current = "";
  };
  for (const character of text) {
    if (character === CODE_OPEN || character === COMMAND_OPEN) {
      if (kind !== "text") continue;
      flush();
      kind = character === CODE_OPEN ? "code" : "command";
    } else if (character === CODE_CLOSE || character === COMMAND_CLOSE) {
      if (kind !== (character === CODE_CLOSE ? "code" : "command")) continue;
      flush();
      kind = "text";
    } else {
      current += character;
    }
  }
  // An unclosed span reads as text.
  if (current !== "") spans.push({ kind: "text", text: current });
  return spans;
}

/** The text with every span written out as plain characters (code as is; commands after `commandWord`). */
export function plainOf(text: string, commandWord: string): string {
  return spansOf(text)
    .map((span) => (span.kind === "command" ? `${commandWord} ${span.text}` : span.text))
    .join("");
}
