// Entry points the platform adapters call: typed text, button clicks and form submissions.
// Each resolves the use case from the registry, authorises it, and maps refusals and
// unexpected errors to replies, so adapters only translate.
import { randomUUID } from "node:crypto";
import type { CommandSpec, FormSpec, FormValues, HiddenValues } from "./command-spec.ts";
import { authorize, authorizeRequest, isWorkspacePermission, type ClinicPermission, type Permission } from "./authorize.ts";
import { chooseClinic, rememberDisplayName, withClinic, withStore, type CommandContext, type RequestContext } from "./context.ts";
import { takeOptions } from "./parse/options.ts";
import { tokenize, type Token } from "./parse/tokenize.ts";
import { commandReference } from "./neutral-text.ts";
import { actionRegistry, commandName, commandRegistry, formRegistry, helpReply } from "./registry.ts";
import type { RequestOutcome } from "./ports.ts";
import { ephemeral, errorReply, type Form, type FormOutcome, type FormReply, type MessageReply, type Reply } from "./reply.ts";
import { fieldErrorsOf, NotMemberRefusal, Refusal, refuse } from "./refusal.ts";
import { closestMatch } from "./rules/closest-match.ts";
import { myWeek } from "./participants/my-week.ts";

/**
 * Runs typed text. With a delivery key (the platform's id of this delivery), a command that
 * changes data does so once: a redelivery gets the first answer back (storage/deliveries.ts).
 */
export async function runCommandText(request: RequestContext, text: string, deliveryKey?: string): Promise<Reply> {
  let spec: CommandSpec | undefined;
  const measured: Measured = { kind: "command", name: () => spec?.key ?? "unknown", repeat: false };
  return guard(request, () => spec, measured, async () => {
    await authorizeRequest(request, "anyone"); // a stranger hears who can add them, whatever they typed
    const tokenized = tokenize(text);
    if (!tokenized.ok) throw new Refusal("error.unclosedQuote");
    const { options, rest: tokens } = splitClinicOption(tokenized.tokens);
    if (tokens.length === 0) return helpReply(request);
    spec = findCommand(tokens);
    if (!spec) return unknownCommand(tokens);
    const named = options.has("clinic") ? namedClinic(request, options.get("clinic") ?? "") : request;
    const acting = await allowed(named, spec.permission);
    await rememberDisplayName(acting);
    // The permission decided which context the spec takes (command-spec.ts): a chosen clinic's or the request's.
    const run = spec.run as (ctx: RequestContext, args: readonly Token[]) => Promise<Reply>;
    const args = tokens.slice(spec.path.length);
    const work = (context: RequestContext) => run(context, args);
    return deliveryKey && !spec.sendsOutside && !spec.answerHoldsPersonalData ? once(acting, deliveryKey, work, repeatedReply(acting), measured) : work(acting);
  });
}

/** The Home tab (the member's own week): allowed like the caseload, refused like any command. */
export async function runHomeTab(request: RequestContext): Promise<MessageReply> {
  return guard(request, () => undefined, { kind: "home", name: () => "home", repeat: false }, async () => myWeek(await allowedInClinic(request, "caseload")));
}

/** A button click; with a delivery key, a click that changes data does so once (as runCommandText). */
export async function runAction(request: RequestContext, actionId: string, value: string, deliveryKey?: string): Promise<Reply> {
  const action = actionRegistry.find((candidate) => candidate.actionId === actionId);
  const measured: Measured = { kind: "action", name: () => (action ? actionId : "unknown"), repeat: false };
  return guard(request, () => undefined, measured, async () => {
    if (!action) throw new Error(`no action ${actionId}`);
    await authorizeRequest(request, "anyone");
    const acting = await allowedInClinic(await clinicFromPayload(request, () => action.clinicOf?.(request.store, value)), action.permission);
    await rememberDisplayName(acting);
    const run = (context: CommandContext) => action.run(context, value);
    return deliveryKey && !action.sendsOutside && !action.answerHoldsPersonalData ? once(acting, deliveryKey, run, repeatedReply(acting), measured) : run(acting);
  });
}

/**
 * The context a use case runs with, once allowed: the request itself for a workspace-wide
 * permission; else the clinic, chosen explicitly, whose refusal ("which clinic?") is the answer.
 */
async function allowed(request: RequestContext, permission: Permission): Promise<RequestContext> {
  if (isWorkspacePermission(permission)) {
    await authorizeRequest(request, permission);
    return request;
  }
  return allowedInClinic(request, permission);
}

