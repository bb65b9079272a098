// A Slack user's language, as their Slack client is set (users.info with include_locale; needs the
// users:read scope). Asked once an hour per user at most, and remembered in memory (per Slack
// client, bounded); a failure (no scope yet, Slack unreachable) answers nothing, so ipsbot speaks the
// clinic's language.
import type { AllMiddlewareArgs } from "@slack/bolt";

type WebClient = AllMiddlewareArgs["client"];

const REMEMBER_MS = 60 * 60 * 1000;
const REMEMBERED = 5_000;

const rememberedBy = new WeakMap<WebClient, Map<string, { locale: string | undefined; at: number }>>();

export async function slackUserLocale(client: WebClient, teamId: string, userId: string, now: () => number = Date.now): Promise<string | undefined> {
  let known = rememberedBy.get(client);
  if (!known) rememberedBy.set(client, (known = new Map()));
  const key = `${teamId}:${userId}`;
  const remembered = known.get(key);
  if (remembered && now() - remembered.at < REMEMBER_MS) return remembered.locale;
  let locale: string | undefined;
  try {
    const answer = await client.users.info({ user: userId, include_locale: true });
    locale = typeof answer.user?.locale === "string" ? answer.user.locale : undefined;
  } catch {
    locale = undefined;
  }
  known.delete(key);
  if (known.size >= REMEMBERED) known.delete(known.keys().next().value!);
  known.set(key, { locale, at: now() });
  return locale;
}
