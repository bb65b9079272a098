// Each person's own language: their choice (`ips language`), else their Slack or Teams language
// when it is Swedish or Norwegian, else their clinic's; posts in the clinic channel stay in the
// clinic's language. A choice survives a restart; a bad one is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainOf } from "../../commands/neutral-text.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import type { Locale } from "../../prompts/locales.ts";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { personalMessage, SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const catalogue = Catalogue.load();
/** What a message says in a locale, as a person reads it (spans without their marks). */
const says = (locale: Locale, key: string, params: Record<string, string | number> = {}) => plainOf(catalogue.translator(locale)(key, params), "/ips");
const languageName = (locale: Locale) => catalogue.translator(locale)(`language.name.${locale}`);

describe("each person's language in Slack, in a Swedish clinic", () => {
  let h: Harness;
  const clock = fixedClock("2026-11-23T10:00:00Z");
  beforeAll(async () => {
    h = await startHarness({ clock, env: { DEFAULT_LOCALE: "sv" } });
    h.slack.setUserLocale(COLLEAGUE.id, "nb-NO");
  });
  afterAll(async () => h?.stop());

  it("answers someone whose Slack is in English in the clinic's Swedish", async () => {
    expect(messageText(await h.command("language"))).toContain(says("sv", "language.current.clinic", { language: languageName("sv") }));
  });

  it("answers someone whose Slack is in Norwegian (nb-NO) in Norwegian, asking users.info for the locale", async () => {
    expect(messageText(await h.command("language", COLLEAGUE))).toContain(says("nb", "language.current.platform", { language: languageName("nb") }));
    expect(h.slack.callsTo("users.info").some((call) => call.body.user === COLLEAGUE.id && String(call.body.include_locale) === "true")).toBe(true);
  });

  it("keeps the digest posted in the clinic channel in Swedish while its Norwegian supervisor reads Norwegian", async () => {
    h.slack.setUserLocale(SPECIALIST.id, "nb-NO");
    await h.restart(); // Slack's languages are remembered for an hour: a new process asks again
    await h.connectClinic("C0CLINIC", "Clinic");
    const reply = messageText(await h.command("digest post"));
    expect(reply).toContain("uke 47");
    expect(reply).toMatch(/^Postet oppsummeringen/m);
    const posted = h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C0CLINIC").at(-1)!;
    expect(messageText(posted)).toContain("IPS veckosammanfattning · Clinic · vecka 47");
  });

  it("redraws the agenda posted in the channel in Swedish when a Norwegian closes a flag there, and a private agenda in Norwegian", async () => {
    await h.command("participant add P-031");
    await h.command("participant add P-032");
    await h.command("flag P-031 wants more hours", COLLEAGUE);
    await h.command("flag P-032 asks about evening shifts", COLLEAGUE);
    const flags = queryAll(h.databaseFile, "SELECT f.id, p.code FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId WHERE f.closedAt IS NULL ORDER BY f.id");
    const inChannel = messageText(await h.clickButton("meeting-flag.discussed", `${flags[0]!.id}:channel`, COLLEAGUE, "C0CLINIC")).replace(/`/g, "");
    expect(inChannel).toContain(says("sv", "agenda.discussedBy", { code: "P-031", by: COLLEAGUE.name }));
    const privately = messageText(await h.clickButton("meeting-flag.discussed", String(flags[1]!.id), COLLEAGUE, "C0CLINIC")).replace(/`/g, "");
    expect(privately).toContain(says("nb", "agenda.discussedBy", { code: "P-032", by: COLLEAGUE.name }));
  });

  it("takes the person's own choice over their Slack language, and keeps it after a restart", async () => {
    const chosen = messageText(await h.command("language en"));
    expect(chosen).toContain(says("en", "language.chosen", { language: languageName("en") }));
    expect(chosen).toContain(says("en", "language.channelsStay"));
    expect(queryAll(h.databaseFile, "SELECT locale FROM Member WHERE platformUserId = ?", SPECIALIST.id)).toEqual([{ locale: "en" }]);
    await h.restart();
    expect(messageText(await h.command("language"))).toContain(says("en", "language.current.chosen", { language: languageName("en") }));
    expect(queryAll(h.databaseFile, "SELECT action, details FROM AuditEvent WHERE action = 'member.language'")).toEqual([{ action: "member.language", details: JSON.stringify({ locale: "en" }) }]);
  });

  it("goes back to the Slack language with auto", async () => {
    expect(messageText(await h.command("language auto"))).toContain(says("nb", "language.automatic", { language: languageName("nb") }));
    expect(queryAll(h.databaseFile, "SELECT locale FROM Member WHERE platformUserId = ?", SPECIALIST.id)).toEqual([{ locale: null }]);
  });

  it.each([
    ["de", "error.languageUnknown", { input: "de", choices: "en, sv, nb, auto" }],
    ["svenska", "error.languageUnknown", { input: "svenska", choices: "en, sv, nb, auto" }],
    ["sv nb", "error.unexpectedWords", { words: "nb" }],
  ] as const)("refuses `language %s` in the person's language and changes nothing", async (words, key, params) => {
    const reply = await expectNothingStored(h, () => h.command(`language ${words}`));
    expect(messageText(reply).replace(/`/g, "")).toContain(says("nb", key, params));
  });
});

describe("each person's language in Teams, in a Swedish clinic", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ env: { DEFAULT_LOCALE: "sv" } });
  });
  afterAll(async () => h?.stop());

  const sayIn = async (locale: string, text: string) => {
    const activity = personalMessage(TEAMS_SPECIALIST, text, h.connector.serviceUrl);
    return repliesText((await h.send({ ...activity, locale })).calls);
  };

  it("answers a Teams client in Norwegian (nb-NO) in Norwegian, and one in English in the clinic's Swedish", async () => {
    expect(await sayIn("nb-NO", "ips language")).toContain(says("nb", "language.current.platform", { language: languageName("nb") }));
    expect(await sayIn("en-US", "ips language")).toContain(says("sv", "language.current.clinic", { language: languageName("sv") }));
  });

  it("takes the person's choice over the Teams language", async () => {
    await sayIn("nb-NO", "ips language en");
    expect(await sayIn("nb-NO", "ips language")).toContain(says("en", "language.current.chosen", { language: languageName("en") }));
  });
});
