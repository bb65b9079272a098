import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/config.ts";

const APP_ID = "3a9d6f1e-8b2c-4d7a-9e5f-1c0b2a3d4e5f";
const TENANT = "5f0c3e2a-1b7d-4c8e-9a6f-2d4b8e1c7a90";

describe("Teams configuration", () => {
  it.each([{}, { NODE_ENV: "development" }, { NODE_ENV: "Production" }, { NODE_ENV: "prod" }, { NODE_ENV: "production" }, { TEAMS_EMULATOR: "false" }])(
    "turns Teams off without credentials, whatever NODE_ENV says: %j",
    (env) => {
      const config = loadConfig(env);
      expect(config.teams).toBeUndefined();
      expect(config.teamsOff).toContain("set BOT_ID and BOT_PASSWORD");
    },
  );

  it("runs the unauthenticated Emulator mode only when TEAMS_EMULATOR=true is asked for", () => {
    expect(loadConfig({ TEAMS_EMULATOR: "true" }).teams).toEqual({ credentials: undefined });
    expect(loadConfig({ TEAMS_EMULATOR: "true", NODE_ENV: "production" }).teams).toEqual({ credentials: undefined });
  });

  it("turns Teams off with TEAMS_ENABLED=false, in production too", () => {
    expect(loadConfig({ TEAMS_ENABLED: "false", NODE_ENV: "production" }).teams).toBeUndefined();
    expect(loadConfig({ TEAMS_ENABLED: "false", TEAMS_EMULATOR: "true" }).teamsOff).toBe("TEAMS_ENABLED=false");
  });

  it.each([
    // (A MultiTenant bot needs an allow-list in production.)
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TENANT_ID: TENANT }, { type: "SingleTenant", appId: APP_ID, password: "secret", tenantId: TENANT }],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TYPE: "MultiTenant", ALLOWED_TEAMS_TENANT_IDS: TENANT }, { type: "MultiTenant", appId: APP_ID, password: "secret", tenantId: undefined }],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TYPE: "SingleTenant", BOT_TENANT_ID: TENANT }, { type: "SingleTenant", appId: APP_ID, password: "secret", tenantId: TENANT }],
    [{ BOT_ID: APP_ID, BOT_TYPE: "UserAssignedMSI", BOT_TENANT_ID: TENANT }, { type: "UserAssignedMSI", appId: APP_ID, password: undefined, tenantId: TENANT }],
  ])("reads credentials from %j", (env, credentials) => {
    expect(loadConfig({ ...env, NODE_ENV: "production" }).teams).toEqual({ credentials });
  });

  it.each([
    [{ BOT_PASSWORD: "secret" }, "BOT_ID"],
    [{ BOT_TENANT_ID: TENANT }, "BOT_ID"],
    [{ TEAMS_EMULATOR: "true", BOT_ID: APP_ID, BOT_PASSWORD: "secret" }, "TEAMS_EMULATOR"],
    [{ TEAMS_EMULATOR: "true", BOT_PASSWORD: "secret" }, "TEAMS_EMULATOR"],
    [{ TEAMS_EMULATOR: "yes" }, "TEAMS_EMULATOR"],
    [{ BOT_ID: APP_ID }, "BOT_PASSWORD"],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret" }, "BOT_TENANT_ID"], // SingleTenant is the default
    [{ BOT_ID: "not-a-guid", BOT_PASSWORD: "secret" }, "BOT_ID"],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TYPE: "SingleTenant" }, "BOT_TENANT_ID"],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TYPE: "SingleTenant", BOT_TENANT_ID: "contoso" }, "BOT_TENANT_ID"],
    [{ BOT_ID: APP_ID, BOT_TYPE: "UserAssignedMSI" }, "BOT_TENANT_ID"],
    [{ BOT_ID: APP_ID, BOT_PASSWORD: "secret", BOT_TYPE: "UserAssignedMSI", BOT_TENANT_ID: TENANT }, "BOT_PASSWORD"],
    [{ BOT_TYPE: "UserAssignedMSI" }, "BOT_ID"],
    [{ BOT_TYPE: "Federated" }, "BOT_TYPE"],
    [{ TEAMS_ENABLED: "yes" }, "TEAMS_ENABLED"],
  ])("stops on %j naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});
