// Calendar quarters: the competitive employment rate is measured per quarter (fidelity item 10).
import { addDays, type CalendarDay } from "./calendar-day.ts";

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  first: CalendarDay;
  last: CalendarDay;
}

export function quarterOf(day: CalendarDay): Quarter {
  const year = Number(day.slice(0, 4));
  const quarter = (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as Quarter["quarter"];
  const firstMonth = (quarter - 1) * 3 + 1;
  const first = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const nextFirst = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, "0")}-01`;
  return { year, quarter, first, last: addDays(nextFirst, -1) };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterOf(addDays(quarter.first, -1));
}

export function formatQuarter(quarter: Quarter): string {
  return `${quarter.year} Q${quarter.quarter}`;
}
