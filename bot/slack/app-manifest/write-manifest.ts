// `npm run slack:manifest`: prints this installation's Slack app manifest, to paste into
// api.slack.com/apps (Create New App → From an app manifest). With PUBLIC_URL: Slack posts to
// <PUBLIC_URL>/slack/events; without it: Socket Mode. DEFAULT_LOCALE chooses the command's language.
import { Catalogue } from "../../../prompts/catalogue.ts";
import { installationLocale, InstallationSettingError } from "../../installation-settings.ts";
import { installationManifest, readRepositoryManifest } from "./installation-manifest.ts";

try {
  const locale = installationLocale(process.env.DEFAULT_LOCALE) ?? "en";
  const manifest = installationManifest(readRepositoryManifest(), { publicUrl: process.env.PUBLIC_URL || undefined, t: Catalogue.load().translator(locale) });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof InstallationSettingError ? error.message : String(error)}\n`);
  process.exit(1);
}
