// /ips channel connect <clinic> | settings | disconnect — which channel gets a clinic's digests
// and agendas. Typed in the channel itself.
import { z } from "zod";
import { authorizeFor, authorizeRequest } from "../authorize.ts";
import { actorOf, type RequestContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { joinWords } from "../parse/options.ts";
import { refuseLeftovers } from "../parse/arguments.ts";
import { ephemeral, type Reply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { freeText, parseInput } from "../validation.ts";
import { settingsForm } from "./settings-form.ts";

const CLINIC_NAME_MAX_LENGTH = 120;

function channelAddress(ctx: RequestContext) {
  if (ctx.isDirectMessage || !ctx.channelId) return refuse("error.connectInChannel");
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: ctx.channelId };
}

export async function connectChannel(ctx: RequestContext, rawName: string): Promise<Reply> {
  const { name } = parseInput(
    z.object({ name: freeText({ max: CLINIC_NAME_MAX_LENGTH, tooLongKey: "error.clinicNameTooLong", missingKey: "error.clinicNameMissing" }) }),
    { name: rawName },
  );
  const address = channelAddress(ctx);
  const existing = await ctx.store.channels.activeAt(address);
  if (existing) return refuse("error.channelAlreadyConnected", { clinic: existing.clinic.name });
  // Connecting to an existing clinic is its supervisor's or an admin's; creating one is an admin's.
  const found = await ctx.store.clinics.findByName(ctx, name ?? "");
  if (found) await authorizeFor(ctx, found, "channels");
  else await authorizeRequest(ctx, "create-clinic");
  // An installation admin is admin of every clinic already; an admin of another clinic becomes this one's.
  const clinic = found ?? (await ctx.store.clinics.create(name ?? "", actorOf(ctx), ctx.clock.now(), ctx.isInstallationAdmin ? undefined : "admin"));
  const connected = await ctx.store.channels.connect(clinic.id, { ...address, serviceUrl: ctx.serviceUrl ?? null }, actorOf(ctx), ctx.clock.now());
  if (connected === "already-connected") return refuse("error.channelAlreadyConnected", { clinic: clinic.name });
  return settingsForm(ctx, clinic);
}

async function connectedHere(ctx: RequestContext) {
  const connected = await ctx.store.channels.activeAt(channelAddress(ctx));
  return connected ?? refuse("error.channelNotConnected");
}

export const connectChannelCommand: CommandSpec = {
  path: ["channel", "connect"],
  key: "channel-connect",
  // Which clinic is only known from the name typed: connectChannel authorizes for it.
  permission: "anyone",
  run: (ctx, args) => connectChannel(ctx, joinWords(args)),
};

export const channelSettingsCommand: CommandSpec = {
  path: ["channel", "settings"],
  key: "channel-settings",
  // The channel's clinic decides, checked in run() (authorizeFor) once the channel is known to be connected.
  permission: "anyone",
  async run(ctx, args) {
    refuseLeftovers(args);
    const { clinic } = await connectedHere(ctx);
    await authorizeFor(ctx, clinic, "channels");
    return settingsForm(ctx, clinic);
  },
};

export const disconnectChannelCommand: CommandSpec = {
  path: ["channel", "disconnect"],
  key: "channel-disconnect",
  // The channel's clinic decides, checked in run() (authorizeFor) once the channel is known to be connected.
  permission: "anyone",
  async run(ctx, args) {
    refuseLeftovers(args);
    const { channel, clinic } = await connectedHere(ctx);
    await authorizeFor(ctx, clinic, "channels");
    await ctx.store.channels.disconnect(channel.id, `disconnected by ${ctx.member.displayName}`, actorOf(ctx), ctx.clock.now());
    return ephemeral({ type: "text", tone: "success", text: ctx.t("channel.disconnected", { clinic: clinic.name }) });
  },
};
