// Local wall-clock times in a clinic's time zone ↔ instants. Schedules are set in local time
// ("Monday 08:00 Europe/Stockholm") and must stay there across DST switches.
import { type CalendarDay } from "./calendar-day.ts";

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a 24-hour HH:MM time such as 08:00 or 23:59. */
export function isLocalTime(text: string): boolean {
  return TIME_PATTERN.test(text);
}

/** Minutes the zone is ahead of UTC at an instant (Stockholm: 60 in winter, 120 in summer). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a local day and time names. Of a time repeated by the autumn DST switch, the first
 * is taken; a time skipped by the spring switch (02:30 on the last Sunday of March in Stockholm)
 * becomes the same distance past the gap (03:30).
 */
export function instantOf(day: CalendarDay, time: string, timeZone: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a local time: ${time}`);
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, date, Number(match[1]), Number(match[2]));
  // The zone's offset half a day either side covers any switch on that day.
  const offsets = [-12, 12].map((hours) => utcOffsetMinutes(new Date(wallClock + hours * 3_600_000), timeZone));
  const candidates = offsets
    .map((offset) => wallClock - offset * 60_000)
    .filter((instant) => instant + utcOffsetMinutes(new Date(instant), timeZone) * 60_000 === wallClock)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallClock - Math.min(...offsets) * 60_000);
}
