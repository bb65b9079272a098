// Expected failures (bad input, unknown participant, not allowed) are values with a code and a
// message key. A use case throws a Refusal; the dispatcher turns it into a localised error reply
// and, for forms, a field error. Anything else is unexpected and gets a correlation id.
import type { MessageParams } from "../prompts/catalogue.ts";
import type { PersonRecord } from "../storage/store.ts";
import { containsIdentityNumber } from "./rules/identity-number-guard.ts";

export class Refusal extends Error {
  override name = "Refusal";
  readonly messageKey: string;
  readonly params: MessageParams;
  constructor(
    messageKey: string,
    params: MessageParams = {},
    /** The form field the problem belongs to, when the input came from a form. */
    readonly field?: string,
  ) {
    super(messageKey);
    // A refusal that would echo what was typed never echoes an identity number: whatever else
    // was wrong ("P-811218-9876 is not a code"), the number is what the person must hear about.
    const echoesIdentityNumber = Object.values(params).some((value) => typeof value === "string" && containsIdentityNumber(value));
    this.messageKey = echoesIdentityNumber ? "error.identityNumber" : messageKey;
    this.params = echoesIdentityNumber ? {} : params;
  }
}

export function refuse(messageKey: string, params: MessageParams = {}, field?: string): never {
  throw new Refusal(messageKey, params, field);
}

/** A form's input checked whole: one refusal per field that is wrong, the first also as the refusal itself. */
export class FieldRefusals extends Refusal {
  override name = "FieldRefusals";
  constructor(readonly refusals: readonly (Refusal & { field: string })[]) {
    const [first] = refusals;
    super(first?.messageKey ?? "error.invalidInput", first?.params ?? {}, first?.field);
  }
}

/** The error under each field a refusal names (the first problem per field), localised; empty when it names none. */
export function fieldErrorsOf(t: (key: string, params?: MessageParams) => string, refusal: Refusal): Record<string, string> {
  const refusals = refusal instanceof FieldRefusals ? refusal.refusals : refusal.field ? [refusal] : [];
  const errors: Record<string, string> = {};
  for (const { field, messageKey, params } of refusals) if (field && !(field in errors)) errors[field] = t(messageKey, params);
  return errors;
}

/** "You are not a member (of this clinic) yet": carries the people who can add the person. */
export class NotMemberRefusal extends Refusal {
  override name = "NotMemberRefusal";
  constructor(
    messageKey: string,
    params: MessageParams,
    readonly people: readonly PersonRecord[],
  ) {
    super(messageKey, params);
  }
}
