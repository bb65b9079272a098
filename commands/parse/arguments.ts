// Small helpers the inline commands share to split their words before zod validates them.
import type { CommandContext } from "../context.ts";
import type { Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { takeOptions } from "./options.ts";
import type { Token } from "./tokenize.ts";

/** Options by key, and the remaining words; refuses an option given twice. */
export function splitArguments(args: readonly Token[], optionKeys: readonly string[]) {
  const result = takeOptions(args, optionKeys);
  if (!result.ok) return refuse("error.optionRepeated", { key: result.key });
  return { options: result.options, words: result.rest };
}

/** Refuses words a command does not take, quoting them back. */
export function refuseLeftovers(words: readonly Token[]): void {
  if (words.length > 0) refuse("error.unexpectedWords", { words: words.map((word) => word.text).join(" ") });
}

/** The participant code a command needs as its first word. */
export function firstWordAsCode(words: readonly Token[]): string {
  const first = words[0];
  return first ? first.text : refuse("error.participantCodeMissing");
}

/** The run of a command that takes no words after its name: extra words are refused, then `use` runs. */
export function takingNoArguments(use: (ctx: CommandContext) => Promise<Reply>) {
  return async (ctx: CommandContext, args: readonly Token[]): Promise<Reply> => {
    refuseLeftovers(args);
    return use(ctx);
  };
}
