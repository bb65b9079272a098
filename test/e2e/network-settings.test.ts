// Network settings of the real bot process: HOST chooses the listening address; HTTP_PROXY sends
// the Slack Web API client's requests through a forward proxy (a fake one here, tunnelling with
// CONNECT and recording where to), and NO_PROXY lets a host bypass it; the log names the proxy
// without its credentials.
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { killCompiledBots, startCompiledBot } from "../support/compiled-bot.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.ts";
import { logLines } from "../support/log-lines.ts";
import { SIGNING_SECRET } from "../support/slack-requests.ts";

const servers: { close(): unknown }[] = [];
afterAll(async () => {
  killCompiledBots();
  await Promise.all(servers.map((server) => server.close()));
});

const startBotProcess = startCompiledBot;

/**
 * A forward proxy as hospitals run them: it tunnels with CONNECT, and records which host:port each
 * tunnel went to. `names` are host names only the proxy can resolve (as an internal DNS would).
 */
async function startForwardProxy(names: Record<string, string> = {}): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, client: Socket, head: Buffer) => {
    seen.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), names[host!] ?? host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe("network settings", () => {
  it("listens on loopback by default", async () => {
    const bot = await startBotProcess({});
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    expect(logLines(bot.output()).find((line) => line.message === "ipsbot listening")).toMatchObject({ host: "127.0.0.1" });
  });

  it("sends the Slack client's requests through HTTP_PROXY, naming the proxy without its password", async () => {
    const slack: FakeSlackApi = await startFakeSlackApi();
    servers.push(slack);
    const proxy = await startForwardProxy();
    servers.push(proxy);
    const proxyWithCredentials = proxy.url.replace("http://", "http://ops:s3cret@");
    const bot = await startBotProcess({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-proxied", SLACK_API_URL: slack.url, HTTP_PROXY: proxyWithCredentials });
    const slackHost = new URL(slack.url).host;
    await expect.poll(() => proxy.seen.filter((tunnel) => tunnel === slackHost).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => slack.callsTo("auth.test").length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
    const announced = logLines(bot.output()).find((line) => line.message === "outbound requests go through the proxy");
    expect(announced).toMatchObject({ httpProxy: proxy.url });
    expect(bot.output()).not.toContain("s3cret");
  });

  it("opens the Socket Mode link through the proxy, to a host only the proxy can reach", async () => {
    const slack: FakeSlackApi = await startFakeSlackApi();
    servers.push(slack);
    const port = new URL(slack.url).port;
    const proxy = await startForwardProxy({ "slack.test": "127.0.0.1" });
    servers.push(proxy);
    const bot = await startBotProcess({ SLACK_APP_TOKEN: "xapp-1-proxied", SLACK_BOT_TOKEN: "xoxb-proxied", SLACK_API_URL: `http://slack.test:${port}/api/`, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    await slack.socketMode.waitForConnections(1);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((tunnel) => tunnel === `slack.test:${port}`)).toBe(true);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    expect(logLines(bot.output()).some((line) => line.message === "connected to Slack over Socket Mode")).toBe(true);
  });

  it("lets NO_PROXY hosts bypass the proxy", async () => {
    const slack: FakeSlackApi = await startFakeSlackApi();
    servers.push(slack);
    const proxy = await startForwardProxy();
    servers.push(proxy);
    await startBotProcess({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-direct", SLACK_API_URL: slack.url, HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" });
    await expect.poll(() => slack.callsTo("auth.test").length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(proxy.seen).toEqual([]);
  });
});
