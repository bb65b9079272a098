// Slack over Socket Mode: ipsbot opens a WebSocket to Slack (apps.connections.open with the
// app-level token) and every command, click, form and event arrives over it, acknowledged over it;
// no inbound endpoint is needed. The link is opened, and re-opened when lost, in the background with
// the same back-off and hourly logging as the credentials checks, so a Slack outage never stops the bot.
import { SocketModeReceiver, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { Dispatcher } from "undici";
import type { Logger } from "../../commands/context.ts";
import type { AllowList } from "../http/allow-list.ts";
import { asRequest } from "../logger.ts";
import { platformHealth, type PlatformHealth } from "../platform-health.ts";
import { MalformedSlackRequest } from "./malformed-request.ts";
import { slackTeamOfPayload } from "./request-team.ts";

/** How long an opened socket may wait for Slack's hello before it is closed and tried again. */
const HELLO_TIMEOUT_MS = 20_000;
/** bot.stop() waits this long at most for the close handshake. */
const CLOSE_WAIT_MS = 2_000;

export interface SocketModeSettings {
  appToken: string;
  /** Where apps.connections.open is asked (SLACK_API_URL, for a stand-in of Slack); Slack's own by default. */
  apiUrl: string | undefined;
  /** The outbound proxy's dispatcher: the WebSocket does not use fetch's global one. */
  dispatcher?: Dispatcher;
  allowedTeams: AllowList | undefined;
  /** Whether the bot token works: envelopes wait for its check and are left unacknowledged (Slack retries) while it fails. */
  usable: () => Promise<boolean>;
  boltLogger: BoltLogger;
  logger: Logger;
  reasonOf: (error: unknown) => string;
}

export interface SocketModeLink {
  receiver: Receiver;
  /** The WebSocket link: "ok" while Slack's hello has come and the socket is open. */
  link: PlatformHealth;
  stop(): Promise<void>;
}

export function slackSocketMode(settings: SocketModeSettings): SocketModeLink {
  const inner = new SocketModeReceiver({
    appToken: settings.appToken,
    logger: settings.boltLogger,
    // ipsbot re-opens a lost link itself: the client's own reconnect lets a failed
    // apps.connections.open escape as an unhandled rejection, which would end the process.
    autoReconnectEnabled: false,
    ...(settings.dispatcher ? { dispatcher: settings.dispatcher } : {}),
    installerOptions: { clientOptions: settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {} },
    // A payload Bolt cannot process (no user, no view) is malformed: logged, nothing done, and
    // acknowledged by admit() like every envelope; ipsbot's own listeners apologise for their errors.
    processEventErrorHandler: async ({ error, logger }) => {
      logger.warn(`dropped a malformed Slack envelope: ${error instanceof MalformedSlackRequest ? error.message : error.name}`);
      return false;
    },
  });

  let connected = false;
  let stopping = false;
  const link = platformHealth({
    platform: "slack-socket-mode",
    logger: settings.logger,
    reasonOf: settings.reasonOf,
    verify: async () => {
      if (connected) return;
      let timer: NodeJS.Timeout | undefined;
      const noHello = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no hello from Slack")), HELLO_TIMEOUT_MS);
      });
      try {
        await Promise.race([inner.start(), noHello]);
      } catch (error) {
        void inner.client.disconnect();
        // The client rejects without a reason when the socket closes before Slack's hello.
        throw error ?? new Error("closed before hello");
      } finally {
        clearTimeout(timer);
      }
    },
  });
  inner.client.on("connected", () => {
    connected = true;
    settings.logger.info("connected to Slack over Socket Mode");
  });
  inner.client.on("disconnected", () => {
    const wasConnected = connected;
    connected = false;
    // Slack asks clients to reconnect now and then (a "disconnect" message), and a network may drop the socket.
    if (wasConnected && !stopping) {
      settings.logger.info("the Socket Mode link closed; opening a new one");
      link.start();
    }
  });

  const receiver: Receiver = {
    init(app: App) {
      inner.init({ processEvent: (event: ReceiverEvent) => asRequest(() => admit(app, event, settings)) } as unknown as App);
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
  return {
    receiver,
    link,
    async stop() {
      stopping = true;
      link.stop();
      await Promise.race([inner.stop(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    },
  };
}

/** The Socket Mode counterpart of the HTTP gates: a workspace off the allow-list is acknowledged and dropped. */
async function admit(app: App, event: ReceiverEvent, settings: SocketModeSettings): Promise<void> {
  if (settings.allowedTeams && !settings.allowedTeams.admits(slackTeamOfPayload(event.body))) {
    await event.ack();
    return;
  }
  // Not acknowledged: Slack delivers an event again later, and a command tells its user it failed.
  if (!(await settings.usable())) return;
  // ipsbot's listeners acknowledge once their work is committed; an envelope no listener took (a
  // malformed one, one for no known form) is acknowledged after processing, so Slack does not send it again.
  let acknowledged = false;
  const ack = event.ack;
  try {
    await app.processEvent({ ...event, ack: (response?: Parameters<typeof ack>[0]) => ((acknowledged = true), ack(response)) });
  } finally {
    if (!acknowledged) await ack();
  }
}
