// The Slack app manifest of one installation, from the one in the repository (bot/slack/manifest.json):
// over HTTP with its three URLs pointed at PUBLIC_URL's /slack/events, or for Socket Mode without
// URLs; the slash command's description in the installation's language (DEFAULT_LOCALE).
import { readFileSync } from "node:fs";
import { plainOf } from "../../../commands/neutral-text.ts";
import { COMMAND_WORD } from "../../../commands/registry.ts";
import type { Translate } from "../../../prompts/catalogue.ts";
import { SLACK_EVENTS_PATH } from "../../http/endpoints.ts";
import { addressBase, publicAddress } from "../../installation-settings.ts";

export type SlackManifest = Record<string, any>;

export const REPOSITORY_MANIFEST = new URL("../manifest.json", import.meta.url);

export function readRepositoryManifest(): SlackManifest {
  return JSON.parse(readFileSync(REPOSITORY_MANIFEST, "utf8")) as SlackManifest;
}

/** The manifest for Socket Mode (no `publicUrl`) or for HTTP at `publicUrl`. */
export function installationManifest(base: SlackManifest, settings: { publicUrl?: string; t: Translate }): SlackManifest {
  const manifest = structuredClone(base);
  const command = manifest.features.slash_commands[0];
  command.description = plainOf(settings.t("manifest.slack.commandDescription"), `/${COMMAND_WORD}`);
  if (settings.publicUrl === undefined) {
    delete command.url;
    delete manifest.settings.interactivity.request_url;
    delete manifest.settings.event_subscriptions.request_url;
    manifest.settings.socket_mode_enabled = true;
    return manifest;
  }
  const events = `${addressBase(publicAddress(settings.publicUrl, "Slack"))}${SLACK_EVENTS_PATH}`;
  command.url = events;
  manifest.settings.interactivity.request_url = events;
  manifest.settings.event_subscriptions.request_url = events;
  manifest.settings.socket_mode_enabled = false;
  return manifest;
}
