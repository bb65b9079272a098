// `npm run slack:manifest`: prints this installation's Slack app manifest, to paste into
// api.slack.com/apps (Create New App → From an app manifest). With PUBLIC_URL: Slack posts to
// <PUBLIC_URL>/slack/events; without it: Socket Mode. DEFAULT_LOCALE chooses the command's language.
import { Catalogue } from "../../../prompts/catalogue.ts";
import { isLocale } from "../../../prompts/locales.ts";
import { installationManifest, ManifestSettingsError, readRepositoryManifest } from "./installation-manifest.ts";

try {
  const locale = process.env.DEFAULT_LOCALE || "en";
  if (!isLocale(locale)) throw new ManifestSettingsError(`DEFAULT_LOCALE must be sv, nb or en; got ${locale}`);
  const manifest = installationManifest(readRepositoryManifest(), { publicUrl: process.env.PUBLIC_URL || undefined, t: Catalogue.load().translator(locale) });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ManifestSettingsError ? error.message : String(error)}\n`);
  process.exit(1);
}
