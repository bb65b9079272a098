// A clinic belongs to one Slack workspace or one Teams tenant, and nothing crosses that line, even
// with both platforms and several workspaces in one database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fake-bot-connector.ts";
import type { SlackUser } from "../support/slack-requests.ts";
import { OTHER_TENANT_ID, personalMessage, SPECIALIST as TEAMS_SPECIALIST, type TeamsUser } from "../support/teams-activities.ts";
import { repliesText } from "../support/teams-harness.ts";
import { seedClinicMembers } from "../support/seed-roles.ts";
import { expectNothingStored } from "../support/unchanged.ts";
import { systemClock } from "../../commands/context.ts";

const OTHER_WORKSPACE_USER: SlackUser = { id: "U0ELSEWHERE", name: "eve.elsewhere", teamId: "T2OTHER" };
const OTHER_TENANT_USER: TeamsUser = { ...TEAMS_SPECIALIST, id: "29:1zOtherTenant", aadObjectId: "c0ffee00-0000-4000-8000-0000000000aa", name: "Teo Tenant", tenantId: OTHER_TENANT_ID };
const REASON = "relapse in psychosis last week";

describe("workspaces and tenants in one database", () => {
  let h: Harness;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    h = await startHarness({ env: { TEAMS_EMULATOR: "true" } });
    await h.command("participant add P-017");
    await h.command(`flag P-017 ${REASON}`);
  });

  it("answers people of another workspace or tenant that they are not members, and stores nothing", async () => {
    const slack = await expectNothingStored(h, () => h.command("agenda", OTHER_WORKSPACE_USER));
    expect(messageText(slack)).toContain("You are not a member of an IPS team in ipsbot yet");
    expect(JSON.stringify(slack.body)).not.toContain(SPECIALIST.id); // the first workspace's supervisor is not named
    const before = h.tables();
    expect(await teams(OTHER_TENANT_USER, "ips agenda")).toContain("You are not a member of an IPS team in ipsbot yet");
    expect(h.tables()).toEqual(before);
    // From here on each has a clinic of their own, with a role in it.
    await h.grant(OTHER_WORKSPACE_USER, "supervisor");
    await seedClinicMembers(h.bot.services.store, { platform: "teams", workspaceId: OTHER_TENANT_ID }, [{ platformUserId: OTHER_TENANT_USER.aadObjectId, displayName: OTHER_TENANT_USER.name, role: "supervisor" }], systemClock);
  });
  afterAll(async () => {
    await h?.stop();
    await connector?.close();
  });

  const teams = async (user: TeamsUser, text: string) => {
    const before = connector.calls.length;
    const response = await fetch(`http://127.0.0.1:${h.bot.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(personalMessage(user, text, connector.serviceUrl)),
    });
    expect(response.status).toBe(200);
    return repliesText(connector.calls.slice(before));
  };

  it("shows a user of another Slack workspace nothing of the first workspace's clinic", async () => {
    for (const typed of ["agenda", "caseload", "digest preview", "flag P-017 test", "participant status P-017 paused"]) {
      const text = messageText(await h.command(typed, OTHER_WORKSPACE_USER));
      expect(text).not.toContain(REASON);
      expect(text).not.toMatch(/anna/i);
    }
    expect(messageText(await h.command("flag P-017 test", OTHER_WORKSPACE_USER))).toContain("There is no participant `P-017`");
  });

  it("shows a user of a Teams tenant nothing of the Slack workspace's clinic", async () => {
    for (const typed of ["ips agenda", "ips caseload", "ips digest preview", "ips flag P-017 test"]) {
      const text = await teams(OTHER_TENANT_USER, typed);
      expect(text).not.toContain(REASON);
      expect(text).not.toContain("anna");
    }
    expect(await teams(OTHER_TENANT_USER, "ips flag P-017 test")).toContain("There is no participant P-017");
  });

  it("lets each workspace use the same participant code for its own participant", async () => {
    expect(messageText(await h.command("participant add P-017", OTHER_WORKSPACE_USER))).toContain("P-017");
    expect(queryAll(h.databaseFile, "SELECT c.platform, c.workspaceId FROM Participant p JOIN Clinic c ON c.id = p.clinicId WHERE p.code = 'P-017' ORDER BY p.id")).toEqual([
      { platform: "slack", workspaceId: SPECIALIST.teamId },
      { platform: "slack", workspaceId: OTHER_WORKSPACE_USER.teamId },
    ]);
  });

  it("never gives anyone a membership in another workspace's clinic", () => {
    const crossing = queryAll(
      h.databaseFile,
      "SELECT m.id FROM ClinicMembership cm JOIN Member m ON m.id = cm.memberId JOIN Clinic c ON c.id = cm.clinicId WHERE c.platform <> m.platform OR c.workspaceId <> m.workspaceId",
    );
    expect(crossing).toEqual([]);
    expect(queryAll(h.databaseFile, "SELECT platform, workspaceId FROM Clinic ORDER BY id")).toEqual([
      { platform: "slack", workspaceId: SPECIALIST.teamId },
      { platform: "slack", workspaceId: OTHER_WORKSPACE_USER.teamId },
      { platform: "teams", workspaceId: OTHER_TENANT_ID },
    ]);
  });
});
