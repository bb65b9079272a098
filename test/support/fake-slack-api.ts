// A stand-in for Slack's Web API (https://slack.com/api/<method>) and for response_url
// endpoints. It records every call the bot makes and answers like Slack does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { attachFakeSocketMode, SOCKET_MODE_PATH, type FakeSocketMode } from "./fake-socket-mode.ts";

export interface RecordedCall {
  /** Web API method (e.g. "chat.postEphemeral") or "response_url". */
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The Authorization header: the bot token (xoxb-) for Web API methods, the app-level token (xapp-) for apps.connections.open. */
  authorization?: string;
}

/** A scripted answer for the next call to a method (then back to normal answers). */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
  delayMs?: number;
}

/** A file the bot uploaded through files.uploadV2 (getUploadURLExternal → upload URL → completeUploadExternal). */
export interface UploadedFile {
  fileId: string;
  filename: string;
  content: string;
}

export interface FakeSlackApi {
  url: string;
  calls: RecordedCall[];
  /** Makes the next call to `method` get this answer (queued; one per call). */
  answerNext(method: string, answer: ScriptedAnswer): void;
  uploads: UploadedFile[];
  responseUrl(id: string): string;
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  callsTo(method: string): RecordedCall[];
  /** Slack's Socket Mode service: apps.connections.open hands out its WebSocket URL. */
  socketMode: FakeSocketMode;
  /** The locale users.info gives a user (Slack's default, en-US, for everyone else). */
  setUserLocale(userId: string, locale: string): void;
  close(): Promise<void>;
}

export const TEST_TEAM_ID = "T0TEST";

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends arrays and objects (blocks, view) as JSON strings in a form body.
  for (const [key, value] of Object.entries(form)) {
    if (/^[[{]/.test(value)) {
      try {
        form[key] = JSON.parse(value);
      } catch {
        /* keep the raw string */
      }
    }
  }
  return form;
}

/** Slack answers a post to a user id with the id of the DM it opened. */
function directMessageChannel(channel: unknown): unknown {
  return typeof channel === "string" && channel.startsWith("U") ? `D${channel.slice(1)}` : channel;
}

function answerFor(method: string, body: Record<string, unknown>, base: string, authorization: string | undefined, locales: ReadonlyMap<string, string>): Record<string, unknown> {
  switch (method) {
    case "users.info":
      return { ok: true, user: { id: body.user, ...(body.include_locale ? { locale: locales.get(String(body.user)) ?? "en-US" } : {}) } };
    case "apps.connections.open":
      // Only an app-level token opens a Socket Mode connection.
      if (!authorization?.startsWith("Bearer xapp-")) return { ok: false, error: "not_allowed_token_type" };
      // On the host the bot asked by (a name only a proxy may know): the link then goes the same way.
      return { ok: true, url: `${base.replace(/^http/, "ws")}${SOCKET_MODE_PATH}?ticket=${randomUUID()}&app_id=A0IPSBOT` };
    case "auth.test":
      return { ok: true, url: "https://test.slack.com/", team: "Test", user: "ipsbot", team_id: TEST_TEAM_ID, user_id: "UBOT", bot_id: "BBOT" };
    case "views.open":
      return { ok: true, view: { id: `V${Date.now()}`, ...(body.view as object) } };
    case "chat.postEphemeral":
      return { ok: true, message_ts: `${Date.now() / 1000}` };
    case "chat.postMessage":
      return { ok: true, channel: directMessageChannel(body.channel), ts: `${Date.now() / 1000}` };
    case "files.getUploadURLExternal": {
      const fileId = `F${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
      return { ok: true, file_id: fileId, upload_url: `${base}/upload/${fileId}?filename=${encodeURIComponent(String(body.filename))}` };
    }
    case "files.completeUploadExternal":
      return { ok: true, files: (body.files as { id: string; title?: string }[] | undefined)?.map((file) => ({ id: file.id, title: file.title })) ?? [] };
    default:
      return { ok: true };
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();
  const uploads: UploadedFile[] = [];
  const locales = new Map<string, string>();
  let base = "";
  const waiters: { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const path = req.url ?? "/";
      if (path.startsWith("/upload/")) {
        // The file itself: multipart form data with the bytes under "body", as the Web API client sends it.
        const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
        const file = form.get("body");
        const url = new URL(path, base);
        uploads.push({ fileId: url.pathname.split("/")[2]!, filename: url.searchParams.get("filename") ?? "", content: typeof file === "string" ? file : await file!.text() });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("OK");
        return;
      }
      const raw = Buffer.concat(chunks).toString("utf8");
      const isResponseUrl = path.startsWith("/respond/");
      const method = isResponseUrl ? "response_url" : path.replace(/^\/api\//, "").split("?")[0]!;
      const body = parseBody(raw, req.headers["content-type"]);
      const call = { method, path, body, authorization: req.headers.authorization };
      calls.push(call);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(call)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
      const script = scripted.get(method)?.shift();
      const answer = () => {
        res.writeHead(script?.status ?? 200, { "content-type": "application/json", ...script?.headers });
        res.end(JSON.stringify(script?.body ?? (isResponseUrl ? { ok: true } : answerFor(method, body, req.headers.host ? `http://${req.headers.host}` : base, req.headers.authorization, locales))));
      };
      if (script?.delayMs) setTimeout(answer, script.delayMs);
      else answer();
    });
  });
  const socketMode = attachFakeSocketMode(server);
  server.on("upgrade", (req, socket, head) => {
    if (!socketMode.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/api/`,
    calls,
    answerNext(method, answer) {
      scripted.set(method, [...(scripted.get(method) ?? []), answer]);
    },
    uploads,
    responseUrl: (id) => `${base}/respond/${id}`,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall(predicate, timeoutMs = 5_000) {
      const existing = calls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timed out waiting for a Slack API call")), timeoutMs);
        waiters.push({ predicate, resolve: (call) => (clearTimeout(timer), resolve(call)) });
      });
    },
    socketMode,
    setUserLocale: (userId, locale) => void locales.set(userId, locale),
    close: () => {
      socketMode.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
