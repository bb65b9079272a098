// Every typed command through Teams: real teams-ai Application and botbuilder adapter, activities
// POSTed to /api/messages as Teams sends them, replies read from the fake Bot Connector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAll } from "../support/database-copy.ts";
import { channelMention, COLLEAGUE, OTHER_TENANT_ID, personalMessage, SPECIALIST, TENANT_ID, type TeamsUser } from "../support/teams-activities.ts";
import { cardsOf, fixedClock, repliesText, startTeamsHarness, type TeamsHarness, shownText } from "../support/teams-harness.ts";
import { BOT_NOT_IN_ROSTER } from "../support/fake-bot-connector.ts";
import { expectNothingStored } from "../support/unchanged.ts";

// Wednesday 18 November 2026, 11:00 in Stockholm (ISO week 47).
const clock = fixedClock("2026-11-18T10:00:00Z");

describe("Teams commands in a personal chat", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips help"); // registers the specialist as a member before tables are compared
    await h.say("ips help", COLLEAGUE);
  });
  afterAll(async () => h?.stop());

  const say = async (text: string, user: TeamsUser = SPECIALIST) => {
    const exchange = await h.say(text, user);
    expect(exchange.status).toBe(200);
    // In a personal chat the answer is a reply in place, never a new conversation.
    expect(exchange.calls.map((call) => call.kind)).toEqual(exchange.calls.map(() => "reply"));
    expect(exchange.calls.every((call) => call.conversationId === `a:personal-${user.id}`)).toBe(true);
    return repliesText(exchange.calls);
  };

  it("answers help with every command, written as Teams users type them", async () => {
    for (const text of ["ips help", "IPS help", "ips", "help", "/ips help"]) {
      const help = await say(text);
      expect(help).toContain("ipsbot commands");
      for (const command of ["participant add", "participant status", "caseload", "contact", "flag", "agenda", "unflag"]) {
        expect(help).toContain(`ips ${command}`);
      }
      expect(help).not.toContain("/ips");
    }
  });

  it("enrols a participant and records the Teams user by Entra object id in the tenant", async () => {
    expect(await say("ips participant add P-017 since:2026-10-20")).toContain("Enrolled P-017 on your caseload from 2026-10-20");
    const [member] = queryAll(h.databaseFile, "SELECT m.platform, m.workspaceId, m.platformUserId, m.displayName FROM Participant p JOIN Member m ON m.id = p.specialistId");
    expect(member).toEqual({ platform: "teams", workspaceId: TENANT_ID, platformUserId: SPECIALIST.aadObjectId, displayName: SPECIALIST.name });
    expect(queryAll(h.databaseFile, "SELECT action, platform, workspaceId FROM AuditEvent WHERE action <> 'clinic-membership.role-set' AND action NOT LIKE 'member.%'")).toEqual([
      { action: "participant.enrolled", platform: "teams", workspaceId: TENANT_ID },
    ]);
  });

  it("knows the same person by Entra object id when Teams sends another 29: id", async () => {
    const sameAnna: TeamsUser = { ...SPECIALIST, id: "29:1aAnnaSeenByAnotherBot" };
    expect(await say("ips caseload", sameAnna)).toContain("Your caseload: 1 active");
  });

  it("records a status change and shows the caseload as a table", async () => {
    await say("ips participant add P-018");
    expect(await say("ips participant status P-018 working started at the bakery")).toContain("P-018 gets the status working (competitive job) from a job start");
    expect(await say("ips participant status P-018 paused")).toContain("P-018: job search → paused from 2026-11-18");
    expect(await say("ips job start P-018 Bageriet type:retail kind:competitive hours:20")).toContain("Status: working (competitive job)");
    const exchange = await h.say("ips caseload");
    const [card] = exchange.calls.flatMap(cardsOf);
    const table = card!.body.find((element: { type: string }) => element.type === "Table");
    const rows = table.rows.map((row: { cells: { items: { text: string }[] }[] }) => row.cells.map((cell) => shownText(cell.items[0]!.text)));
    expect(rows).toEqual([
      ["Code", "Status", "Days enrolled", "First employer meeting (day)", "Days since employer contact (any kind)", "Open flags"],
      ["P-017", "job search", "29", "none yet", "none yet", "0"],
      ["P-018", "working (competitive job)", "0", "none yet", "none yet", "0"],
    ]);
  });

  it("logs an employer contact inline with the same words as in Slack", async () => {
    const text = await say('ips contact "ICA Maxi Lindhagen" for P-017 type:in-person');
    expect(text).toContain("Logged an employer contact with ICA Maxi Lindhagen (in person) on 2026-11-18.");
    expect(text).toContain("Your in-person employer contacts this week (2026-W47): 1 of the target 6.");
    expect(text).toContain("This is P-017's first employer contact (first in-person meeting), 29 days after enrolment: within the 30-day target.");
    expect(queryAll(h.databaseFile, "SELECT e.name, c.contactType FROM EmployerContact c JOIN Employer e ON e.id = c.employerId")).toEqual([{ name: "ICA Maxi Lindhagen", contactType: "in-person" }]);
  });

  it("reads the smart quotes and no-break spaces Teams clients type", async () => {
    const text = await say("ips contact \u201cCoop Forum\u201d&nbsp;type:phone");
    expect(text).toContain("Logged an employer contact with Coop Forum (phone)");
  });

  it("flags and unflags a participant", async () => {
    expect(await say("ips flag P-017 wants to increase hours", COLLEAGUE)).toContain("P-017 is on the agenda of the next team meeting.");
    expect(await say("ips unflag P-017 agreed on weekly follow-up")).toContain("P-017 is off the agenda. Outcome: agreed on weekly follow-up");
    const flags = queryAll(h.databaseFile, "SELECT reason, outcomeNote, closedAt IS NOT NULL AS closed FROM MeetingFlag");
    expect(flags).toEqual([{ reason: "wants to increase hours", outcomeNote: "agreed on weekly follow-up", closed: 1 }]);
  });

  it.each([
    ["ips participant add P-017", "P-017 is already enrolled in Clinic"],
    ["ips participant add Anna", "Anna is not a participant code"],
    ["ips participant add P-019 since:2026-11-19", "2026-11-19 is in the future"],
    ["ips participant status P-017 retired", "retired is not a status"],
    ['ips contact "Coop 19121212-1212"', "personal identity number"],
    ["ips contact Coop for P-999", "There is no participant P-999 in Clinic"],
    ['ips contact "ICA Maxi', "A quotation mark is not closed"],
    ["ips flag P-017", "Say why the team should discuss the participant"],
    ["ips unflag P-018", "P-018 is not on the agenda."],
    ["ips agnda", "Did you mean ips agenda?"],
    ["ips weather today", "weather today is not an ipsbot command. Type ips help"],
  ])("refuses %s with the reason and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => say(text));
    expect(reply).toContain(expected);
  });

  it("shows how to write a command it refused, in Teams syntax", async () => {
    const reply = await expectNothingStored(h, () => say("ips participant add P-019 extra words"));
    expect(reply).toContain("Write it like this: ips participant add <code> [since:YYYY-MM-DD]");
  });

  it("keeps tenants apart like Slack workspaces: the same Entra id in another tenant is a stranger there", async () => {
    const stranger: TeamsUser = { id: "29:1cOtherTenant", aadObjectId: SPECIALIST.aadObjectId, name: "Anna Specialist", tenantId: OTHER_TENANT_ID };
    const exchange = await expectNothingStored(h, () => h.send(personalMessage(stranger, "ips caseload", h.connector.serviceUrl)));
    expect(repliesText(exchange.calls)).toContain("You are not a member of an IPS team in ipsbot yet");
    await h.grant(stranger, "specialist", "Other tenant's clinic");
    const own = await h.send(personalMessage(stranger, "ips caseload", h.connector.serviceUrl));
    expect(repliesText(own.calls)).toContain("You have no participants yet.");
    const members = queryAll(h.databaseFile, "SELECT workspaceId FROM Member WHERE platformUserId = ? ORDER BY id", SPECIALIST.aadObjectId);
    expect(members).toEqual([{ workspaceId: TENANT_ID }, { workspaceId: OTHER_TENANT_ID }]);
  });
});

