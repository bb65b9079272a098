// The server answers /healthz as soon as it listens, before a configured platform's libraries have
// loaded; that platform's requests meanwhile get 503 with Retry-After (Slack and the Bot Framework
// retry them), and an unconfigured platform's path is 404 as always.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../commands/context.ts";
import { createHttpServer, type Platforms } from "../../bot/http/server.ts";

describe("the HTTP server while the platforms load", () => {
  const platforms: Platforms = { slack: "starting", teams: undefined };
  const services = { store: { isHealthy: async () => true }, logger: { debug() {}, info() {}, warn() {}, error() {} } } as unknown as Services;
  const server = createHttpServer({ services, platforms, databaseUrl: "file:/nonexistent/ipsbot.db" });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is alive", async () => {
    const response = await fetch(`${base}/healthz`);
    expect([response.status, await response.json()]).toEqual([200, { status: "ok" }]);
  });

  it("asks Slack to retry while Bolt loads", async () => {
    const response = await fetch(`${base}/slack/events`, { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: "starting" });
  });

  it("does not know Teams when Teams is not configured", async () => {
    const response = await fetch(`${base}/api/messages`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});
