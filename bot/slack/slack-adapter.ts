// Builds the Bolt app on an HTTPReceiver whose request listener the shared HTTP server calls.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { Services } from "../../commands/context.ts";
import { registerButtonActions } from "./listeners/button-actions.ts";
import { registerFormSubmissions } from "./listeners/form-submissions.ts";
import { registerSlashCommand } from "./listeners/slash-command.ts";
import type { RequestListener } from "node:http";
import type { ChannelPoster } from "../../commands/ports.ts";
import { slackChannelPoster } from "./channel-poster.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  apiUrl: string | undefined;
}

export interface SlackAdapter {
  requestListener: RequestListener;
  channelPoster: ChannelPoster;
}

export function createSlackAdapter(services: Services, settings: SlackSettings): SlackAdapter {
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    signatureVerification: true,
  });
  const app = new App({
    token: settings.botToken,
    receiver,
    logLevel: LogLevel.WARN,
    clientOptions: settings.apiUrl ? { slackApiUrl: ensureTrailingSlash(settings.apiUrl) } : undefined,
  });
  registerSlashCommand(app, services);
  registerButtonActions(app, services);
  registerFormSubmissions(app, services);
  app.error(async (error) => {
    services.logger.error("slack listener failed", { error: error.message });
  });
  return { requestListener: receiver.requestListener, channelPoster: slackChannelPoster(app.client) };
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
