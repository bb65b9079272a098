// Every request acted on once: a redelivered slash command or Teams activity, with the
// same delivery key, is answered with the first answer and changes nothing again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { blockActionBody, slashCommandBody } from "../support/slack-requests.ts";
import { executeInvoke, personalMessage, SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

describe("a slash command delivered twice", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017");
  });
  afterAll(async () => h?.stop());

  const contacts = () => queryAll(h.databaseFile, "SELECT e.name FROM EmployerContact c JOIN Employer e ON e.id = c.employerId ORDER BY c.id").map((row) => row.name);
  const deliveries = () => queryAll(h.databaseFile, "SELECT key, reply IS NOT NULL AS answered FROM Delivery ORDER BY rowid");

  /** Posts one signed body as many times as asked and returns the answers posted to its response_url. */
  async function deliver(text: string, times: { retryNum?: string; parallel?: boolean }[]) {
    const id = randomUUID();
    const body = slashCommandBody(SPECIALIST, text, h.slack.responseUrl(id));
    const send = (options: { retryNum?: string }) =>
      h.send(body, options.retryNum ? { headers: { "x-slack-retry-num": options.retryNum, "x-slack-retry-reason": "http_timeout" } } : {});
    const parallel = times.filter((time) => time.parallel);
    const serial = times.filter((time) => !time.parallel);
    for (const response of await Promise.all(parallel.map(send))) expect(response.status).toBe(200);
    for (const time of serial) expect((await send(time)).status).toBe(200);
    await expect.poll(() => h.slack.calls.filter((call) => call.path === `/respond/${id}`).length).toBe(times.length);
    return h.slack.calls.filter((call) => call.path === `/respond/${id}`).map(messageText);
  }

  it("stores the contact once and answers the repeat, and Slack's retry, with the first answer", async () => {
    const answers = await deliver('contact "ICA Maxi" for P-017 type:in-person', [{}, {}, { retryNum: "1" }]);
    expect(contacts()).toEqual(["ICA Maxi"]);
    expect(answers[0]).toContain("Logged an employer contact with ICA Maxi (in person) on 2026-11-18.");
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    // One for the enrolment before, one for this contact: each change keeps its key and first answer.
    expect(deliveries()).toEqual([
      { key: expect.stringMatching(/^slack:T0TEST:command:trigger\./), answered: 1 },
      { key: expect.stringMatching(/^slack:T0TEST:command:trigger\./), answered: 1 },
    ]);
  });

  it("acts once when the copies arrive at the same time", async () => {
    await deliver('contact "Coop Forum" for P-017 type:phone', [{ parallel: true }, { parallel: true }, { parallel: true }]);
    expect(contacts().filter((name) => name === "Coop Forum")).toHaveLength(1);
  });

  it("keeps no delivery for a request that changed nothing: read-only answers and refusals are not stored", async () => {
    const before = deliveries().length;
    const agenda = await deliver("agenda", [{}, {}]);
    expect(agenda[1]).toBe(agenda[0]);
    const refused = await deliver("contact Coop type:fax", [{}, {}]);
    expect(refused[0]).toContain("`fax` is not a contact type");
    expect(deliveries()).toHaveLength(before);
  });

  it("closes a flag once when the same click is delivered twice, answering both the same", async () => {
    await h.command("flag P-017 wants more hours");
    const flagId = String(queryAll(h.databaseFile, "SELECT id FROM MeetingFlag WHERE closedAt IS NULL")[0]!.id);
    const id = randomUUID();
    const body = blockActionBody(SPECIALIST, "meeting-flag.discussed", flagId, h.slack.responseUrl(id));
    for (let copy = 0; copy < 2; copy++) expect((await h.send(body)).status).toBe(200);
    await expect.poll(() => h.slack.calls.filter((call) => call.path === `/respond/${id}`).length).toBe(2);
    const [first, second] = h.slack.calls.filter((call) => call.path === `/respond/${id}`).map(messageText);
    expect(first).toContain("`P-017`: discussed, closed by anna.specialist.");
    expect(second).toBe(first);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'meeting-flag.closed'")).toEqual([{ n: 1 }]);
  });

  it("takes a double click on Discussed (two clicks, two action timestamps) as one, answering both the same", async () => {
    await h.command("flag P-017 wants to talk about travel");
    const flagId = String(queryAll(h.databaseFile, "SELECT id FROM MeetingFlag WHERE closedAt IS NULL")[0]!.id);
    const ids = [randomUUID(), randomUUID()];
    const bodies = ids.map((id) => blockActionBody(SPECIALIST, "meeting-flag.discussed", flagId, h.slack.responseUrl(id)));
    expect(bodies[0]).not.toBe(bodies[1]);
    for (const response of await Promise.all(bodies.map((body) => h.send(body)))) expect(response.status).toBe(200);
    await expect.poll(() => ids.every((id) => h.slack.calls.some((call) => call.path === `/respond/${id}`))).toBe(true);
    const [first, second] = ids.map((id) => messageText(h.slack.calls.find((call) => call.path === `/respond/${id}`)!));
    expect(first).toContain("`P-017`: discussed, closed by anna.specialist.");
    expect(second).toBe(first);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'meeting-flag.closed'")).toEqual([{ n: 2 }]); // this flag and the one before
  });

  it("forgets delivery keys after seven days, in the scheduler's daily round", async () => {
    expect(deliveries().length).toBeGreaterThan(0);
    clock.set("2026-11-25T10:00:01Z");
    await h.bot.scheduler.tick();
    expect(deliveries()).toEqual([]);
    clock.set("2026-11-18T10:00:00Z");
  });

  it("acts again on the same words sent as a new command (a new trigger_id)", async () => {
    await h.command('contact "Lidl" for P-017 type:email');
    await h.command('contact "Lidl" for P-017 type:email');
    expect(contacts().filter((name) => name === "Lidl")).toHaveLength(2);
  });
});

