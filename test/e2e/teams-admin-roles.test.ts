// Roles and transfers in Teams: the person is an `<at>` mention whose entity carries their `29:`
// account id; ipsbot asks the team's roster (the Bot Connector) for their Entra object id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAll } from "../support/database-copy.ts";
import { ADMIN, channelMention, COLLEAGUE, SPECIALIST, type TeamsUser } from "../support/teams-activities.ts";
import { cardsOf, fixedClock, repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const KIM: TeamsUser = { id: "29:1kKimNotInTeam", aadObjectId: "a1b2c3d4-0077-4a5b-8c9d-0e1f2a3b4c5d", name: "Kim Elsewhere", tenantId: SPECIALIST.tenantId };

describe("giving roles in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
    for (const user of [SPECIALIST, COLLEAGUE, ADMIN]) h.connector.addToRoster({ id: user.id, name: user.name, aadObjectId: user.aadObjectId });
    await h.mention("ips help"); // the channel's installation is recorded on first contact
  });
  afterAll(async () => h?.stop());

  /** `@ipsbot <text>` in the channel, with `<at>Name</at>` mentions of `people` (entities without Entra ids, as Teams sends them). */
  const mentioning = (user: TeamsUser, text: (at: (person: TeamsUser) => string) => string, people: TeamsUser[], withAad = false) => {
    const activity = channelMention(user, text((person) => `<at>${person.name}</at>`), h.connector.serviceUrl);
    for (const person of people) {
      activity.entities.push({ type: "mention", text: `<at>${person.name}</at>`, mentioned: { id: person.id, name: person.name, ...(withAad ? { aadObjectId: person.aadObjectId } : {}) } });
    }
    return h.send(activity);
  };
  const roleOf = (user: TeamsUser) =>
    queryAll(h.databaseFile, "SELECT m.role FROM ClinicMembership m JOIN Member mb ON mb.id = m.memberId WHERE mb.platformUserId = ?", user.aadObjectId)[0]?.role;
  const rosterLookups = () => h.connector.calls.filter((call) => call.method === "GET" && call.path.includes("/members/"));

  it("gives a role to the mentioned person, found by Entra object id through the team's roster", async () => {
    const exchange = await mentioning(ADMIN, (at) => `ips admin role ${at(COLLEAGUE)} specialist`, [COLLEAGUE]);
    expect(repliesText(exchange.calls)).toContain("Olle Nurse is now employment specialist in Clinic.");
    expect(roleOf(COLLEAGUE)).toBe("specialist");
    expect(rosterLookups().map((call) => decodeURIComponent(call.path.split("/").at(-1)!))).toEqual([COLLEAGUE.id]);
    const [card] = exchange.calls.flatMap(cardsOf);
    expect(card!.msteams.entities).toEqual([{ type: "mention", text: "<at>Olle Nurse</at>", mentioned: { id: COLLEAGUE.aadObjectId, name: "Olle Nurse" } }]);
  });

  it("answers a stranger with the clinic's supervisor as a real Teams mention, and stores nothing", async () => {
    const exchange = await expectNothingStored(h, () => h.say("ips agenda", KIM));
    expect(repliesText(exchange.calls)).toContain("You are not a member of an IPS team in ipsbot yet");
    const [card] = exchange.calls.flatMap(cardsOf);
    expect(card!.msteams.entities).toContainEqual({ type: "mention", text: "<at>Anna Specialist</at>", mentioned: { id: SPECIALIST.aadObjectId, name: "Anna Specialist" } });
    expect(JSON.stringify(card!.body)).toContain("<at>Anna Specialist</at>");
  });

  it("uses the Entra object id when the mention carries it", async () => {
    const before = rosterLookups().length;
    const exchange = await mentioning(ADMIN, (at) => `ips admin role ${at(COLLEAGUE)} team`, [COLLEAGUE], true);
    expect(repliesText(exchange.calls)).toContain("Olle Nurse is now treatment team in Clinic.");
    expect(rosterLookups()).toHaveLength(before);
  });

  it("refuses someone the roster does not know, and stores nothing", async () => {
    const exchange = await expectNothingStored(h, () => mentioning(ADMIN, (at) => `ips admin role ${at(KIM)} specialist`, [KIM]));
    expect(repliesText(exchange.calls)).toContain("I could not find Kim Elsewhere in this workspace.");
  });

  it("refuses a supervisor who would make someone an admin, and stores nothing", async () => {
    const exchange = await expectNothingStored(h, () => mentioning(SPECIALIST, (at) => `ips admin role ${at(COLLEAGUE)} admin`, [COLLEAGUE]));
    expect(repliesText(exchange.calls)).toContain("Only an admin of Clinic gives or changes the supervisor and admin roles");
  });

  it("transfers a participant to the mentioned specialist", async () => {
    await mentioning(ADMIN, (at) => `ips admin role ${at(COLLEAGUE)} specialist`, [COLLEAGUE]);
    await h.say("ips participant add P-017");
    const exchange = await mentioning(SPECIALIST, (at) => `ips participant transfer P-017 ${at(COLLEAGUE)}`, [COLLEAGUE]);
    expect(repliesText(exchange.calls)).toContain("P-017 is now on Olle Nurse's caseload.");
    expect(await h.say("ips caseload", COLLEAGUE).then((reply) => repliesText(reply.calls))).toContain("P-017");
  });
});
