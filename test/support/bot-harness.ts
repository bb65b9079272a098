// Starts the real bot (real Bolt receiver, real SQLite) against a fake Slack Web API and gives
// tests a way to speak to it as Slack would.
import { scanningLogger } from "./log-scan.ts";
import { expectAuditWithoutFreeText } from "./audit-scan.ts";
import { randomUUID } from "node:crypto";
import { systemClock, type Clock, type Logger } from "../../commands/context.ts";
import type { ClinicRole } from "../../storage/store.ts";
import { seedClinicMembers } from "./seed-roles.ts";
import { startBot, type RunningBot } from "../../bot/start-bot.ts";
import { countRows, freshDatabaseFile, readTables } from "./database-copy.ts";
import { startFakeSlackApi, TEST_TEAM_ID, type FakeSlackApi, type RecordedCall } from "./fake-slack-api.ts";
import { blockActionBody, eventBody, SIGNING_SECRET, slashCommandBody, viewSubmissionBody, type SendOptions, type SlackUser } from "./slack-requests.ts";
import { httpTransport, slackTransportName, socketTransport, type SlackTransport, type SlackTransportName } from "./slack-transport.ts";

/** The app-level token the Socket Mode runs use. */
export const APP_TOKEN = "xapp-1-A0IPSBOT-test";

export const SPECIALIST: SlackUser = { id: "U0SPEC1", name: "anna.specialist", teamId: TEST_TEAM_ID };
export const COLLEAGUE: SlackUser = { id: "U0SPEC2", name: "olle.nurse", teamId: TEST_TEAM_ID };
/** The installation admin (ADMIN_SLACK_USER_IDS): creates clinics, gives roles, does no participant work. */
export const ADMIN: SlackUser = { id: "U0ADMIN", name: "ines.admin", teamId: TEST_TEAM_ID };

