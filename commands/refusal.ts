// Expected failures (bad input, unknown participant, not allowed) are values with a code and a
// message key. A use case throws a Refusal; the dispatcher turns it into a localised error reply
// and, for forms, a field error. Anything else is unexpected and gets a correlation id.
import type { MessageParams } from "../prompts/catalogue.ts";

export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly messageKey: string,
    readonly params: MessageParams = {},
    /** The form field the problem belongs to, when the input came from a form. */
    readonly field?: string,
  ) {
    super(messageKey);
  }
}

export function refuse(messageKey: string, params: MessageParams = {}, field?: string): never {
  throw new Refusal(messageKey, params, field);
}
