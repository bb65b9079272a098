import type { Permission } from "./authorize.ts";
import type { CommandContext } from "./context.ts";
import type { Token } from "./parse/tokenize.ts";
import type { Form, MessageReply, Reply } from "./reply.ts";

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

export type FormValues = Readonly<Record<string, string | undefined>>;
export type HiddenValues = Readonly<Record<string, string>>;

/**
 * A form: how it opens, how a submission is checked and what it does. `values` and `hidden` come
 * from the client and are untrusted. The dispatcher runs validate and then act in one delivery
 * transaction, so a submission is checked whole before anything is written, and any refusal that
 * names fields (commands/refusal.ts) goes back into the form with nothing stored.
 */
export interface FormSpec<Input = unknown> {
  formId: string;
  /** Who may submit it (commands/authorize.ts). */
  permission: Permission;
  /** The form as it opens; a Teams card is read back and redrawn from this, not from what the card sent. */
  open(ctx: CommandContext, hidden: HiddenValues): Promise<Form>;
  /** Checks every field and reads what acting needs; writes nothing. */
  validate(ctx: CommandContext, values: FormValues, hidden: HiddenValues): Promise<Input>;
  /** Acts on the checked input; `requestKey` identifies the submission. */
  act(ctx: CommandContext, input: Input, requestKey: string): Promise<MessageReply>;
  /** As ActionSpec.clinicOf, from the form's hidden values. */
  clinicOf?(store: CommandContext["store"], hidden: HiddenValues): Promise<number | null>;
}

/** Registers a form with its input type checked, kept in one list with forms of other inputs. */
export function defineForm<Input>(spec: FormSpec<Input>): FormSpec {
  return spec as unknown as FormSpec;
}
