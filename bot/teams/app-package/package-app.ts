// `npm run package:teams`: builds the zip to upload in Teams (manifest.json and the two icons at
// its root) after checking the manifest against the official schema, offline, and against the
// command registry. BOT_ID (the Azure bot's Microsoft App ID) replaces the placeholder bot id.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Catalogue } from "../../../prompts/catalogue.ts";
import { ICON_FILES, manifestSchemaErrors, PLACEHOLDER_BOT_ID, readManifest, REPOSITORY_ROOT, withRegistryCommands, type TeamsManifest } from "./teams-manifest.ts";
import { zip } from "./zip.ts";

export const PACKAGE_FILE = path.join(REPOSITORY_ROOT, "dist", "ipsbot-teams-app.zip");

export class PackagingError extends Error {
  override name = "PackagingError";
}

/** The app package as bytes, or a PackagingError saying what to fix. */
export async function buildAppPackage(botId: string | undefined, manifest: TeamsManifest = readManifest()): Promise<Buffer> {
  const fromRegistry = withRegistryCommands(manifest, Catalogue.load().translator("en"));
  if (!isDeepStrictEqual(fromRegistry, manifest)) throw new PackagingError("manifest.json's command list differs from the command registry: run `npm run teams:manifest`");
  const id = botId?.trim() || manifest.bots[0]!.botId;
  if (id === PLACEHOLDER_BOT_ID) throw new PackagingError("set BOT_ID to the Azure bot's Microsoft App ID (manifest.json holds a placeholder)");
  const packaged: TeamsManifest = { ...manifest, bots: manifest.bots.map((bot, index) => (index === 0 ? { ...bot, botId: id } : bot)) };
  const errors = await manifestSchemaErrors(packaged);
  if (errors.length > 0) throw new PackagingError(`manifest.json is not valid against ${manifest.$schema}:\n  ${errors.join("\n  ")}`);
  return zip([
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(packaged, null, 2)}\n`) },
    { name: manifest.icons.color, data: readFileSync(ICON_FILES.color) },
    { name: manifest.icons.outline, data: readFileSync(ICON_FILES.outline) },
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const archive = await buildAppPackage(process.env.BOT_ID);
    mkdirSync(path.dirname(PACKAGE_FILE), { recursive: true });
    writeFileSync(PACKAGE_FILE, archive);
    process.stdout.write(`wrote ${path.relative(process.cwd(), PACKAGE_FILE)}: upload it in Teams (Apps → Manage your apps → Upload an app)\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof PackagingError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
