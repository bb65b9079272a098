// The weekly digest as a platform-neutral channel message: aggregates and participant codes
// only — no names of participants, no notes, no free text about them.
import type { Translate } from "../../prompts/catalogue.ts";
import type { ClinicFacts, ClinicRecord } from "../../storage/store.ts";
import type { Block, MessageReply } from "../reply.ts";
import { CASELOAD_CEILING } from "../rules/caseload.ts";
import { WEEKLY_IN_PERSON_TARGET } from "../rules/employer-contacts.ts";
import { formatIsoWeek, type IsoWeek } from "../rules/iso-week.ts";
import { formatQuarter, previousQuarter, quarterOf, type Quarter } from "../rules/quarter.ts";
import {
  DEFAULT_RATE_DEFINITION,
  employmentCenterBand,
  IPS_GROW_RATE_BENCHMARK_PERCENT,
  IPS_GROW_SUSTAINMENT_BENCHMARK_PERCENT,
  isRateDefinition,
  type RateDefinition,
  type Share,
} from "../rules/employment-rate.ts";
import { roundTo } from "../fidelity/suggestions/evidence.ts";
import { employmentRate, jobStartsAndEnds, needsAttention, outcomesOn, rapidJobSearch, specialistWeeks, sustainment, weeklyTrend } from "./figures.ts";

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

/** The rate with its benchmark: the IPS Employment Center's bands, or IPS Grow's 40%. */
function percent(rate: Share, definition: RateDefinition, t: Translate): string {
  if (rate.percent === null) return t("digest.noData");
  const band =
    definition === "ips-grow"
      ? t(rate.percent >= IPS_GROW_RATE_BENCHMARK_PERCENT ? "digest.growBenchmark.reached" : "digest.growBenchmark.below", { benchmark: IPS_GROW_RATE_BENCHMARK_PERCENT })
      : t(`digest.band.${employmentCenterBand(rate.percent)}`);
  return t("digest.rateValue", { percent: rate.percent, employed: rate.numerator, active: rate.denominator, band });
}

/** IPS Grow's second figure: first job starts still in work 13 weeks on. */
function sustainmentLine(facts: ClinicFacts, quarter: Quarter, asOf: string, t: Translate): Block {
  const share = sustainment(facts, quarter.first, asOf);
  const params = { quarter: formatQuarter(quarter), benchmark: IPS_GROW_SUSTAINMENT_BENCHMARK_PERCENT };
  return {
    type: "text",
    text: share.percent === null ? t("digest.sustainmentNoData", params) : t("digest.sustainment", { ...params, percent: share.percent, sustained: share.numerator, judged: share.denominator }),
  };
}

export function renderDigest({ clinic, facts, week, asOf, meetingDay, t }: DigestRequest): MessageReply {
  const specialists = specialistWeeks(facts, week);
  const outcomes = outcomesOn(facts, asOf);
  const jobs = jobStartsAndEnds(facts, week);
  const quarter = quarterOf(asOf);
  const before = previousQuarter(quarter);
  const definition: RateDefinition = isRateDefinition(clinic.rateDefinition) ? clinic.rateDefinition : DEFAULT_RATE_DEFINITION;
  const thisQuarter = employmentRate(facts, quarter.first, asOf, definition);
  const lastQuarter = employmentRate(facts, before.first, before.last, definition);
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
      text: t("digest.employmentRate", {
        quarter: formatQuarter(quarter),
        rate: percent(thisQuarter, definition, t),
        previousQuarter: formatQuarter(before),
        previousRate: percent(lastQuarter, definition, t),
      }),
    },
    ...(definition === "ips-grow" ? [sustainmentLine(facts, quarter, asOf, t)] : []),
    { type: "context", text: t(`digest.rateDefinition.${definition}`) },
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
      rows: trend.map((row) => [t("digest.weekLabel", { week: row.week.week }), bar(row.inPersonContacts, trendMax), String(row.inPersonContacts), bar(row.inWork, trendMax), String(row.inWork)]),
    },
  ];
  return { kind: "message", visibility: "channel", blocks };
}
