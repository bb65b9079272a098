// The weekly digest as a platform-neutral channel message: aggregates and participant codes
// only — no names of participants, no notes, no free text about them.
import type { Translate } from "../../prompts/catalogue.ts";
import type { ClinicFacts, ClinicRecord } from "../../storage/store.ts";
import type { Block, MessageReply } from "../reply.ts";
import { CASELOAD_CEILING } from "../rules/caseload.ts";
import { WEEKLY_IN_PERSON_TARGET } from "../rules/employer-contacts.ts";
import { formatIsoWeek, type IsoWeek } from "../rules/iso-week.ts";
import { formatQuarter, previousQuarter, quarterOf } from "../rules/quarter.ts";
import { employmentCenterBand, type Share } from "../rules/employment-rate.ts";
import { roundTo } from "../fidelity/suggestions/evidence.ts";
import { employmentRate, jobStartsAndEnds, needsAttention, outcomesOn, rapidJobSearch, specialistWeeks, weeklyTrend } from "./figures.ts";

export interface DigestRequest {
  clinic: ClinicRecord;
  facts: ClinicFacts;
  week: IsoWeek;
  /** The last day the digest counts (the week's Sunday, or today for a preview). */
  asOf: string;
  /** The next team meeting's day, for the open flags. */
  meetingDay: string;
  t: Translate;
}

const BAR_WIDTH = 12;

function bar(value: number, max: number): string {
  const filled = max === 0 ? 0 : Math.round((value / max) * BAR_WIDTH);
  return "█".repeat(filled) + "·".repeat(BAR_WIDTH - filled);
}

function percent(rate: Share, t: Translate): string {
  if (rate.percent === null) return t("digest.noData");
  return t("digest.rateValue", { percent: rate.percent, employed: rate.numerator, active: rate.denominator, band: t(`digest.band.${employmentCenterBand(rate.percent)}`) });
}

export function renderDigest({ clinic, facts, week, asOf, meetingDay, t }: DigestRequest): MessageReply {
  const specialists = specialistWeeks(facts, week);
  const outcomes = outcomesOn(facts, asOf);
  const jobs = jobStartsAndEnds(facts, week);
  const quarter = quarterOf(asOf);
  const before = previousQuarter(quarter);
  const thisQuarter = employmentRate(facts, quarter.first, asOf);
  const lastQuarter = employmentRate(facts, before.first, before.last);
  const rapid = rapidJobSearch(facts, asOf);
  const attention = needsAttention(facts, asOf);
  const trend = weeklyTrend(facts, week);
  const trendMax = Math.max(1, ...trend.flatMap((row) => [row.inPersonContacts, row.inWork]));
  const codes = (list: string[]) => (list.length === 0 ? t("digest.none") : list.join(", "));

  const blocks: Block[] = [
    { type: "heading", text: t("digest.title", { clinic: clinic.name, week: formatIsoWeek(week) }) },
    { type: "context", text: t("digest.period", { monday: week.monday, sunday: week.sunday, asOf }) },
    { type: "heading", text: t("digest.specialistsTitle") },
    specialists.length === 0
      ? { type: "text", text: t("digest.noSpecialists") }
      : {
          type: "table",
          columns: [t("digest.column.specialist"), t("digest.column.caseload", { ceiling: CASELOAD_CEILING }), t("digest.column.paused"), t("digest.column.inPerson", { target: WEEKLY_IN_PERSON_TARGET }), t("digest.column.otherContacts")],
          rows: specialists.map((row) => [row.displayName, String(row.active), String(row.paused), String(row.inPersonContacts), String(row.otherContacts)]),
        },
    { type: "heading", text: t("digest.outcomesTitle") },
    { type: "text", text: t("digest.outcomes", { ...outcomes }) },
    { type: "text", text: t("digest.jobStarts", { starts: jobs.starts, ends: jobs.ends }) },
    {
      type: "text",
      text: t("digest.employmentRate", { quarter: formatQuarter(quarter), rate: percent(thisQuarter, t), previousQuarter: formatQuarter(before), previousRate: percent(lastQuarter, t) }),
    },
    { type: "context", text: t("digest.rateDefinition.ips-employment-center") },
    {
      type: "text",
      text: rapid.n === 0 ? t("digest.rapidSearchNoData") : t("digest.rapidSearch", { mean: roundTo(rapid.mean!, 1), median: rapid.median!, n: rapid.n }),
    },
    { type: "heading", text: t("digest.attentionTitle") },
    { type: "text", text: t("digest.waitingForFirstContact", { codes: codes(attention.waitingForFirstContact) }) },
    { type: "text", text: t("digest.noRecentContact", { codes: codes(attention.noRecentContact) }) },
    { type: "text", text: t("digest.overCeiling", { names: codes(attention.overCeiling) }) },
    { type: "text", text: t("digest.openFlags", { date: meetingDay, codes: codes(facts.openFlags.map((flag) => flag.participantCode)) }) },
    { type: "heading", text: t("digest.trendTitle") },
    {
      type: "table",
      columns: [t("digest.column.week"), t("digest.column.inPersonTrend"), "", t("digest.column.inWorkTrend"), ""],
      rows: trend.map((row) => [t("digest.weekLabel", { week: String(row.week.week).padStart(2, "0") }), bar(row.inPersonContacts, trendMax), String(row.inPersonContacts), bar(row.inWork, trendMax), String(row.inWork)]),
    },
  ];
  return { kind: "message", visibility: "channel", blocks };
}
