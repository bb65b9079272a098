// Text people type is shown to others as typed, never as markup: an injection table
// of mentions, broadcasts, links, images, formatting, <at> tags and HTML entities goes through
// every free-text field that is later shown to someone else, in Slack and in Teams, and every
// string of what the fake Slack API and the fake Teams connector receive is checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import type { RecordedCall } from "../support/fake-slack-api.ts";
import type { SlackUser } from "../support/slack-requests.ts";
import { ADMIN as TEAMS_ADMIN, COLLEAGUE as TEAMS_COLLEAGUE, SPECIALIST as TEAMS_SPECIALIST, type TeamsUser } from "../support/teams-activities.ts";
import { cardsOf, repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import type { ConnectorCall } from "../support/fake-bot-connector.ts";
import { queryAll } from "../support/database-copy.ts";
import { lastDirectMessage } from "../support/slack-buttons.ts";
import { randomUUID } from "node:crypto";

const clock = fixedClock("2026-11-18T10:00:00Z");

/** What an attacker types, by what it would become if it were read as markup. */
const INJECTIONS: Record<string, string> = {
  "a markdown link": "[Your session expired, sign in](https://evil.example/login)",
  "a markdown image": "![pixel](https://evil.example/p.png)",
  "Slack broadcasts and a mention": "<!channel> <!here> <@U0SPEC2>",
  "a Slack link": "<https://evil.example/login|Sign in again>",
  "a Teams mention": "<at>Olle Nurse</at>",
  "HTML entities": "&#60;at&#62;Olle&#60;/at&#62; &lt;b&gt;",
  "formatting": "**urgent** _now_ ~gone~ `code` \\*",
};
const TABLE = Object.entries(INJECTIONS);

// ---- Slack: what Slack itself would read as markup in mrkdwn and a message's `text` ----

/** Slack sends &, < and > in a slash command's text escaped, and Teams in a message's text; so does the test. */
const asSlackSends = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const asTeamsSends = asSlackSends;

/** Every string Slack reads as mrkdwn in a call: the top-level text, section and context texts, field errors. */
function slackMarkupStrings(body: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, key));
    if (typeof node === "string") {
      if (key === "text") found.push(node);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const object = node as Record<string, unknown>;
    // plain_text is shown as written; values and metadata are data, not shown.
    if (object.type === "plain_text") return;
    for (const [name, value] of Object.entries(object)) if (!["value", "private_metadata", "action_id", "block_id", "initial_value"].includes(name)) visit(value, name);
  };
  visit(body, undefined);
  return found;
}

/** Nothing Slack would turn into a mention, broadcast or link: no raw `<`, `>` and no `&` but the three escapes. */
function expectSlackInert(calls: readonly RecordedCall[]) {
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    for (const text of slackMarkupStrings(call.body)) {
      expect(text, `${call.method}: ${text}`).not.toMatch(/[<>]/);
      expect(text.replace(/&(amp|lt|gt);/g, ""), `${call.method}: ${text}`).not.toContain("&");
    }
  }
}

// ---- Teams: what Teams would read as markdown, mentions or entities in a card or message ----

/** Every TextBlock text and message text in a connector call or invoke answer. */
function teamsMarkdownStrings(body: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const object = node as Record<string, unknown>;
    if ((object.type === "TextBlock" || object.type === "message") && typeof object.text === "string") found.push(object.text);
    for (const value of Object.values(object)) visit(value);
  };
  visit(body);
  return found;
}

