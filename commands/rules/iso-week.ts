// ISO 8601 weeks: Monday to Sunday; week 1 is the week holding the year's first Thursday.
// Employer-contact targets are per ISO week in the clinic's time zone (Europe/Stockholm by default).
import { addDays, calendarDayIn, type CalendarDay } from "./calendar-day.ts";

export interface IsoWeek {
  year: number;
  week: number;
  monday: CalendarDay;
  sunday: CalendarDay;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isoWeekOf(day: CalendarDay): IsoWeek {
  const monday = addDays(day, 1 - isoWeekday(day));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursdayOrdinal = dayOfYear(thursday);
  return { year, week: Math.floor((firstThursdayOrdinal - 1) / 7) + 1, monday, sunday: addDays(monday, 6) };
}

/** The ISO week an instant falls in, in the given time zone. */
export function isoWeekAt(instant: Date, timeZone: string): IsoWeek {
  return isoWeekOf(calendarDayIn(instant, timeZone));
}

export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, "0")}`;
}

function dayOfYear(day: CalendarDay): number {
  const start = Date.UTC(Number(day.slice(0, 4)), 0, 1);
  return Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86_400_000) + 1;
}
