// Request signing and freshness, health, start-up without Slack, and unexpected errors.
import { chmodSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../bot/start-bot.ts";
import { messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { freshDatabaseFile } from "../support/database-copy.ts";
import { recordingLogger } from "../support/recording-logger.ts";
import { expectNothingStored } from "../support/unchanged.ts";

describe("Slack request verification", () => {
  let h: Harness;
  const logger = recordingLogger();
  beforeAll(async () => {
    h = await startHarness({ logger });
    await h.command("help");
  });
  afterAll(async () => h?.stop());

  const now = () => Math.floor(Date.now() / 1000);

  it("accepts a correctly signed, current request", async () => {
    expect((await h.sendCommand("participant add P-001")).status).toBe(200);
    await h.slack.waitForCall((call) => call.method === "response_url" && messageText(call).includes("P-001"));
  });

  it("refuses a wrong signature with 401 and stores nothing", async () => {
    const response = await expectNothingStored(h, () => h.sendCommand("participant add P-900", SPECIALIST, { signature: `v0=${"0".repeat(64)}` }));
    expect(response.status).toBe(401);
  });

  it("refuses a request signed with another secret", async () => {
    const response = await expectNothingStored(h, () => h.sendCommand("participant add P-900", SPECIALIST, { secret: "someone-elses-secret" }));
    expect(response.status).toBe(401);
  });

  it("refuses a timestamp more than five minutes old and stores nothing", async () => {
    const response = await expectNothingStored(h, () => h.sendCommand("participant add P-900", SPECIALIST, { timestampSeconds: now() - 6 * 60 }));
    expect(response.status).toBe(401);
  });

  it("refuses a timestamp more than five minutes in the future and stores nothing", async () => {
    const response = await expectNothingStored(h, () => h.sendCommand("participant add P-900", SPECIALIST, { timestampSeconds: now() + 6 * 60 }));
    expect(response.status).toBe(401);
    expect(logger.entries.some((entry) => entry.message.includes("stale or future timestamp"))).toBe(true);
  });

  it("accepts a small clock difference in either direction", async () => {
    expect((await h.sendCommand("participant add P-002", SPECIALIST, { timestampSeconds: now() + 60 })).status).toBe(200);
    expect((await h.sendCommand("participant add P-003", SPECIALIST, { timestampSeconds: now() - 60 })).status).toBe(200);
  });

  it("answers /healthz with 200 and status ok", async () => {
    const response = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers an unexpected error with a short apology and a correlation id, logged with the error", async () => {
    const db = new Database(h.databaseFile);
    db.exec('ALTER TABLE "MeetingFlag" RENAME TO "MeetingFlagMoved"');
    try {
      const text = messageText(await h.command("agenda"));
      const correlationId = /reference: ([0-9a-f]{8})/.exec(text)?.[1];
      expect(text).toContain("Sorry, something went wrong on our side");
      expect(correlationId).toBeDefined();
      expect(text).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      const logged = logger.entries.find((entry) => entry.level === "error" && entry.fields.correlationId === correlationId);
      expect(String(logged?.fields.error)).toContain("MeetingFlag");
    } finally {
      db.exec('ALTER TABLE "MeetingFlagMoved" RENAME TO "MeetingFlag"');
      db.close();
    }
  });
});

describe("start-up", () => {
  it("starts without Slack variables, serves /healthz and says which variables enable Slack", async () => {
    const logger = recordingLogger();
    const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}` }, logger });
    try {
      const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${bot.port}/slack/events`, { method: "POST", body: "x" })).status).toBe(404);
      expect(logger.entries.map((entry) => entry.message)).toContain("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) to enable it");
    } finally {
      await bot.stop();
    }
  });

  it("creates the database folder on first start, readable by the bot's user only, and no clinic outside a workspace", async () => {
    const folder = `${freshDatabaseFile()}.d/nested`;
    const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${folder}/ipsbot.db` }, logger: recordingLogger() });
    try {
      const mode = (file: string) => statSync(file).mode & 0o777;
      expect(mode(folder)).toBe(0o700);
      for (const file of ["ipsbot.db", "ipsbot.db-wal", "ipsbot.db-shm"]) expect([file, mode(`${folder}/${file}`)]).toEqual([file, 0o600]);
      const db = new Database(`${folder}/ipsbot.db`, { readonly: true });
      expect(db.prepare("SELECT name FROM Clinic").all()).toEqual([]);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
    } finally {
      await bot.stop();
    }
    // A database an older release left readable by everyone is narrowed at the next start.
    chmodSync(`${folder}/ipsbot.db`, 0o644);
    const again = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${folder}/ipsbot.db` }, logger: recordingLogger() });
    await again.stop();
    expect(statSync(`${folder}/ipsbot.db`).mode & 0o777).toBe(0o600);
  });
});
