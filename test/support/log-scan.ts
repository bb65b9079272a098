// Logs carry ids and codes, never what people typed. Every suite's harness records all
// the bot logs, at every level, and on stop compares them with the notes, reasons and outcome
// notes its database holds and with every message body the test sent: none may appear.
import type { Logger } from "../../commands/context.ts";
import { queryAll } from "./database-copy.ts";
import { recordingLogger, type LogEntry } from "./recording-logger.ts";

/** A message body this short is a command word or a code, which logs may name. */
const SHORTEST_BODY = 16;

export interface ScanningLogger extends Logger {
  entries: LogEntry[];
  /** Remembers a message body the test sent. */
  sent(text: string): void;
  /** Fails when any log entry holds free text the database keeps or a body the test sent. */
  expectWithoutFreeText(databaseFile: string): void;
}

export function scanningLogger(): ScanningLogger {
  const logger = recordingLogger();
  const bodies: string[] = [];
  return {
    ...logger,
    sent: (text) => void (text.length >= SHORTEST_BODY && bodies.push(text)),
    expectWithoutFreeText(databaseFile) {
      const logged = logger.entries.map((entry) => JSON.stringify(entry)).join("\n");
      const stored = queryAll(
        databaseFile,
        `SELECT note AS text FROM ParticipantStatusChange WHERE note IS NOT NULL
         UNION SELECT note FROM EmployerContact WHERE note IS NOT NULL
         UNION SELECT reason FROM MeetingFlag WHERE reason <> ''
         UNION SELECT outcomeNote FROM MeetingFlag WHERE outcomeNote IS NOT NULL
         UNION SELECT note FROM FidelityItemAnswer WHERE note IS NOT NULL`,
      ).map((row) => String(row.text));
      for (const text of [...stored, ...bodies]) {
        if (logged.includes(JSON.stringify(text).slice(1, -1))) throw new Error(`a log entry holds what was typed: "${text.slice(0, 60)}"`);
      }
    },
  };
}
