// /privacy and /terms: the short pages Teams (and Slack's app directory) link to, in the
// installation's default language, naming the data controller and contact the configuration gives
// (DATA_CONTROLLER, PRIVACY_CONTACT). Every text is HTML-escaped; the page loads nothing else.
import type { Translate } from "../../prompts/catalogue.ts";
import { plainOf } from "../../commands/neutral-text.ts";

export interface PolicySettings {
  locale: string;
  t: Translate;
  controller: string | undefined;
  contact: string | undefined;
  retentionDays: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(locale: string, title: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(plainOf(paragraph, "/ips"))}</p>`).join("\n");
  return `<!doctype html>\n<html lang="${escapeHtml(locale)}">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`;
}

export function privacyPage({ locale, t, controller, contact, retentionDays }: PolicySettings): string {
  return page(locale, t("page.privacy.title"), [
    controller ? t("page.privacy.controller", { controller }) : t("page.privacy.controllerUnset"),
    t("page.privacy.stores"),
    t("page.privacy.platforms"),
    t("page.privacy.retention", { days: retentionDays }),
    t("page.privacy.rights"),
    contact ? t("page.privacy.contact", { contact }) : t("page.privacy.contactUnset"),
  ]);
}

export function termsPage({ locale, t, controller }: PolicySettings): string {
  return page(locale, t("page.terms.title"), [
    t("page.terms.purpose"),
    t("page.terms.noIdentities"),
    t("page.terms.audit"),
    controller ? t("page.terms.operator", { controller }) : t("page.privacy.controllerUnset"),
  ]);
}

/** No scripts, no styles from elsewhere, no framing: the page is text. */
export const POLICY_PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
} as const;
