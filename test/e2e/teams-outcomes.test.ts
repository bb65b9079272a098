// The outcome and digest features through the real Teams protocol: job starts and ends in a
// personal chat; `channel connect` typed in a Teams channel with the settings form answered in the
// personal chat; the weekly digest and the agenda posted by the scheduler (fake clock) to the
// channel through the fake Bot Connector; the agenda's buttons in the channel; and the bot
// removed from the team. Every card is checked by the harness (Adaptive Cards SDK, 28 KB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAll } from "../support/database-copy.ts";
import type { ConnectorCall } from "../support/fake-bot-connector.ts";
import { ADMIN, botRemovedFromTeam, CHANNEL_ID, channelMention, COLLEAGUE, executeInvoke, SPECIALIST, TEAM_ID, TENANT_ID, type TeamsUser } from "../support/teams-activities.ts";
import { actionTitled, cardsOf, cardText, executeActions, fixedClock, invokeCard, repliesText, startTeamsHarness, type TeamsHarness, shownText } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

// Wednesday 18 November 2026, 11:00 in Stockholm (ISO week 47).
const clock = fixedClock("2026-11-18T10:00:00Z");
const PERSONAL = (user: TeamsUser) => `a:personal-${user.id}`;

const onlyCard = (calls: readonly ConnectorCall[]) => {
  const cards = calls.flatMap(cardsOf);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};

/** A click on an Action.Execute of a message the bot posted in the clinic channel. */
function channelInvoke(user: TeamsUser, verb: string, data: Record<string, unknown>, serviceUrl: string, messageId: string) {
  const activity = executeInvoke(user, verb, data, serviceUrl, {
    cardMessageId: messageId,
    conversation: { isGroup: true, conversationType: "channel", tenantId: user.tenantId, id: `${CHANNEL_ID};messageid=${messageId}` },
  });
  activity.channelData = { tenant: { id: user.tenantId }, team: { id: TEAM_ID }, channel: { id: CHANNEL_ID }, source: { name: "message" } };
  return activity;
}

