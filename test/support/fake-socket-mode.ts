// A stand-in for Slack's Socket Mode service: apps.connections.open (answered by the fake Web API)
// hands out a WebSocket URL on this server; Slack's hello opens each connection; envelopes go out
// one at a time and their acknowledgements come back, checked against the protocol: each envelope
// acknowledged once, and only envelopes that were sent.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

export const SOCKET_MODE_PATH = "/link/";

export interface Envelope {
  type: "slash_commands" | "interactive" | "events_api";
  payload: Record<string, unknown>;
  /** Slack's redelivery count (retry_attempt) and reason, as it sends them on a retry. */
  retryAttempt?: number;
  retryReason?: string;
}

/** What came back for an envelope: the acknowledgement's payload, or nothing within the wait. */
export type Acknowledgement = { payload: Record<string, unknown> } | undefined;

export interface FakeSocketMode {
  /** Connections opened so far (each after a hello). */
  opened(): number;
  /** Connections open now. */
  open(): number;
  /** Waits until `count` connections have been opened in all. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest open connection and waits for its acknowledgement. */
  deliver(envelope: Envelope, timeoutMs?: number): Promise<Acknowledgement>;
  /** Asks the client to reconnect, as Slack does before it recycles a server ("refresh_requested"). */
  requestReconnect(): void;
  /** Cuts every connection without a close frame, as a failing network does. */
  dropConnections(): void;
  /** Breaches of the protocol seen: acknowledgements of unknown envelopes, or of one envelope twice. */
  problems: string[];
}

export function attachFakeSocketMode(server: Server): FakeSocketMode & { handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean; close(): void } {
  const wss = new WebSocketServer({ noServer: true });
  const sockets: WebSocket[] = [];
  const pending = new Map<string, (ack: Acknowledgement) => void>();
  const answered = new Set<string>();
  const problems: string[] = [];
  let opened = 0;
  const openWaiters: (() => void)[] = [];

  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("close", () => sockets.splice(sockets.indexOf(socket), 1));
    socket.on("message", (data) => {
      let message: { envelope_id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        problems.push(`not JSON: ${String(data).slice(0, 80)}`);
        return;
      }
      const id = String(message.envelope_id);
      const resolve = pending.get(id);
      if (resolve) {
        pending.delete(id);
        answered.add(id);
        resolve({ payload: (message.payload ?? {}) as Record<string, unknown> });
      } else problems.push(answered.has(id) ? `acknowledged twice: ${id}` : `acknowledged an unknown envelope: ${id}`);
    });
    socket.send(JSON.stringify({ type: "hello", num_connections: sockets.length, debug_info: { host: "fake-socket-mode" }, connection_info: { app_id: "A0IPSBOT" } }));
    opened += 1;
    for (const wake of openWaiters.splice(0)) wake();
  });

  return {
    problems,
    opened: () => opened,
    open: () => sockets.length,
    handleUpgrade(req, socket, head) {
      if (!(req.url ?? "").startsWith(SOCKET_MODE_PATH)) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
      return true;
    },
    async waitForConnections(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (opened < count || sockets.length === 0) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for Socket Mode connection ${count} (${opened} opened)`);
        await new Promise<void>((resolve) => {
          openWaiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    deliver(envelope, timeoutMs = 10_000) {
      const socket = sockets.at(-1);
      if (!socket) return Promise.reject(new Error("no Socket Mode connection is open"));
      const id = randomUUID();
      return new Promise<Acknowledgement>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(undefined);
        }, timeoutMs);
        pending.set(id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        socket.send(
          JSON.stringify({
            envelope_id: id,
            type: envelope.type,
            payload: envelope.payload,
            accepts_response_payload: envelope.type !== "events_api",
            ...(envelope.retryAttempt !== undefined ? { retry_attempt: envelope.retryAttempt, retry_reason: envelope.retryReason ?? "timeout" } : {}),
          }),
        );
      });
    },
    requestReconnect() {
      for (const socket of sockets) socket.send(JSON.stringify({ type: "disconnect", reason: "refresh_requested", debug_info: { host: "fake-socket-mode" } }));
    },
    dropConnections() {
      for (const socket of [...sockets]) socket.terminate();
    },
    close() {
      for (const socket of [...sockets]) socket.terminate();
      wss.close();
    },
  };
}
