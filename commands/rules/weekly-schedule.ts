// When the weekly posts are due, in the clinic's own time zone.
// - The digest for ISO week W is due on the configured weekday and time of week W+1 and may be
//   posted until that week ends; after that it is missed, never posted late.
// - The agenda for a meeting is due `lead` minutes before it and may be posted until it starts.
import { addDays, type CalendarDay } from "./calendar-day.ts";
import { isoWeekAt, isoWeekOf, type IsoWeek } from "./iso-week.ts";
import { instantOf } from "./zoned-time.ts";

export interface WeeklySchedule {
  timeZone: string;
  digestWeekday: number;
  digestTime: string;
  meetingWeekday: number;
  meetingTime: string;
  agendaLeadMinutes: number;
}

export interface DigestSlot {
  /** The ISO week the digest reports on. */
  week: IsoWeek;
  dueAt: Date;
  /** End of the week in which it may be posted. */
  closesAt: Date;
}

export interface AgendaSlot {
  meetingDay: CalendarDay;
  meetingAt: Date;
  dueAt: Date;
}

function dayInWeek(week: IsoWeek, isoWeekday: number): CalendarDay {
  return addDays(week.monday, isoWeekday - 1);
}

/** The digest that may be posted during the week containing `now` (it reports on the week before). */
export function currentDigestSlot(schedule: WeeklySchedule, now: Date): DigestSlot {
  const postingWeek = isoWeekAt(now, schedule.timeZone);
  return digestSlotPostedIn(schedule, postingWeek);
}

/** The digest whose posting window closed `weeksBack` weeks before the current one began: a candidate for "missed". */
export function previousDigestSlot(schedule: WeeklySchedule, now: Date, weeksBack = 1): DigestSlot {
  const postingWeek = isoWeekAt(now, schedule.timeZone);
  return digestSlotPostedIn(schedule, isoWeekOf(addDays(postingWeek.monday, -7 * weeksBack)));
}

function digestSlotPostedIn(schedule: WeeklySchedule, postingWeek: IsoWeek): DigestSlot {
  return {
    week: isoWeekOf(addDays(postingWeek.monday, -7)),
    dueAt: instantOf(dayInWeek(postingWeek, schedule.digestWeekday), schedule.digestTime, schedule.timeZone),
    closesAt: instantOf(addDays(postingWeek.sunday, 1), "00:00", schedule.timeZone),
  };
}

/** The first meeting that has not started yet at `now`. */
export function nextAgendaSlot(schedule: WeeklySchedule, now: Date): AgendaSlot {
  const week = isoWeekAt(now, schedule.timeZone);
  for (const offset of [0, 7]) {
    const meetingDay = addDays(dayInWeek(week, schedule.meetingWeekday), offset);
    const meetingAt = instantOf(meetingDay, schedule.meetingTime, schedule.timeZone);
    if (meetingAt.getTime() > now.getTime()) {
      return { meetingDay, meetingAt, dueAt: new Date(meetingAt.getTime() - schedule.agendaLeadMinutes * 60_000) };
    }
  }
  throw new Error("unreachable: a weekly meeting always starts within two weeks");
}
