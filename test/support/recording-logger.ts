import type { Logger } from "../../commands/context.ts";

export interface LogEntry {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const log = (level: string) => (message: string, fields: Record<string, unknown> = {}) => void entries.push({ level, message, fields });
  return { entries, debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