async function allowedInClinic(request: RequestContext, permission: ClinicPermission): Promise<CommandContext> {
  const choice = chooseClinic(request);
  if (!choice.ok) throw choice.refusal;
  await authorize(choice.ctx, permission);
  return choice.ctx;
}

/**
 * A form submission: checked whole, then acted on, in one transaction under the submission's key
 * (Slack's view id, a Teams card's submission id), so a double submit acts once and a refusal
 * leaves nothing stored. Refusals that name fields go back into the form; others are answers.
 */
export async function submitForm(ctx: RequestContext, formId: string, values: FormValues, requestKey: string, hidden: HiddenValues = {}): Promise<FormOutcome> {
  const started = performance.now();
  const measured: Measured = { kind: "form", name: () => (isKnownForm(formId) ? formId : "unknown"), repeat: false };
  let outcome: RequestOutcome = "ok";
  let voice = ctx;
  try {
    const form = formSpec(formId);
    const acting = await formContext(ctx, form, hidden);
    voice = acting;
    await rememberDisplayName(acting);
    // The permission decided which context the form's steps take (command-spec.ts).
    const steps = form as unknown as { validate(ctx: RequestContext, values: FormValues, hidden: HiddenValues): Promise<unknown>; act(ctx: RequestContext, input: unknown, requestKey: string): Promise<MessageReply> };
    const submit = async (context: RequestContext): Promise<FormOutcome> => {
      const input = await steps.validate(context, values, hidden);
      return { kind: "done", reply: await steps.act(context, input, requestKey) };
    };
    return await once<FormOutcome, RequestContext>(acting, `form:${requestKey}`, submit, { kind: "done", reply: repeatedReply(acting) }, measured);
  } catch (error) {
    outcome = error instanceof Refusal ? "refused" : "error";
    if (!(error instanceof Refusal)) return { kind: "done", reply: apologise(voice, error) };
    const errors = fieldErrorsOf(voice.t, error);
    return Object.keys(errors).length > 0 ? { kind: "fieldErrors", errors } : { kind: "done", reply: refusalReply(voice, error) };
  } finally {
    record(ctx, measured, measured.repeat ? "repeat" : outcome, started);
  }
}

/** The form as it opens, for a platform that redraws a submitted form (Teams cards); or why it cannot open. */
export async function reopenForm(ctx: RequestContext, formId: string, hidden: HiddenValues): Promise<FormReply | MessageReply> {
  const measured: Measured = { kind: "form", name: () => (isKnownForm(formId) ? `${formId}:open` : "unknown"), repeat: false };
  return guard(ctx, () => undefined, measured, async () => {
    const form = formSpec(formId);
    const open = form.open as (ctx: RequestContext, hidden: HiddenValues) => Promise<Form>;
    return { kind: "form", form: await open(await formContext(ctx, form, hidden), hidden) } as const;
  });
}

const isKnownForm = (formId: string) => formRegistry.some((candidate) => candidate.formId === formId);

function formSpec(formId: string): FormSpec {
  const form = formRegistry.find((candidate) => candidate.formId === formId);
  if (!form) throw new Error(`no form ${formId}`);
  return form;
}

/** The member acting on the form's clinic (or the request, for a workspace-wide form), allowed to use it. */
async function formContext(ctx: RequestContext, form: FormSpec, hidden: HiddenValues): Promise<RequestContext> {
  await authorizeRequest(ctx, "anyone");
  return allowed(await clinicFromPayload(ctx, () => form.clinicOf?.(ctx.store, hidden)), form.permission);
}

/** `clinic:"Name"` may follow any command, for members of several clinics. */
function splitClinicOption(tokens: readonly Token[]) {
  const result = takeOptions(tokens, ["clinic"]);
  if (!result.ok) throw new Refusal("error.optionRepeated", { key: result.key });
  return result;
}

/** `clinic:"Name"`: one of the member's clinics, by name. */
function namedClinic(ctx: RequestContext, name: string): CommandContext {
  const wanted = name.trim().toLocaleLowerCase("sv");
  const clinic = ctx.memberClinics.find((candidate) => candidate.name.toLocaleLowerCase("sv") === wanted);
  if (!clinic) throw new Refusal("error.clinicUnknown", { name, clinics: ctx.memberClinics.map((candidate) => candidate.name).join(", ") });
  return withClinic(ctx, clinic);
}

/** When the request left the clinic open, a button or form may name it (only one of the member's own). */
async function clinicFromPayload(ctx: RequestContext, clinicOf: () => Promise<number | null> | undefined): Promise<RequestContext> {
  if (ctx.clinic) return ctx;
  const clinicId = await clinicOf();
  const clinic = ctx.memberClinics.find((candidate) => candidate.id === clinicId);
  return clinic ? withClinic(ctx, clinic) : ctx;
}

