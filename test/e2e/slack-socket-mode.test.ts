// Slack over Socket Mode, against a stand-in of Slack's service: ipsbot opens the link with its
// app-level token and needs no inbound endpoint; envelopes are acknowledged once each, over the
// link; a redelivered envelope acts once; a link Slack asks to refresh is opened again; a workspace
// off the allow-list is acknowledged and dropped; an unreachable Slack is retried, never fatal.
// (The use-case suites run over Socket Mode too: the "slack-socket-mode" project in vitest.config.ts.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_TOKEN, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { freshDatabaseFile, queryAll } from "../support/database-copy.ts";
import { startFakeSlackApi } from "../support/fake-slack-api.ts";
import { startBot } from "../../bot/start-bot.ts";
import { recordingLogger } from "../support/recording-logger.ts";
import { slashCommandBody } from "../support/slack-requests.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

describe("Slack over Socket Mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock, transport: "socket" });
  });
  afterAll(async () => h?.stop());

  it("opens the link with the app-level token and calls the Web API with the bot token", async () => {
    const opens = h.slack.callsTo("apps.connections.open");
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.every((call) => call.authorization === `Bearer ${APP_TOKEN}`)).toBe(true);
    await h.command("participant add P-017");
    const webApi = h.slack.calls.filter((call) => call.method !== "apps.connections.open" && call.method !== "response_url");
    expect(webApi.length).toBeGreaterThan(0);
    expect(webApi.every((call) => call.authorization === "Bearer xoxb-test-token")).toBe(true);
  });

  it("has no inbound Slack endpoint, and /readyz reports the link", async () => {
    expect((await fetch(h.eventsUrl, { method: "POST", body: "x" })).status).toBe(404);
    const ready = await fetch(`http://127.0.0.1:${h.bot.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: unknown }).checks).toMatchObject({ slack: { status: "ok" }, slackSocketMode: { platform: "slack-socket-mode", status: "ok" } });
  });

  it("answers a typed command through its response_url once the envelope is acknowledged", async () => {
    const reply = await h.command('contact "ICA Maxi" for P-017 type:in-person');
    expect(messageText(reply)).toContain("Logged an employer contact with ICA Maxi (in person) on 2026-11-18.");
  });

  it("returns a form's field errors in the acknowledgement and stores nothing", async () => {
    await h.command("participant add P-018");
    const values = { participant: { participant: { type: "static_select", selected_option: { value: "Anna!" } } }, reason: { reason: { type: "plain_text_input", value: "" } } };
    const response = await expectNothingStored(h, () => h.submitView("meeting-flag", values));
    expect(response.status).toBe(200);
    const ack = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe("errors");
    expect(ack.errors.participant).toContain("Anna! is not a participant code");
  });

  it("acts once on an envelope Slack delivers again (retry_attempt), answering the repeat with the first answer", async () => {
    const id = randomUUID();
    const body = slashCommandBody(SPECIALIST, 'contact "Coop Forum" for P-017 type:phone', h.slack.responseUrl(id));
    expect((await h.send(body)).status).toBe(200);
    expect((await h.send(body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "timeout" } })).status).toBe(200);
    await expect.poll(() => h.slack.calls.filter((call) => call.path === `/respond/${id}`).length).toBe(2);
    const [first, second] = h.slack.calls.filter((call) => call.path === `/respond/${id}`).map(messageText);
    expect(second).toBe(first);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM EmployerContact c JOIN Employer e ON e.id = c.employerId WHERE e.name = 'Coop Forum'")).toEqual([{ n: 1 }]);
  });

  it("shows the Home tab when Slack sends app_home_opened", async () => {
    const before = h.slack.callsTo("views.publish").length;
    expect((await h.sendEvent({ type: "app_home_opened", user: SPECIALIST.id, channel: "D0HOME", tab: "home", event_ts: "1763460000.000100" })).status).toBe(200);
    await expect.poll(() => h.slack.callsTo("views.publish").length).toBe(before + 1);
  });

  it("acknowledges and drops a command without a user, changing nothing", async () => {
    const body = new URLSearchParams(slashCommandBody(SPECIALIST, "participant add P-099", h.slack.responseUrl(randomUUID())));
    body.delete("user_id");
    const response = await expectNothingStored(h, () => h.send(body.toString()));
    expect(response.status).toBe(200);
  });

  it("opens a new link when Slack asks for a refresh, and goes on answering", async () => {
    const opened = h.slack.socketMode.opened();
    h.slack.socketMode.requestReconnect();
    await h.slack.socketMode.waitForConnections(opened + 1);
    await expect.poll(() => h.slack.socketMode.open()).toBe(1);
    expect(messageText(await h.command("caseload"))).toContain("P-017");
  });

  it("closes the link when the bot stops, and opens one again when it starts", async () => {
    const opened = h.slack.socketMode.opened();
    await h.restart();
    expect(h.slack.socketMode.opened()).toBe(opened + 1);
    expect(h.slack.socketMode.open()).toBe(1);
    expect(messageText(await h.command("caseload"))).toContain("P-018");
  });
});

describe("Socket Mode with ALLOWED_SLACK_TEAM_IDS", () => {
  let h: Harness;
  const logger = recordingLogger();
  beforeAll(async () => {
    h = await startHarness({ transport: "socket", env: { ALLOWED_SLACK_TEAM_IDS: "T0OTHER" }, logger });
  });
  afterAll(async () => h?.stop());

  it("acknowledges a workspace off the list (so Slack does not retry), stores nothing, answers nothing, and logs it once", async () => {
    for (const text of ["participant add P-001", "caseload"]) {
      const id = randomUUID();
      const response = await expectNothingStored(h, () => h.send(slashCommandBody(SPECIALIST, text, h.slack.responseUrl(id))));
      expect(response.status).toBe(200);
      expect(h.slack.calls.filter((call) => call.path === `/respond/${id}`)).toEqual([]);
    }
    expect(logger.entries.filter((entry) => entry.message === "refused a Slack workspace that is not on the allow-list").map((entry) => entry.fields)).toEqual([{ workspaceId: "T0TEST" }]);
  });
});

describe("the suites that run again over Socket Mode", () => {
  it("name suites that exist and speak through the Slack harness", async () => {
    const { SOCKET_MODE_SUITES } = await import("../../vitest.config.ts");
    const { readFileSync } = await import("node:fs");
    expect(SOCKET_MODE_SUITES.length).toBeGreaterThan(20);
    for (const suite of SOCKET_MODE_SUITES) expect(readFileSync(suite, "utf8"), suite).toContain("startHarness(");
  });
});

describe("a Socket Mode link that fails", () => {
  it("keeps the bot running when Slack refuses the app-level token, reports it, and connects once Slack accepts it", async () => {
    const slack = await startFakeSlackApi();
    slack.answerNext("apps.connections.open", { body: { ok: false, error: "invalid_auth" } });
    const logger = recordingLogger();
    const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}`, SLACK_APP_TOKEN: APP_TOKEN, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slack.url }, logger, schedulerTimer: false });
    try {
      const readyz = async () => (await fetch(`http://127.0.0.1:${bot.port}/readyz`)).json() as Promise<{ ready: boolean; checks: { slackSocketMode: Record<string, unknown> } }>;
      await expect.poll(async () => (await readyz()).checks.slackSocketMode).toMatchObject({ status: "failing", reason: "invalid_auth" });
      expect((await readyz()).ready).toBe(false);
      expect(logger.entries.find((entry) => entry.message.startsWith("slack-socket-mode is unavailable"))?.fields).toMatchObject({ reason: "invalid_auth", attempts: 1 });
      // The first retry comes 5 s later; Slack now accepts the token.
      await slack.socketMode.waitForConnections(1, 15_000);
      await expect.poll(async () => (await readyz()).ready).toBe(true);
      expect(logger.entries.map((entry) => entry.message)).toContain("slack-socket-mode works again");
    } finally {
      await bot.stop();
      await slack.close();
    }
  }, 30_000);

  it("opens a new link when the network drops the old one without a close frame", async () => {
    const h = await startHarness({ transport: "socket" });
    try {
      await h.command("participant add P-020");
      const opened = h.slack.socketMode.opened();
      h.slack.socketMode.dropConnections();
      await h.slack.socketMode.waitForConnections(opened + 1);
      expect(messageText(await h.command("caseload"))).toContain("P-020");
    } finally {
      await h.stop();
    }
  });
});
