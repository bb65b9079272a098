// Proactive posts to Teams channels (the digest and agenda the scheduler sends) through the
// Teams ChannelPoster, the retries of throttled and failed connector calls, and what happens
// when the bot is installed in or removed from a team.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRequestContext, chooseClinic } from "../../commands/context.ts";
import { showAgenda } from "../../commands/meeting-flags/show-agenda.ts";
import { ChannelGoneError, type ChannelPoster, type ChannelTarget } from "../../commands/ports.ts";
import type { MessageReply } from "../../commands/reply.ts";
import { queryAll } from "../support/database-copy.ts";
import { BOT_NOT_IN_ROSTER } from "../support/fake-bot-connector.ts";
import {
  botAddedToTeam,
  botRemovedFromTeam,
  CHANNEL_ID,
  COLLEAGUE,
  executeInvoke,
  groupChatConversation,
  installationUpdate,
  OTHER_TENANT_ID,
  SPECIALIST,
  TEAM_ID,
  teamDeleted,
  TENANT_ID,
} from "../support/teams-activities.ts";
import { cardsOf, cardText, fixedClock, invokeCard, repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const digest: MessageReply = {
  kind: "message",
  visibility: "channel",
  blocks: [
    { type: "heading", text: "Weekly digest, 2026-W47" },
    { type: "table", columns: ["Specialist", "In-person contacts"], rows: [["Anna Specialist", "4"]] },
  ],
};

describe("posting to a Teams channel", () => {
  let h: TeamsHarness;
  let poster: ChannelPoster;
  let waits: number[];
  let target: ChannelTarget;
  beforeAll(async () => {
    waits = [];
    h = await startTeamsHarness({ clock, teams: { sleep: async (ms) => void waits.push(ms) } });
    poster = h.bot.services.posters.teams!;
    target = { platform: "teams", workspaceId: TENANT_ID, channelId: CHANNEL_ID, serviceUrl: h.connector.serviceUrl };
  });
  afterAll(async () => h?.stop());

  const postsTo = (channelId: string) => h.connector.calls.filter((call) => call.conversationId === channelId && (call.kind === "send" || call.kind === "reply"));

  it("posts a message as an Adaptive Card to the channel and returns the connector's message id", async () => {
    const { messageId } = await poster.post(target, digest);
    const [post] = postsTo(CHANNEL_ID);
    expect(post!.answer.id).toBe(messageId);
    expect(post!.body).toMatchObject({ type: "message", conversation: { id: CHANNEL_ID, tenantId: TENANT_ID } });
    expect(cardText(cardsOf(post!)[0]!)).toContain("Weekly digest, 2026-W47");
  });

  it("posts the agenda, whose Discussed buttons then update the channel's message for everyone", async () => {
    await h.say("ips participant add P-017");
    await h.say("ips flag P-017 wants to increase hours");
    const request = await buildRequestContext(h.bot.services, { platform: "teams", workspaceId: TENANT_ID, platformUserId: SPECIALIST.aadObjectId, displayName: SPECIALIST.name });
    const choice = chooseClinic(request);
    if (!choice.ok) throw choice.refusal;
    const { messageId } = await poster.post(target, await showAgenda(choice.ctx));
    const card = cardsOf(postsTo(CHANNEL_ID).at(-1)!)[0]!;
    expect(cardText(card)).toContain("P-017: wants to increase hours");
    const button = card.body.flatMap((element: any) => element.items ?? []).find((item: any) => item.type === "ActionSet").actions[0];

    const conversation = { isGroup: true, conversationType: "channel", tenantId: TENANT_ID, id: `${CHANNEL_ID};messageid=${messageId}` };
    const click = await h.send(executeInvoke(COLLEAGUE, button.verb, button.data, h.connector.serviceUrl, { cardMessageId: messageId, conversation }));
    expect(cardText(invokeCard(click)!)).toContain("P-017: discussed, closed by Olle Nurse.");
    expect(click.calls).toMatchObject([{ kind: "update", activityId: messageId }]);
  });

  it("retries 429, 502 and 504, waiting as Retry-After says and backing off otherwise", async () => {
    waits.length = 0;
    h.connector.answerNext((call) => call.conversationId === CHANNEL_ID, [{ status: 429, headers: { "retry-after": "1" } }, { status: 502 }, { status: 504 }]);
    const before = postsTo(CHANNEL_ID).length;
    const { messageId } = await poster.post(target, digest);
    const attempts = postsTo(CHANNEL_ID).slice(before);
    expect(attempts.map((call) => call.status)).toEqual([429, 502, 504, 201]);
    expect(attempts.at(-1)!.answer.id).toBe(messageId);
    // Test policy: base 5 ms doubling, half of it random (pinned at 0.5); Retry-After wins when longer.
    expect(waits).toEqual([1_000, 8, 15]);
  });

  it("gives up at once when Retry-After asks for longer than the longest wait", async () => {
    waits.length = 0;
    h.connector.answerNext((call) => call.conversationId === CHANNEL_ID, [{ status: 429, headers: { "retry-after": "3600" } }]);
    const failure = await poster.post(target, digest).catch((error: unknown) => error);
    expect(String(failure)).toContain("the Bot Connector answered 429 after 1 attempts");
    expect(waits).toEqual([]);
  });

  it("retries 412 Precondition Failed", async () => {
    h.connector.answerNext((call) => call.conversationId === CHANNEL_ID, [{ status: 412, body: { error: { code: "PreconditionFailed" } } }]);
    const before = postsTo(CHANNEL_ID).length;
    await poster.post(target, digest);
    expect(postsTo(CHANNEL_ID).slice(before).map((call) => call.status)).toEqual([412, 201]);
  });

  it("gives up after the policy's attempts with an error that is not ChannelGoneError", async () => {
    h.connector.answerNext((call) => call.conversationId === CHANNEL_ID, Array.from({ length: 4 }, () => ({ status: 502 })));
    const before = postsTo(CHANNEL_ID).length;
    const failure = await poster.post(target, digest).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ChannelGoneError);
    expect(String(failure)).toContain("502");
    expect(postsTo(CHANNEL_ID).slice(before).map((call) => call.status)).toEqual([502, 502, 502, 502]);
  });

  it("does not retry other client errors", async () => {
    const other = { ...target, channelId: "19:forbidden@thread.tacv2" };
    h.connector.answerNext((call) => call.conversationId === other.channelId, [{ status: 403, body: { error: { code: "InsufficientPermissions", message: "no" } } }]);
    await expect(poster.post(other, digest)).rejects.not.toBeInstanceOf(ChannelGoneError);
    expect(postsTo(other.channelId).map((call) => call.status)).toEqual([403]);
  });

  it("throws ChannelGoneError when the bot is no longer in the team", async () => {
    const gone = { ...target, channelId: "19:removed@thread.tacv2" };
    h.connector.removeBotFrom(gone.channelId);
    await expect(poster.post(gone, digest)).rejects.toBeInstanceOf(ChannelGoneError);
    expect(postsTo(gone.channelId)).toHaveLength(1);
  });

  it("throws ChannelGoneError when the conversation no longer exists", async () => {
    const deleted = { ...target, channelId: "19:deleted@thread.tacv2" };
    h.connector.answerNext((call) => call.conversationId === deleted.channelId, [{ status: 404, body: { error: { code: "ConversationNotFound", message: "Conversation not found." } } }]);
    await expect(poster.post(deleted, digest)).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it("refuses a target without the service URL stored at connection", async () => {
    await expect(poster.post({ ...target, serviceUrl: null }, digest)).rejects.toThrow("service URL");
  });

  it("retries a throttled reply to a typed command too", async () => {
    h.connector.answerNext((call) => call.kind === "reply" && call.conversationId === `a:personal-${SPECIALIST.id}`, [{ status: 429, headers: { "retry-after": "0" } }]);
    const exchange = await h.say("ips help");
    expect(exchange.calls.map((call) => call.status)).toEqual([429, 201]);
    expect(repliesText(exchange.calls.slice(1))).toContain("ipsbot commands");
  });
});

describe("installing and removing the Teams bot", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips help"); // the specialist is a member
  });
  afterAll(async () => h?.stop());

  const installations = () =>
    queryAll(h.databaseFile, "SELECT tenantId, conversationId, conversationType, teamId, serviceUrl, removedAt IS NOT NULL AS removed, removedReason FROM TeamsInstallation ORDER BY id");
  const channels = () => queryAll(h.databaseFile, "SELECT channelId, workspaceId, disconnectedAt IS NOT NULL AS disconnected, disconnectedReason, activeKey FROM ClinicChannel ORDER BY id");
  const audit = (action: string) => queryAll(h.databaseFile, "SELECT entityId, details FROM AuditEvent WHERE action = ? ORDER BY id", action);

  /** Channels connected to the clinic (by `ips channel connect`, which another issue adds). */
  function connectChannel(workspaceId: string, channelId: string): void {
    const db = new Database(h.databaseFile);
    try {
      const member = db.prepare("SELECT id FROM Member LIMIT 1").get() as { id: number };
      db.prepare(
        `INSERT INTO ClinicChannel (clinicId, platform, workspaceId, channelId, serviceUrl, connectedById, connectedAt, activeKey) VALUES (1, 'teams', ?, ?, ?, ?, ?, ?)`,
      ).run(workspaceId, channelId, h.connector.serviceUrl, member.id, Date.now(), `teams:${workspaceId}:${channelId}`);
    } finally {
      db.close();
    }
  }

  it("stores the conversation reference when the bot is added to a team", async () => {
    const exchange = await h.send(botAddedToTeam(SPECIALIST, h.connector.serviceUrl));
    expect(exchange.status).toBe(200);
    expect(installations()).toEqual([
      { tenantId: TENANT_ID, conversationId: TEAM_ID, conversationType: "channel", teamId: TEAM_ID, serviceUrl: h.connector.serviceUrl, removed: 0, removedReason: null },
    ]);
    expect(audit("teams-installation.added")).toHaveLength(1);
  });

  it("records another channel of the team the first time the bot hears from it", async () => {
    await h.mention("ips help");
    await h.mention("ips help");
    expect(installations().map((row) => [row.conversationId, row.teamId])).toEqual([
      [TEAM_ID, TEAM_ID],
      [CHANNEL_ID, TEAM_ID],
    ]);
    expect(audit("teams-installation.seen")).toHaveLength(1);
  });

  it("marks the team's installations removed and disconnects its clinic channels when the bot is removed", async () => {
    connectChannel(TENANT_ID, CHANNEL_ID);
    connectChannel(TENANT_ID, TEAM_ID);
    connectChannel(TENANT_ID, "19:otherTeamChannel@thread.tacv2");
    connectChannel(OTHER_TENANT_ID, CHANNEL_ID);
    await h.send(botRemovedFromTeam(SPECIALIST, h.connector.serviceUrl));
    expect(installations().map((row) => [row.conversationId, row.removed, row.removedReason])).toEqual([
      [TEAM_ID, 1, "bot-removed"],
      [CHANNEL_ID, 1, "bot-removed"],
    ]);
    expect(channels()).toEqual([
      { channelId: CHANNEL_ID, workspaceId: TENANT_ID, disconnected: 1, disconnectedReason: "bot-removed", activeKey: null },
      { channelId: TEAM_ID, workspaceId: TENANT_ID, disconnected: 1, disconnectedReason: "bot-removed", activeKey: null },
      { channelId: "19:otherTeamChannel@thread.tacv2", workspaceId: TENANT_ID, disconnected: 0, disconnectedReason: null, activeKey: `teams:${TENANT_ID}:19:otherTeamChannel@thread.tacv2` },
      { channelId: CHANNEL_ID, workspaceId: OTHER_TENANT_ID, disconnected: 0, disconnectedReason: null, activeKey: `teams:${OTHER_TENANT_ID}:${CHANNEL_ID}` },
    ]);
    expect(audit("teams-installation.removed")).toHaveLength(2);
    expect(audit("clinic-channel.disconnected").map((row) => JSON.parse(String(row.details)))).toEqual([
      { clinicId: 1, channelId: CHANNEL_ID, cause: "bot-removed" },
      { clinicId: 1, channelId: TEAM_ID, cause: "bot-removed" },
    ]);
  });

  it("clears the removal when the bot is added again, and records a deleted team with its reason", async () => {
    await h.send(botAddedToTeam(SPECIALIST, h.connector.serviceUrl));
    expect(installations()[0]).toMatchObject({ conversationId: TEAM_ID, removed: 0, removedReason: null });
    await h.send(teamDeleted(SPECIALIST, h.connector.serviceUrl));
    expect(installations()[0]).toMatchObject({ conversationId: TEAM_ID, removed: 1, removedReason: "team-deleted" });
  });

  it("records a group chat's installation and its uninstall through installationUpdate", async () => {
    const chat = groupChatConversation(SPECIALIST);
    await h.send(installationUpdate(SPECIALIST, "add", h.connector.serviceUrl, chat));
    expect(installations().at(-1)).toMatchObject({ conversationId: chat.id, conversationType: "groupChat", teamId: null, removed: 0 });
    connectChannel(TENANT_ID, chat.id);
    await h.send(installationUpdate(SPECIALIST, "remove", h.connector.serviceUrl, chat));
    expect(installations().at(-1)).toMatchObject({ conversationId: chat.id, removed: 1, removedReason: "app-uninstalled" });
    expect(channels().at(-1)).toMatchObject({ channelId: chat.id, disconnected: 1, disconnectedReason: "app-uninstalled" });
  });

  it("ignores members other than the bot joining or leaving", async () => {
    const before = h.tables();
    const someoneJoined = { ...botAddedToTeam(SPECIALIST, h.connector.serviceUrl, "19:another@thread.tacv2"), membersAdded: [{ id: COLLEAGUE.id }] };
    const someoneLeft = { ...botRemovedFromTeam(SPECIALIST, h.connector.serviceUrl), membersRemoved: [{ id: COLLEAGUE.id }] };
    await h.send(someoneJoined);
    await h.send(someoneLeft);
    expect(h.tables()).toEqual(before);
  });

  it("replies nothing in the channel for installation events", async () => {
    const exchange = await h.send(botAddedToTeam(SPECIALIST, h.connector.serviceUrl, "19:quiet@thread.tacv2"));
    expect(exchange.calls).toEqual([]);
  });
});
