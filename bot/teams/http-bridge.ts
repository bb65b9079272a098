// botbuilder's CloudAdapter.process expects Express/Restify-style request and response objects
// with a parsed body; ipsbot serves plain node:http. This bridges the two and nothing more.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";
import { readBodyWithin } from "../http/read-body.ts";

/** Bot Framework activities are small; a Teams message is at most about 28 KB. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export class BadActivityRequest extends Error {
  override name = "BadActivityRequest";
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export async function readActivityRequest(req: IncomingMessage): Promise<Request> {
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.toLowerCase().includes("application/json")) throw new BadActivityRequest(415, "expected application/json");
  const raw = await readBodyWithin(req, MAX_ACTIVITY_BYTES);
  if (raw === "too-large") throw new BadActivityRequest(413, "activity too large");
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new BadActivityRequest(400, "body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== "string") {
    throw new BadActivityRequest(400, "body is not an activity");
  }
  return { method: req.method, headers: req.headers as Record<string, string | string[] | undefined>, body: body as Record<string, unknown> };
}

const REFUSAL_CODES: Record<number, string> = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "too_large", 415: "unsupported_media_type", 500: "internal_error", 501: "not_implemented" };

/** An invoke's own answer (an error card, an invoke response): the client needs it whatever the status. */
const isInvokeAnswer = (body: unknown) => typeof body === "object" && body !== null && ("type" in body || "statusCode" in body);

/**
 * The subset of an Express response CloudAdapter.process uses, written to a node response.
 * `statusFor` may change the status botbuilder chose before it is sent.
 */
export function bridgeResponse(res: ServerResponse, statusFor: (status: number) => number = (status) => status): Response {
  let status = 200;
  let body: unknown;
  const bridged: Response = {
    socket: res.socket,
    status(code: number) {
      status = statusFor(code);
      return bridged;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return bridged;
    },
    send(content: unknown) {
      body = content;
      return bridged;
    },
    end() {
      if (res.writableEnded) return bridged;
      // botbuilder writes its internal error (a host it could not reach, a key id) into a refusal's
      // body: the caller gets a short code, the log keeps the detail.
      if (status >= 400 && !isInvokeAnswer(body)) {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: REFUSAL_CODES[status] ?? "refused" }));
        return bridged;
      }
      if (body === undefined) {
        res.writeHead(status);
        res.end();
      } else if (typeof body === "string") {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end(body);
      } else {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      }
      return bridged;
    },
  };
  return bridged;
}