export interface Harness {
  bot: RunningBot;
  slack: FakeSlackApi;
  databaseFile: string;
  /** The HTTP events URL (answers 404 when the bot runs in Socket Mode). */
  eventsUrl: string;
  /** How requests reach the bot: signed HTTP, or envelopes over Socket Mode. */
  transport: SlackTransport;
  /** Delivers a body as Slack would over the transport (see SlackTransport.send). */
  send(body: string, options?: SendOptions & { contentType?: string }): Promise<Response>;
  /** Delivers an Events API event (e.g. app_home_opened). */
  sendEvent(event: Record<string, unknown>, teamId?: string): Promise<Response>;
  /** Sends `/ips <text>` and returns what the bot posted to the response_url. */
  command(text: string, user?: SlackUser, channelId?: string): Promise<RecordedCall>;
  /** Sends `/ips <text>` and returns the HTTP response only. */
  sendCommand(text: string, user?: SlackUser, options?: SendOptions, channelId?: string): Promise<Response>;
  clickButton(actionId: string, value: string, user?: SlackUser, channelId?: string): Promise<RecordedCall>;
  /** A click in the Home tab: no channel and no response_url. */
  clickHomeButton(actionId: string, user?: SlackUser): Promise<Response>;
  /** Sends a button click and returns once the bot answered the HTTP request (for clicks that open a modal). */
  pressButton(actionId: string, value: string, user?: SlackUser): Promise<void>;
  submitView(callbackId: string, values: Record<string, Record<string, unknown>>, options?: { viewId?: string; user?: SlackUser; metadata?: string }): Promise<Response>;
  /** The admin connects `channelId` to the clinic `name` (creating it if new) and the settings form opens; resolves once it is connected. */
  connectClinic(channelId: string, name: string): Promise<void>;
  /** Gives a role in a clinic of the test workspace (as `/ips admin role` does), creating the clinic if new. */
  grant(user: SlackUser, role: ClinicRole, clinicName?: string): Promise<void>;
  tables(): Record<string, unknown[]>;
  rowCounts(): Record<string, number>;
  /** Stops the bot process and starts a new one on the same database file and fake Slack. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Who has which role in the suite's clinic "Clinic" unless a suite says otherwise. */
export const DEFAULT_ROLES: readonly { user: SlackUser; role: ClinicRole }[] = [
  { user: SPECIALIST, role: "supervisor" },
  { user: COLLEAGUE, role: "team" },
];

export async function startHarness(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    logger?: Logger;
    roles?: readonly { user: SlackUser; role: ClinicRole }[];
    /** HTTP or Socket Mode; by default the run's (IPSBOT_TEST_SLACK_TRANSPORT). */
    transport?: SlackTransportName;
  } = {},
): Promise<Harness> {
  const slack = await startFakeSlackApi();
  const transportName = options.transport ?? slackTransportName();
  const connection = transportName === "socket" ? { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: "" } : { SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const databaseFile = freshDatabaseFile();
  // Every log entry is kept and scanned for typed text on stop, unless the suite reads its own.
  const logs = scanningLogger();
  const launch = () =>
    startBot({
      env: {
        PORT: "0",
        DATABASE_URL: `file:${databaseFile}`,
        ...connection,
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_API_URL: slack.url,
        LOG_LEVEL: "error",
        ADMIN_SLACK_USER_IDS: ADMIN.id,
        ...options.env,
      },
      clock: options.clock,
      schedulerTimer: false,
      logger: options.logger ?? logs,
    });
  // Over Socket Mode the bot is ready once its link is open: one connection more than before.
  const launchAndConnect = async () => {
    const opened = slack.socketMode.opened();
    const running = await launch();
    if (transportName === "socket") await slack.socketMode.waitForConnections(opened + 1);
    return running;
  };
  let bot = await launchAndConnect();
  const seeded = (options.roles ?? DEFAULT_ROLES).map(({ user, role }) => ({ platformUserId: user.id, displayName: user.name, role }));
  await seedClinicMembers(bot.services.store, { platform: "slack", workspaceId: TEST_TEAM_ID }, seeded, options.clock ?? systemClock);
  let eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;

  const transport = transportName === "socket" ? socketTransport(slack.socketMode) : httpTransport(() => eventsUrl);
  const send = (body: string, sendOptions?: SendOptions & { contentType?: string }) => transport.send(body, sendOptions);

  async function expectOk(response: Response): Promise<void> {
    if (response.status !== 200) throw new Error(`Slack request answered ${response.status}: ${await response.text()}`);
  }

  const harness: Harness = {
    bot,
    slack,
    databaseFile,
    eventsUrl,
    transport,
    send,
    sendEvent: (event, teamId = TEST_TEAM_ID) => send(eventBody(event, teamId), { contentType: "application/json" }),
    sendCommand(text, user = SPECIALIST, sendOptions, channelId = "C0CLINIC") {
      logs.sent(text);
      return send( slashCommandBody(user, text, slack.responseUrl(randomUUID()), channelId), sendOptions);
    },
    async command(text, user = SPECIALIST, channelId = "C0CLINIC") {
      logs.sent(text);
      const id = randomUUID();
      const response = await send(slashCommandBody(user, text, slack.responseUrl(id), channelId));
      await expectOk(response);
      const call = await slack.waitForCall((c) => c.path === `/respond/${id}`);
      if (((call.body.blocks as unknown[]) ?? []).length > 50) throw new Error("Slack refuses messages with more than 50 blocks");
      return call;
    },
    clickHomeButton(actionId, user = SPECIALIST) {
      return send(blockActionBody(user, actionId, "home", undefined));
    },
    async clickButton(actionId, value, user = SPECIALIST, channelId = "C0CLINIC") {
      const id = randomUUID();
      await expectOk(await send(blockActionBody(user, actionId, value, slack.responseUrl(id), channelId)));
      return slack.waitForCall((call) => call.path === `/respond/${id}`);
    },
    async pressButton(actionId, value, user = SPECIALIST) {
      await expectOk(await send(blockActionBody(user, actionId, value, slack.responseUrl(randomUUID()))));
    },
    submitView(callbackId, values, viewOptions = {}) {
      return send(
        viewSubmissionBody(viewOptions.user ?? SPECIALIST, callbackId, viewOptions.viewId ?? `V${randomUUID()}`, values, viewOptions.metadata ?? JSON.stringify({ channelId: "C0CLINIC" })),
      );
    },
    async connectClinic(channelId, name) {
      const response = await send(slashCommandBody(ADMIN, `channel connect ${name}`, slack.responseUrl(randomUUID()), channelId));
      await expectOk(response);
      await slack.waitForCall((call) => call.method === "views.open" && JSON.stringify(call.body.view).includes(channelId));
    },
    grant: (user, role, clinicName) =>
      seedClinicMembers(harness.bot.services.store, { platform: "slack", workspaceId: user.teamId }, [{ platformUserId: user.id, displayName: user.name, role }], options.clock ?? systemClock, clinicName),
    tables: () => readTables(databaseFile),
    rowCounts: () => countRows(databaseFile),
    async restart() {
      await bot.stop();
      bot = await launchAndConnect();
      eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
      harness.bot = bot;
      harness.eventsUrl = eventsUrl;
    },
    async stop() {
      await bot.stop();
      const problems = [...slack.socketMode.problems];
      await slack.close();
      if (problems.length > 0) throw new Error(`Socket Mode protocol broken: ${problems.join("; ")}`);
      expectAuditWithoutFreeText(databaseFile);
      if (!options.logger) logs.expectWithoutFreeText(databaseFile);
    },
  };
  return harness;
}

/** All the text a rendered Slack message shows, for assertions. */
export function messageText(call: RecordedCall): string {
  const blocks = (call.body.blocks ?? []) as Record<string, any>[];
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.text?.text) parts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === "string") parts.push(element.text);
      else if (element.text?.text) parts.push(`[${element.text.text}]`);
    }
    if (block.accessory?.text?.text) parts.push(`[${block.accessory.text.text}]`);
  }
  // Read it as a person would: Slack shows &lt; as <.
  return parts.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A clock fixed at an instant that tests may move. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}
