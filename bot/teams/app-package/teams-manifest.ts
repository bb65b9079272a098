// manifest.json at the repository root is the Teams app manifest. Its command list is generated
// from the command registry (`npm run teams:manifest`); packaging checks it against the official
// schema of the version it declares, bundled in @microsoft/app-manifest, so no network is needed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppManifestUtils } from "@microsoft/app-manifest";
import type { Translate } from "../../../prompts/catalogue.ts";
import { TEAMS_MENUS, teamsCommandList, type TeamsCommand, type TeamsScope } from "./command-list.ts";

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const MANIFEST_FILE = path.join(REPOSITORY_ROOT, "manifest.json");
export const ICON_FILES = { color: path.join(REPOSITORY_ROOT, "color.png"), outline: path.join(REPOSITORY_ROOT, "outline.png") } as const;
/** manifest.json's bot id until the Azure bot's app id is put in (BOT_ID when packaging). */
export const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";

export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  bots: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: TeamsCommand[] }[] }[];
  icons: { color: string; outline: string };
  [field: string]: unknown;
}

export function readManifest(file = MANIFEST_FILE): TeamsManifest {
  return JSON.parse(readFileSync(file, "utf8")) as TeamsManifest;
}

/** The manifest with one command list per scope of its bot, generated from the registry (English prompts). */
export function withRegistryCommands(manifest: TeamsManifest, t: Translate): TeamsManifest {
  const [bot, ...otherBots] = manifest.bots;
  if (!bot) throw new Error("manifest.json declares no bot");
  const commandLists = bot.scopes.filter((scope): scope is TeamsScope => scope in TEAMS_MENUS).map((scope) => ({ scopes: [scope], commands: teamsCommandList(t, scope) }));
  return { ...manifest, bots: [{ ...bot, commandLists }, ...otherBots] };
}

/** The bundled schema file for the version `$schema` names, or undefined when it is not bundled. */
export function bundledSchemaFile(schemaUrl: string): string | undefined {
  const version = /\/json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl)?.[1];
  if (!version) return undefined;
  const build = path.dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest"));
  const file = path.join(build, "json-schemas", "teams", version, "MicrosoftTeams.schema.json");
  try {
    readFileSync(file);
    return file;
  } catch {
    return undefined;
  }
}

/** Schema errors of the manifest (empty when valid), against the schema it declares, offline. */
export async function manifestSchemaErrors(manifest: TeamsManifest): Promise<string[]> {
  const file = bundledSchemaFile(manifest.$schema);
  if (!file) return [`$schema ${manifest.$schema} is not a Teams schema bundled in @microsoft/app-manifest, so it cannot be checked offline`];
  const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}
