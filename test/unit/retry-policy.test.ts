import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from "../../bot/teams/retry-policy.ts";

const policy = (random: number): RetryPolicy => ({ maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: () => random });

describe("the Bot Connector retry policy", () => {
  it("backs off exponentially, with half of each wait random", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy(0), attempt, undefined))).toEqual([250, 500, 1000, 2000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy(0.999999), attempt, undefined))).toEqual([500, 1000, 2000, 4000]);
  });

  it("gives up after the last attempt", () => {
    expect(retryDelayMs(policy(0.5), 5, undefined)).toBeUndefined();
  });

  it("waits at least as long as Retry-After says", () => {
    expect(retryDelayMs(policy(0.5), 1, 7_000)).toBe(7_000);
    expect(retryDelayMs(policy(0.5), 4, 1_000)).toBe(3_000);
  });

  it("gives up rather than hold a request longer than the longest wait", () => {
    expect(retryDelayMs(policy(0.5), 1, 60_000)).toBeUndefined();
  });

  it("caps the backoff at the longest wait", () => {
    expect(retryDelayMs({ ...policy(0.999999), maxAttempts: 20 }, 15, undefined)).toBe(30_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-11-18T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Wed, 18 Nov 2026 10:00:04 GMT", now)).toBe(4_000);
    expect(parseRetryAfter("Wed, 18 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
