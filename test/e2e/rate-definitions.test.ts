// The employment rate by the definition a clinic chooses in its channel settings, with its
// benchmark, and the digest's new figures in each of the three languages. Hand-built clinic;
// every figure is worked out in the comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { settingsViewValues } from "../support/settings-view.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const NORD = "C0NORD";
// Sunday 22 November 2026 (ISO week 47; 2026 Q4 to date is 10-01 … 11-22).
const clock = fixedClock("2026-11-22T12:00:00Z");

describe("employment rate definitions", () => {
  let h: Harness;
  let metadata = "";
  const say = (text: string) => h.command(text, SPECIALIST, NORD);
  const saveSettings = async (overrides: Record<string, string>) => {
    const values: Record<string, string> = { locale: "en", timeZone: "Europe/Stockholm", digestWeekday: "1", digestTime: "08:00", meetingWeekday: "2", meetingTime: "09:00", agendaLeadMinutes: "60", rateDefinition: "ips-grow", ...overrides };
    const response = await h.submitView("clinic-settings", settingsViewValues(values), { metadata, user: ADMIN });
    expect(response.status).toBe(200);
    const saved = () => queryAll(h.databaseFile, "SELECT locale, rateDefinition FROM Clinic WHERE name = 'Psykos Nord'")[0];
    for (let tries = 0; tries < 100 && JSON.stringify(saved()) !== JSON.stringify({ locale: values.locale, rateDefinition: values.rateDefinition }); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(saved()).toEqual({ locale: values.locale, rateDefinition: values.rateDefinition });
  };

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.connectClinic(NORD, "Psykos Nord");
    const open = await h.slack.waitForCall((call) => call.method === "views.open" && JSON.stringify(call.body.view).includes(NORD));
    metadata = (open.body.view as { private_metadata: string }).private_metadata;
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
    await saveSettings({});
    for (const [code, since] of [["P-001", "2026-06-01"], ["P-002", "2026-06-01"], ["P-003", "2026-10-01"], ["P-004", "2026-09-01"], ["P-005", "2026-09-01"], ["P-006", "2026-06-01"]]) {
      await say(`participant add ${code} since:${since}`);
    }
    // P-001: 3 hours a week (not a job start for IPS Grow), then 10 hours from 08-03: first start 08-03, 13 weeks on 11-02, still working.
    await say("job start P-001 Coop type:retail kind:competitive hours:3 date:2026-07-01");
    await say("job end P-001 2026-08-01");
    await say("job start P-001 Coop type:retail kind:competitive hours:10 date:2026-08-03");
    // P-002: first start 08-03, ended after 12 weeks (10-26): not sustained on 11-02.
    await say("job start P-002 ICA type:retail kind:competitive hours:20 date:2026-08-03");
    await say("job end P-002 2026-10-26");
    // P-003: only 3 hours a week: never supported into work by IPS Grow's count.
    await say("job start P-003 Bageriet type:retail kind:competitive hours:3 date:2026-10-15");
    // P-004: first start in Q4.
    await say("job start P-004 Lagerhuset type:warehouse kind:competitive hours:20 date:2026-11-02");
    // P-005: in work when they started with IPS (a job from the enrolment day): left out of IPS Grow's count.
    await say("job start P-005 Apoteket type:retail kind:competitive hours:30 date:2026-09-01");
    // P-006: paused since 07-01, all of Q4: still served.
    await say("participant status P-006 paused date:2026-07-01");
  });
  afterAll(async () => h?.stop());

  it("asks for the hours of a competitive job start under IPS Grow, and records nothing without them", async () => {
    const reply = await expectNothingStored(h, () => say("job start P-006 Coop type:retail kind:competitive"));
    expect(messageText(reply)).toContain(
      "Give the paid hours a week with `hours:`: this clinic counts its employment rate as IPS Grow does, which counts a job start only with at least 4 hours a week. Nothing was recorded for `P-006`.",
    );
  });

  it("shows IPS Grow's rate against its 40% benchmark, and the share still in work 13 weeks on against 65%", async () => {
    const text = messageText(await h.command("digest preview", SPECIALIST, NORD));
    // Q4: out of work at the start and served: P-001, P-002, P-003, P-004, P-006 (P-005 was in work) = 5;
    //     first job start of 4+ hours in Q4: P-004 = 1 → 20%.
    // Q3: served P-001, P-002, P-004, P-006 = 4 (P-003 enrolled in Q4); first starts in Q3: P-001, P-002 → 50%.
    expect(text).toContain(
      "Competitive employment rate 2026 Q4 to date: 20% (1 of 5, below the IPS Grow benchmark of 40%) · 2026 Q3: 50% (2 of 4, at or above the IPS Grow benchmark of 40%)",
    );
    // 13-week marks in Q4 to date: P-001 and P-002 (both 11-02); still in work: P-001 → 1 of 2.
    expect(text).toContain("Still in work 13 weeks after their first job start (2026 Q4 to date): 50% (1 of 2); IPS Grow benchmark 65%.");
    expect(text).toContain("Counted as IPS Grow does: of everyone on a caseload at some time in the quarter who was out of work when they started");
    // Who works counts every competitive job, whatever its hours: P-001, P-003, P-004, P-005.
    expect(text).toContain("Working (competitive): 4 · Internship: 0 · Studying: 0 · Job search: 1 · Paused: 1");
  });

  it("shows the IPS Employment Center's rate and band for the same clinic once chosen", async () => {
    await saveSettings({ rateDefinition: "ips-employment-center" });
    const text = messageText(await h.command("digest preview", SPECIALIST, NORD));
    // Q4: served all six; held a competitive job in Q4: P-001, P-002 (to 10-26), P-003, P-004, P-005 = 5 → 83%.
    // Q3: served P-001, P-002, P-004, P-005, P-006 = 5; held one: P-001, P-002, P-005 = 3 → 60%.
    expect(text).toContain("Competitive employment rate 2026 Q4 to date: 83% (5 of 6, excellent, 50% or more) · 2026 Q3: 60% (3 of 5, excellent, 50% or more)");
    expect(text).not.toContain("13 weeks");
  });

  it("says the same figures in Swedish", async () => {
    await saveSettings({ locale: "sv", rateDefinition: "ips-grow" });
    const text = messageText(await h.command("digest preview", SPECIALIST, NORD));
    expect(text).toContain("Andel i konkurrensutsatt arbete kvartal 4 2026 hittills: 20 % (1 av 5, under IPS Grows riktmärke 40 %)");
    expect(text).toContain("Fortfarande i arbete 13 veckor efter första arbetsstarten (kvartal 4 2026 hittills): 50 % (1 av 2); IPS Grows riktmärke 65 %.");
    expect(text).toContain("Snabbt arbetssökande: ingen deltagare inskriven de senaste 6 månaderna har haft ett personligt möte med en arbetsgivare än.");
    expect(text).toContain("Mer än 30 dagar utan första arbetsgivarkontakt (ett personligt möte): P-002");
  });

  it("and in Norwegian, with the first meeting's mean and median", async () => {
    await say("contact Coop for P-003 type:phone date:2026-10-05");
    await say("contact Coop for P-003 date:2026-10-20");
    await saveSettings({ locale: "nb", rateDefinition: "ips-employment-center" });
    const text = messageText(await h.command("digest preview", SPECIALIST, NORD));
    expect(text).toContain("Andel i ordinært arbeid 4. kvartal 2026 så langt: 83 % (5 av 6, svært godt, 50 % eller mer)");
    // P-003: the phone call on day 4 does not count; the meeting on day 19 does.
    expect(text).toContain("Rask jobbsøking: første fysiske møte med en arbeidsgiver i snitt 19 og median 19 dager etter registrering (n = 1:");
    const caseload = messageText(await h.command("caseload", SPECIALIST, NORD));
    expect(caseload).toContain("Første arbeidsgivermøte (dag)");
    expect(caseload).toMatch(/P-003\s+\S.*?\s+52\s+19\s+33\s+0/);
  });
});
