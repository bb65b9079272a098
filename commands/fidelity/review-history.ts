// `/ips fidelity history`: the clinic's completed reviews, newest first, and an item-by-item table
// of the last five, oldest to newest like Bilaga 1 of the Stockholm evaluation.
import type { CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { scoreSheetOf } from "./conversation.ts";
import { scoreReview } from "./scoring.ts";
import { itemName, reviewDay } from "./summary.ts";

export const HISTORY_TABLE_REVIEWS = 5;
/** Item names are cut so the table stays readable on a phone. */
const ITEM_NAME_WIDTH = 32;

export async function showReviewHistory(ctx: CommandContext): Promise<MessageReply> {
  const completed = await ctx.store.fidelityReviews.list(ctx.clinic.id, ["completed"]);
  if (completed.length === 0) return ephemeral({ type: "text", text: ctx.t("fidelity.history.empty", { clinic: ctx.clinic.name }) });
  const { items } = ctx.fidelityItems;
  const scored = completed.map((review) => ({ review, score: scoreReview(items, scoreSheetOf(review)) }));
  const section = (name: "staffing" | "organisation" | "services") => ctx.fidelityItems.sectionName(ctx.locale, name);

  const blocks: Block[] = [
    { type: "heading", text: ctx.t("fidelity.history.title", { clinic: ctx.clinic.name }) },
    {
      type: "table",
      columns: [
        ctx.t("fidelity.history.column.date"),
        ctx.t("fidelity.history.column.total"),
        section("staffing"),
        section("organisation"),
        section("services"),
        ctx.t("fidelity.history.column.band"),
      ],
      rows: scored.map(({ review, score }) => [
        reviewDay(ctx, review),
        `${score.total}/${score.maximum}`,
        ...score.sections.map((part) => `${part.score}/${part.maximum}`),
        score.band ? ctx.t(`fidelity.band.${score.band}`) : "",
      ]),
    },
  ];

  const recent = scored.slice(0, HISTORY_TABLE_REVIEWS).reverse();
  const cell = (value: number | null | undefined) => (value == null ? "-" : String(value));
  blocks.push(
    { type: "text", text: ctx.t("fidelity.history.itemsTitle", { count: recent.length }) },
    {
      type: "table",
      columns: ["#", ctx.t("fidelity.history.column.item"), ...recent.map(({ review }) => reviewDay(ctx, review))],
      rows: [
        ...items.map((item) => [
          String(item.number),
          truncate(itemName(ctx, item.key), ITEM_NAME_WIDTH),
          ...recent.map(({ review }) => cell(review.answers.find((answer) => answer.itemKey === item.key)?.score)),
        ]),
        ...(["staffing", "organisation", "services"] as const).map((name, index) => [
          "",
          section(name),
          ...recent.map(({ score }) => `${score.sections[index]!.score}/${score.sections[index]!.maximum}`),
        ]),
        ["", ctx.t("fidelity.history.totalRow"), ...recent.map(({ score }) => String(score.total))],
      ],
    },
  );
  return ephemeral(...blocks);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export const reviewHistoryCommand: CommandSpec = {
  path: ["fidelity", "history"],
  key: "fidelityHistory",
  permission: "supervise",
  run: takingNoArguments(showReviewHistory),
};
