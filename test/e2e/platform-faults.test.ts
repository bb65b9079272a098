// A platform's fault is not the bot's: the real bot process (node dist/bot/main.js, as npm start
// runs it) with a Slack token Slack refuses, or with Slack unreachable, keeps running, keeps serving
// Teams, reports the fault once in its one JSON log, asks Slack to retry meanwhile, and notices
// when Slack works again.
import { once } from "node:events";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { killCompiledBots, startCompiledBot, type CompiledBot } from "../support/compiled-bot.ts";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fake-bot-connector.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.ts";
import { logLines } from "../support/log-lines.ts";
import { postSigned, slashCommandBody, SIGNING_SECRET } from "../support/slack-requests.ts";
import { personalMessage, SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { SPECIALIST } from "../support/bot-harness.ts";

type Running = CompiledBot;

afterAll(killCompiledBots);

const startBot = (env: Record<string, string>) => startCompiledBot({ SLACK_SIGNING_SECRET: SIGNING_SECRET, ...env });

const unavailable = (bot: Running) => logLines(bot.output()).filter((line) => line.message === "slack is unavailable; ipsbot keeps running and retries with back-off");

/** Every line the process wrote is one JSON object with a time, a level and a message. */
function expectOneJsonLog(output: string): void {
  const lines = output.split("\n").filter((line) => line.trim() !== "");
  expect(lines.filter((line) => !line.startsWith("{"))).toEqual([]);
  for (const line of logLines(output)) expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String), message: expect.any(String) });
}

function slashCommand(bot: Running, slack: FakeSlackApi, text: string): Promise<Response> {
  return postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody(SPECIALIST, text, slack.responseUrl(text)));
}

describe("a Slack token Slack refuses", () => {
  let slack: FakeSlackApi;
  let connector: FakeBotConnector;
  afterAll(async () => {
    await slack?.close();
    await connector?.close();
  });

  it("does not stop the bot: Teams keeps working, Slack requests are asked to come back, the fault is logged once, and the recovery noticed", async () => {
    slack = await startFakeSlackApi();
    connector = await startFakeBotConnector();
    // Refused at start and at the first retry (5 s later), accepted from the second retry (20 s).
    slack.answerNext("auth.test", { body: { ok: false, error: "invalid_auth" } });
    slack.answerNext("auth.test", { body: { ok: false, error: "invalid_auth" } });
    const bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_API_URL: slack.url, TEAMS_EMULATOR: "true" });
    await expect.poll(() => unavailable(bot).length, { timeout: 10_000 }).toBe(1);
    expect(unavailable(bot)[0]).toMatchObject({ level: "warn", platform: "slack", reason: "invalid_auth" });

    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const notReady = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({
      ready: false,
      checks: { database: "ok", migrations: "ok", slack: { status: "failing", reason: "invalid_auth" }, teams: { status: "emulator" } },
    });
    const refused = await slashCommand(bot, slack, "caseload");
    expect([refused.status, refused.headers.get("retry-after"), await refused.json()]).toEqual([503, "60", { error: "slack_unavailable" }]);

    const teams = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(personalMessage(TEAMS_SPECIALIST, "ips help", connector.serviceUrl)),
    });
    expect(teams.status).toBe(200);
    await connector.waitForCall((call) => JSON.stringify(call.body).includes("ips"));

    // The first retry fails again (logged no more: once an hour); the second works.
    await expect.poll(() => logLines(bot.output()).some((line) => line.message === "slack works again"), { timeout: 30_000, interval: 200 }).toBe(true);
    expect(unavailable(bot)).toHaveLength(1);
    expect(slack.callsTo("auth.test").length).toBeGreaterThanOrEqual(3);
    const served = await slashCommand(bot, slack, "help");
    expect(served.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
    expectOneJsonLog(bot.output());
  }, 60_000);
});

describe("Slack unreachable", () => {
  it("does not stop the bot: the fault is logged as unreachable and the process keeps running", async () => {
    // A port nothing listens on.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-fine", SLACK_API_URL: `http://127.0.0.1:${closed}/api/` });
    await expect.poll(() => unavailable(bot).length, { timeout: 30_000, interval: 200 }).toBe(1);
    expect(unavailable(bot)[0]).toMatchObject({ level: "warn", platform: "slack", reason: "unreachable" });
    // Well past the 9 s after which it used to exit with code 1.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    bot.child.kill("SIGTERM");
    expect((await once(bot.child, "exit"))[0]).toBe(0);
    expectOneJsonLog(bot.output());
  }, 60_000);
});
