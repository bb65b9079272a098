// Scheduled posts under stress: Slack rate limits, many channels, two bot processes on one
// database file, failures and retries, a channel the bot was removed from, graceful shutdown.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { SIGNING_SECRET } from "../support/slack-requests.ts";

// Monday 23 November 2026, 08:30 in Stockholm: the W47 digest is due.
const DUE = "2026-11-23T07:30:00Z";
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function connectChannels(h: Harness, count: number): Promise<string[]> {
  const channels = Array.from({ length: count }, (_, index) => `C0CH${String(index).padStart(3, "0")}`);
  for (const [index, channel] of channels.entries()) {
    await h.sendCommand(`channel connect Clinic ${index}`, ADMIN, undefined, channel);
  }
  await expect.poll(() => queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM ClinicChannel WHERE activeKey IS NOT NULL")[0]!.n, { timeout: 15_000 }).toBe(count);
  return channels;
}

const digestPostsTo = (h: Harness, channel: string) =>
  h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel && messageText(call).includes("weekly digest"));

describe("scheduled post reliability", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("honours a 429 with Retry-After and still posts exactly once", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    const [channel] = await connectChannels(h, 1);
    h.slack.answerNext("chat.postMessage", { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } });
    clock.set(DUE);
    await h.bot.scheduler.tick();
    const attempts = h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === channel);
    expect(attempts).toHaveLength(2); // the 429, then the retry after one second
    expect(queryAll(h.databaseFile, "SELECT status FROM ScheduledPost")).toEqual([{ status: "posted" }]);
  });

  it("posts to 50 clinic channels in one round", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    const channels = await connectChannels(h, 50);
    clock.set(DUE);
    const started = Date.now();
    await h.bot.scheduler.tick();
    const seconds = (Date.now() - started) / 1000;
    for (const channel of channels) expect(digestPostsTo(h, channel)).toHaveLength(1);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM ScheduledPost WHERE status = 'posted'")).toEqual([{ n: 50 }]);
    console.log(`posted 50 digests in ${seconds.toFixed(2)} s`);
  }, 60_000);

  it("retries a failed post with backoff and posts it once when Slack recovers", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    const [channel] = await connectChannels(h, 1);
    h.slack.answerNext("chat.postMessage", { body: { ok: false, error: "internal_error" } });
    clock.set(DUE);
    await h.bot.scheduler.tick();
    expect(queryAll(h.databaseFile, "SELECT status, attempts, lastError, nextAttemptAt FROM ScheduledPost")).toEqual([
      { status: "failed", attempts: 1, lastError: expect.stringContaining("internal_error"), nextAttemptAt: "2026-11-23T07:31:00.000+00:00" },
    ]);
    clock.set("2026-11-23T07:30:30Z"); // before the retry is due: nothing happens
    await h.bot.scheduler.tick();
    expect(queryAll(h.databaseFile, "SELECT attempts FROM ScheduledPost")).toEqual([{ attempts: 1 }]);
    clock.set("2026-11-23T07:31:00Z");
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(queryAll(h.databaseFile, "SELECT status, attempts FROM ScheduledPost")).toEqual([{ status: "posted", attempts: 2 }]);
    expect(digestPostsTo(h, channel!)).toHaveLength(2); // the failed call and the successful one
  });

  it("stops posting to a channel the bot was removed from, and records why", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    await connectChannels(h, 1);
    h.slack.answerNext("chat.postMessage", { body: { ok: false, error: "channel_not_found" } });
    clock.set(DUE);
    await h.bot.scheduler.tick();
    expect(queryAll(h.databaseFile, "SELECT activeKey, disconnectedReason FROM ClinicChannel")).toEqual([{ activeKey: null, disconnectedReason: "bot removed: channel_not_found" }]);
    expect(queryAll(h.databaseFile, "SELECT status FROM ScheduledPost")).toEqual([{ status: "abandoned" }]);
    clock.set("2026-11-24T07:30:00Z");
    await h.bot.scheduler.tick();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("lets a post in flight finish when the bot stops", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    await connectChannels(h, 1);
    h.slack.answerNext("chat.postMessage", { delayMs: 700 });
    clock.set(DUE);
    const databaseFile = h.databaseFile;
    const round = h.bot.scheduler.tick();
    await h.slack.waitForCall((call) => call.method === "chat.postMessage");
    const stopping = h.stop();
    h = undefined;
    await Promise.all([round, stopping]);
    // The database was closed only after the post was recorded.
    const db = new Database(databaseFile, { readonly: true });
    expect(db.prepare("SELECT status FROM ScheduledPost").all()).toEqual([{ status: "posted" }]);
    db.close();
  });

  it("posts one digest between two bot processes that share the database file", async () => {
    const clock = fixedClock("2026-11-20T10:00:00Z");
    h = await startHarness({ clock });
    const channels = await connectChannels(h, 5);
    const env = { ...process.env, PORT: "0", DATABASE_URL: `file:${h.databaseFile}`, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: h.slack.url, LOG_LEVEL: "error" };
    const tsx = path.join(repositoryRoot, "node_modules/.bin/tsx");
    const processes = [0, 1].map(() => spawn(tsx, [path.join(repositoryRoot, "test/support/bot-process.ts"), DUE], { cwd: repositoryRoot, env }));
    try {
      await Promise.all(processes.map((child) => waitForLine(child, "ready")));
      for (const child of processes) child.stdin.write("tick\n");
      await Promise.all(processes.map((child) => waitForLine(child, "done")));
      for (const channel of channels) expect(digestPostsTo(h, channel)).toHaveLength(1);
      expect(queryAll(h.databaseFile, "SELECT status, COUNT(*) AS n FROM ScheduledPost GROUP BY status")).toEqual([{ status: "posted", n: 5 }]);
    } finally {
      for (const child of processes) child.stdin.write("stop\n");
      await Promise.all(processes.map((child) => (child.exitCode === null ? once(child, "exit") : undefined)));
    }
  }, 60_000);
});

function waitForLine(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`no "${line}" from a bot process; stdout: ${output} stderr: ${errors}`)), 20_000);
    child.stderr.on("data", (chunk) => (errors += String(chunk)));
    child.stdout.on("data", (chunk) => {
      output += String(chunk);
      if (output.split("\n").includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`a bot process exited with ${code}; stderr: ${errors}`)));
  });
}