describe("a Teams activity delivered twice", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
  });
  afterAll(async () => h?.stop());

  it("enrols once and answers the redelivery with the first answer", async () => {
    const activity = personalMessage(TEAMS_SPECIALIST, "ips participant add P-017", h.connector.serviceUrl);
    const first = await h.send(activity);
    const second = await h.send(activity);
    const third = await h.send(activity);
    expect(queryAll(h.databaseFile, "SELECT code FROM Participant")).toEqual([{ code: "P-017" }]);
    expect(repliesText(first.calls)).toContain("Enrolled P-017 on your caseload");
    expect(repliesText(second.calls)).toBe(repliesText(first.calls));
    expect(repliesText(third.calls)).toBe(repliesText(first.calls));
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'participant.enrolled'")).toEqual([{ n: 1 }]);
  });

  it("closes a flag once when the same Discussed invoke is delivered twice", async () => {
    await h.say("ips flag P-017 wants more hours");
    const flagId = String(queryAll(h.databaseFile, "SELECT id FROM MeetingFlag WHERE closedAt IS NULL")[0]!.id);
    const invoke = executeInvoke(TEAMS_SPECIALIST, "meeting-flag.discussed", { value: flagId }, h.connector.serviceUrl);
    const first = await h.send(invoke);
    const second = await h.send(invoke);
    expect(JSON.stringify(first.body)).toContain("**P-017**: discussed, closed by Anna Specialist.");
    expect(second.body).toEqual(first.body);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'meeting-flag.closed'")).toEqual([{ n: 1 }]);
  });

  it("takes a double click on Discussed in Teams (two invokes) as one, answering both the same", async () => {
    await h.say("ips flag P-017 wants to talk about travel");
    const flagId = String(queryAll(h.databaseFile, "SELECT id FROM MeetingFlag WHERE closedAt IS NULL")[0]!.id);
    const clicks = [0, 1].map(() => executeInvoke(TEAMS_SPECIALIST, "meeting-flag.discussed", { value: flagId }, h.connector.serviceUrl, { cardMessageId: "1700000000555" }));
    expect(clicks[0]!.id).not.toBe(clicks[1]!.id);
    const [first, second] = await Promise.all(clicks.map((click) => h.send(click)));
    expect(JSON.stringify(first!.body)).toContain("**P-017**: discussed, closed by Anna Specialist.");
    expect(second!.body).toEqual(first!.body);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'meeting-flag.closed'")).toEqual([{ n: 2 }]);
  });

  it("acts on a new activity with the same words", async () => {
    await h.say("ips contact Coop for P-017 type:phone");
    await h.say("ips contact Coop for P-017 type:phone");
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM EmployerContact")).toEqual([{ n: 2 }]);
  });
});
