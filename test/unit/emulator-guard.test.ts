import { describe, expect, it } from "vitest";
import { isLocalRequest, isLoopbackAddress } from "../../bot/teams/emulator-guard.ts";

describe("the Emulator-mode address check", () => {
  it.each(["127.0.0.1", "127.10.20.30", "::1", "::ffff:127.0.0.1"])("lets %s through", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(["10.0.0.5", "192.168.1.20", "172.17.0.1", "203.0.113.9", "::ffff:10.0.0.5", "fe80::1", "::", "0.0.0.0", "128.0.0.1", "localhost", "", undefined])(
    "refuses %s",
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );

  const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } }) as never;

  it("refuses a loopback connection that a proxy forwarded for someone else", () => {
    expect(isLocalRequest(request("127.0.0.1"))).toBe(true);
    expect(isLocalRequest(request("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }))).toBe(false);
    expect(isLocalRequest(request("127.0.0.1", { forwarded: "for=203.0.113.9" }))).toBe(false);
    expect(isLocalRequest(request("203.0.113.9"))).toBe(false);
  });
});
