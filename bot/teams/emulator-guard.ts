// Without Bot Framework credentials botbuilder accepts unauthenticated activities and sends its
// replies to whatever serviceUrl an activity names. ipsbot then serves /api/messages only to
// the same machine (the local Bot Framework Emulator), so nobody else can speak as a user or
// make the bot send requests to an address of their choosing.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  if (isIP(ipv4) === 4) return ipv4.split(".")[0] === "127";
  return address === "::1";
}

/** True when the request came from this machine and not through a proxy that forwards others. */
export function isLocalRequest(req: Pick<IncomingMessage, "headers" | "socket">, isAllowedAddress: (address: string | undefined) => boolean = isLoopbackAddress): boolean {
  const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && isAllowedAddress(req.socket.remoteAddress);
}

/** The Emulator's own address: replies in Emulator mode go nowhere else (an activity names its serviceUrl). */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== "http:" && protocol !== "https:") return false;
    const host = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
    return host === "localhost" || isLoopbackAddress(host);
  } catch {
    return false;
  }
}
