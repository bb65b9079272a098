// The paths the platforms post to. Kept apart from the adapters so that the HTTP server can route
// without loading Bolt or the Bot Framework: a platform's libraries load only when it is configured.
export const SLACK_EVENTS_PATH = "/slack/events";
export const TEAMS_MESSAGES_PATH = "/api/messages";
