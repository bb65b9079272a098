// Reads a Slack request's body for Bolt, with a limit applied while reading (before the signature
// is checked: nothing larger than Slack's largest real payload is held), and refuses a body whose
// shape Bolt would choke on (a `payload` that is not a JSON object) with 400 instead of a hang.
import type { IncomingMessage } from "node:http";
import { parse } from "node:querystring";
import { readBodyWithin } from "../http/read-body.ts";

/** Slack's largest real payload, a modal submission, is well under 1 MB. */
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;

export class UnusableSlackBody extends Error {
  override name = "UnusableSlackBody";
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Buffers the body where Bolt looks for it (`rawBody`), or throws UnusableSlackBody. */
export async function bufferSlackBody(req: IncomingMessage, limitBytes: number): Promise<void> {
  const raw = await readBodyWithin(req, limitBytes);
  if (raw === "too-large") throw new UnusableSlackBody(413, "too_large");
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  if (!hasUsableShape(raw.toString("utf8"), String(req.headers["content-type"] ?? ""))) throw new UnusableSlackBody(400, "bad_request");
}

function hasUsableShape(text: string, contentType: string): boolean {
  try {
    if (contentType.startsWith("application/json")) return isObject(JSON.parse(text));
    const fields = parse(text);
    return typeof fields.payload !== "string" || isObject(JSON.parse(fields.payload));
  } catch {
    return false;
  }
}

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
