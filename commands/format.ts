import { calendarDayIn } from "./rules/calendar-day.ts";
import type { CommandContext } from "./context.ts";

/** An instant shown as the clinic's calendar day (YYYY-MM-DD, the same in sv, nb and en). */
export function formatDay(ctx: Pick<CommandContext, "clinic">, instant: Date): string {
  return calendarDayIn(instant, ctx.clinic.timeZone);
}
