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
    expect(config.slack).toEqual({ signingSecret: "s", botToken: "xoxb-1", apiUrl: "http://127.0.0.1:9/api/" });
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
  ])("stops on %j naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});
