// The one log: pino JSON lines with time, level, message and the request's id; Bolt's logging and
// the console (where the Bot Framework writes) bridged into it without stacks or payloads; a
// platform's fault reported when it starts, at most hourly while it lasts, and when it ends.
import { describe, expect, it } from "vitest";
import { bridgeConsole, isExpectedRefusal } from "../../bot/console-bridge.ts";
import { asRequest, createLogger } from "../../bot/logger.ts";
import { platformHealth, REPORT_EVERY_MS } from "../../bot/platform-health.ts";
import { isPayloadFreeDebugLine, slackLogger } from "../../bot/slack/slack-logger.ts";

function recorded(level: "debug" | "info" | "warn" | "error" = "debug") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { logger, lines };
}

describe("the logger", () => {
  it("writes one JSON object per line with time, level and message, and the request's id inside a request", () => {
    const { logger, lines } = recorded("info");
    logger.info("outside", { clinicId: 3 });
    asRequest(() => logger.warn("inside"), "req12345");
    logger.debug("filtered out by LOG_LEVEL=info");
    expect(lines).toEqual([
      { level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/), clinicId: 3, message: "outside" },
      { level: "warn", time: expect.any(String), requestId: "req12345", message: "inside" },
    ]);
  });

  it("keeps the request's id across awaits, and gives the apology the same id", async () => {
    const { logger, lines } = recorded();
    const id = await asRequest(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.error("later in the same request");
      return logger.requestId?.();
    });
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(lines[0]).toMatchObject({ requestId: id });
  });
});

describe("Bolt's logging", () => {
  it("becomes ipsbot lines with source slack, and drops debug lines that carry request bodies or API payloads", () => {
    const { logger, lines } = recorded();
    const bolt = slackLogger(logger, "debug");
    bolt.setName("web-api:WebClient:0");
    bolt.warn("http request failed", new Error("fetch failed"));
    bolt.debug("apiCall('chat.postMessage') start");
    bolt.debug('{"command":"/ips","text":"flag P-017 lost her sister"}');
    bolt.debug('http request body: {"text":"note text"}');
    bolt.debug('http request result: {"ok":true}');
    bolt.debug("Error details: x, storedResponse: {\"text\":\"reply\"}");
    expect(lines.map((line) => [line.level, line.message, line.component])).toEqual([
      ["warn", "http request failed Error: fetch failed", "web-api:WebClient:0"],
      ["debug", "apiCall('chat.postMessage') start", "web-api:WebClient:0"],
    ]);
    expect(lines[0]).toMatchObject({ source: "slack" });
    expect(isPayloadFreeDebugLine("http request url: https://slack.com/api/chat.postMessage")).toBe(true);
  });
});

describe("the console bridge", () => {
  it("routes each console method into the log as one line without a stack, and a refusal botbuilder prints as debug", () => {
    const { logger, lines } = recorded();
    const target = { debug() {}, log() {}, info() {}, warn() {}, error() {} } as unknown as Console;
    const original = target.error;
    const restore = bridgeConsole(logger, target);
    const refusal = Object.assign(new Error("Unauthorized Access. Request is not authorized"), { name: "AuthenticationError", statusCode: 401 });
    target.error(refusal);
    target.error("Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----");
    target.warn("BadRequest: Missing activity or activity type.");
    target.error(new TypeError("something unexpected"));
    target.log("plain", { a: 1 });
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ["debug", "AuthenticationError: Unauthorized Access. Request is not authorized"],
      ["debug", "Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----"],
      ["warn", "BadRequest: Missing activity or activity type."],
      ["error", "TypeError: something unexpected"],
      ["info", 'plain {"a":1}'],
    ]);
    expect(JSON.stringify(lines)).not.toContain("    at ");
    restore();
    expect(target.error).toBe(original);
    expect(isExpectedRefusal([new Error("plain")])).toBe(false);
  });
});

describe("a platform's health", () => {
  it("logs a failure when it starts, not again within the hour, again after it, and once when it ends", async () => {
    const { logger, lines } = recorded();
    let clock = 0;
    let answer: string | undefined = "invalid_auth";
    const health = platformHealth({
      platform: "slack",
      verify: async () => {
        if (answer) throw Object.assign(new Error(answer), { data: { error: answer } });
      },
      reasonOf: (error) => (error as { data: { error: string } }).data.error,
      logger,
      now: () => clock,
    });
    expect(health.state()).toEqual({ platform: "slack", status: "checking" });
    expect(await health.check()).toBe(false);
    clock += 60_000;
    expect(await health.check()).toBe(false);
    clock += REPORT_EVERY_MS;
    answer = "token_revoked";
    expect(await health.check()).toBe(false);
    expect(health.state()).toMatchObject({ status: "failing", reason: "token_revoked", since: new Date(0).toISOString() });
    answer = undefined;
    expect(await health.check()).toBe(true);
    expect(health.state()).toMatchObject({ status: "ok" });
    expect(lines.map((line) => [line.level, line.message, line.reason ?? null, line.attempts ?? null])).toEqual([
      ["warn", "slack is unavailable; ipsbot keeps running and retries with back-off", "invalid_auth", 1],
      ["warn", "slack is unavailable; ipsbot keeps running and retries with back-off", "token_revoked", 3],
      ["info", "slack works again", null, null],
    ]);
  });

  it("shares one check between requests that arrive while it runs", async () => {
    const { logger } = recorded();
    let calls = 0;
    const health = platformHealth({ platform: "teams", verify: async () => void (calls += 1), reasonOf: String, logger });
    await Promise.all([health.check(), health.check(), health.check()]);
    expect(calls).toBe(1);
  });

  it("checks at once when started again (a lost link), retries with back-off, and keeps one schedule", async () => {
    const { logger } = recorded();
    let calls = 0;
    let failing = false;
    const health = platformHealth({
      platform: "slack-socket-mode",
      verify: async () => {
        calls += 1;
        if (failing) throw new Error("closed before hello");
      },
      reasonOf: (error) => (error as Error).message,
      logger,
      backoffMs: [20],
    });
    health.start();
    await expect.poll(() => health.state().status).toBe("ok");
    failing = true;
    health.start();
    expect(health.state().status).toBe("checking");
    await expect.poll(() => health.state()).toMatchObject({ status: "failing", reason: "closed before hello" });
    expect(await health.usable()).toBe(false);
    await expect.poll(() => calls).toBeGreaterThanOrEqual(4); // retried every 20 ms while failing
    failing = false;
    await expect.poll(() => health.state().status).toBe("ok");
    expect(await health.usable()).toBe(true);
    // One schedule: while it works, the next check is an hour away, however often start() was called.
    const settled = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(settled);
    health.stop();
  });
});