function findCommand(tokens: readonly Token[]): CommandSpec | undefined {
  const words = tokens.map((token) => token.text.toLowerCase());
  return [...commandRegistry]
    .sort((a, b) => b.path.length - a.path.length)
    .find((spec) => spec.path.every((word, index) => words[index] === word) && !tokens.slice(0, spec.path.length).some((token) => token.quoted));
}

/** Refuses with a suggestion; a refusal, so that what was typed is never echoed with an identity number in it. */
function unknownCommand(tokens: readonly Token[]): never {
  const names = commandRegistry.map(commandName);
  const typed = (wordCount: number) => tokens.slice(0, wordCount).map((token) => token.text.toLowerCase()).join(" ");
  // Compare like with like: "partcipant ad" against two-word commands, "agnda" against one-word ones.
  const suggestion =
    closestMatch(typed(2), names.filter((name) => name.includes(" "))) ?? closestMatch(typed(1), names.filter((name) => !name.includes(" ")));
  const input = tokens.map((token) => token.text).join(" ");
  // "/ips fidelity" alone: list the commands that start with that word.
  const group = names.filter((name) => name.startsWith(`${typed(1)} `));
  if (tokens.length === 1 && group.length > 0) {
    refuse("error.subcommandMissing", { input, choices: group.map(commandReference).join(", ") });
  }
  return suggestion ? refuse("error.unknownCommand", { input, suggestion }) : refuse("error.unknownCommandNoSuggestion", { input });
}

/** What a request is counted as in the metrics: its kind, its registry name (never what was typed), and whether it was a redelivery. */
interface Measured {
  kind: "command" | "action" | "form" | "home";
  name: () => string;
  repeat: boolean;
}

function record(ctx: RequestContext, measured: Measured, outcome: RequestOutcome, started: number): void {
  ctx.metrics.request({ platform: ctx.platform, kind: measured.kind, name: measured.name(), outcome }, (performance.now() - started) / 1000);
}

async function guard<T extends Reply>(ctx: RequestContext, currentSpec: () => CommandSpec | undefined, measured: Measured, work: () => Promise<T>): Promise<T | MessageReply> {
  const started = performance.now();
  let outcome: RequestOutcome = "ok";
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) {
      outcome = "refused";
      const spec = currentSpec();
      const usage = spec && !(error instanceof NotMemberRefusal) ? ctx.t("error.usage", { usage: commandReference(ctx.t(`command.${spec.key}.usage`)) }) : undefined;
      return refusalReply(ctx, error, usage);
    }
    outcome = "error";
    return apologise(ctx, error);
  } finally {
    record(ctx, measured, measured.repeat ? "repeat" : outcome, started);
  }
}

/** Runs `work` once per delivery key; a repeat is answered with the first answer (or `ifNoAnswer`). */
async function once<T, Context extends RequestContext>(ctx: Context, deliveryKey: string, work: (ctx: Context) => Promise<T>, ifNoAnswer: T, measured?: Measured): Promise<T> {
  const outcome = await ctx.store.once(deliveryKey, ctx.clock.now(), (store) => work(withStore(ctx, store)));
  if (!outcome.repeat) return outcome.result;
  if (measured) measured.repeat = true;
  ctx.logger.info("repeated delivery answered with the first answer", { deliveryKey });
  return outcome.result ?? ifNoAnswer;
}

const repeatedReply = (ctx: Pick<RequestContext, "t">): MessageReply => ephemeral({ type: "context", text: ctx.t("delivery.repeated") });

/** A refusal as a reply; "not a member" names the people who can add the person. */
export function refusalReply(ctx: Pick<CommandContext, "t">, refusal: Refusal, usage?: string): MessageReply {
  const reply = errorReply(ctx.t(refusal.messageKey, refusal.params), usage);
  if (!(refusal instanceof NotMemberRefusal)) return reply;
  if (refusal.people.length === 0) return { ...reply, blocks: [...reply.blocks, { type: "text", text: ctx.t("error.notMemberAskIt") }] };
  return { ...reply, blocks: [...reply.blocks, { type: "text", text: ctx.t("error.notMemberAskThem") }, { type: "people", people: [...refusal.people] }] };
}

/** Logs an unexpected error under a fresh correlation id and returns the short apology. */
export function apologise(ctx: Pick<CommandContext, "logger" | "t">, error: unknown): MessageReply {
  const correlationId = ctx.logger.requestId?.() ?? randomUUID().slice(0, 8);
  ctx.logger.error("unexpected error", { correlationId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return errorReply(ctx.t("error.unexpected", { correlationId }));
}
