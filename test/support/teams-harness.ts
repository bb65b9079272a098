// Starts the real bot (real teams-ai Application and botbuilder adapter, real SQLite) with
// Teams on, and an in-test fake Bot Connector as every activity's serviceUrl. Tests POST
// activities to /api/messages as Teams does and read what the bot sent back to the connector.
import { scanningLogger } from "./log-scan.ts";
import { expectAuditWithoutFreeText } from "./audit-scan.ts";
import { systemClock, type Clock, type Logger } from "../../commands/context.ts";
import type { ClinicRole } from "../../storage/store.ts";
import { seedClinicMembers } from "./seed-roles.ts";
import { startBot, type RunningBot, type StartOptions } from "../../bot/start-bot.ts";
import { adaptiveCardProblems } from "./adaptive-card-check.ts";
import { fixedClock } from "./bot-harness.ts";
import { countRows, freshDatabaseFile, readTables } from "./database-copy.ts";
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from "./fake-bot-connector.ts";
import { ADMIN, channelMention, COLLEAGUE, executeInvoke, personalMessage, SPECIALIST, TENANT_ID, type TeamsUser } from "./teams-activities.ts";

export { fixedClock };

/** Fast retries for tests; the policy itself is tested with its own timings. */
export const TEST_RETRY_POLICY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 2_000, random: () => 0.5 };

export interface Exchange {
  status: number;
  /** The HTTP response body (an invoke's answer). */
  body: any;
  /** What the bot sent to the connector while handling the activity. */
  calls: ConnectorCall[];
}

export interface TeamsHarness {
  bot: RunningBot;
  connector: FakeBotConnector;
  databaseFile: string;
  messagesUrl: string;
  /** POSTs an activity to /api/messages (with optional headers) and returns what happened. */
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Exchange>;
  /** Types `text` in the user's personal chat with the bot. */
  say(text: string, user?: TeamsUser): Promise<Exchange>;
  /** Types `@ipsbot text` in the clinic channel. */
  mention(text: string, user?: TeamsUser): Promise<Exchange>;
  /** Clicks an Action.Execute (verb and data as the card carries them) in a personal chat. */
  execute(verb: string, data: Record<string, unknown>, user?: TeamsUser, cardMessageId?: string): Promise<Exchange>;
  /** Runs one scheduler round (with the harness's clock) and returns what it sent to the connector, cards checked. */
  tick(): Promise<ConnectorCall[]>;
  /** Gives a role in a clinic of the tenant (as `ips admin role` does), creating the clinic if new. */
  grant(user: TeamsUser, role: ClinicRole, clinicName?: string): Promise<void>;
  tables(): Record<string, unknown[]>;
  rowCounts(): Record<string, number>;
  stop(): Promise<void>;
}

export async function startTeamsHarness(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    logger?: Logger;
    teams?: StartOptions["teams"];
    /** false: no cron timer; the test drives the scheduler with tick() and its fake clock. */
    schedulerTimer?: boolean;
    /** the benchmark measures the bot alone */ checkCards?: boolean;
    /** Roles in the tenant's clinic "Clinic"; by default SPECIALIST supervises, COLLEAGUE is on the treatment team. ADMIN is the installation admin. */
    roles?: readonly { user: TeamsUser; role: ClinicRole }[];
  } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const databaseFile = freshDatabaseFile();
  // Every log entry is kept and scanned for typed text on stop, unless the suite reads its own.
  const logs = scanningLogger();
  const bot = await startBot({
    // Without credentials the tests speak to the bot as the local Emulator would, which must be asked for.
    env: { PORT: "0", DATABASE_URL: `file:${databaseFile}`, LOG_LEVEL: "error", ...(options.env?.BOT_ID ? {} : { TEAMS_EMULATOR: "true" }), ADMIN_TEAMS_AAD_IDS: ADMIN.aadObjectId, ...options.env },
    clock: options.clock,
    schedulerTimer: options.schedulerTimer,
    logger: options.logger ?? logs,
    teams: { retryPolicy: TEST_RETRY_POLICY, ...options.teams },
  });
  const roles = options.roles ?? [
    { user: SPECIALIST, role: "supervisor" as const },
    { user: COLLEAGUE, role: "team" as const },
  ];
  const seeded = roles.map(({ user, role }) => ({ platformUserId: user.aadObjectId, displayName: user.name, role }));
  await seedClinicMembers(bot.services.store, { platform: "teams", workspaceId: TENANT_ID }, seeded, options.clock ?? systemClock);
  const messagesUrl = `http://127.0.0.1:${bot.port}/api/messages`;

  async function send(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Exchange> {
    const before = connector.calls.length;
    const response = await fetch(messagesUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* plain text body */
    }
    const exchange = { status: response.status, body, calls: connector.calls.slice(before) };
    if (options.checkCards !== false) expectValidCards(exchange);
    return exchange;
  }

  return {
    bot,
    connector,
    databaseFile,
    messagesUrl,
    send,
    say: (text, user = SPECIALIST) => {
      logs.sent(text);
      return send(personalMessage(user, text, connector.serviceUrl));
    },
    mention: (text, user = SPECIALIST) => {
      logs.sent(text);
      return send(channelMention(user, text, connector.serviceUrl));
    },
    execute: (verb, data, user = SPECIALIST, cardMessageId) => send(executeInvoke(user, verb, data, connector.serviceUrl, { cardMessageId })),
    async tick() {
      const before = connector.calls.length;
      await bot.scheduler.tick();
      const calls = connector.calls.slice(before);
      if (options.checkCards !== false) expectValidCards({ body: undefined, calls });
      return calls;
    },
    grant: (user, role, clinicName) =>
      seedClinicMembers(bot.services.store, { platform: "teams", workspaceId: user.tenantId }, [{ platformUserId: user.aadObjectId, displayName: user.name, role }], options.clock ?? systemClock, clinicName),
    tables: () => readTables(databaseFile),
    rowCounts: () => countRows(databaseFile),
    async stop() {
      await bot.stop();
      await connector.close();
      expectAuditWithoutFreeText(databaseFile);
      if (!options.logger) logs.expectWithoutFreeText(databaseFile);
    },
  };
}

