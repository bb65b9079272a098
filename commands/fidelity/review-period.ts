// The period a fidelity review looks back over for evidence: `period:6m` (default) up to 24
// months, ending on the day the review starts.
import { isCalendarDay, type CalendarDay } from "../rules/calendar-day.ts";

export const DEFAULT_PERIOD_MONTHS = 6;
export const MAX_PERIOD_MONTHS = 24;

export interface ReviewPeriod {
  months: number;
  /** First day of the period, inclusive. */
  from: CalendarDay;
  /** Last day of the period, inclusive: the day the review started. */
  to: CalendarDay;
}

/** "6m" → 6; undefined for anything that is not 1-24 months written as <n>m. */
export function parsePeriodMonths(text: string): number | undefined {
  const match = /^(\d{1,2})m$/iu.exec(text.trim());
  const months = match ? Number(match[1]) : Number.NaN;
  return months >= 1 && months <= MAX_PERIOD_MONTHS ? months : undefined;
}

export function reviewPeriod(months: number, today: CalendarDay): ReviewPeriod {
  return { months, from: addMonths(today, -months), to: today };
}

/** The same day `months` months away; the 31st becomes the month's last day when it has fewer. */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(date, lastDay)).padStart(2, "0")}`;
}
