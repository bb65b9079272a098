// The HTTP transport under botbuilder's Bot Connector client (replies, proactive posts, card
// updates, new 1:1 chats all pass through it). It retries throttling and gateway errors by
// ipsbot's RetryPolicy. Doing it here, below the Azure pipeline, keeps one retry layer: when
// the retries are used up it throws a plain error, which the pipeline's own retry policy passes
// through instead of retrying again.
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Logger } from "../../commands/context.ts";
import { parseRetryAfter, RETRYABLE_STATUSES, retryDelayMs, type RetryPolicy } from "./retry-policy.ts";

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof TeamsAdapter>[3]>;
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions["httpClient"]>;
type WebResource = Parameters<ConnectorHttpClient["sendRequest"]>[0];
type CompatResponse = Awaited<ReturnType<ConnectorHttpClient["sendRequest"]>>;
type HeadersLike = CompatResponse["headers"];

/** The Bot Connector kept answering a retryable status until the policy gave up. */
export class ConnectorRetriesExhausted extends Error {
  override name = "ConnectorRetriesExhausted";
  constructor(
    readonly statusCode: number,
    readonly attempts: number,
  ) {
    super(`the Bot Connector answered ${statusCode} after ${attempts} attempts`);
  }
}

export interface TransportOptions {
  policy: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  logger: Logger;
  /** Called before each retry (counted in /metrics). */
  onRetry?: () => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryingConnectorTransport({ policy, sleep = realSleep, now = () => new Date(), logger, onRetry }: TransportOptions): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      for (let attempt = 1; ; attempt += 1) {
        const response = await sendOnce(request);
        if (!RETRYABLE_STATUSES.has(response.status)) return response;
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now());
        const delay = retryDelayMs(policy, attempt, retryAfter);
        if (delay === undefined) throw new ConnectorRetriesExhausted(response.status, attempt);
        logger.warn("Bot Connector asked to retry", { status: response.status, attempt, delayMs: delay, method: request.method });
        onRetry?.();
        await sleep(delay);
      }
    },
  };
}

async function sendOnce(request: WebResource): Promise<CompatResponse> {
  if (request.body !== undefined && typeof request.body !== "string") throw new Error("the Bot Connector transport sends JSON text bodies only");
  const signals = [nativeSignal(request.abortSignal), request.timeout > 0 ? AbortSignal.timeout(request.timeout) : undefined].filter(
    (signal): signal is AbortSignal => signal !== undefined,
  );
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers.toJson(),
    body: request.body as string | undefined,
    signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
  });
  return { request, status: response.status, headers: new ResponseHeaders(response.headers), bodyAsText: await response.text() };
}

/** Azure passes an AbortSignalLike; fetch needs a real AbortSignal. */
function nativeSignal(signal: WebResource["abortSignal"]): AbortSignal | undefined {
  if (!signal || signal instanceof AbortSignal) return signal as AbortSignal | undefined;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort());
  return controller.signal;
}

/** The header interface the Azure compat layer reads responses through, over fetch's Headers. */
class ResponseHeaders implements HeadersLike {
  private readonly headers: Headers;
  constructor(source: Headers) {
    this.headers = new Headers(source);
  }
  set(name: string, value: string | number) {
    this.headers.set(name, String(value));
  }
  get(name: string) {
    return this.headers.get(name) ?? undefined;
  }
  contains(name: string) {
    return this.headers.has(name);
  }
  remove(name: string) {
    const had = this.headers.has(name);
    this.headers.delete(name);
    return had;
  }
  rawHeaders() {
    return Object.fromEntries(this.headers.entries());
  }
  headersArray() {
    return [...this.headers.entries()].map(([name, value]) => ({ name, value }));
  }
  headerNames() {
    return [...this.headers.keys()];
  }
  headerValues() {
    return [...this.headers.values()];
  }
  clone() {
    return new ResponseHeaders(this.headers);
  }
  toJson() {
    return this.rawHeaders();
  }
}
