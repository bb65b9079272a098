// Whether a platform's credentials work, checked in the background and retried with back-off so
// that a platform's fault (a wrong or revoked token, the service unreachable) never stops the bot:
// the other platform keeps working. A failure is logged when it starts, then at most once an hour
// while it lasts, and once more when it ends; /readyz reports the current state.
import type { Logger } from "../commands/context.ts";

/** "slack-socket-mode": the WebSocket link to Slack in Socket Mode, kept apart from the bot token's check. */
export type PlatformName = "slack" | "teams" | "slack-socket-mode";

export interface PlatformState {
  platform: PlatformName;
  status: "checking" | "ok" | "failing";
  /** Why it fails: Slack's error code (invalid_auth, token_revoked, …) or "unreachable". */
  reason?: string;
  /** When the current failure began. */
  since?: string;
  checkedAt?: string;
}

export interface PlatformHealth {
  state(): PlatformState;
  /** Checks now; true when the credentials work. Concurrent calls share one check. */
  check(): Promise<boolean>;
  /** Whether requests can be served now: false while failing; while a check is under way, its answer. */
  usable(): Promise<boolean>;
  /**
   * Starts checking in the background: at once, again after each failure with back-off, and every
   * hour while it works. Called again (a link lost), it checks at once and the schedule starts over.
   */
  start(): void;
  stop(): void;
}

export const REPORT_EVERY_MS = 60 * 60 * 1000;
const RECHECK_WHILE_OK_MS = 60 * 60 * 1000;
export const DEFAULT_BACKOFF_MS = [5_000, 15_000, 60_000, 300_000] as const;

export interface HealthOptions {
  platform: PlatformName;
  /** Resolves when the credentials work; rejects with the reason otherwise. */
  verify: () => Promise<void>;
  /** A short reason for an error `verify` threw. */
  reasonOf: (error: unknown) => string;
  logger: Logger;
  now?: () => number;
  backoffMs?: readonly number[];
}

export function platformHealth({ platform, verify, reasonOf, logger, now = Date.now, backoffMs = DEFAULT_BACKOFF_MS }: HealthOptions): PlatformHealth {
  let current: PlatformState = { platform, status: "checking" };
  let inFlight: Promise<boolean> | undefined;
  let failures = 0;
  let lastReportAt = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const iso = (ms: number) => new Date(ms).toISOString();

  const runCheck = async (): Promise<boolean> => {
    try {
      await verify();
      if (current.status === "failing") logger.info(`${platform} works again`, { platform, failingSince: current.since });
      current = { platform, status: "ok", checkedAt: iso(now()) };
      failures = 0;
      lastReportAt = -Infinity;
      return true;
    } catch (error) {
      const reason = reasonOf(error);
      const since = current.status === "failing" ? current.since : iso(now());
      failures += 1;
      current = { platform, status: "failing", reason, since, checkedAt: iso(now()) };
      if (now() - lastReportAt >= REPORT_EVERY_MS) {
        lastReportAt = now();
        logger.warn(`${platform} is unavailable; ipsbot keeps running and retries with back-off`, { platform, reason, since, attempts: failures });
      }
      return false;
    }
  };

  const check = () => (inFlight ??= runCheck().finally(() => (inFlight = undefined)));

  const schedule = (ok: boolean) => {
    if (stopped) return;
    const delay = ok ? RECHECK_WHILE_OK_MS : backoffMs[Math.min(failures - 1, backoffMs.length - 1)]!;
    // One schedule at a time, however many checks ran to this point.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check().then(schedule), delay);
    timer.unref();
  };

  return {
    state: () => current,
    check,
    async usable() {
      if (current.status === "failing") return false;
      return current.status === "ok" || (await check());
    },
    start() {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      if (current.status === "ok") current = { platform, status: "checking" };
      void check().then(schedule);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
