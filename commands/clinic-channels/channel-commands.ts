// /ips channel connect <clinic> | settings | disconnect — which channel gets a clinic's digests
// and agendas. Typed in the channel itself.
import { z } from "zod";
import { authorizeFor, authorizeStewardship } from "../authorize.ts";
import { actorOf, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { joinWords } from "../parse/options.ts";
import { refuseLeftovers } from "../parse/arguments.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { freeText, parseInput } from "../validation.ts";
import { settingsForm } from "./settings-form.ts";

const CLINIC_NAME_MAX_LENGTH = 120;

function channelAddress(ctx: CommandContext) {
  if (ctx.isDirectMessage || !ctx.channelId) return refuse("error.connectInChannel");
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId };
}

export async function connectChannel(ctx: CommandContext, rawName: string): Promise<Reply> {
  const { name } = parseInput(
    z.object({ name: freeText({ max: CLINIC_NAME_MAX_LENGTH, tooLongKey: "error.clinicNameTooLong", missingKey: "error.clinicNameMissing" }) }),
    { name: rawName },
  );
  const address = channelAddress(ctx);
  const existing = await ctx.store.channels.activeAt(address);
  if (existing) return refuse("error.channelAlreadyConnected", { clinic: existing.clinic.name });
  const clinic = (await ctx.store.clinics.findByName(ctx, name ?? "")) ?? (await ctx.store.clinics.create(name ?? "", actorOf(ctx), ctx.clock.now()));
  await authorizeStewardship(ctx, clinic);
  await ctx.store.memberships.ensure(clinic.id, ctx.member.id);
  const connected = await ctx.store.channels.connect(clinic.id, { ...address, serviceUrl: ctx.serviceUrl ?? null }, actorOf(ctx), ctx.clock.now());
  if (connected === "already-connected") return refuse("error.channelAlreadyConnected", { clinic: clinic.name });
  return settingsForm(ctx, clinic);
}

async function connectedHere(ctx: CommandContext) {
  const connected = await ctx.store.channels.activeAt(channelAddress(ctx));
  return connected ?? refuse("error.channelNotConnected");
}

export const connectChannelCommand: CommandSpec = {
  path: ["channel", "connect"],
  key: "channel-connect",
  run: (ctx, args) => connectChannel(ctx, joinWords(args)),
};

export const channelSettingsCommand: CommandSpec = {
  path: ["channel", "settings"],
  key: "channel-settings",
  async run(ctx, args) {
    refuseLeftovers(args);
    const { clinic } = await connectedHere(ctx);
    await authorizeFor(ctx, clinic, "supervisor");
    return settingsForm(ctx, clinic);
  },
};

export const disconnectChannelCommand: CommandSpec = {
  path: ["channel", "disconnect"],
  key: "channel-disconnect",
  async run(ctx, args) {
    refuseLeftovers(args);
    const { channel, clinic } = await connectedHere(ctx);
    await authorizeFor(ctx, clinic, "supervisor");
    await ctx.store.channels.disconnect(channel.id, `disconnected by ${ctx.member.displayName}`, actorOf(ctx), ctx.clock.now());
    return ephemeral({ type: "text", tone: "success", text: ctx.t("channel.disconnected", { clinic: clinic.name }) });
  },
};
