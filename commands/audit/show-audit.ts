// `/ips admin audit [P-017|@person] [since:YYYY-MM-DD]`: who changed what in the clinic, and when,
// newest first, 20 events a page with a More button. Events carry structured fields
// only, so the listing shows no note, reason or other free text.
import { z } from "zod";
import type { AuditEntry } from "../../storage/store.ts";
import type { ActionSpec, CommandSpec } from "../command-spec.ts";
import type { CommandContext } from "../context.ts";
import { code } from "../neutral-text.ts";
import { refuseLeftovers, splitArguments } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { calendarDayIn, isCalendarDay } from "../rules/calendar-day.ts";
import { instantOf } from "../rules/zoned-time.ts";
import { participantNamed } from "../participants/lookup.ts";
import { mentionedMember, takeMention } from "../members/mentioned-person.ts";

export const AUDIT_MORE_ACTION_ID = "audit.more";
const PAGE_SIZE = 20;

/** What a page shows; a More button carries it (with the last event shown) to the next page. */
interface AuditFilter {
  participantId?: number;
  actorMemberId?: number;
  since?: string;
}

async function parseFilter(ctx: CommandContext, args: readonly Token[]): Promise<{ filter: AuditFilter; label: string }> {
  const { options, words } = splitArguments(args, ["since"]);
  const filter: AuditFilter = {};
  const labels: string[] = [];
  const since = options.get("since");
  if (since !== undefined) {
    if (!isCalendarDay(since)) refuse("error.dateInvalid", { input: since, example: calendarDayIn(ctx.clock.now(), ctx.clinic.timeZone) });
    filter.since = since;
    labels.push(ctx.t("audit.filter.since", { date: since }));
  }
  if (words[0]?.text.startsWith("@")) {
    const { mention, rest } = takeMention(ctx, words);
    refuseLeftovers(rest);
    // Someone ipsbot has never met has changed nothing: the page is empty.
    filter.actorMemberId = (await mentionedMember(ctx, mention, false))?.id ?? 0;
    labels.push(ctx.t("audit.filter.person", { person: mention.displayName }));
  } else if (words[0]) {
    refuseLeftovers(words.slice(1));
    const participant = await participantNamed(ctx, words[0].text);
    filter.participantId = participant.id;
    labels.push(ctx.t("audit.filter.participant", { code: code(participant.code) }));
  }
  return { filter, label: labels.join(", ") };
}

const scalar = (value: unknown) => (value === null || value === undefined ? "–" : String(value));

/** The structured fields of an event, one line: `status: job-search → working, effectiveOn: 2026-11-18`. */
function changes(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => (value !== null && typeof value === "object" && "from" in value && "to" in value ? `${key}: ${scalar(value.from)} → ${scalar(value.to)}` : `${key}: ${scalar(value)}`))
    .join(", ");
}

function row(ctx: CommandContext, entry: AuditEntry): string[] {
  const local = entry.occurredAt.toLocaleString("sv-SE", { timeZone: ctx.clinic.timeZone, hour12: false }).slice(0, 16);
  return [
    local,
    entry.actorName ?? ctx.t("audit.system"),
    entry.action,
    entry.participantCode ?? `${entry.entityType} ${entry.entityId}`,
    changes(entry.details),
  ];
}

async function auditPage(ctx: CommandContext, filter: AuditFilter, label: string, beforeId?: number): Promise<MessageReply> {
  const since = filter.since ? instantOf(filter.since, "00:00", ctx.clinic.timeZone) : undefined;
  const entries = await ctx.store.auditLog.list({ clinicId: ctx.clinic.id, participantId: filter.participantId, actorMemberId: filter.actorMemberId, since, beforeId, limit: PAGE_SIZE + 1 });
  const page = entries.slice(0, PAGE_SIZE);
  const blocks: Block[] = [{ type: "heading", text: ctx.t("audit.title", { clinic: ctx.clinic.name }) }];
  if (label) blocks.push({ type: "context", text: label });
  if (page.length === 0) return ephemeral(...blocks, { type: "text", text: ctx.t(beforeId === undefined ? "audit.none" : "audit.noMore") });
  const columns = ["when", "who", "action", "subject", "changes"].map((column) => ctx.t(`audit.column.${column}`));
  blocks.push({ type: "table", columns, rows: page.map((entry) => row(ctx, entry)) });
  if (entries.length > PAGE_SIZE) {
    const value = moreValue(ctx.clinic.id, page.at(-1)!.id, filter);
    blocks.push({ type: "actions", buttons: [{ actionId: AUDIT_MORE_ACTION_ID, label: ctx.t("audit.more"), value }] });
  }
  return ephemeral(...blocks);
}

/** "clinic:before:participant:member:since", each part empty when not filtered. */
function moreValue(clinicId: number, beforeId: number, filter: AuditFilter): string {
  return [clinicId, beforeId, filter.participantId ?? "", filter.actorMemberId ?? "", filter.since ?? ""].join(":");
}

const moreSchema = z
  .string()
  .regex(/^\d{1,10}:\d{1,10}:\d{0,10}:\d{0,10}:(\d{4}-\d{2}-\d{2})?$/)
  .transform((value) => {
    const [clinicId, beforeId, participantId, actorMemberId, since] = value.split(":");
    const number = (part: string | undefined) => (part ? Number(part) : undefined);
    return { clinicId: Number(clinicId), beforeId: Number(beforeId), filter: { participantId: number(participantId), actorMemberId: number(actorMemberId), since: since || undefined } };
  });

export const showAuditCommand: CommandSpec = {
  path: ["admin", "audit"],
  key: "admin-audit",
  permission: "audit",
  async run(ctx, args) {
    const { filter, label } = await parseFilter(ctx, args);
    return auditPage(ctx, filter, label);
  },
};

/** The next page; the button's value is untrusted: its clinic must be the one acted on, and the filters are only ids and a day. */
export const moreAuditAction: ActionSpec = {
  actionId: AUDIT_MORE_ACTION_ID,
  permission: "audit",
  clinicOf: async (_store, value) => moreSchema.safeParse(value).data?.clinicId ?? null,
  async run(ctx, value) {
    const parsed = moreSchema.safeParse(value);
    if (!parsed.success || parsed.data.clinicId !== ctx.clinic.id) return refuse("audit.pageGone");
    const { filter, beforeId } = parsed.data;
    const label = filter.since ? ctx.t("audit.filter.since", { date: filter.since }) : "";
    // The next page takes the place of the one whose More was pressed.
    return { ...(await auditPage(ctx, filter, label, beforeId)), replaceOriginal: true };
  },
};
