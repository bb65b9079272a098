// `/ips fidelity export`: every item of every review of the clinic (completed, open and
// abandoned) as one CSV row each, sent as a file to the caller's direct messages. Column names
// are stable identifiers for spreadsheets and scripts, the same in every language.
import { clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import type { MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { answerFor } from "./conversation.ts";
import { csvSeparatorFor, toCsv } from "./csv.ts";
import { reviewDay } from "./summary.ts";

export const EXPORT_COLUMNS = [
  "review_id",
  "review_status",
  "review_date",
  "period_from",
  "period_to",
  "item_number",
  "section",
  "item_key",
  "score",
  "skipped",
  "suggested_score",
  "note",
] as const;

export async function exportReviews(ctx: CommandContext): Promise<MessageReply> {
  const reviews = (await ctx.store.fidelityReviews.list(ctx.clinic.id, ["completed", "open", "abandoned"])).reverse();
  if (reviews.length === 0) return refuse("fidelity.export.empty", { clinic: ctx.clinic.name });
  const rows = reviews.flatMap((review) =>
    ctx.fidelityItems.items.map((item) => {
      const answer = answerFor(review, item.key);
      return [
        review.id,
        review.status,
        reviewDay(ctx, review),
        review.periodFrom,
        review.periodTo,
        item.number,
        item.section,
        item.key,
        answer?.score ?? null,
        answer?.skipped ? "yes" : "",
        answer?.suggestedScore ?? null,
        answer?.note ?? null,
      ];
    }),
  );
  const today = clinicToday(ctx);
  const name = `ipsbot-fidelity-${slug(ctx.clinic.name)}-${today}.csv`;
  return {
    kind: "message",
    visibility: "ephemeral",
    blocks: [{ type: "text", tone: "success", text: ctx.t("fidelity.export.sent", { reviews: reviews.length, rows: rows.length, file: name }) }],
    direct: {
      blocks: [{ type: "text", text: ctx.t("fidelity.export.message", { clinic: ctx.clinic.name, date: today }) }],
      file: { name, title: ctx.t("fidelity.export.title", { clinic: ctx.clinic.name }), mediaType: "text/csv", content: toCsv(EXPORT_COLUMNS, rows, csvSeparatorFor(ctx.locale)) },
    },
  };
}

function slug(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "clinic";
}

export const exportReviewsCommand: CommandSpec = {
  path: ["fidelity", "export"],
  permission: "supervise",
  key: "fidelityExport",
  run: takingNoArguments(exportReviews),
};
