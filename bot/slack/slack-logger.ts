// Bolt's and the Slack Web API client's logging, bridged into ipsbot's one log: each of their
// lines becomes a JSON line with source "slack" (and their component's name), filtered by LOG_LEVEL.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../commands/context.ts";
import { logText } from "../log-text.ts";

/**
 * Bolt and the Web API client write whole request bodies, API arguments and results at debug level
 * (what people typed, notes, message texts). Only debug lines known to carry none are kept.
 */
const DEBUG_LINES_WITHOUT_PAYLOAD = [/^apiCall\('[\w.]+'\) (start|end)$/, /^http request url: \S+$/, /^http response received$/, /^initialized$/, /^Initializing \w+$/];

export function isPayloadFreeDebugLine(text: string): boolean {
  return DEBUG_LINES_WITHOUT_PAYLOAD.some((pattern) => pattern.test(text));
}

export function slackLogger(logger: Logger, level: string): BoltLogger {
  let name = "bolt";
  let current = (Object.values(LogLevel) as string[]).includes(level) ? (level as LogLevel) : LogLevel.INFO;
  const forward = (at: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) => logger[at](logText(msg), { source: "slack", component: name });
  const debug = forward("debug");
  return {
    debug: (...msg: unknown[]) => {
      if (isPayloadFreeDebugLine(logText(msg))) debug(...msg);
    },
    info: forward("info"),
    warn: forward("warn"),
    error: forward("error"),
    // Bolt sets the level it was given; ipsbot's LOG_LEVEL already filters every line.
    setLevel: (next) => (current = next),
    getLevel: () => current,
    setName: (next) => (name = next),
  };
}
