import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/config.ts";

describe("configuration", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, DATABASE_URL: "file:./data/ipsbot.db", DEFAULT_LOCALE: "en", LOG_LEVEL: "info" });
    expect(config.slack).toBeUndefined();
  });

  it("enables Slack when both variables are set", () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1", SLACK_API_URL: "http://127.0.0.1:9/api/" });
    expect(config.slack).toEqual({ connection: { mode: "http", signingSecret: "s" }, botToken: "xoxb-1", apiUrl: "http://127.0.0.1:9/api/" });
  });

  it("uses Socket Mode when an app-level token is set, with or without a signing secret", () => {
    expect(loadConfig({ SLACK_APP_TOKEN: "xapp-1-A0-1", SLACK_BOT_TOKEN: "xoxb-1" }).slack).toEqual({ connection: { mode: "socket", appToken: "xapp-1-A0-1" }, botToken: "xoxb-1", apiUrl: undefined });
    expect(loadConfig({ SLACK_APP_TOKEN: "xapp-1-A0-1", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack?.connection).toEqual({ mode: "socket", appToken: "xapp-1-A0-1" });
  });

  it("lets explicit options win over the environment", () => {
    expect(loadConfig({ PORT: "4000" }, { PORT: "5000" }).PORT).toBe(5000);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DEFAULT_LOCALE: "de" }, "DEFAULT_LOCALE"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ DATABASE_URL: "postgres://x" }, "DATABASE_URL"],
    [{ SLACK_API_URL: "not a url", SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_API_URL"],
    [{ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xoxb-1", SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_APP_TOKEN"],
  ])("stops on %j naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});
