// `ips language`: which language ipsbot answers this person in, and `ips language sv|nb|en|auto` to
// choose it. A choice is the person's own, in every clinic; `auto` goes back to their Slack or Teams
// language when that is Swedish or Norwegian, else their clinic's. Posts in a clinic channel stay in the
// clinic's language, which the clinic's settings choose.
import { z } from "zod";
import type { CommandSpec } from "../command-spec.ts";
import { withMember, type RequestContext } from "../context.ts";
import { code } from "../neutral-text.ts";
import { refuseLeftovers } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { chosenPlatformLocale, LOCALES, type Locale } from "../../prompts/locales.ts";

const AUTOMATIC = "auto";
const CHOICES = [...LOCALES, AUTOMATIC] as const;
const choiceSchema = z.enum(CHOICES);

/** Where the person's language comes from now. */
function languageSource(ctx: RequestContext): "chosen" | "platform" | "clinic" {
  if (ctx.member.locale) return "chosen";
  return chosenPlatformLocale(ctx.platformLocale) ? "platform" : "clinic";
}

function describe(ctx: RequestContext): MessageReply {
  const source = languageSource(ctx);
  return ephemeral(
    { type: "text", text: ctx.t(`language.current.${source}`, { language: ctx.t(`language.name.${ctx.locale}`) }) },
    { type: "context", text: ctx.t("language.howToChoose", { choices: CHOICES.map((choice) => code(choice)).join(", ") }) },
  );
}

async function chooseLanguage(ctx: RequestContext, words: readonly Token[]): Promise<MessageReply> {
  const [first, ...rest] = words;
  if (!first) return describe(ctx);
  refuseLeftovers(rest);
  const parsed = choiceSchema.safeParse(first.text.toLowerCase());
  if (!parsed.success) return refuse("error.languageUnknown", { input: first.text, choices: CHOICES.join(", ") });
  const chosen: Locale | null = parsed.data === AUTOMATIC ? null : parsed.data;
  const member = chosen === ctx.member.locale ? ctx.member : await ctx.store.members.chooseLocale(ctx.member, chosen, ctx.clock.now());
  // The answer already speaks the language just chosen.
  const now = withMember(ctx, member);
  return ephemeral({ type: "text", tone: "success", text: now.t(chosen ? "language.chosen" : "language.automatic", { language: now.t(`language.name.${now.locale}`) }) }, { type: "context", text: now.t("language.channelsStay") });
}

export const chooseLanguageCommand: CommandSpec = {
  path: ["language"],
  key: "language",
  permission: "anyone",
  run: (ctx, args) => chooseLanguage(ctx, args),
};
