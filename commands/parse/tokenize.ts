// Splits command text into words. Double quotes (straight or typographic, as phones and Slack
// clients produce them) keep spaces inside one word: "ICA Maxi Lindhagen". `key:"a b"` is one
// option word whose value holds a space.

export interface Token {
  text: string;
  quoted: boolean;
}

const OPENING_QUOTES = new Set(['"', "“", "”", "„", "«"]);
const CLOSING_QUOTES = new Set(['"', "”", "“", "»"]);

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; problem: "unclosed-quote" };

export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  const chars = [...input.normalize("NFC")];
  let index = 0;
  while (index < chars.length) {
    if (/\s/u.test(chars[index]!)) {
      index++;
      continue;
    }
    let text = "";
    let quoted = false;
    while (index < chars.length && !/\s/u.test(chars[index]!)) {
      const char = chars[index]!;
      const opensQuote = OPENING_QUOTES.has(char) && (text.length === 0 || text.endsWith(":"));
      if (!opensQuote) {
        text += char;
        index++;
        continue;
      }
      const close = findClosingQuote(chars, index + 1);
      if (close === -1) return { ok: false, problem: "unclosed-quote" };
      quoted = quoted || text.length === 0;
      text += chars.slice(index + 1, close).join("");
      index = close + 1;
    }
    tokens.push({ text, quoted });
  }
  return { ok: true, tokens };
}

function findClosingQuote(chars: string[], from: number): number {
  for (let index = from; index < chars.length; index++) {
    if (CLOSING_QUOTES.has(chars[index]!)) return index;
  }
  return -1;
}
