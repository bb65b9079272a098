// When to try a Bot Connector request again. Teams throttles bots (429), and its gateways
// answer 412, 502 and 504 for transient trouble; Microsoft asks bots to retry those with
// exponential backoff and to wait at least as long as Retry-After says.

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 504]);

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it ends the retries instead. */
  maxDelayMs: number;
  /** 0 ≤ random() < 1; injectable so tests can pin the jitter. */
  random(): number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, random: Math.random };

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/**
 * How long to wait before the next attempt after `attempt` attempts failed, or undefined to
 * give up. Exponential backoff with "equal jitter" (half fixed, half random) so that many
 * bot processes throttled at once do not retry in step.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) return undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff / 2 + policy.random() * (backoff / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
