// PUBLIC_URL and DEFAULT_LOCALE as the installation scripts read them (`npm run package:teams`,
// `npm run slack:manifest`): the installation's own https address, never an example host, and one
// of the languages ipsbot speaks.
import { isLocale, type Locale } from "../prompts/locales.ts";

/** A setting an installation script cannot use; its message says what to set. */
export class InstallationSettingError extends Error {
  override name = "InstallationSettingError";
}

/** PUBLIC_URL: an https address of the installation's own (the platform requires https); example hosts are refused. */
export function publicAddress(publicUrl: string | undefined, platform: "Teams" | "Slack"): URL {
  let url: URL;
  try {
    url = new URL(publicUrl?.trim() ?? "");
  } catch {
    throw new InstallationSettingError("set PUBLIC_URL to the https address where this ipsbot answers, e.g. https://ipsbot.region.example");
  }
  if (url.protocol !== "https:") throw new InstallationSettingError(`PUBLIC_URL must be an https address (${platform} requires it); got ${url.protocol}`);
  if (/(^|\.)example\.(org|com|net)$/i.test(url.hostname)) throw new InstallationSettingError(`PUBLIC_URL names an example host (${url.hostname}): give this installation's own address`);
  return url;
}

/** The address without a trailing slash, for paths to follow: https://host/base. */
export function addressBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/$/, "")}`;
}

/** DEFAULT_LOCALE for a script: undefined when unset (English), refused when not sv, nb or en. */
export function installationLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  if (!isLocale(value)) throw new InstallationSettingError(`DEFAULT_LOCALE must be sv, nb or en; got ${value}`);
  return value;
}