describe("outcomes, channel settings, digest and agenda in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock, schedulerTimer: false });
  });
  afterAll(async () => h?.stop());

  /** Says `text` in the personal chat, expects the answer in place, and returns its text. */
  const say = async (text: string, user: TeamsUser = SPECIALIST) => {
    const exchange = await h.say(text, user);
    expect(exchange.status).toBe(200);
    expect(exchange.calls.map((call) => [call.kind, call.conversationId])).toEqual(exchange.calls.map(() => ["reply", PERSONAL(user)]));
    return repliesText(exchange.calls);
  };

  /** `@ipsbot text` in the clinic channel: the answer goes to the personal chat, the channel gets a notice. */
  const mention = async (text: string, user: TeamsUser = SPECIALIST, notice = "I sent you the answer in a private chat.") => {
    const exchange = await h.mention(text, user);
    expect(exchange.status).toBe(200);
    const privately = exchange.calls.filter((call) => call.conversationId === PERSONAL(user));
    const inChannel = exchange.calls.filter((call) => call.conversationId?.startsWith(`${CHANNEL_ID};messageid=`));
    expect(exchange.calls.map((call) => call.kind)).toEqual(["create-conversation", ...privately.map(() => "reply"), "reply"]);
    expect(inChannel.map((call) => call.body.text)).toEqual([`${user.name}, ${notice}`]);
    return { exchange, privately, text: repliesText(privately) };
  };

  const jobs = () =>
    queryAll(
      h.databaseFile,
      "SELECT p.code, e.name AS employer, j.jobType, j.kind, j.hoursPerWeek, j.startedOn, j.endedOn, j.endReason, j.currentFor IS NOT NULL AS current FROM JobStart j JOIN Participant p ON p.id = j.participantId JOIN Employer e ON e.id = j.employerId ORDER BY j.id",
    );
  const statusOf = (code: string, clinic = "Clinic") =>
    queryAll(h.databaseFile, "SELECT p.status, p.statusSince FROM Participant p JOIN Clinic c ON c.id = p.clinicId WHERE p.code = ? AND c.name = ?", code, clinic)[0];
  const channels = () => queryAll(h.databaseFile, "SELECT c.name AS clinic, ch.platform, ch.workspaceId, ch.channelId, ch.serviceUrl, ch.activeKey, ch.disconnectedReason FROM ClinicChannel ch JOIN Clinic c ON c.id = ch.clinicId ORDER BY ch.id");
  const posts = () => queryAll(h.databaseFile, "SELECT kind, slot, status, attempts, messageId, lastError FROM ScheduledPost ORDER BY id");
  const flags = () => queryAll(h.databaseFile, "SELECT p.code, f.closedAt IS NOT NULL AS closed, f.outcomeNote FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId ORDER BY f.id");
  /**
   * New posts in the channel itself. A proactive post goes to the channel's conversation id without
   * `;messageid=` (botbuilder sends it as a reply to its continuation activity; Teams starts a new post).
   */
  const channelPosts = (calls: readonly ConnectorCall[]) => calls.filter((call) => (call.kind === "send" || call.kind === "reply") && call.conversationId === CHANNEL_ID && call.body.type === "message");

  describe("job starts and ends in a personal chat", () => {
    beforeAll(async () => {
      await say("ips participant add P-017 since:2026-09-01");
      await say("ips participant add P-018 since:2026-10-01");
    });

    it("records a competitive job start and the status follows", async () => {
      const text = await say('ips job start P-017 "ICA Maxi Lindhagen" type:retail kind:competitive hours:20 date:2026-11-16');
      expect(text).toContain("Recorded a competitive job start for P-017 at ICA Maxi Lindhagen (retail, 20 h/week) from 2026-11-16. Status: working (competitive job).");
      expect(jobs()).toEqual([{ code: "P-017", employer: "ICA Maxi Lindhagen", jobType: "retail", kind: "competitive", hoursPerWeek: 20, startedOn: "2026-11-16", endedOn: null, endReason: null, current: 1 }]);
      expect(statusOf("P-017")).toEqual({ status: "working", statusSince: "2026-11-16" });
    });

    it("reads an internship typed with the smart quotes and no-break spaces of Teams clients", async () => {
      const text = await say("ips job start P-018 \u201cLunds Bageri\u201d&nbsp;type:hospitality kind:internship");
      expect(text).toContain("P-018");
      expect(jobs()[1]).toMatchObject({ code: "P-018", employer: "Lunds Bageri", kind: "internship", hoursPerWeek: null, startedOn: "2026-11-18" });
      expect(statusOf("P-018")).toEqual({ status: "internship", statusSince: "2026-11-18" });
    });

    it.each([
      ["ips job start P-017 Coop type:retail kind:competitive", "P-017 already has a current job at ICA Maxi Lindhagen since 2026-11-16"],
      ["ips job start P-020 Coop type:retail kind:competitive", "There is no participant P-020"],
      ["ips job start P-020 Coop type:astronaut kind:competitive", "astronaut is not a job type. Choose one of: retail, warehouse"],
      ["ips job start P-020 Coop type:retail kind:volunteer", "volunteer is not a kind of start"],
      ["ips job start P-020 Coop type:retail kind:competitive hours:61", "61 is not a number of hours per week"],
      ['ips job start P-020 "Coop 121212-1212" type:retail kind:competitive', "personal identity number"],
      ["ips job start P-020 Coop type:retail kind:competitive date:2026-11-30", "2026-11-30 is in the future"],
      ["ips job end P-017 2026-11-15", "2026-11-15 is before the job started (2026-11-16)"],
      ["ips job end P-017 reason:bored", "bored is not a reason. Choose one of: quit, fired, contract-ended, moved-on, other"],
      ["ips job end P-017 status:retired", "retired cannot follow the end of a job"],
      ["ips job ends P-017", "Did you mean ips job end?"],
    ])("refuses %s with the reason and stores nothing", async (text, expected) => {
      const reply = await expectNothingStored(h, () => say(text));
      expect(reply).toContain(expected);
      expect(reply).not.toContain("/ips");
    });

    it("ends the current job; the participant returns to job search, or to the status asked for", async () => {
      expect(await say("ips job end P-017 2026-11-17 reason:contract-ended")).toContain("Ended P-017's job at ICA Maxi Lindhagen on 2026-11-17. Status: job search.");
      expect(jobs()[0]).toMatchObject({ endedOn: "2026-11-17", endReason: "contract-ended", current: 0 });
      expect(statusOf("P-017")).toEqual({ status: "job-search", statusSince: "2026-11-17" });
      await say("ips job end P-018 status:paused");
      expect(statusOf("P-018")).toMatchObject({ status: "paused" });
      const actions = queryAll(h.databaseFile, "SELECT action, platform, workspaceId FROM AuditEvent WHERE entityType = 'job-start' ORDER BY id");
      expect(actions).toEqual(["job.started", "job.started", "job.ended", "job.ended"].map((action) => ({ action, platform: "teams", workspaceId: TENANT_ID })));
    });
  });

  describe("connecting a Teams channel", () => {
    let settingsCard: Record<string, any>;

    it("refuses channel connect in a personal chat and stores nothing", async () => {
      const reply = await expectNothingStored(h, () => say("ips channel connect Psykos Nord"));
      expect(reply).toContain("Type this in the channel that should receive the clinic's digests");
    });

    it("sends the settings form privately when an admin types channel connect in the channel, and stores the channel with its service URL", async () => {
      const { exchange, privately } = await mention("ips channel connect Psykos Nord", ADMIN);
      expect(exchange.calls[0]!.body).toMatchObject({ isGroup: false, tenantId: TENANT_ID, members: [{ id: ADMIN.id }] });
      settingsCard = onlyCard(privately);
      const inputs = (settingsCard.body as Record<string, any>[]).filter((element) => element.type.startsWith("Input."));
      expect(inputs.map((input) => [input.type, input.id, input.value])).toEqual([
        ["Input.ChoiceSet", "field.locale", "en"],
        ["Input.Text", "field.timeZone", "Europe/Stockholm"],
        ["Input.ChoiceSet", "field.digestWeekday", "1"],
        ["Input.Text", "field.digestTime", "08:00"],
        ["Input.ChoiceSet", "field.meetingWeekday", "2"],
        ["Input.Text", "field.meetingTime", "09:00"],
        ["Input.Text", "field.agendaLeadMinutes", "60"],
        ["Input.ChoiceSet", "field.rateDefinition", "ips-employment-center"],
      ]);
      // Stored under the channel's own id (without the thread's `;messageid=`) and the connector's service URL.
      expect(channels()).toEqual([
        { clinic: "Psykos Nord", platform: "teams", workspaceId: TENANT_ID, channelId: CHANNEL_ID, serviceUrl: h.connector.serviceUrl, activeKey: `teams:${TENANT_ID}:${CHANNEL_ID}`, disconnectedReason: null },
      ]);
      const roles = (user: TeamsUser) =>
        queryAll(h.databaseFile, "SELECT c.name, m.role FROM ClinicMembership m JOIN Clinic c ON c.id = m.clinicId JOIN Member mb ON mb.id = m.memberId WHERE mb.platformUserId = ? ORDER BY c.id", user.aadObjectId);
      expect(roles(ADMIN)).toEqual([]);
      await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
      expect(roles(SPECIALIST)).toEqual([
        { name: "Clinic", role: "supervisor" },
        { name: "Psykos Nord", role: "supervisor" },
      ]);
    });

    it("refuses to connect the same channel again and stores nothing", async () => {
      const { text } = await expectNothingStored(h, () => mention("ips channel connect Psykos Syd"));
      expect(text).toContain("This channel is already connected to Psykos Nord");
    });

    const filled = (overrides: Record<string, string> = {}) => ({
      ...actionTitled(settingsCard, "Save").data,
      "field.locale": "en",
      "field.timeZone": "Europe/Stockholm",
      "field.digestWeekday": "1",
      "field.digestTime": "07:30",
      "field.meetingWeekday": "2",
      "field.meetingTime": "09:00",
      "field.agendaLeadMinutes": "60",
      "field.rateDefinition": "ips-employment-center",
      ...overrides,
    });

    it.each([
      ["digestTime", { "field.digestTime": "25:00" }, "25:00 is not a time"],
      ["timeZone", { "field.timeZone": "Mars/Olympus" }, "Mars/Olympus is not a time zone"],
      ["agendaLeadMinutes", { "field.agendaLeadMinutes": "soon" }, "soon is not a number of minutes"],
    ])("redraws the settings card with the %s error under its field, keeps what was typed, and saves nothing", async (field, overrides, expected) => {
      const submit = actionTitled(settingsCard, "Save");
      const exchange = await expectNothingStored(h, () => h.execute(submit.verb, filled(overrides)));
      const card = invokeCard(exchange)!;
      const body = card.body as Record<string, any>[];
      const at = body.findIndex((element) => element.id === `field.${field}`);
      expect(body[at]!.value).toBe(Object.values(overrides)[0]);
      expect(body[at + 1]).toMatchObject({ type: "TextBlock", color: "Attention" });
      expect(shownText(body[at + 1]!.text)).toContain(expected);
      expect(body.filter((element) => element.color === "Attention")).toHaveLength(1);
    });

    it("saves the submitted settings and replaces the form with the confirmation", async () => {
      const submit = actionTitled(settingsCard, "Save");
      const exchange = await h.execute(submit.verb, filled());
      expect(cardText(invokeCard(exchange)!)).toContain("Saved for Psykos Nord: digest Monday 07:30, team meeting Tuesday 09:00, agenda 60 minutes before, time zone Europe/Stockholm, language English, employment rate by IPS Employment Center: everyone served in the quarter.");
      expect(queryAll(h.databaseFile, "SELECT locale, timeZone, digestWeekday, digestTime, meetingWeekday, meetingTime, agendaLeadMinutes FROM Clinic WHERE name = 'Psykos Nord'")).toEqual([
        { locale: "en", timeZone: "Europe/Stockholm", digestWeekday: 1, digestTime: "07:30", meetingWeekday: 2, meetingTime: "09:00", agendaLeadMinutes: 60 },
      ]);
    });

    it("lets only the clinic's supervisor change the settings", async () => {
      await h.grant(COLLEAGUE, "team", "Psykos Nord");
      const submit = actionTitled(settingsCard, "Save");
      const exchange = await expectNothingStored(h, () => h.execute(submit.verb, filled({ "field.locale": "sv" }), COLLEAGUE));
      expect(cardText(invokeCard(exchange)!)).toContain("Only supervisors or admins of Psykos Nord can do that.");
      for (const command of ["ips channel settings", "ips channel disconnect"]) {
        const { text } = await expectNothingStored(h, () => mention(command, COLLEAGUE));
        expect(text).toContain("Only supervisors or admins of Psykos Nord can do that.");
      }
    });

    it("reopens the saved settings privately for the supervisor", async () => {
      const { privately } = await mention("ips channel settings");
      const inputs = (onlyCard(privately).body as Record<string, any>[]).filter((element) => element.type.startsWith("Input."));
      expect(inputs.map((input) => input.value)).toEqual(["en", "Europe/Stockholm", "1", "07:30", "2", "09:00", "60", "ips-employment-center"]);
    });

    it("disconnects the channel, and connects it again", async () => {
      expect((await mention("ips channel disconnect")).text).toContain("This channel no longer receives Psykos Nord's digests and agendas.");
      expect(channels()).toEqual([expect.objectContaining({ channelId: CHANNEL_ID, activeKey: null, disconnectedReason: "disconnected by Anna Specialist" })]);
      const { privately } = await mention("ips channel connect Psykos Nord");
      expect(actionTitled(onlyCard(privately), "Save").verb).toBe("form:clinic-settings");
      expect(channels().map((row) => [row.clinic, row.channelId, row.activeKey])).toEqual([
        ["Psykos Nord", CHANNEL_ID, null],
        ["Psykos Nord", CHANNEL_ID, `teams:${TENANT_ID}:${CHANNEL_ID}`],
      ]);
    });
  });

  describe("the weekly digest posted to the Teams channel", () => {
    beforeAll(async () => {
      await mention("ips participant add P-101 since:2026-09-01");
      await mention("ips participant add P-102 since:2026-11-01");
      await mention("ips participant add P-103 since:2026-10-01");
      await mention("ips contact Coop for P-101 date:2026-09-11 talked about shelf work");
      await mention("ips contact ICA for P-102 date:2026-11-16");
      await mention("ips contact Bageriet type:phone date:2026-11-17");
      await mention('ips job start P-101 "Coop Forum" type:retail kind:competitive date:2026-10-15');
      await mention("ips flag P-103 needs support with the first employer meeting", COLLEAGUE);
    });

    it("is posted by the scheduler at the clinic's digest time, once, as cards with codes and numbers only", async () => {
      clock.set("2026-11-23T06:29:00Z"); // Monday 07:29 in Stockholm
      expect(channelPosts(await h.tick())).toEqual([]);
      clock.set("2026-11-23T06:30:00Z"); // 07:30
      const first = channelPosts(await h.tick());
      const second = channelPosts(await h.tick());
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      const post = first[0]!;
      expect(post.body).toMatchObject({ type: "message", conversation: { id: CHANNEL_ID, tenantId: TENANT_ID, conversationType: "channel" } });
      const text = cardsOf(post).map(cardText).join("\n");
      expect(text).toContain("IPS weekly digest · Psykos Nord · 2026-W47");
      expect(text).toContain("Participants appear by code only.");
      expect(text).toContain("Working (competitive): 1 · Internship: 0 · Studying: 0 · Job search: 2 · Paused: 0");
      expect(text).toContain("Competitive employment rate 2026 Q4 to date: 33% (1 of 3, at the minimum standard, 31-40%)");
      expect(text).toContain("Rapid job search: first in-person meeting with an employer a mean of 12.5 and a median of 12.5 days after enrolment (n = 2:");
      expect(text).toContain("More than 30 days without a first employer contact (an in-person meeting): P-103");
      expect(text).toContain("On the agenda of the team meeting on 2026-11-24: P-103");
      expect(text).toMatch(/W47\n█+·*\n1\n█+·*\n1/);
      // Codes and numbers only: no reasons, notes or employers; only this clinic's participants.
      for (const secret of ["needs support", "shelf work", "Coop", "ICA", "Bageriet", "P-017", "P-018"]) expect(text).not.toContain(secret);
      expect(posts()).toEqual([{ kind: "digest", slot: "2026-W47", status: "posted", attempts: 1, messageId: post.answer.id, lastError: null }]);
    });

    it("answers digest post in the channel that the digest was already posted, and posts nothing", async () => {
      const { exchange, text } = await expectNothingStored(h, () => mention("ips digest post"));
      expect(text).toContain(`The digest for 2026-W47 was already posted in ${CHANNEL_ID} (or is being posted); nothing was posted twice.`);
      expect(channelPosts(exchange.calls)).toEqual([]);
    });

    it("previews this week's digest privately when asked for in the channel", async () => {
      const { text } = await mention("ips digest preview");
      expect(text).toContain("IPS weekly digest · Psykos Nord · 2026-W48");
    });

    /** Saves the clinic's settings through the settings card, as its supervisor would. */
    const NOTICE: Record<string, string> = { en: "I sent you the answer in a private chat.", sv: "jag skickade svaret i en privat chatt.", nb: "jeg sendte deg svaret i en privat chat." };
    let currentLocale = "en";
    const saveSettings = async (locale: string, rateDefinition: string) => {
      const { privately } = await mention("ips channel settings", SPECIALIST, NOTICE[currentLocale]);
      const submit = executeActions(onlyCard(privately)).find((action) => action.verb === "form:clinic-settings")!;
      const values = { locale, timeZone: "Europe/Stockholm", digestWeekday: "1", digestTime: "07:30", meetingWeekday: "2", meetingTime: "09:00", agendaLeadMinutes: "60", rateDefinition };
      const exchange = await h.execute(submit.verb, { ...submit.data, ...Object.fromEntries(Object.entries(values).map(([key, value]) => [`field.${key}`, value])) });
      expect(exchange.status).toBe(200);
      expect(queryAll(h.databaseFile, "SELECT locale, rateDefinition FROM Clinic WHERE name = 'Psykos Nord'")).toEqual([{ locale, rateDefinition }]);
      currentLocale = locale;
    };

    it("previews the figures in Swedish under IPS Grow, and in Norwegian under the IPS Employment Center, as the settings choose", async () => {
      await saveSettings("sv", "ips-grow");
      const swedish = (await mention("ips digest preview", SPECIALIST, NOTICE.sv)).text;
      // P-101's job start has no hours: IPS Grow does not count it. Served and out of work at the start: P-101, P-102, P-103.
      expect(swedish).toContain("Andel i konkurrensutsatt arbete kvartal 4 2026 hittills: 0 % (0 av 3, under IPS Grows riktmärke 40 %)");
      expect(swedish).toContain("Fortfarande i arbete 13 veckor efter första arbetsstarten (kvartal 4 2026 hittills): ingen första arbetsstart har nått 13 veckor än");
      expect(swedish).toContain("Snabbt arbetssökande: första personliga mötet med en arbetsgivare i genomsnitt 12,5 och median 12,5 dagar efter inskrivningen (n = 2:");
      expect(swedish).toContain("Mer än 30 dagar utan första arbetsgivarkontakt (ett personligt möte): P-103");
      await saveSettings("nb", "ips-employment-center");
      const norwegian = (await mention("ips digest preview", SPECIALIST, NOTICE.nb)).text;
      expect(norwegian).toContain("Andel i ordinært arbeid 4. kvartal 2026 så langt: 33 % (1 av 3, på minstestandarden, 31–40 %)");
      expect(norwegian).toContain("Regnet slik IPS Employment Center gjør");
      expect(norwegian).toContain("Rask jobbsøking: første fysiske møte med en arbeidsgiver i snitt 12,5 og median 12,5 dager etter registrering (n = 2:");
      const caseload = await say("ips caseload clinic:\"Psykos Nord\"");
      expect(caseload).toContain("Første arbeidsgivermøte (dag)");
      await saveSettings("en", "ips-employment-center");
    });
  });

  describe("the agenda posted to the Teams channel", () => {
    let agendaPost: ConnectorCall;
    let agendaCard: Record<string, any>;

    beforeAll(async () => {
      await mention("ips flag P-102 housing worries");
    });

    it("is posted an hour before the team meeting, once, with codes only and Discussed buttons", async () => {
      clock.set("2026-11-24T06:59:00Z"); // Tuesday 07:59 in Stockholm; the meeting is at 09:00
      expect(channelPosts(await h.tick())).toEqual([]);
      clock.set("2026-11-24T07:05:00Z");
      const first = channelPosts(await h.tick());
      const second = channelPosts(await h.tick());
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      agendaPost = first[0]!;
      agendaCard = onlyCard([agendaPost]);
      const text = cardText(agendaCard);
      expect(text).toContain("Agenda for the team meeting 2026-11-24 at 09:00: 2 to discuss");
      expect(text).toContain("P-103\nFlagged by Olle Nurse on 2026-11-18\n[Discussed]\n[Discussed, add outcome]");
      expect(text).toContain("P-102\nFlagged by Anna Specialist on 2026-11-23");
      expect(text).not.toContain("needs support");
      expect(text).not.toContain("housing");
      const ids = queryAll(h.databaseFile, "SELECT f.id FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId WHERE f.closedAt IS NULL ORDER BY p.code DESC").map((row) => row.id);
      expect(executeActions(agendaCard).map((action) => [action.verb, action.data.value])).toEqual([
        ["meeting-flag.discussed", `${ids[0]}:channel`],
        ["meeting-flag.discussed-with-note", `${ids[0]}:channel`],
        ["meeting-flag.discussed", `${ids[1]}:channel`],
        ["meeting-flag.discussed-with-note", `${ids[1]}:channel`],
      ]);
      expect(posts().at(-1)).toEqual({ kind: "agenda", slot: "2026-11-24", status: "posted", attempts: 1, messageId: agendaPost.answer.id, lastError: null });
    });

    it("closes a flag when Discussed is clicked in the channel and updates the posted card in place, codes only", async () => {
      const discussed = actionTitled(agendaCard, "Discussed", 0);
      const messageId = agendaPost.answer.id as string;
      const click = await h.send(channelInvoke(COLLEAGUE, discussed.verb, discussed.data, h.connector.serviceUrl, messageId));
      expect(click.status).toBe(200);
      const refreshed = invokeCard(click)!;
      const text = cardText(refreshed);
      expect(text).toContain("P-103: discussed, closed by Olle Nurse.");
      expect(text).toContain("P-102\nFlagged by Anna Specialist");
      expect(text).not.toContain("housing");
      // The channel's message itself is replaced, so everyone sees the new card.
      expect(click.calls).toMatchObject([{ kind: "update", method: "PUT", conversationId: `${CHANNEL_ID};messageid=${messageId}`, activityId: messageId }]);
      expect(cardsOf(click.calls[0]!)[0]).toEqual(refreshed);
      expect(flags().find((flag) => flag.code === "P-103")).toEqual({ code: "P-103", closed: 1, outcomeNote: null });

      const again = await expectNothingStored(h, () => h.send(channelInvoke(SPECIALIST, discussed.verb, discussed.data, h.connector.serviceUrl, messageId)));
      expect(cardText(invokeCard(again)!)).toContain("This flag is already closed (by Olle Nurse). Nothing changed.");
    });

    it("opens the outcome form privately from the channel and closes the flag with the submitted note", async () => {
      const withNote = actionTitled(agendaCard, "Discussed, add outcome", 1);
      const click = await h.send(channelInvoke(SPECIALIST, withNote.verb, withNote.data, h.connector.serviceUrl, agendaPost.answer.id));
      expect(click.body).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "The form is open in your chat with ipsbot." });
      // The form opens in the personal chat; the agenda's thread says so.
      expect(click.calls.map((call) => [call.kind, call.conversationId])).toEqual([
        ["create-conversation", undefined],
        ["reply", PERSONAL(SPECIALIST)],
        ["reply", `${CHANNEL_ID};messageid=${agendaPost.answer.id}`],
      ]);
      const form = onlyCard(click.calls.filter((call) => call.conversationId === PERSONAL(SPECIALIST)));
      expect(cardText(form)).toContain("Meeting outcome");
      const submit = actionTitled(form, "Discussed");
      // The form remembers the channel it was asked for in, as a Slack modal does.
      expect(submit.data.openedIn).toBe(CHANNEL_ID);

      const refused = await expectNothingStored(h, () => h.execute(submit.verb, { ...submit.data, "field.note": "call 121212-1212" }));
      const redrawn = invokeCard(refused)!;
      expect(cardText(redrawn)).toContain("personal identity number");
      expect(redrawn.body.find((element: Record<string, any>) => element.id === "field.note").value).toBe("call 121212-1212");
      expect(actionTitled(redrawn, "Discussed").data).toEqual(submit.data);

      const saved = await h.execute(submit.verb, { ...submit.data, "field.note": "agreed: specialist asks about 25 hours" });
      expect(cardText(invokeCard(saved)!)).toContain("P-102: discussed, closed by Anna Specialist.");
      expect(flags().find((flag) => flag.code === "P-102")).toEqual({ code: "P-102", closed: 1, outcomeNote: "agreed: specialist asks about 25 hours" });
    });

    it("does not act on the clinic of a channel named in a crafted form by someone who is not its member", async () => {
      const outsider: TeamsUser = { id: "29:1cOutsiderKim", aadObjectId: "a1b2c3d4-0003-4a5b-8c9d-0e1f2a3b4c5d", name: "Kim Outsider", tenantId: TENANT_ID };
      await h.grant(outsider, "team"); // a member of the tenant's other clinic only
      await mention("ips flag P-101 wants to talk about hours", COLLEAGUE);
      const flagId = queryAll(h.databaseFile, "SELECT f.id FROM MeetingFlag f WHERE f.closedAt IS NULL")[0]!.id;
      const form = {
        formId: "meeting-flag-outcome",
        title: "Meeting outcome",
        submitLabel: "Discussed",
        cancelLabel: "Cancel",
        hidden: { flagId: `${flagId}:channel` },
        fields: [{ kind: "text", id: "note", label: "Outcome", required: false, maxLength: 1000, multiline: true }],
      };
      const data = { form, submissionId: "0f4c5e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6", openedIn: CHANNEL_ID, "field.note": "closed by someone outside" };
      const exchange = await expectNothingStored(h, () => h.execute("form:meeting-flag-outcome", data, outsider));
      expect(cardText(invokeCard(exchange)!)).toContain("That flag no longer exists in this clinic.");
    });
  });

  describe("the bot removed from the team", () => {
    const SYD_CHANNEL = "19:chSydIpsTeam@thread.tacv2";
    const SYD_TEAM = "19:teamSydIps@thread.tacv2";

    it("disconnects the team's clinic channel, so the next digest is not posted there", async () => {
      await h.send(botRemovedFromTeam(SPECIALIST, h.connector.serviceUrl));
      expect(channels()[1]).toMatchObject({ clinic: "Psykos Nord", channelId: CHANNEL_ID, activeKey: null, disconnectedReason: "bot-removed" });
      const installations = queryAll(h.databaseFile, "SELECT conversationId, teamId, removedReason FROM TeamsInstallation ORDER BY id");
      expect(installations).toEqual([{ conversationId: CHANNEL_ID, teamId: TEAM_ID, removedReason: "bot-removed" }]);

      clock.set("2026-11-30T06:30:00Z"); // Monday 07:30: the W48 digest would be due
      const calls = await h.tick();
      expect(calls).toEqual([]);
      expect(posts().map((post) => [post.kind, post.slot, post.status])).toEqual([
        ["digest", "2026-W47", "posted"],
        ["agenda", "2026-11-24", "posted"],
      ]);
      const audit = queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE action = 'clinic-channel.disconnected' ORDER BY id").map((row) => JSON.parse(String(row.details)));
      expect(audit.at(-1)).toEqual({ clinicId: expect.any(Number), channelId: CHANNEL_ID, cause: "bot-removed" });
    });

    it("answers digest post for the disconnected clinic that it has no channel, and stores nothing", async () => {
      const reply = await expectNothingStored(h, () => say('ips digest post clinic:"Psykos Nord"'));
      expect(reply).toContain("Psykos Nord has no connected channel");
    });

    it("disconnects a channel whose post Teams refuses because the bot is gone, recording why", async () => {
      const connect = await h.send(channelMention(ADMIN, "ips channel connect Psykos Syd", h.connector.serviceUrl, { channelId: SYD_CHANNEL, teamId: SYD_TEAM }));
      expect(connect.calls.map((call) => call.kind)).toEqual(["create-conversation", "reply", "reply"]);
      h.connector.removeBotFrom(SYD_CHANNEL); // removed without Teams telling the bot
      clock.set("2026-11-30T07:00:00Z"); // Monday 08:00: Psykos Syd's default digest time
      const calls = await h.tick();
      expect(calls.map((call) => [call.conversationId, call.status])).toEqual([[SYD_CHANNEL, 403]]);
      expect(channels().at(-1)).toMatchObject({ clinic: "Psykos Syd", channelId: SYD_CHANNEL, activeKey: null, disconnectedReason: expect.stringMatching(/^bot removed: Teams says the bot can no longer post to 19:chSydIpsTeam@thread\.tacv2/) });
      expect(posts().at(-1)).toMatchObject({ kind: "digest", slot: "2026-W48", status: "abandoned", messageId: null, lastError: expect.stringContaining("Teams says the bot can no longer post") });
      const retry = await h.tick();
      expect(retry).toEqual([]);
    });
  });
});
