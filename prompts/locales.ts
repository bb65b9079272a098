export const LOCALES = ["en", "sv", "nb"] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag Intl (plural rules, number formats) is given for each locale. */
export const INTL_TAG: Readonly<Record<Locale, string>> = { en: "en-GB", sv: "sv-SE", nb: "nb-NO" };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale ipsbot speaks for a platform's language tag (Slack's `en-US`, `nb-NO`; Teams' `sv-SE`),
 * or undefined when it speaks none of it. Norwegian Nynorsk and the bare `no` read Bokmål.
 */
export function localeOfTag(tag: string | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (language === "sv") return "sv";
  if (language === "nb" || language === "nn" || language === "no") return "nb";
  if (language === "en") return "en";
  return undefined;
}

/**
 * The platform's language as a person's own choice: Swedish or Norwegian. English is what Slack
 * and most managed Teams installations are set to by default (Slack offers no Swedish or Norwegian
 * at all), so it says nothing about the person and leaves their clinic's language in place; a
 * person who wants English answers chooses it with `ips language en`.
 */
export function chosenPlatformLocale(tag: string | undefined): Locale | undefined {
  const locale = localeOfTag(tag);
  return locale === "en" ? undefined : locale;
}
