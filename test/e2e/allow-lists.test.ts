// ALLOWED_SLACK_TEAM_IDS and ALLOWED_TEAMS_TENANT_IDS: a workspace or tenant not on the list is
// refused with 403 and nothing is stored; each is logged once an hour, not once a request; a request
// Slack did not sign is left to Bolt's refusal and never reaches the log as a workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, ConfigError } from "../../bot/config.ts";
import { SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { recordingLogger } from "../support/recording-logger.ts";
import { postSigned, slashCommandBody } from "../support/slack-requests.ts";
import { personalMessage, SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const OTHER_TENANT = "0f0f0f0f-0000-4000-8000-000000000001";

describe("ALLOWED_SLACK_TEAM_IDS", () => {
  let h: Harness;
  const logger = recordingLogger();
  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_SLACK_TEAM_IDS: "T0OTHER, E0GRID" }, logger });
  });
  afterAll(async () => h?.stop());
  const refusals = () => logger.entries.filter((entry) => entry.message === "refused a Slack workspace that is not on the allow-list");

  it("refuses a workspace not on the list with 403, stores nothing, and logs it once an hour", async () => {
    for (const text of ["participant add P-001", "caseload"]) {
      const response = await expectNothingStored(h, () => postSigned(h.eventsUrl, slashCommandBody(SPECIALIST, text, "http://127.0.0.1:9/respond")));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "workspace_not_allowed" });
    }
    expect(refusals().map((entry) => entry.fields)).toEqual([{ workspaceId: "T0TEST" }]);
  });

  it("leaves a request Slack did not sign to Bolt (401), without logging its workspace", async () => {
    const response = await postSigned(h.eventsUrl, slashCommandBody({ ...SPECIALIST, teamId: "T0FORGED" }, "caseload", "http://127.0.0.1:9/respond"), { secret: "not-the-signing-secret" });
    expect(response.status).toBe(401);
    expect(refusals().map((entry) => entry.fields.workspaceId)).not.toContain("T0FORGED");
  });
});

describe("ALLOWED_TEAMS_TENANT_IDS", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ env: { ALLOWED_TEAMS_TENANT_IDS: OTHER_TENANT } });
  });
  afterAll(async () => h?.stop());

  it("refuses a tenant not on the list with 403 and stores nothing", async () => {
    const exchange = await expectNothingStored(h, () => h.send(personalMessage(TEAMS_SPECIALIST, "ips participant add P-002", h.connector.serviceUrl)));
    expect(exchange.status).toBe(403);
    expect(exchange.calls).toEqual([]);
  });
});

describe("a multi-tenant Teams bot in production", () => {
  const teams = { BOT_ID: "11111111-2222-4333-8444-555555555555", BOT_PASSWORD: "secret", BOT_TYPE: "MultiTenant" };

  it("does not start without an allow-list", () => {
    expect(() => loadConfig({ ...teams, NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...teams, NODE_ENV: "production" })).toThrow(/ALLOWED_TEAMS_TENANT_IDS: required in production for a MultiTenant bot/);
  });

  it("starts with one, and outside production", () => {
    expect(loadConfig({ ...teams, NODE_ENV: "production", ALLOWED_TEAMS_TENANT_IDS: OTHER_TENANT.toUpperCase() }).ALLOWED_TEAMS_TENANT_IDS).toEqual(new Set([OTHER_TENANT]));
    expect(() => loadConfig(teams)).not.toThrow();
    // A SingleTenant bot (the default) serves its own tenant only and needs no allow-list.
    expect(() => loadConfig({ BOT_ID: teams.BOT_ID, BOT_PASSWORD: "secret", BOT_TENANT_ID: OTHER_TENANT, NODE_ENV: "production" })).not.toThrow();
  });

  it("refuses an allow-list entry that is not a tenant id", () => {
    expect(() => loadConfig({ ALLOWED_TEAMS_TENANT_IDS: "contoso.onmicrosoft.com" })).toThrow(/ALLOWED_TEAMS_TENANT_IDS: must be Microsoft Entra tenant ids/);
    expect(() => loadConfig({ ALLOWED_SLACK_TEAM_IDS: "acme" })).toThrow(/ALLOWED_SLACK_TEAM_IDS: must be Slack team ids/);
  });
});
