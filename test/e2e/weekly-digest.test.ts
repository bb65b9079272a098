// The weekly digest: its content, /ips digest preview|post, and the scheduler (driven by a fake
// clock: no sleeping), exactly once across ticks, restarts and missed weeks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";
import { startBot } from "../../bot/start-bot.ts";

const NORD = "C0NORD";
// Sunday 22 November 2026, 13:00 in Stockholm: the last day of ISO week 47.
const clock = fixedClock("2026-11-22T12:00:00Z");

describe("weekly digest", () => {
  let h: Harness;
  const digestPosts = () => h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === NORD && messageText(call).includes("weekly digest"));

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.connectClinic(NORD, "Psykos Nord");
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
    await h.grant(COLLEAGUE, "team", "Psykos Nord");
    await h.slack.waitForCall((call) => call.method === "views.open");
    const say = (text: string) => h.command(text, SPECIALIST, NORD);
    await say("participant add P-001 since:2026-09-01");
    await say("participant add P-002 since:2026-11-01");
    await say("participant add P-003 since:2026-10-01");
    await say("participant add P-004 since:2026-09-01");
    // A phone call on day 10, the first meeting with an employer on day 35: the first employer contact is day 35.
    await say("participant add P-005 since:2026-09-15");
    await say("contact Lagerhuset for P-005 type:phone date:2026-09-25");
    await say("contact Lagerhuset for P-005 date:2026-10-20");
    await say("contact Coop for P-001 date:2026-09-11 talked about shelf work");
    await say("contact Coop for P-004 date:2026-09-20");
    await say("contact ICA for P-002 date:2026-11-16");
    await say("contact Bageriet type:phone date:2026-11-17");
    await say("contact ICA date:2026-11-18");
    await say("job start P-001 Coop type:retail kind:competitive date:2026-10-15");
    await say("job start P-002 ICA type:retail kind:internship date:2026-11-19");
    await say("flag P-003 needs support with the first employer meeting");
  });
  afterAll(async () => h?.stop());

  it("previews this week so far to the caller only, with codes and numbers only", async () => {
    const reply = await h.command("digest preview", SPECIALIST, NORD);
    expect(reply.body.response_type).toBe("ephemeral");
    const text = messageText(reply);
    expect(text).toContain("IPS weekly digest · Psykos Nord · 2026-W47");
    expect(text).toMatch(/anna\.specialist\s+5\s+0\s+2\s+1/);
    expect(text).toContain("Working (competitive): 1 · Internship: 1 · Studying: 0 · Job search: 3 · Paused: 0");
    expect(text).toContain("This week: 1 job, internship or study start and 0 endings.");
    // Q4: all five served, P-001 in work → 20%; Q3: P-001, P-004, P-005 served, nobody in work.
    expect(text).toContain(
      "Competitive employment rate 2026 Q4 to date: 20% (1 of 5, below the minimum standard of 31%) · 2026 Q3: 0% (0 of 3, below the minimum standard of 31%)",
    );
    expect(text).toContain("Counted as the IPS Employment Center does: of everyone on a caseload at some time in the quarter (paused included)");
    // Days to the first in-person meeting: P-001 10, P-004 19, P-002 15, P-005 35 (not 10, the phone call) → mean 19.8, median 17.
    expect(text).toContain("Rapid job search: first in-person meeting with an employer a mean of 19.8 and a median of 17 days after enrolment (n = 4:");
    expect(text).toContain("More than 30 days without a first employer contact (an in-person meeting): P-003");
    expect(text).toContain("Job-searching, no employer contact in the last 30 days: P-004, P-005");
    expect(text).toContain("Caseloads over 20 active: none");
    expect(text).toContain("On the agenda of the team meeting on 2026-11-24: P-003");
    expect(text).toMatch(/W37\s+█+·*\s+1\s+·+\s+0/);
    expect(text).toMatch(/W47\s+█+·*\s+2\s+█+·*\s+1/);
    expect(text).not.toContain("needs support");
    expect(text).not.toContain("shelf work");
  });

  it("is posted by the scheduler on Monday at 08:00 local time, not before, and only once", async () => {
    clock.set("2026-11-23T06:59:00Z");
    await h.bot.scheduler.tick();
    expect(digestPosts()).toHaveLength(0);
    clock.set("2026-11-23T07:00:00Z");
    await h.bot.scheduler.tick();
    await h.bot.scheduler.tick();
    expect(digestPosts()).toHaveLength(1);
    expect(messageText(digestPosts()[0]!)).toContain("IPS weekly digest · Psykos Nord · 2026-W47");
    expect(queryAll(h.databaseFile, "SELECT kind, slot, status, messageId IS NOT NULL AS hasMessage FROM ScheduledPost")).toEqual([
      { kind: "digest", slot: "2026-W47", status: "posted", hasMessage: 1 },
    ]);
  });

  it("answers /ips digest post without posting twice", async () => {
    const reply = await expectNothingStored(h, () => h.command("digest post", SPECIALIST, NORD));
    expect(messageText(reply)).toContain("The digest for 2026-W47 was already posted in C0NORD");
    expect(digestPosts()).toHaveLength(1);
  });

  it("does not post again after a restart in the same week", async () => {
    const second = await startBot({
      env: { PORT: "0", DATABASE_URL: `file:${h.databaseFile}`, SLACK_SIGNING_SECRET: "x", SLACK_BOT_TOKEN: "xoxb-2", SLACK_API_URL: h.slack.url, LOG_LEVEL: "error" },
      clock,
      schedulerTimer: false,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await second.scheduler.tick();
    await second.stop();
    expect(digestPosts()).toHaveLength(1);
  });

  it("records a week whose digest was never posted as missed and does not post it late", async () => {
    clock.set("2026-11-30T07:30:00Z"); // Monday of week 49: the W48 digest is due
    await h.bot.scheduler.tick();
    // The bot is "down" from then until Monday 21 December (week 52): the W49 and W50 digests
    // were due in weeks 50 and 51 and are missed; the W51 digest is due now.
    clock.set("2026-12-21T09:00:00Z");
    await h.bot.scheduler.tick();
    expect(queryAll(h.databaseFile, "SELECT slot, status FROM ScheduledPost WHERE kind = 'digest' ORDER BY slot")).toEqual([
      { slot: "2026-W47", status: "posted" },
      { slot: "2026-W48", status: "posted" },
      { slot: "2026-W49", status: "missed" },
      { slot: "2026-W50", status: "missed" },
      { slot: "2026-W51", status: "posted" },
    ]);
    expect(digestPosts().map((call) => /2026-W\d\d/.exec(messageText(call))?.[0])).toEqual(["2026-W47", "2026-W48", "2026-W51"]);
  });

  it("reports week 53 of 2026 in the first week of 2027, with the new quarter to date beside the old one", async () => {
    clock.set("2026-12-22T10:00:00Z");
    await h.command("job end P-001 2026-12-20", SPECIALIST, NORD); // held a job in Q4, not in Q1
    clock.set("2027-01-04T07:05:00Z"); // Monday 08:05 CET
    await h.bot.scheduler.tick();
    const text = messageText(digestPosts().at(-1)!);
    expect(text).toContain("· 2026-W53");
    expect(text).toContain("Week 2026-12-28 – 2027-01-03");
    expect(text).toContain("Competitive employment rate 2027 Q1 to date: 0% (0 of 5, below the minimum standard of 31%) · 2026 Q4: 20% (1 of 5, below the minimum standard of 31%)");
  });

  it("keeps 08:00 local time across the March switch to summer time", async () => {
    clock.set("2027-03-29T05:59:00Z"); // Monday 07:59 CEST
    await h.bot.scheduler.tick();
    expect(digestPosts().at(-1)).not.toSatisfy((call: { body: unknown }) => messageText(call as never).includes("2027-W12"));
    clock.set("2027-03-29T06:00:00Z"); // 08:00 CEST
    await h.bot.scheduler.tick();
    expect(messageText(digestPosts().at(-1)!)).toContain("· 2027-W12");
  });

  it("keeps 08:00 local time across the October switch to winter time", async () => {
    clock.set("2027-11-01T06:30:00Z"); // Monday 07:30 CET
    await h.bot.scheduler.tick();
    expect(messageText(digestPosts().at(-1)!)).not.toContain("· 2027-W43");
    clock.set("2027-11-01T07:00:00Z"); // 08:00 CET
    await h.bot.scheduler.tick();
    expect(messageText(digestPosts().at(-1)!)).toContain("· 2027-W43");
  });
});