describe("Teams commands in a channel", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017");
  });
  afterAll(async () => h?.stop());

  it("strips its own @mention and sends an ephemeral answer to the person's private chat", async () => {
    const exchange = await h.mention("ips caseload");
    expect(exchange.status).toBe(200);
    const [create, privateReply, notice] = exchange.calls;
    expect(create).toMatchObject({ kind: "create-conversation", body: { isGroup: false, tenantId: TENANT_ID, members: [{ id: SPECIALIST.id, aadObjectId: SPECIALIST.aadObjectId }] } });
    expect(privateReply!.conversationId).toBe(`a:personal-${SPECIALIST.id}`);
    expect(repliesText([privateReply!])).toContain("Your caseload: 1 active");
    // The channel learns only that an answer was sent privately, in the thread of the question.
    expect(notice!.conversationId).toMatch(/^19:ch4NnE1ipsMeet@thread\.tacv2;messageid=/);
    expect(notice!.body.text).toBe("Anna Specialist, I sent you the answer in a private chat.");
    expect(notice!.body.attachments ?? []).toEqual([]);
    expect(exchange.calls).toHaveLength(3);
  });

  it("answers privately in a group chat too", async () => {
    const activity = channelMention(SPECIALIST, "ips caseload", h.connector.serviceUrl);
    activity.conversation = { isGroup: true, conversationType: "groupChat", tenantId: TENANT_ID, id: "19:meeting_group1@thread.v2" };
    activity.channelData = { tenant: { id: TENANT_ID } };
    const exchange = await h.send(activity);
    expect(exchange.calls.map((call) => [call.kind, call.conversationId])).toEqual([
      ["create-conversation", undefined],
      ["reply", `a:personal-${SPECIALIST.id}`],
      ["reply", "19:meeting_group1@thread.v2"],
    ]);
  });

  it("keeps the names of other people mentioned in a reason", async () => {
    const activity = channelMention(SPECIALIST, "flag P-017 ask <at>Olle Nurse</at> about hours", h.connector.serviceUrl);
    activity.entities.push({ type: "mention", text: "<at>Olle Nurse</at>", mentioned: { id: COLLEAGUE.id, name: COLLEAGUE.name } });
    await h.send(activity);
    expect(queryAll(h.databaseFile, "SELECT reason FROM MeetingFlag")).toEqual([{ reason: "ask @Olle Nurse about hours" }]);
  });

  it("says so in the channel when it cannot open a private chat, and shows nothing private there", async () => {
    h.connector.answerNext((call) => call.kind === "create-conversation", [{ status: 403, body: { error: { code: "Forbidden", message: "The bot is not installed for the user" } } }]);
    const exchange = await h.mention("ips caseload");
    const channelMessages = exchange.calls.filter((call) => call.kind === "reply");
    expect(channelMessages).toHaveLength(1);
    expect(channelMessages[0]!.body.text).toContain("I could not open a private chat with you");
    expect(repliesText(exchange.calls)).not.toContain("P-017");
  });

  it("does not claim to have sent a private message that the connector refused", async () => {
    h.connector.answerNext((call) => call.kind !== "create-conversation" && call.conversationId === `a:personal-${SPECIALIST.id}`, [BOT_NOT_IN_ROSTER]);
    const exchange = await h.mention("ips caseload");
    expect(exchange.calls.map((call) => [call.kind, call.status])).toEqual([
      ["create-conversation", 201],
      ["reply", 403],
      ["reply", 201],
    ]);
    expect(exchange.calls[2]!.body.text).toContain("I could not open a private chat with you");
  });
});
