// Slack signs `v0:<timestamp>:<body>`. Bolt 5.1 rejects timestamps more than five minutes old
// but accepts ones from the future, so a captured request could be replayed later if its
// timestamp was set ahead. ipsbot refuses both directions before Bolt sees the request.
import type { Clock } from "../../commands/context.ts";

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function isFreshSlackTimestamp(header: string | string[] | undefined, clock: Clock): boolean {
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return false;
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  return Math.abs(nowSeconds - Number(header)) <= MAX_CLOCK_SKEW_SECONDS;
}