/** Every card the bot sends in any Teams test must satisfy the Adaptive Cards SDK and Teams' size limit. */
function expectValidCards(exchange: Pick<Exchange, "body" | "calls">): void {
  const cards = [...exchange.calls.flatMap(cardsOf), ...(invokeCard(exchange) ? [invokeCard(exchange)!] : [])];
  for (const card of cards) {
    const problems = adaptiveCardProblems(card);
    if (problems.length > 0) throw new Error(`the bot sent an invalid Adaptive Card:\n  ${problems.join("\n  ")}`);
  }
}

/** The card an Action.Execute invoke answered with, if it answered with one. */
export function invokeCard(exchange: Pick<Exchange, "body">): Record<string, any> | undefined {
  const body = exchange.body as { type?: string; value?: Record<string, any> } | undefined;
  return body?.type === "application/vnd.microsoft.card.adaptive" ? body.value : undefined;
}

/** The Adaptive Cards a connector call carried. */
export function cardsOf(call: ConnectorCall): Record<string, any>[] {
  return ((call.body.attachments ?? []) as { contentType: string; content: Record<string, any> }[])
    .filter((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")
    .map((attachment) => attachment.content);
}

/**
 * Markdown as Teams shows it: bold marks gone, backslash escapes read as the characters they
 * escape. (What arrived unescaped is checked on the raw card by the injection tests.)
 */
export function shownText(markdown: string): string {
  return markdown.replace(/\\([\s\S])|\*\*/g, (_whole, escaped: string | undefined) => escaped ?? "");
}

/** Everything a card shows, as a person reads it: texts in order, buttons as [Title]. */
export function cardText(card: Record<string, any>): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, any>;
    if (element.type === "TextBlock") parts.push(shownText(element.text));
    if (typeof element.type === "string" && element.type.startsWith("Action.")) parts.push(`[${element.title}]`);
    if (typeof element.type === "string" && element.type.startsWith("Input.")) parts.push(`<${element.label}>`);
    for (const key of ["body", "items", "actions", "rows", "cells", "columns"]) visit(element[key]);
  };
  visit(card);
  return parts.join("\n");
}

/** The text of every card and plain message in these calls. */
export function repliesText(calls: readonly ConnectorCall[]): string {
  return calls
    .filter((call) => call.body.type === "message")
    .map((call) => [shownText(call.body.text ?? ""), ...cardsOf(call).map(cardText)].filter(Boolean).join("\n"))
    .join("\n---\n");
}

export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, any>;
}

/** Every Action.Execute in a card, in reading order, with the data Teams sends back when it is clicked. */
export function executeActions(card: Record<string, any>): CardAction[] {
  const found: CardAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const element = node as Record<string, any>;
    if (element.type === "Action.Execute") found.push({ title: element.title, verb: element.verb, data: element.data });
    for (const key of ["body", "items", "actions"]) visit(element[key]);
  };
  visit(card);
  return found;
}

/** The card's `nth` Action.Execute with this title; fails when there is none. */
export function actionTitled(card: Record<string, any>, title: string, nth = 0): CardAction {
  const matching = executeActions(card).filter((action) => action.title === title);
  if (matching.length <= nth) throw new Error(`no button [${title}] #${nth + 1} in the card:\n${cardText(card)}`);
  return matching[nth]!;
}
