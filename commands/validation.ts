// zod schemas for the values commands accept, whether typed inline or submitted from a form.
// Each problem is a message key plus parameters, so the same check yields the same localised
// answer on every platform, and a form can show it beside the field it belongs to.
import { z } from "zod";
import type { MessageParams } from "../prompts/catalogue.ts";
import { isCalendarDay, type CalendarDay } from "./rules/calendar-day.ts";
import { containsIdentityNumber } from "./rules/identity-number-guard.ts";
import { normaliseParticipantCode } from "./rules/participant-code.ts";
import { FieldRefusals, Refusal } from "./refusal.ts";

export const NOTE_MAX_LENGTH = 1000;

function problem(ctx: z.RefinementCtx, messageKey: string, params: MessageParams = {}): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: messageKey, params });
  return z.NEVER;
}

export const participantCode = z.string().transform((text, ctx) => {
  const code = normaliseParticipantCode(text);
  return code ?? problem(ctx, "error.participantCodeMalformed", { input: text });
});

/** A day that is not in the future; empty means today. */
export function pastOrToday(today: CalendarDay) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const day = text?.trim() || today;
      if (!isCalendarDay(day)) return problem(ctx, "error.dateInvalid", { input: day, example: today });
      if (day > today) return problem(ctx, "error.dateInFuture", { date: day, today });
      return day;
    });
}

/** Free text typed about work: refused when it carries an identity number or runs too long. */
export function freeText(options: { max: number; tooLongKey: string; missingKey?: string }) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = text?.replace(/\s+/gu, " ").trim() ?? "";
      if (value.length === 0) return options.missingKey ? problem(ctx, options.missingKey) : undefined;
      if (containsIdentityNumber(value)) return problem(ctx, "error.identityNumber");
      if (value.length > options.max) return problem(ctx, options.tooLongKey, { length: value.length, max: options.max });
      return value;
    });
}

export function oneOf<const T extends readonly string[]>(values: T, unknownKey: string, missingKey?: string) {
  return z
    .string()
    .optional()
    .transform((text, ctx): T[number] => {
      const value = text?.trim().toLowerCase() ?? "";
      if (value.length === 0 && missingKey) return problem(ctx, missingKey, { choices: values.join(", ") });
      if ((values as readonly string[]).includes(value)) return value as T[number];
      return problem(ctx, unknownKey, { input: text ?? "", choices: values.join(", ") });
    });
}

/**
 * Parses raw input whole, or refuses: with every problem, each naming its field (a form shows
 * them all at once), the first one being what a typed command answers.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const refusals = result.error.issues.map((issue) => {
    const params = "params" in issue ? ((issue.params ?? {}) as MessageParams) : {};
    const field = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
    return new Refusal(issue.message.startsWith("error.") ? issue.message : "error.invalidInput", params, field);
  });
  const withFields = refusals.filter((refusal): refusal is Refusal & { field: string } => refusal.field !== undefined);
  if (withFields.length > 0 && withFields.length === refusals.length) throw new FieldRefusals(withFields);
  throw refusals[0] ?? new Refusal("error.invalidInput");
}
