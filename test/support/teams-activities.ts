// Bot Framework activities shaped as Teams sends them: messages in a personal chat and, with
// an <at> mention entity and channelData, in a channel; Action.Execute invokes; installation
// events. Ids are made up; users are fictional staff, never participants.
import { randomUUID } from "node:crypto";

export const TENANT_ID = "5f0c3e2a-1b7d-4c8e-9a6f-2d4b8e1c7a90";
export const OTHER_TENANT_ID = "9b1e7c4d-3a2f-4e6b-8d0c-7f5a1b2e3c4d";
export const BOT_APP_ID = "3a9d6f1e-8b2c-4d7a-9e5f-1c0b2a3d4e5f";
export const BOT_ACCOUNT = { id: `28:${BOT_APP_ID}`, name: "ipsbot" };
export const TEAM_ID = "19:Wk2mT8rQx1yZ@thread.tacv2";
export const CHANNEL_ID = "19:ch4NnE1ipsMeet@thread.tacv2";

export interface TeamsUser {
  /** The per-bot `29:` id. */
  id: string;
  aadObjectId: string;
  name: string;
  tenantId: string;
}

export const SPECIALIST: TeamsUser = { id: "29:1aSpecialistAnna", aadObjectId: "a1b2c3d4-0001-4a5b-8c9d-0e1f2a3b4c5d", name: "Anna Specialist", tenantId: TENANT_ID };
export const COLLEAGUE: TeamsUser = { id: "29:1bNurseOlle", aadObjectId: "a1b2c3d4-0002-4a5b-8c9d-0e1f2a3b4c5d", name: "Olle Nurse", tenantId: TENANT_ID };
/** The installation admin (ADMIN_TEAMS_AAD_IDS). */
export const ADMIN: TeamsUser = { id: "29:1cAdminInes", aadObjectId: "a1b2c3d4-0009-4a5b-8c9d-0e1f2a3b4c5d", name: "Ines Admin", tenantId: TENANT_ID };

type Activity = Record<string, any>;

function base(user: TeamsUser, serviceUrl: string): Activity {
  return {
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl,
    channelId: "msteams",
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT_ACCOUNT,
    locale: "en-US",
  };
}

export function personalConversation(user: TeamsUser) {
  return { conversationType: "personal", tenantId: user.tenantId, id: `a:personal-${user.id}` };
}

function channelData(user: TeamsUser, channelId = CHANNEL_ID, teamId = TEAM_ID): Activity {
  return {
    teamsChannelId: channelId,
    teamsTeamId: teamId,
    channel: { id: channelId },
    team: { id: teamId },
    tenant: { id: user.tenantId },
  };
}

export function personalMessage(user: TeamsUser, text: string, serviceUrl: string): Activity {
  return {
    ...base(user, serviceUrl),
    type: "message",
    text,
    textFormat: "plain",
    conversation: personalConversation(user),
    entities: [{ type: "clientInfo", locale: "en-US", country: "SE", platform: "Web", timezone: "Europe/Stockholm" }],
    channelData: { tenant: { id: user.tenantId } },
  };
}

/** `@ipsbot <text>` in a channel, as a new post (Teams appends ;messageid= to the conversation). */
export function channelMention(user: TeamsUser, text: string, serviceUrl: string, options: { channelId?: string; teamId?: string } = {}): Activity {
  const activity = base(user, serviceUrl);
  const channelId = options.channelId ?? CHANNEL_ID;
  const mention = `<at>${BOT_ACCOUNT.name}</at>`;
  return {
    ...activity,
    type: "message",
    text: `${mention}&nbsp;${text}`,
    textFormat: "plain",
    conversation: { isGroup: true, conversationType: "channel", tenantId: user.tenantId, id: `${channelId};messageid=${activity.id}` },
    entities: [
      { type: "mention", text: mention, mentioned: BOT_ACCOUNT },
      { type: "clientInfo", locale: "en-US", country: "SE", platform: "Web", timezone: "Europe/Stockholm" },
    ],
    channelData: channelData(user, channelId, options.teamId),
  };
}

