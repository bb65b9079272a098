// `npm run package:teams`: builds the zip to upload in Teams (manifest.json and the two icons at
// its root) after checking the manifest against the official schema, offline, and against the
// command registry. BOT_ID (the Azure bot's Microsoft App ID), TEAMS_APP_ID (the installation's own
// app id) and PUBLIC_URL (its address) make it the installation's own; each build raises the version.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Catalogue } from "../../../prompts/catalogue.ts";
import type { Locale } from "../../../prompts/locales.ts";
import { addressBase, installationLocale, InstallationSettingError, publicAddress } from "../../installation-settings.ts";
import { ICON_FILES, manifestSchemaErrors, PLACEHOLDER_BOT_ID, readManifest, REPOSITORY_ROOT, withRegistryCommands, type TeamsManifest } from "./teams-manifest.ts";
import { zip } from "./zip.ts";

export const PACKAGE_FILE = path.join(REPOSITORY_ROOT, "dist", "ipsbot-teams-app.zip");

export class PackagingError extends InstallationSettingError {
  override name = "PackagingError";
}

/** What makes the package this installation's own: its bot, its app id, its address, and when it was built. */
export interface PackageSettings {
  /** BOT_ID: the Azure bot's Microsoft App ID. */
  botId?: string;
  /** TEAMS_APP_ID: the Teams app's own id, made once per installation and kept. */
  appId?: string;
  /** PUBLIC_URL: where this ipsbot answers, e.g. https://ipsbot.region.example. */
  publicUrl?: string;
  /** The build time, which raises the version: Teams updates an uploaded app only to a higher version. */
  now?: Date;
  /** DEFAULT_LOCALE: the language of the command menus' descriptions (the manifest in the repository is English). */
  locale?: Locale;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Major and minor of the committed version, then the build's UTC minute: always higher than the last build's. */
export function buildVersion(committed: string, now: Date): string {
  const [major = "0", minor = "1"] = committed.split(".");
  const stamp = now.toISOString().slice(0, 16).replace(/\D/g, "");
  return `${Number(major)}.${Number(minor)}.${Number(stamp)}`;
}

/** The app package as bytes, or a PackagingError saying what to fix. */
export async function buildAppPackage(settings: PackageSettings, manifest: TeamsManifest = readManifest()): Promise<Buffer> {
  const catalogue = Catalogue.load();
  const fromRegistry = withRegistryCommands(manifest, catalogue.translator("en"));
  if (!isDeepStrictEqual(fromRegistry, manifest)) throw new PackagingError("manifest.json's command list differs from the command registry: run `npm run teams:manifest`");
  const id = settings.botId?.trim() || manifest.bots[0]!.botId;
  if (id === PLACEHOLDER_BOT_ID) throw new PackagingError("set BOT_ID to the Azure bot's Microsoft App ID (manifest.json holds a placeholder)");
  const appId = settings.appId?.trim().toLowerCase() ?? "";
  if (!GUID.test(appId) || appId === String(manifest.id).toLowerCase()) {
    throw new PackagingError(
      'set TEAMS_APP_ID to an id of this installation\'s own (make one once with `node -e "console.log(crypto.randomUUID())"` and keep it: Teams knows your app by it; manifest.json\'s id is the repository\'s)',
    );
  }
  const url = publicAddress(settings.publicUrl, "Teams");
  const base = addressBase(url);
  // The command menus in the installation's language.
  const localized = withRegistryCommands(manifest, catalogue.translator(settings.locale ?? "en"));
  const packaged: TeamsManifest = {
    ...localized,
    id: appId,
    version: buildVersion(String(manifest.version), settings.now ?? new Date()),
    developer: { ...(manifest.developer as Record<string, unknown>), websiteUrl: base, privacyUrl: `${base}/privacy`, termsOfUseUrl: `${base}/terms` },
    validDomains: [url.host],
    bots: localized.bots.map((bot, index) => (index === 0 ? { ...bot, botId: id } : bot)),
  };
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
    const locale = installationLocale(process.env.DEFAULT_LOCALE);
    const archive = await buildAppPackage({ botId: process.env.BOT_ID, appId: process.env.TEAMS_APP_ID, publicUrl: process.env.PUBLIC_URL, locale });
    mkdirSync(path.dirname(PACKAGE_FILE), { recursive: true });
    writeFileSync(PACKAGE_FILE, archive);
    process.stdout.write(`wrote ${path.relative(process.cwd(), PACKAGE_FILE)}: upload it in Teams (Apps → Manage your apps → Upload an app)\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof InstallationSettingError ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
