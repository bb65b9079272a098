// One registry drives parsing, help and the Slack manifest: prove they agree.
import { plainOf } from "../../commands/neutral-text.ts";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CommandContext } from "../../commands/context.ts";
import { missingMessageKeys } from "../../commands/prompt-coverage.ts";
import { COMMAND_WORD, commandName, commandRegistry, helpReply } from "../../commands/registry.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import { LOCALES } from "../../prompts/locales.ts";
import { installationManifest } from "../../bot/slack/app-manifest/installation-manifest.ts";
import { InstallationSettingError } from "../../bot/installation-settings.ts";

const catalogue = Catalogue.load();

// The fields of Slack's app manifest that ipsbot uses (no npm package ships Slack's schema). Over
// HTTP every request comes to one URL; in Socket Mode there is none, and socket_mode_enabled is set.
const slackManifestSchema = (mode: "http" | "socket") => z.object({
  _metadata: z.object({ major_version: z.literal(1), minor_version: z.number().int() }).optional(),
  display_information: z.object({
    name: z.string().min(1).max(35),
    description: z.string().max(140).optional(),
    long_description: z.string().min(174).max(4000).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  }),
  features: z.object({
    bot_user: z.object({ display_name: z.string().min(1).max(80).regex(/^[a-z0-9._-]+$/), always_online: z.boolean().optional() }),
    slash_commands: z
      .array(
        z.object({
          command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/, "a slash command of at most 32 characters"),
          url: mode === "http" ? z.url() : z.undefined(),
          description: z.string().min(1).max(2000),
          usage_hint: z.string().max(1000).optional(),
          should_escape: z.boolean().optional(),
        }),
      )
      .min(1),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string().regex(/^[a-z.:_]+$/)).min(1) }) }),
  settings: z.object({
    interactivity: z.object({ is_enabled: z.literal(true), request_url: mode === "http" ? z.url() : z.undefined() }),
    org_deploy_enabled: z.boolean().optional(),
    socket_mode_enabled: z.literal(mode === "socket"),
    event_subscriptions: z.object({ request_url: mode === "http" ? z.url() : z.undefined(), bot_events: z.array(z.string()).min(1) }),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

const manifest = JSON.parse(readFileSync(new URL("../../bot/slack/manifest.json", import.meta.url), "utf8"));
const socketModeManifest = JSON.parse(readFileSync(new URL("../../bot/slack/manifest.socket-mode.json", import.meta.url), "utf8"));

function contextIn(locale: (typeof LOCALES)[number]): CommandContext {
  return { t: catalogue.translator(locale) } as CommandContext;
}

function helpText(locale: (typeof LOCALES)[number]): string {
  return helpReply(contextIn(locale))
    .blocks.map((block) => ("text" in block ? `${block.text}\n${"detail" in block ? (block.detail ?? "") : ""}` : ""))
    .map((text) => plainOf(text, `/${COMMAND_WORD}`))
    .join("\n");
}

describe("command registry", () => {
  it("has a unique path per command", () => {
    const names = commandRegistry.map(commandName);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(LOCALES)("lists every command with its usage and an example in the %s help", (locale) => {
    const text = helpText(locale);
    for (const spec of commandRegistry) {
      expect(text).toContain(`/${COMMAND_WORD} ${commandName(spec)}`);
      expect(text).toContain(plainOf(catalogue.translator(locale)(`command.${spec.key}.example`), `/${COMMAND_WORD}`));
    }
  });

  it("has every message key the commands build at run time", () => {
    expect(missingMessageKeys((key) => catalogue.has(key))).toEqual([]);
    expect(missingMessageKeys(() => false)).toContain("command.contact.usage"); // the check can fail
  });

  it("has examples that start with the command they illustrate", () => {
    const t = catalogue.translator("en");
    for (const spec of commandRegistry) expect(plainOf(t(`command.${spec.key}.example`), `/${COMMAND_WORD}`).startsWith(`/${COMMAND_WORD} ${commandName(spec)}`)).toBe(true);
  });
});

describe("Slack app manifest", () => {
  it("is valid for the fields ipsbot uses", () => {
    const result = slackManifestSchema("http").safeParse(manifest);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("has a Socket Mode variant: valid, with no URL, and otherwise the same app", () => {
    const result = slackManifestSchema("socket").safeParse(socketModeManifest);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    const withoutUrls = structuredClone(manifest);
    delete withoutUrls.features.slash_commands[0].url;
    delete withoutUrls.settings.interactivity.request_url;
    delete withoutUrls.settings.event_subscriptions.request_url;
    withoutUrls.settings.socket_mode_enabled = true;
    expect(socketModeManifest).toEqual(withoutUrls);
  });

  it("declares exactly the registry's slash command, on the one events URL", () => {
    const commands = manifest.features.slash_commands as { command: string; url: string; usage_hint: string }[];
    expect(commands.map((command) => command.command)).toEqual([`/${COMMAND_WORD}`]);
    expect(new URL(commands[0]!.url).pathname).toBe("/slack/events");
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe("/slack/events");
  });

  it("only hints at subcommands the registry knows", () => {
    const hint = manifest.features.slash_commands[0].usage_hint as string;
    const firstWords = new Set(commandRegistry.map((spec) => spec.path[0]));
    for (const part of hint.split("|")) expect(firstWords).toContain(part.trim().split(/\s+/)[0]);
  });

  it("asks for the least scopes: the command, posting, posting in public clinic channels without joining, files (the fidelity export) and people's language (users.info)", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "chat:write.public", "files:write", "users:read"]);
  });

  it("subscribes to the Home tab event on the one events URL", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe("/slack/events");
  });

  it.each(["en", "sv", "nb"] as const)("is written for an installation (npm run slack:manifest) with the command described in %s", (locale) => {
    const t = catalogue.translator(locale);
    const socket = installationManifest(manifest, { t });
    expect(slackManifestSchema("socket").safeParse(socket).success).toBe(true);
    expect(socket.features.slash_commands[0].description).toBe(plainOf(t("manifest.slack.commandDescription"), "/ips"));
    expect({ ...socket, features: { ...socket.features, slash_commands: [{ ...socket.features.slash_commands[0], description: "" }] } }).toEqual({
      ...socketModeManifest,
      features: { ...socketModeManifest.features, slash_commands: [{ ...socketModeManifest.features.slash_commands[0], description: "" }] },
    });
    const http = installationManifest(manifest, { t, publicUrl: "https://ipsbot.region.se/" });
    expect(slackManifestSchema("http").safeParse(http).success).toBe(true);
    expect([http.features.slash_commands[0].url, http.settings.interactivity.request_url, http.settings.event_subscriptions.request_url]).toEqual(Array(3).fill("https://ipsbot.region.se/slack/events"));
  });

  it.each(["http://ipsbot.region.se", "https://ipsbot.example.org", "not a url"])("refuses PUBLIC_URL=%s for the installation's manifest", (publicUrl) => {
    expect(() => installationManifest(manifest, { t: catalogue.translator("en"), publicUrl })).toThrow(InstallationSettingError);
  });

  it("would be refused by the schema if the command were too long", () => {
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0].command = `/${"x".repeat(32)}`;
    expect(slackManifestSchema("http").safeParse(broken).success).toBe(false);
  });
});