/** A click on an Action.Execute in a card the bot sent as message `cardMessageId`. */
export function executeInvoke(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  serviceUrl: string,
  options: { cardMessageId?: string; conversation?: Activity } = {},
): Activity {
  return {
    ...base(user, serviceUrl),
    type: "invoke",
    name: "adaptiveCard/action",
    conversation: options.conversation ?? personalConversation(user),
    replyToId: options.cardMessageId ?? `1${Date.now()}`,
    value: { action: { type: "Action.Execute", id: randomUUID(), verb, data }, trigger: "manual" },
    channelData: { tenant: { id: user.tenantId }, source: { name: "message" } },
  };
}

export function botAddedToTeam(user: TeamsUser, serviceUrl: string, teamId = TEAM_ID): Activity {
  return {
    ...base(user, serviceUrl),
    type: "conversationUpdate",
    membersAdded: [{ id: BOT_ACCOUNT.id }],
    conversation: { isGroup: true, conversationType: "channel", tenantId: user.tenantId, id: teamId },
    channelData: { team: { id: teamId, name: "IPS Nord", aadGroupId: "d3c2b1a0-0000-4000-8000-000000000001" }, eventType: "teamMemberAdded", tenant: { id: user.tenantId } },
  };
}

export function botRemovedFromTeam(user: TeamsUser, serviceUrl: string, teamId = TEAM_ID): Activity {
  return {
    ...base(user, serviceUrl),
    type: "conversationUpdate",
    membersRemoved: [{ id: BOT_ACCOUNT.id }],
    conversation: { isGroup: true, conversationType: "channel", tenantId: user.tenantId, id: teamId },
    channelData: { team: { id: teamId, name: "IPS Nord" }, eventType: "teamMemberRemoved", tenant: { id: user.tenantId } },
  };
}

export function teamDeleted(user: TeamsUser, serviceUrl: string, teamId = TEAM_ID): Activity {
  return {
    ...base(user, serviceUrl),
    type: "conversationUpdate",
    conversation: { isGroup: true, conversationType: "channel", tenantId: user.tenantId, id: teamId },
    channelData: { team: { id: teamId, name: "IPS Nord" }, eventType: "teamDeleted", tenant: { id: user.tenantId } },
  };
}

export function installationUpdate(user: TeamsUser, action: "add" | "remove", serviceUrl: string, conversation: Activity): Activity {
  return {
    ...base(user, serviceUrl),
    type: "installationUpdate",
    action,
    conversation,
    channelData: { tenant: { id: user.tenantId }, source: { name: "message" } },
  };
}

export function groupChatConversation(user: TeamsUser, id = "19:meeting_group1@thread.v2") {
  return { isGroup: true, conversationType: "groupChat", tenantId: user.tenantId, id };
}

/** An Action.Submit (the fallback of ipsbot's Action.Execute): a message with `value` and no text. */
export function submitMessage(user: TeamsUser, value: Record<string, unknown>, serviceUrl: string, options: { cardMessageId?: string; conversation?: Activity } = {}): Activity {
  return {
    ...base(user, serviceUrl),
    type: "message",
    conversation: options.conversation ?? personalConversation(user),
    replyToId: options.cardMessageId ?? `1${Date.now()}`,
    value,
    channelData: { tenant: { id: user.tenantId }, source: { name: "message" } },
  };
}

/** The person's answer to a file-consent card, as Teams sends it: accept carries where to upload. */
export function fileConsentAnswer(
  user: TeamsUser,
  serviceUrl: string,
  card: { content: { acceptContext: unknown; declineContext: unknown } },
  answer: { accept: true; uploadUrl: string; name: string } | { accept: false },
): Activity {
  return {
    ...base(user, serviceUrl),
    type: "invoke",
    name: "fileConsent/invoke",
    conversation: personalConversation(user),
    channelData: { tenant: { id: user.tenantId } },
    value: answer.accept
      ? {
          type: "fileUpload",
          action: "accept",
          context: card.content.acceptContext,
          uploadInfo: { name: answer.name, uploadUrl: answer.uploadUrl, contentUrl: `https://contoso-my.sharepoint.com/personal/${answer.name}`, uniqueId: "1150D938-8870-4044-9F2C-5BBDEBA70C8C", fileType: answer.name.split(".").pop() },
        }
      : { type: "fileUpload", action: "decline", context: card.content.declineContext },
  };
}
