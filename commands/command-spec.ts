import type { Permission } from "./authorize.ts";
import type { CommandContext } from "./context.ts";
import type { Token } from "./parse/tokenize.ts";
import type { FormOutcome, Reply } from "./reply.ts";

/** One `/ips …` subcommand. Its help line and usage come from prompts under `command.<key>.*`. */
export interface CommandSpec {
  /** The words that select it, e.g. ["participant", "add"]. */
  path: readonly string[];
  /** Message-key stem: command.<key>.purpose / .usage / .example */
  key: string;
  /** Who may run it; everyone on the treatment team ("member") unless said. */
  permission?: Permission;
  run(ctx: CommandContext, args: readonly Token[]): Promise<Reply>;
}

/** A button click; `value` comes from the client and is untrusted. A click may open a form. */
export interface ActionSpec {
  actionId: string;
  /** Who may click it; everyone on the treatment team ("member") unless said. */
  permission?: Permission;
  run(ctx: CommandContext, value: string): Promise<Reply>;
}

/** A form submission; `values` come from the client and are untrusted. */
export interface FormSpec {
  formId: string;
  /** Who may submit it; everyone on the treatment team ("member") unless said. */
  permission?: Permission;
  submit(
    ctx: CommandContext,
    values: Readonly<Record<string, string | undefined>>,
    requestKey: string,
    hidden: Readonly<Record<string, string>>,
  ): Promise<FormOutcome>;
}
