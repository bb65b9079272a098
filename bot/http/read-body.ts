// Reads a request body with its limit applied while reading: a client cannot make the bot hold
// more than the limit in memory, authenticated or not.
import type { IncomingMessage } from "node:http";

/** The whole body, or "too-large" as soon as it passes `limitBytes`. */
export async function readBodyWithin(req: IncomingMessage, limitBytes: number): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
