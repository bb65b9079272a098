// The agenda posted before the weekly team meeting (codes only, Discussed buttons, an outcome
// note in a modal), and the Slack Home tab.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { blockActionBody } from "../support/slack-requests.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const NORD = "C0NORD";
// Monday 23 November 2026; the team meets on Tuesdays at 09:00 and the agenda goes out an hour before.
const clock = fixedClock("2026-11-23T10:00:00Z");

describe("agenda post", () => {
  let h: Harness;
  const agendaPosts = () => h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === NORD && messageText(call).includes("Agenda for the team meeting"));
  const flags = () => queryAll(h.databaseFile, "SELECT p.code, f.closedAt IS NOT NULL AS closed, f.outcomeNote FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId ORDER BY f.id");

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.connectClinic(NORD, "Psykos Nord");
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
    await h.grant(COLLEAGUE, "team", "Psykos Nord");
    await h.slack.waitForCall((call) => call.method === "views.open");
    await h.command("participant add P-017", SPECIALIST, NORD);
    await h.command("participant add P-018", SPECIALIST, NORD);
    await h.command("help", COLLEAGUE, NORD);
  });
  afterAll(async () => h?.stop());

  it("posts nothing when nobody is flagged", async () => {
    clock.set("2026-11-24T07:05:00Z"); // Tuesday 08:05 CET
    await h.bot.scheduler.tick();
    expect(agendaPosts()).toHaveLength(0);
  });

  it("posts the open flags an hour before the meeting, once, with codes only", async () => {
    await h.command("flag P-017 wants more hours at the warehouse", COLLEAGUE, NORD);
    await h.command("flag P-018 housing worries", SPECIALIST, NORD);
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
    const post = agendaPosts()[0]!;
    const text = messageText(post);
    expect(text).toContain("Agenda for the team meeting 2026-11-24 at 09:00: 2 to discuss");
    expect(text).toContain("`P-017`\nFlagged by olle.nurse on 2026-11-24");
    expect(text).not.toContain("warehouse");
    expect(text).not.toContain("housing");
    const buttons = JSON.stringify(post.body.blocks);
    expect(buttons).toContain('"action_id":"meeting-flag.discussed"');
    expect(buttons).toMatch(/"action_id":"meeting-flag\.discussed-with-note(#\d+)?"/);
    expect(queryAll(h.databaseFile, "SELECT kind, slot, status FROM ScheduledPost WHERE kind = 'agenda'")).toEqual([{ kind: "agenda", slot: "2026-11-24", status: "posted" }]);
  });

  it("does not post the agenda once the meeting has started", async () => {
    await h.command("unflag P-017", SPECIALIST, NORD);
    await h.command("flag P-017 back on", SPECIALIST, NORD);
    clock.set("2026-11-24T08:00:00Z"); // 09:00: the meeting starts; the next slot is a week away
    await h.bot.scheduler.tick();
    expect(agendaPosts()).toHaveLength(1);
  });

  it("closes a flag from the posted agenda and redraws it with codes only", async () => {
    const flagId = queryAll(h.databaseFile, "SELECT f.id FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId WHERE p.code = 'P-018'")[0]!.id;
    const reply = await h.clickButton("meeting-flag.discussed", `${flagId}:channel`, COLLEAGUE, NORD);
    expect(reply.body.replace_original).toBe(true);
    expect(messageText(reply)).toContain("`P-018`: discussed, closed by olle.nurse.");
    expect(messageText(reply)).not.toContain("back on");
    expect(flags().find((flag) => flag.code === "P-018")).toMatchObject({ closed: 1 });
  });

  it("asks for an outcome note in a modal and closes the flag with it", async () => {
    const flagId = String(queryAll(h.databaseFile, "SELECT f.id FROM MeetingFlag f WHERE f.closedAt IS NULL")[0]!.id);
    const click = await h.send(blockActionBody(SPECIALIST, "meeting-flag.discussed-with-note", `${flagId}:channel`, h.slack.responseUrl("outcome"), NORD));
    expect(click.status).toBe(200);
    const open = await h.slack.waitForCall((call) => call.method === "views.open" && (call.body.view as { callback_id: string }).callback_id === "meeting-flag-outcome");
    const metadata = (open.body.view as { private_metadata: string }).private_metadata;
    const bad = await expectNothingStored(h, () =>
      h.submitView("meeting-flag-outcome", { note: { note: { type: "plain_text_input", value: "call 121212-1212" } } }, { metadata }),
    );
    expect(((await bad.json()) as { errors: Record<string, string> }).errors.note).toContain("personal identity number");
    await h.submitView("meeting-flag-outcome", { note: { note: { type: "plain_text_input", value: "agreed: specialist asks about 25 hours" } } }, { metadata });
    await expect.poll(() => flags().find((flag) => flag.closed === 0)).toBeUndefined();
    expect(flags().at(-1)).toMatchObject({ code: "P-017", closed: 1, outcomeNote: "agreed: specialist asks about 25 hours" });
  });

  it.each([["abc"], ["12:elsewhere"], ["99999:channel"]])("refuses a crafted agenda button value %s", async (value) => {
    const reply = await expectNothingStored(h, () => h.clickButton("meeting-flag.discussed", value, SPECIALIST, NORD));
    expect(messageText(reply)).toContain("That flag no longer exists in this clinic.");
  });
});

