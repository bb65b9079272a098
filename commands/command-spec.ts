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
  /** Who may run it (commands/authorize.ts); required, so a new command cannot forget it. */
  permission: Permission;
  /**
   * Posts to a platform while it runs and keeps its own exactly-once claim (the digest's), so it
   * is not run inside a delivery-key transaction, which must not wait on the network.
   */
  sendsOutside?: true;
  run(ctx: CommandContext, args: readonly Token[]): Promise<Reply>;
}

/** A button click; `value` comes from the client and is untrusted. A click may open a form. */
export interface ActionSpec {
  actionId: string;
  /** Who may click it (commands/authorize.ts). */
  permission: Permission;
  /** As CommandSpec.sendsOutside: posts while it runs, so it is not run inside a delivery transaction. */
  sendsOutside?: true;
  /**
   * The same button on the same message always means the same (a flag's Discussed: once closed,
   * closed). A double click is then one delivery and both clicks get the first answer. Not for
   * buttons a person may press again on purpose (a review's answers, after going Back).
   */
  sameClickSameAnswer?: true;
  run(ctx: CommandContext, value: string): Promise<Reply>;
  /**
   * The clinic a button belongs to, read from its value (a review id, say), so a click in a direct
   * message by a member of several clinics needs no "which clinic?". Only clinics the member
   * belongs to are taken.
   */
  clinicOf?(store: CommandContext["store"], value: string): Promise<number | null>;
}

/** A form submission; `values` come from the client and are untrusted. */
export interface FormSpec {
  formId: string;
  /** Who may submit it (commands/authorize.ts). */
  permission: Permission;
  submit(
    ctx: CommandContext,
    values: Readonly<Record<string, string | undefined>>,
    requestKey: string,
    hidden: Readonly<Record<string, string>>,
  ): Promise<FormOutcome>;
  /** As ActionSpec.clinicOf, from the form's hidden values. */
  clinicOf?(store: CommandContext["store"], hidden: Readonly<Record<string, string>>): Promise<number | null>;
}
