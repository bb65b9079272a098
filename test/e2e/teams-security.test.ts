// Who may POST to /api/messages. With credentials: only requests carrying a valid Bot Framework
// token (checked by botbuilder's real validation against signing keys an in-test OpenID endpoint
// publishes). Without: Teams is off, unless TEAMS_EMULATOR=true asks for the local Emulator mode,
// which serves only this machine and replies only to a loopback serviceUrl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../bot/config.ts";
import { startBot } from "../../bot/start-bot.ts";
import { startFakeBotFrameworkKeys, type FakeBotFrameworkKeys } from "../support/bot-framework-tokens.ts";
import { freshDatabaseFile, queryAll } from "../support/database-copy.ts";
import { recordingLogger } from "../support/recording-logger.ts";
import { BOT_APP_ID, OTHER_TENANT_ID, personalMessage, SPECIALIST, TENANT_ID } from "../support/teams-activities.ts";
import { startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const participants = (h: TeamsHarness) => queryAll(h.databaseFile, "SELECT code FROM Participant ORDER BY code").map((row) => row.code);

describe("Teams with Bot Framework credentials", () => {
  let h: TeamsHarness;
  let keys: FakeBotFrameworkKeys;
  const logger = recordingLogger();
  beforeAll(async () => {
    keys = await startFakeBotFrameworkKeys();
    h = await startTeamsHarness({
      env: { BOT_ID: BOT_APP_ID, BOT_PASSWORD: "test-client-secret", BOT_TYPE: "MultiTenant" },
      logger,
      // With credentials the Emulator's loopback rule plays no part: here it would refuse everyone.
      teams: { openIdMetadataUrl: keys.metadataUrl, isAllowedAddress: () => false },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await keys?.close();
  });

  const enrol = (code: string) => personalMessage(SPECIALIST, `ips participant add ${code}`, h.connector.serviceUrl);
  const claims = () => ({ aud: BOT_APP_ID, serviceurl: h.connector.serviceUrl });

  it.each([
    ["no Authorization header", () => ({})],
    ["a garbage token", () => ({ authorization: "Bearer garbage" })],
    ["a token in another scheme", () => ({ authorization: `Basic ${keys.token(claims())}` })],
    ["a token signed with an unpublished key", () => ({ authorization: `Bearer ${keys.token(claims(), { signer: keys.attacker })}` })],
    ["a forged signature under the published key's id", () => ({ authorization: `Bearer ${keys.token(claims(), { signer: keys.impostor })}` })],
    ["an expired token", () => ({ authorization: `Bearer ${keys.token(claims(), { expiresInSeconds: -600 })}` })],
    ["a token for another bot", () => ({ authorization: `Bearer ${keys.token({ ...claims(), aud: "7c1d2e3f-0000-4000-8000-000000000000" })}` })],
    ["a token for another service URL", () => ({ authorization: `Bearer ${keys.token({ ...claims(), serviceurl: "http://169.254.169.254/" })}` })],
  ])("refuses a request with %s: 401, nothing stored, nothing sent, one warning line", async (_case, headers) => {
    const before = logger.entries.length;
    const exchange = await expectNothingStored(h, () => h.send(enrol("P-900"), headers()));
    expect(exchange.status).toBe(401);
    expect(exchange.calls).toEqual([]);
    expect(exchange.body).toEqual({ error: "unauthorized" }); // no internal error, host or key id
    // (The background token check's own warning, that Microsoft's login is out of reach here, is not about this request.)
    const logged = logger.entries.slice(before).filter((entry) => entry.level !== "debug" && entry.fields.platform !== "teams");
    expect(logged.map((entry) => [entry.level, entry.message])).toEqual([["warn", "refused a Teams request that is not authenticated"]]);
  });

  it("accepts a request with a valid token and runs the command", async () => {
    const exchange = await h.send(enrol("P-001"), { authorization: `Bearer ${keys.token(claims())}` });
    expect(exchange.status).toBe(200);
    expect(participants(h)).toEqual(["P-001"]);
    // The reply needs a token from Microsoft Entra ID, which this offline machine cannot reach.
    expect(logger.entries.some((entry) => entry.level === "error" && /network_error|ENOTFOUND|fetch/i.test(String(entry.fields.error)))).toBe(true);
  });

  it("does nothing for an authenticated activity that lacks the sender's Entra id", async () => {
    const activity = enrol("P-002");
    delete activity.from.aadObjectId;
    const exchange = await expectNothingStored(h, () => h.send(activity, { authorization: `Bearer ${keys.token(claims())}` }));
    expect(exchange.status).toBe(200);
  });
});

describe("Teams for one tenant (BOT_TENANT_ID)", () => {
  let h: TeamsHarness;
  let keys: FakeBotFrameworkKeys;
  beforeAll(async () => {
    keys = await startFakeBotFrameworkKeys();
    h = await startTeamsHarness({
      env: { BOT_ID: BOT_APP_ID, BOT_PASSWORD: "test-client-secret", BOT_TYPE: "SingleTenant", BOT_TENANT_ID: TENANT_ID },
      logger: recordingLogger(),
      teams: { openIdMetadataUrl: keys.metadataUrl },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await keys?.close();
  });

  const signed = () => ({ authorization: `Bearer ${keys.token({ aud: BOT_APP_ID, serviceurl: h.connector.serviceUrl })}` });

  it("refuses a validly signed activity from another tenant: 403, nothing stored, nothing sent", async () => {
    const stranger = { ...SPECIALIST, tenantId: OTHER_TENANT_ID, aadObjectId: "c0ffee00-0000-4000-8000-000000000001" };
    const exchange = await expectNothingStored(h, () => h.send(personalMessage(stranger, "ips participant add P-905", h.connector.serviceUrl), signed()));
    expect(exchange.status).toBe(403);
    expect(exchange.calls).toEqual([]);
  });

  it("refuses a validly signed activity that names no tenant", async () => {
    const activity = personalMessage(SPECIALIST, "ips participant add P-906", h.connector.serviceUrl);
    delete (activity.conversation as { tenantId?: string }).tenantId;
    delete (activity as { channelData?: unknown }).channelData;
    const exchange = await expectNothingStored(h, () => h.send(activity, signed()));
    expect(exchange.status).toBe(403);
  });

  it("reports in /readyz whether a Bot Framework token can be obtained (not from this test's machine: Microsoft's login is out of reach)", async () => {
    const response = await fetch(h.messagesUrl.replace(/\/api\/messages$/, "/readyz"));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, checks: { database: "ok", teams: { platform: "teams", status: "failing", reason: expect.any(String) } } });
  });

  it("serves its own tenant", async () => {
    const exchange = await h.send(personalMessage(SPECIALIST, "ips participant add P-907", h.connector.serviceUrl), signed());
    expect(exchange.status).toBe(200);
    expect(participants(h)).toContain("P-907");
  });
});

describe("Teams without credentials (Emulator mode)", () => {
  let h: TeamsHarness;
  const logger = recordingLogger();
  beforeAll(async () => {
    h = await startTeamsHarness({ logger });
  });
  afterAll(async () => h?.stop());

  it("warns loudly at start that it is unauthenticated and serves only this machine", () => {
    const warning = logger.entries.find((entry) => entry.level === "warn" && entry.message.includes("TEAMS EMULATOR MODE"));
    expect(warning?.message).toContain("UNAUTHENTICATED");
    expect(warning?.message).toContain("accepts requests from this machine only");
    expect(warning?.message).toContain("port forwarder");
  });

  it.each(["http://203.0.113.9/", "https://evil.example/", "http://127.0.0.1.evil.example/", "file:///etc/passwd", undefined])(
    "refuses an activity whose serviceUrl is %s: 403, nothing stored, nothing sent",
    async (serviceUrl) => {
      const activity = { ...personalMessage(SPECIALIST, "ips participant add P-903", h.connector.serviceUrl), serviceUrl };
      const exchange = await expectNothingStored(h, () => h.send(activity));
      expect(exchange.status).toBe(403);
      expect(exchange.calls).toEqual([]);
    },
  );

  it("accepts activities from a loopback address", async () => {
    const exchange = await h.say("ips participant add P-001");
    expect(exchange.status).toBe(200);
    expect(participants(h)).toEqual(["P-001"]);
  });

  it("refuses a request that came through a proxy, with 403 and no effect", async () => {
    const exchange = await expectNothingStored(h, () => h.send(personalMessage(SPECIALIST, "ips participant add P-901", h.connector.serviceUrl), { "x-forwarded-for": "203.0.113.9" }));
    expect(exchange.status).toBe(403);
    expect(exchange.calls).toEqual([]);
  });

  it.each([
    ["text/plain", "{}", 415],
    ["application/json", "{not json", 400],
    ["application/json", "[]", 400],
    ["application/json", "{}", 400],
  ])("answers a malformed request (%s %s) with %i and stores nothing", async (contentType, body, status) => {
    const response = await expectNothingStored(h, () => fetch(h.messagesUrl, { method: "POST", headers: { "content-type": contentType }, body }));
    expect(response.status).toBe(status);
  });
});

describe("Teams without credentials, reached from another machine", () => {
  let h: TeamsHarness;
  let checked: (string | undefined)[];
  beforeAll(async () => {
    checked = [];
    // The socket address is what the guard decides on; the test stands in for a remote one.
    h = await startTeamsHarness({ teams: { isAllowedAddress: (address) => (checked.push(address), false) } });
  });
  afterAll(async () => h?.stop());

  it("refuses with 403, stores nothing and sends nothing to the serviceUrl the activity names", async () => {
    const exchange = await expectNothingStored(h, () => h.say("ips participant add P-902"));
    expect(exchange.status).toBe(403);
    expect(exchange.calls).toEqual([]);
    expect(checked).toEqual([expect.stringMatching(/127\.0\.0\.1$/)]);
  });
});

describe("Teams start-up rules", () => {
  const env = () => ({ PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}`, NODE_ENV: "production" });

  it.each(["production", "Production", "prod", undefined])("starts without credentials with Teams off (NODE_ENV=%s), serving no /api/messages", async (nodeEnv) => {
    const logger = recordingLogger();
    const bot = await startBot({ env: { ...env(), NODE_ENV: nodeEnv }, logger });
    try {
      const response = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personalMessage(SPECIALIST, "ips participant add P-904", "http://127.0.0.1:9/")) });
      expect(response.status).toBe(404);
      expect(logger.entries.map((entry) => entry.message)).toContain("Teams is off: set BOT_ID and BOT_PASSWORD to serve Teams (TEAMS_EMULATOR=true serves the local Bot Framework Emulator only)");
      expect(logger.entries.filter((entry) => entry.level === "warn")).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it("refuses to start with TEAMS_EMULATOR=true next to credentials", async () => {
    await expect(startBot({ env: { ...env(), TEAMS_EMULATOR: "true", BOT_ID: BOT_APP_ID, BOT_PASSWORD: "secret" }, logger: recordingLogger() })).rejects.toThrow(ConfigError);
  });

  it("starts in production with credentials, without the Emulator warning", async () => {
    const logger = recordingLogger();
    const bot = await startBot({ env: { ...env(), BOT_ID: BOT_APP_ID, BOT_PASSWORD: "test-client-secret", BOT_TENANT_ID: TENANT_ID }, logger });
    try {
      // (Apart from the token check's report that Microsoft's login is out of reach from this test machine.)
      expect(logger.entries.filter((entry) => entry.level === "warn" && entry.fields.platform !== "teams")).toEqual([]);
      const unsigned = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(personalMessage(SPECIALIST, "ips help", "http://127.0.0.1:9/")) });
      expect(unsigned.status).toBe(401);
    } finally {
      await bot.stop();
    }
  });

  it("starts in production without Teams when TEAMS_ENABLED=false, and serves no /api/messages", async () => {
    const logger = recordingLogger();
    const bot = await startBot({ env: { ...env(), TEAMS_ENABLED: "false" }, logger });
    try {
      const response = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(response.status).toBe(404);
      expect(logger.entries.map((entry) => entry.message)).toContain("Teams is off: TEAMS_ENABLED=false");
      expect(bot.services.posters.teams).toBeUndefined();
    } finally {
      await bot.stop();
    }
  });
});
