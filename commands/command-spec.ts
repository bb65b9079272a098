import type { ClinicPermission, WorkspacePermission } from "./authorize.ts";
import type { CommandContext, RequestContext } from "./context.ts";
import type { Token } from "./parse/tokenize.ts";
import type { Form, MessageReply, Reply } from "./reply.ts";

/**
 * A use case's permission decides what it runs with: a clinic permission runs on the clinic the
 * dispatcher chose (CommandContext), a workspace-wide one on the request as it came
 * (RequestContext), before any clinic is chosen.
 */
type Scoped<Clinic, Workspace> = ({ permission: ClinicPermission } & Clinic) | ({ permission: WorkspacePermission } & Workspace);

interface CommandSpecBase {
  /** The words that select it, e.g. ["participant", "add"]. */
  path: readonly string[];
  /** Message-key stem: command.<key>.purpose / .usage / .example */
  key: string;
  /**
   * Posts to a platform while it runs and keeps its own exactly-once claim (the digest's), so it
   * is not run inside a delivery-key transaction, which must not wait on the network.
   */
  sendsOutside?: true;
  /**
   * Its answer carries a participant's own data (an export): it is not run under a delivery key,
   * whose stored first answer would keep a copy of that data outside the participant's rows.
   */
  answerHoldsPersonalData?: true;
}

/** One `/ips …` subcommand. Its help line and usage come from prompts under `command.<key>.*`; who may run it is required, so a new command cannot forget it. */
export type CommandSpec = CommandSpecBase &
  Scoped<{ run(ctx: CommandContext, args: readonly Token[]): Promise<Reply> }, { run(ctx: RequestContext, args: readonly Token[]): Promise<Reply> }>;

/** A button click; `value` comes from the client and is untrusted. A click may open a form. */
export interface ActionSpec {
  actionId: string;
  /** Who may click it (commands/authorize.ts); a button always belongs to a clinic. */
  permission: ClinicPermission;
  /** As CommandSpec.sendsOutside: posts while it runs, so it is not run inside a delivery transaction. */
  sendsOutside?: true;
  /**
   * The same button on the same message always means the same (a flag's Discussed: once closed,
   * closed). A double click is then one delivery and both clicks get the first answer. Not for
   * buttons a person may press again on purpose (a review's answers, after going Back).
   */
  sameClickSameAnswer?: true;
  /** As CommandSpec.answerHoldsPersonalData: its answer is not kept as a delivery's stored answer. */
  answerHoldsPersonalData?: true;
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
interface FormSteps<Context, Input> {
  /** The form as it opens; a Teams card is read back and redrawn from this, not from what the card sent. */
  open(ctx: Context, hidden: HiddenValues): Promise<Form>;
  /** Checks every field and reads what acting needs; writes nothing. */
  validate(ctx: Context, values: FormValues, hidden: HiddenValues): Promise<Input>;
  /** Acts on the checked input; `requestKey` identifies the submission. */
  act(ctx: Context, input: Input, requestKey: string): Promise<MessageReply>;
}

export type FormSpec<Input = unknown> = {
  formId: string;
  /** As ActionSpec.clinicOf, from the form's hidden values. */
  clinicOf?(store: CommandContext["store"], hidden: HiddenValues): Promise<number | null>;
} & Scoped<FormSteps<CommandContext, Input>, FormSteps<RequestContext, Input>>;

/** Registers a form with its input type checked, kept in one list with forms of other inputs. */
export function defineForm<Input>(spec: FormSpec<Input>): FormSpec {
  return spec as unknown as FormSpec;
}
