// One log: JSON lines on stdout through pino, each with time, level and message, and, while a
// request is being handled, its requestId (the correlation id an apology shows the user). Bolt's
// and the Bot Framework's own logging are bridged into it (slack/slack-logger.ts,
// console-bridge.ts), so LOG_LEVEL governs all of it.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino from "pino";
import type { Logger } from "../commands/context.ts";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `handle` as one request: every line logged within it, by ipsbot or a library, carries the id. */
export function asRequest<T>(handle: () => T, requestId = newRequestId()): T {
  return requestScope.run({ requestId }, handle);
}

export function newRequestId(): string {
  return randomUUID().slice(0, 8);
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** Where lines go: stdout by default (synchronously, so nothing is lost when the process exits). */
export type LogSink = (line: string) => void;

export function createLogger(level: LogLevel, sink?: LogSink): Logger {
  const destination = sink ? { write: (line: string) => sink(line.endsWith("\n") ? line.slice(0, -1) : line) } : pino.destination({ dest: 1, sync: true });
  const base = pino(
    {
      level,
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => base[at](fields, message);
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error"), requestId: currentRequestId };
}
