// Roles given by people: `/ips admin role|remove|members` and `/ips participant transfer`, with
// Slack's escaped mentions (`<@U0123|name>`, the manifest sets should_escape).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import type { SlackUser } from "../support/slack-requests.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const NEWCOMER: SlackUser = { id: "U0NEWSPEC", name: "nora.new", teamId: SPECIALIST.teamId };
const NURSE: SlackUser = { id: "U0NURSE2", name: "tor.nurse", teamId: SPECIALIST.teamId };
const mention = (user: SlackUser) => `<@${user.id}|${user.name}>`;

describe("giving roles in Slack", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(async () => h?.stop());

  const roles = () =>
    queryAll(h.databaseFile, "SELECT mb.platformUserId AS user, mb.displayName AS name, m.role FROM ClinicMembership m JOIN Member mb ON mb.id = m.memberId ORDER BY m.id");
  const roleEvents = () => queryAll(h.databaseFile, "SELECT entityId, details FROM AuditEvent WHERE action LIKE 'clinic-membership.%' ORDER BY id").map((row) => JSON.parse(String(row.details)));

  it("lets nobody without a role do anything, not even a newcomer the admin has not added yet", async () => {
    const reply = await expectNothingStored(h, () => h.command("participant add P-100", NEWCOMER, "D0NORA"));
    expect(messageText(reply)).toContain("You are not a member of an IPS team in ipsbot yet");
    expect(JSON.stringify(reply.body.blocks)).toContain(`<@${SPECIALIST.id}>`); // the supervisor, by mention
    expect(messageText(reply)).not.toContain("P-100");
  });

  it("lets the admin give a role to someone ipsbot has not met, by mention, with an audit event", async () => {
    const reply = await h.command(`admin role ${mention(NEWCOMER)} specialist`, ADMIN, "D0ADMIN");
    expect(messageText(reply)).toContain("nora.new is now employment specialist in Clinic.");
    expect(JSON.stringify(reply.body.blocks)).toContain(`<@${NEWCOMER.id}>`);
    expect(roles()).toContainEqual({ user: NEWCOMER.id, name: "nora.new", role: "specialist" });
    expect(roleEvents().at(-1)).toEqual({ clinicId: 1, role: { from: null, to: "specialist" } });
    expect(messageText(await h.command("participant add P-100", NEWCOMER, "D0NORA"))).toContain("Enrolled `P-100` on your caseload");
  });

  it("says so, and stores nothing, when the role is already held", async () => {
    const reply = await expectNothingStored(h, () => h.command(`admin role ${mention(NEWCOMER)} specialist`, ADMIN, "D0ADMIN"));
    expect(messageText(reply)).toContain("nora.new already is employment specialist in Clinic; nothing changed.");
  });

  it("lets a supervisor give the specialist and team roles, and only those", async () => {
    expect(messageText(await h.command(`admin role ${mention(NURSE)} team`))).toContain("tor.nurse is now treatment team in Clinic.");
    for (const typed of [`admin role ${mention(NURSE)} supervisor`, `admin role ${mention(NURSE)} admin`, `admin role ${mention(SPECIALIST)} team`]) {
      const reply = await expectNothingStored(h, () => h.command(typed));
      expect(messageText(reply)).toContain("Only an admin of Clinic gives or changes the supervisor and admin roles");
    }
  });

  it.each([
    [`admin role ${mention(NURSE)} specialist`, COLLEAGUE, "Only supervisors or admins of Clinic can do that."],
    [`admin members`, COLLEAGUE, "Only supervisors or admins of Clinic can do that."],
    [`admin role ${mention(NURSE)} specialist`, NEWCOMER, "Only supervisors or admins of Clinic can do that."],
    ["admin role specialist", ADMIN, "Name the person with an @-mention"],
    ["admin role @tor.nurse specialist", ADMIN, "Name the person with an @-mention"],
    [`admin role ${mention(NURSE)} boss`, ADMIN, "`boss` is not a role. Roles: specialist, team, supervisor, admin."],
    [`admin role ${mention(NURSE)} specialist now`, ADMIN, "I did not understand `now`."],
    [`admin remove ${mention({ id: "U0NOBODY", name: "no.body", teamId: "T0TEST" })}`, ADMIN, "no.body is not a member of Clinic."],
  ])("refuses `%s` (as %j) and stores nothing", async (typed, user, expected) => {
    const reply = await expectNothingStored(h, () => h.command(typed, user, "D0SOMEWHERE"));
    expect(messageText(reply)).toContain(expected);
  });

  it("will not take a specialist's role while participants are on their caseload; a transfer first", async () => {
    const refused = await expectNothingStored(h, () => h.command(`admin remove ${mention(NEWCOMER)}`, ADMIN, "D0ADMIN"));
    expect(messageText(refused)).toContain("nora.new still has 1 open participant in Clinic. Move them first");
    const toTeam = await expectNothingStored(h, () => h.command(`admin role ${mention(NEWCOMER)} team`, ADMIN, "D0ADMIN"));
    expect(messageText(toTeam)).toContain("still has 1 open participant");

    const byNewcomer = await expectNothingStored(h, () => h.command(`participant transfer P-100 ${mention(SPECIALIST)}`, NEWCOMER, "D0NORA"));
    expect(messageText(byNewcomer)).toContain("Only supervisors of Clinic can do that.");
    const toNurse = await expectNothingStored(h, () => h.command(`participant transfer P-100 ${mention(NURSE)}`));
    expect(messageText(toNurse)).toContain("tor.nurse is not an employment specialist or supervisor in Clinic");
    const moved = await h.command(`participant transfer P-100 ${mention(SPECIALIST)}`);
    expect(messageText(moved)).toContain("`P-100` is now on anna.specialist's caseload.");
    expect(queryAll(h.databaseFile, "SELECT mb.platformUserId AS specialist FROM Participant p JOIN Member mb ON mb.id = p.specialistId WHERE p.code = 'P-100'")).toEqual([{ specialist: SPECIALIST.id }]);
    expect(queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE action = 'participant.transferred'").map((row) => JSON.parse(String(row.details)))).toEqual([
      { code: "P-100", fromSpecialistId: expect.any(Number), toSpecialistId: expect.any(Number) },
    ]);

    expect(messageText(await h.command(`admin remove ${mention(NEWCOMER)}`, ADMIN, "D0ADMIN"))).toContain("nora.new is no longer a member of Clinic.");
    expect(roles().map((row) => row.user)).not.toContain(NEWCOMER.id);
    expect(roleEvents().at(-1)).toEqual({ clinicId: 1, role: { from: "specialist", to: null } });
    const gone = await expectNothingStored(h, () => h.command("caseload", NEWCOMER, "D0NORA"));
    expect(messageText(gone)).toContain("You are not a member of an IPS team in ipsbot yet");
  });

  it("lists the clinic's members by role, with mentions, to supervisors and admins", async () => {
    const reply = await h.command("admin members", ADMIN, "D0ADMIN");
    const text = messageText(reply);
    expect(text).toContain("Members of Clinic (3)");
    const blocks = JSON.stringify(reply.body.blocks);
    for (const user of [SPECIALIST, COLLEAGUE, NURSE, ADMIN]) expect(blocks).toContain(`<@${user.id}>`);
    expect(text.indexOf("supervisors")).toBeLessThan(text.indexOf("the treatment team"));
  });

  it("reads Slack's escaped mentions in free text as names, not markup", async () => {
    await h.command("participant add P-101");
    await h.command(`flag P-101 ask ${mention(COLLEAGUE)} about <#C0OTHER|ips-team> and <https://example.org|the plan>`);
    expect(queryAll(h.databaseFile, "SELECT reason FROM MeetingFlag")).toEqual([{ reason: "ask @olle.nurse about #ips-team and the plan" }]);
  });
});