describe("Home tab", () => {
  let h: Harness;
  const homeViews = () => h.slack.callsTo("views.publish").filter((call) => call.body.user_id === SPECIALIST.id);
  beforeAll(async () => {
    h = await startHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
  });
  afterAll(async () => h?.stop());

  it("shows the viewer's own week when the Home tab is opened", async () => {
    await h.command("participant add P-017 since:2026-11-02");
    await h.command("flag P-017 check in about the interview");
    const response = await h.sendEvent({ type: "app_home_opened", user: SPECIALIST.id, channel: "D0HOME", tab: "home", event_ts: "1763460000.000100" }, SPECIALIST.teamId);
    expect(response.status).toBe(200);
    await expect.poll(() => homeViews().length).toBe(1);
    const view = homeViews().at(-1)!.body.view as { type: string };
    expect(view.type).toBe("home");
    const text = messageText({ method: "views.publish", path: "", body: view as never });
    expect(text).toContain("Your week 2026-W47 · Clinic");
    expect(text).toContain("In-person employer contacts this week: 0 of the target 6.");
    expect(text).toMatch(/P-017\s+job search\s+16\s+none yet\s+none yet\s+1/);
    expect(text).toContain("`P-017`: check in about the interview");
    expect(text).toContain("[Log an employer contact]");
  });

  it("refreshes after a change the viewer makes", async () => {
    const before = homeViews().length;
    await h.command("contact ICA for P-017");
    await expect.poll(() => homeViews().length).toBe(before + 1);
    expect(messageText({ method: "", path: "", body: homeViews().at(-1)!.body.view as never })).toContain("In-person employer contacts this week: 1 of the target 6.");
  });

  it("opens the contact form and the flag form from its buttons", async () => {
    expect((await h.clickHomeButton("home.log-contact")).status).toBe(200);
    await h.slack.waitForCall((call) => call.method === "views.open" && (call.body.view as { callback_id: string }).callback_id === "employer-contact");
    expect((await h.clickHomeButton("home.flag-participant")).status).toBe(200);
    const open = await h.slack.waitForCall((call) => call.method === "views.open" && (call.body.view as { callback_id: string }).callback_id === "meeting-flag");
    const metadata = (open.body.view as { private_metadata: string }).private_metadata;
    const duplicate = await expectNothingStored(h, () =>
      h.submitView("meeting-flag", { participant: { participant: { type: "static_select", selected_option: { value: "P-017" } } }, reason: { reason: { type: "plain_text_input", value: "again" } } }, { metadata }),
    );
    expect(((await duplicate.json()) as { errors: Record<string, string> }).errors.participant).toContain("already on the agenda");
  });
});