/** Every markdown character is escaped; only ipsbot's own bold marks stay. No mention entity is made from typed text. */
function expectTeamsInert(bodies: readonly unknown[]) {
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) {
    for (const text of teamsMarkdownStrings(body)) {
      const unescaped = text.replace(/\\[\s\S]/g, "").replace(/\*\*/g, "");
      expect(unescaped, text).not.toMatch(/[[\]()!<>&`_*~\\]/);
    }
    expect(JSON.stringify(body)).not.toContain('"type":"mention"');
  }
}

const teamsBodies = (calls: readonly ConnectorCall[]) => calls.map((call) => call.body);

describe("typed text shown to others in Slack", () => {
  let h: Harness;
  /** A specialist whose Slack display name is itself an injection. */
  const named = (name: string): SlackUser => ({ ...COLLEAGUE, id: `U0NAME${Math.abs(hash(name))}`.slice(0, 14).toUpperCase(), name });

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-10-20");
    await h.command("participant add P-018 since:2026-10-20");
  });
  afterAll(async () => h?.stop());

  it.each(TABLE)("shows %s in a flag reason as typed, in another member's agenda", async (_what, payload) => {
    await h.command(`flag P-017 ${asSlackSends(payload)}`);
    const agenda = await h.command("agenda", COLLEAGUE);
    expectSlackInert([agenda]);
    expect(messageText(agenda)).toContain(payload);
    await h.command("unflag P-017");
  });

  it.each(TABLE)("shows %s in an outcome note as typed", async (_what, payload) => {
    await h.command("flag P-018 check in");
    const closed = await h.command(`unflag P-018 ${asSlackSends(payload)}`);
    expectSlackInert([closed]);
    expect(messageText(closed)).toContain(payload);
  });

  it.each(TABLE)("shows %s in an employer name as typed", async (_what, payload) => {
    const logged = await h.command(`contact "${asSlackSends(payload)}" type:phone`);
    expectSlackInert([logged]);
    expect(messageText(logged)).toContain(payload);
  });

  it.each(TABLE)("echoes %s typed as a participant code only as text", async (_what, payload) => {
    const refused = await h.command(`participant add ${asSlackSends(payload.replace(/\s/g, ""))}`);
    expectSlackInert([refused]);
  });

  it.each(TABLE)("shows %s in a clinic name as typed, in the digest posted to the channel", async (_what, payload) => {
    const channel = `C0INJ${Math.abs(hash(payload))}`.slice(0, 12).toUpperCase();
    await h.connectClinic(channel, asSlackSends(`Nord ${payload}`));
    const before = h.slack.callsTo("chat.postMessage").length;
    await h.grant(SPECIALIST, "supervisor", `Nord ${payload}`);
    const answer = await h.command("digest post", SPECIALIST, channel);
    expect(messageText(answer)).not.toContain("Only supervisors");
    const posts = h.slack.callsTo("chat.postMessage").slice(before).filter((call) => call.body.channel === channel);
    expectSlackInert(posts);
    // The header is plain_text, shown as written.
    expect((posts[0]!.body.blocks as unknown[])[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: expect.stringContaining(`Nord ${payload}`) } });
    expect(String(posts[0]!.body.text)).toContain(asSlackSends(`Nord ${payload}`));
  });

  it.each(TABLE)("shows %s in a fidelity note as typed, on the item card", async (_what, payload) => {
    const reviewId = await openReview(h.databaseFile, () => h.command(`fidelity start clinic:"Clinic"`));
    const metadata = JSON.stringify({ channelId: "C0TEST", hidden: { target: `${reviewId}:caseload` } });
    const saved = await h.submitView("fidelity-note", { note: { note: { type: "plain_text_input", value: payload } } }, { metadata });
    expect(saved.status).toBe(200);
    await h.command(`fidelity resume clinic:"Clinic"`);
    const card = lastDirectMessage(h, SPECIALIST);
    expectSlackInert([card]);
    expect(messageText(card)).toContain(payload);
  });

  it.each(TABLE)("shows %s in a display name as typed, in another member's agenda", async (_what, payload) => {
    const user = named(payload);
    await h.grant(user, "team");
    await h.command("flag P-017 a reason", user);
    const agenda = await h.command("agenda", SPECIALIST);
    expectSlackInert([agenda]);
    expect(messageText(agenda)).toContain(payload);
    await h.command("unflag P-017");
  });
});

describe("typed text shown to others in Teams", () => {
  let h: TeamsHarness;
  const named = (name: string): TeamsUser => ({ ...TEAMS_COLLEAGUE, id: `29:1name${Math.abs(hash(name))}`, aadObjectId: `a1b2c3d4-00${String(Math.abs(hash(name)) % 100).padStart(2, "0")}-4a5b-8c9d-1e1f2a3b4c5d`, name });

  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-20");
    await h.say("ips participant add P-018 since:2026-10-20");
  });
  afterAll(async () => h?.stop());

  it.each(TABLE)("shows %s in a flag reason as typed, in another member's agenda", async (_what, payload) => {
    await h.say(`ips flag P-017 ${asTeamsSends(payload)}`);
    const agenda = await h.say("ips agenda", TEAMS_COLLEAGUE);
    expectTeamsInert(teamsBodies(agenda.calls));
    expect(repliesText(agenda.calls)).toContain(payload);
    await h.say("ips unflag P-017");
  });

  it.each(TABLE)("shows %s in an outcome note as typed", async (_what, payload) => {
    await h.say("ips flag P-018 check in");
    const closed = await h.say(`ips unflag P-018 ${asTeamsSends(payload)}`);
    expectTeamsInert(teamsBodies(closed.calls));
    expect(repliesText(closed.calls)).toContain(payload);
  });

  it.each(TABLE)("shows %s in an employer name as typed", async (_what, payload) => {
    const logged = await h.say(`ips contact "${asTeamsSends(payload)}" type:phone`);
    expectTeamsInert(teamsBodies(logged.calls));
    expect(repliesText(logged.calls)).toContain(payload);
  });

  it.each(TABLE)("echoes %s typed as a participant code only as text", async (_what, payload) => {
    const refused = await h.say(`ips participant add ${asTeamsSends(payload.replace(/\s/g, ""))}`);
    expectTeamsInert(teamsBodies(refused.calls));
  });

  it.each(TABLE)("shows %s in a clinic name as typed, in the digest posted to the channel", async (_what, payload) => {
    const connected = await h.mention(`ips channel connect "Nord ${asTeamsSends(payload)}"`, TEAMS_ADMIN);
    expectTeamsInert(teamsBodies(connected.calls));
    await h.grant(TEAMS_SPECIALIST, "supervisor", `Nord ${payload}`);
    const posted = await h.mention("ips digest post", TEAMS_SPECIALIST);
    expect(repliesText(posted.calls)).not.toContain("Only supervisors");
    expectTeamsInert(teamsBodies(posted.calls));
    expect(repliesText(posted.calls)).toContain(`Nord ${payload}`);
    await h.mention("ips channel disconnect", TEAMS_ADMIN);
  });

  it.each(TABLE)("shows %s in a fidelity note as typed, on the item card", async (_what, payload) => {
    const reviewId = await openReview(h.databaseFile, () => h.say(`ips fidelity start clinic:"Clinic"`));
    const data = { formId: "fidelity-note", hidden: { target: `${reviewId}:caseload` }, submissionId: randomUUID(), "field.note": payload };
    const saved = await h.execute("form:fidelity-note", data);
    expectTeamsInert([saved.body]);
    const resumed = await h.say(`ips fidelity resume clinic:"Clinic"`);
    expectTeamsInert(teamsBodies(resumed.calls));
    expect(repliesText(resumed.calls)).toContain(`Note: ${payload}`);
  });

  it.each(TABLE)("shows %s in a display name as typed, in another member's agenda", async (_what, payload) => {
    const user = named(payload);
    await h.grant(user, "team");
    await h.say("ips flag P-017 a reason", user);
    const agenda = await h.say("ips agenda", TEAMS_SPECIALIST);
    expectTeamsInert(teamsBodies(agenda.calls));
    expect(repliesText(agenda.calls)).toContain(payload);
    await h.say("ips unflag P-017");
  });
});

/** The open fidelity review's id, starting one when none is open. */
async function openReview(databaseFile: string, start: () => Promise<unknown>): Promise<number> {
  const open = () => queryAll(databaseFile, "SELECT id FROM FidelityReview WHERE status = 'open'")[0]?.id as number | undefined;
  if (open() === undefined) await start();
  return open()!;
}

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (value * 31 + character.codePointAt(0)!) | 0;
  return value;
}
