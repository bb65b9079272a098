// Malformed and hostile requests get a clean answer: validly signed Slack requests and
// Teams activities that lack what ipsbot needs, wrong types, truncated JSON, oversized bodies. None
// gets a 5xx, none changes a table, and no answer carries an internal error.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { postSigned, signatureHeaders, slashCommandBody } from "../support/slack-requests.ts";
import { executeInvoke, personalMessage, SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

/** POSTs a body in chunks, without a Content-Length, and resolves with the status (or 413 if the bot cut the upload). */
function postChunked(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: signatureHeaders(body, Math.floor(Date.now() / 1000)) }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    for (let start = 0; start < body.length; start += 64 * 1024) request.write(body.slice(start, start + 64 * 1024));
    request.end();
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const payload = (value: unknown) => form({ payload: typeof value === "string" ? value : JSON.stringify(value) });
const command = (omit: string[]) => {
  const fields = Object.fromEntries(new URLSearchParams(slashCommandBody(SPECIALIST, "participant add P-900", "http://127.0.0.1:9/respond/x")));
  for (const key of omit) delete fields[key];
  return form(fields);
};
const click = (change: (body: Record<string, any>) => void) => {
  const body: Record<string, any> = {
    type: "block_actions",
    user: { id: SPECIALIST.id, username: SPECIALIST.name, team_id: SPECIALIST.teamId },
    team: { id: SPECIALIST.teamId },
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0CLINIC" },
    channel: { id: "C0CLINIC" },
    trigger_id: `trigger.${randomUUID()}`,
    response_url: "http://127.0.0.1:9/respond/y",
    actions: [{ action_id: "meeting-flag.discussed", value: "1", type: "button", action_ts: "1700000001.000001" }],
  };
  change(body);
  return payload(body);
};

const SLACK_CASES: [string, string][] = [
  ["a slash command without user_id", command(["user_id"])],
  ["a slash command without team_id", command(["team_id"])],
  ["a slash command without channel_id", command(["channel_id"])],
  ["a slash command without trigger_id", command(["trigger_id", "text"])],
  ["a click without user", click((body) => delete body.user)],
  ["a click without team", click((body) => delete body.team)],
  ["a click without channel or container", click((body) => (delete body.channel, delete body.container))],
  ["a click without actions", click((body) => delete body.actions)],
  ["a click whose value is an object", click((body) => (body.actions[0].value = { id: 1 }))],
  ["a click whose user id is a number", click((body) => (body.user.id = 42))],
  ["a form submission without view", payload({ type: "view_submission", user: { id: SPECIALIST.id }, team: { id: SPECIALIST.teamId } })],
  ["a form submission with an unknown callback", payload({ type: "view_submission", user: { id: SPECIALIST.id }, team: { id: SPECIALIST.teamId }, view: { id: "V1", callback_id: "nope", state: { values: {} } } })],
  ["truncated JSON in the payload", payload('{"type":"block_actions","user":{"id":')],
  ["a payload that is JSON null", payload("null")],
];

describe("malformed Slack requests, validly signed", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it.each(SLACK_CASES)("answers %s without a 5xx and stores nothing", async (_case, body) => {
    const response = await expectNothingStored(h, () => postSigned(h.eventsUrl, body));
    expect(response.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 50)); // work after the answer must not store either
    const text = await response.text();
    expect(text).not.toMatch(/Error|at .*\.(ts|js):\d+|ENOTFOUND/);
  });

  it.each(["user_id", "team_id", "channel_id", "response_url"])("refuses a slash command without %s with 400 (not Bolt's 404 after its wait for an acknowledgement)", async (field) => {
    const response = await expectNothingStored(h, () => postSigned(h.eventsUrl, command([field])));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad_request" });
  });

  it("apologises, with a correlation id, when building the request's context fails (one error boundary)", async () => {
    const db = new Database(h.databaseFile);
    db.exec('ALTER TABLE "ClinicMembership" RENAME TO "ClinicMembershipMoved"');
    try {
      const text = messageText(await h.command("agenda"));
      expect(text).toMatch(/Sorry, something went wrong on our side.*reference: [0-9a-f]{8}/s);
    } finally {
      db.exec('ALTER TABLE "ClinicMembershipMoved" RENAME TO "ClinicMembership"');
      db.close();
    }
  });

  it("refuses a body over 1 MB before reading it, signed or not", async () => {
    const big = form({ text: "x".repeat(1_100_000) });
    const announced = await expectNothingStored(h, () => fetch(h.eventsUrl, { method: "POST", headers: signatureHeaders(big, Math.floor(Date.now() / 1000)), body: big }));
    expect(announced.status).toBe(413);
    // A body that announces no length (chunked) is cut off as soon as it passes the limit.
    const chunked = await expectNothingStored(h, () => postChunked(h.eventsUrl, big));
    expect(chunked).toBe(413);
  });
});

describe("malformed Teams activities", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await h.say("ips help");
  });
  afterAll(async () => h?.stop());

  const message = () => personalMessage(TEAMS_SPECIALIST, "ips participant add P-900", h.connector.serviceUrl) as Record<string, any>;
  const invoke = () => executeInvoke(TEAMS_SPECIALIST, "meeting-flag.discussed", { value: "1" }, h.connector.serviceUrl) as Record<string, any>;
  const TEAMS_CASES: [string, () => Record<string, any>][] = [
    ["a message without from", () => ({ ...message(), from: undefined })],
    ["a message without conversation", () => ({ ...message(), conversation: undefined })],
    ["a message whose text is a number", () => ({ ...message(), text: 42 })],
    ["a message whose from is a string", () => ({ ...message(), from: "anna" })],
    ["an invoke whose value is garbage", () => ({ ...invoke(), value: "garbage" })],
    ["an invoke whose value has no action", () => ({ ...invoke(), value: { trigger: "manual" } })],
    ["an invoke without replyToId", () => ({ ...invoke(), replyToId: undefined })],
    ["an invoke with an unknown verb", () => executeInvoke(TEAMS_SPECIALIST, "no.such.verb", { value: "1" }, h.connector.serviceUrl)],
    ["an invoke without from", () => ({ ...invoke(), from: undefined })],
  ];

  it.each(TEAMS_CASES)("answers %s without a 5xx and stores nothing", async (_case, build) => {
    const exchange = await expectNothingStored(h, () => h.send(build()));
    expect(exchange.status).toBeLessThan(500);
    expect(JSON.stringify(exchange.body ?? "")).not.toMatch(/Error:|at .*\.(ts|js):\d+|ENOTFOUND/);
  });

  it("apologises, with a correlation id, when building the context of a message or a click fails", async () => {
    const db = new Database(h.databaseFile);
    db.exec('ALTER TABLE "ClinicMembership" RENAME TO "ClinicMembershipMoved"');
    try {
      expect(repliesText((await h.say("ips agenda")).calls)).toMatch(/Sorry, something went wrong on our side.*reference: [0-9a-f]{8}/s);
      expect(JSON.stringify((await h.send(invoke())).body)).toMatch(/Sorry, something went wrong on our side/);
    } finally {
      db.exec('ALTER TABLE "ClinicMembershipMoved" RENAME TO "ClinicMembership"');
      db.close();
    }
  });

  it("answers truncated JSON with 400", async () => {
    const response = await fetch(h.messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body: '{"type":"message","text":' });
    expect(response.status).toBe(400);
  });
});
