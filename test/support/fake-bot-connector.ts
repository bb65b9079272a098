// A stand-in for the Bot Connector service Teams runs at `serviceUrl`: it records what the bot
// sends (new activities, replies, updates, new 1:1 conversations) and answers like the real one,
// including the errors a test asks for (throttling, gateway errors, a bot removed from a team).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  method: string;
  path: string;
  kind: "send" | "reply" | "update" | "create-conversation" | "other";
  conversationId: string | undefined;
  /** The activity replied to or updated. */
  activityId: string | undefined;
  authorization: string | undefined;
  body: Record<string, any>;
  /** The status the fake answered with, and its body (a sent activity's new id, say). */
  status: number;
  answer: any;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeBotConnector {
  /** Use as the activity's serviceUrl. */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Answers the next matching requests with these answers, in order, before answering normally. */
  answerNext(predicate: (call: ConnectorCall) => boolean, answers: ScriptedAnswer[]): void;
  /** People the team's roster knows (GET …/members/{id} answers with them), as Teams would. */
  addToRoster(account: { id: string; name: string; aadObjectId: string }): void;
  /** Answers every request about this conversation as Teams does once the bot was removed. */
  removeBotFrom(conversationId: string): void;
  waitForCall(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Messages (sent or replied) to one conversation. */
  messagesTo(conversationId: string): ConnectorCall[];
  /** Where a file-consent upload goes (as OneDrive's upload session URL), and what was uploaded there. */
  uploadUrl(id: string): string;
  uploads: { id: string; contentRange: string | undefined; content: string }[];
  close(): Promise<void>;
}

export const BOT_NOT_IN_ROSTER = {
  status: 403,
  body: { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } },
};

function classify(method: string, segments: string[]): Pick<ConnectorCall, "kind" | "conversationId" | "activityId"> {
  // /v3/conversations[/{conversationId}/activities[/{activityId}]]
  const [v3, conversations, conversationId, activities, activityId] = segments;
  if (v3 !== "v3" || conversations !== "conversations") return { kind: "other", conversationId: undefined, activityId: undefined };
  if (conversationId === undefined) return { kind: method === "POST" ? "create-conversation" : "other", conversationId: undefined, activityId: undefined };
  if (activities !== "activities") return { kind: "other", conversationId, activityId: undefined };
  if (activityId === undefined) return { kind: method === "POST" ? "send" : "other", conversationId, activityId };
  return { kind: method === "PUT" ? "update" : method === "POST" ? "reply" : "other", conversationId, activityId };
}

async function readJson(req: IncomingMessage): Promise<Record<string, any>> {
  let raw = "";
  req.setEncoding("utf8");
  for await (const chunk of req) raw += chunk;
  return raw ? (JSON.parse(raw) as Record<string, any>) : {};
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const scripts: { predicate: (call: ConnectorCall) => boolean; answers: ScriptedAnswer[] }[] = [];
  const removedFrom = new Set<string>();
  const roster = new Map<string, { id: string; name: string; aadObjectId: string }>();
  const waiters: { predicate: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }[] = [];

  function normalAnswer(call: ConnectorCall): ScriptedAnswer {
    if (call.conversationId && removedFrom.has(call.conversationId.split(";")[0]!)) return BOT_NOT_IN_ROSTER;
    switch (call.kind) {
      case "create-conversation": {
        const member = (call.body.members as { id: string }[] | undefined)?.[0]?.id ?? "unknown";
        return { status: 201, body: { id: `a:personal-${member}` } };
      }
      case "send":
      case "reply":
        return { status: 201, body: { id: `1${Date.now()}${Math.floor(Math.random() * 1000)}` } };
      case "update":
        return { status: 200, body: { id: call.activityId } };
      default: {
        // GET /v3/conversations/{conversationId}/members/{memberId}: one member of the roster.
        const [, , , members, memberId] = call.path.split("/").filter(Boolean).map(decodeURIComponent);
        if (call.method === "GET" && members === "members" && memberId) {
          const account = roster.get(memberId);
          return account
            ? { status: 200, body: { ...account, userPrincipalName: `${account.name.replace(/\s+/g, ".").toLowerCase()}@example.org`, tenantId: "roster" } }
            : { status: 404, body: { error: { code: "MemberNotFoundInConversation", message: "The member is not in the conversation." } } };
        }
        return { status: 404, body: { error: { code: "NotFound", message: "no such endpoint in the fake connector" } } };
      }
    }
  }

  const uploads: FakeBotConnector["uploads"] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      // A file-consent upload: the file's bytes PUT to the upload URL Teams gave, as to OneDrive.
      if (req.url?.startsWith("/upload/")) {
        let content = "";
        req.setEncoding("utf8");
        for await (const chunk of req) content += chunk;
        uploads.push({ id: decodeURIComponent(req.url.slice("/upload/".length)), contentRange: req.headers["content-range"], content });
        res.writeHead(req.method === "PUT" ? 201 : 405, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: randomUUID(), size: Buffer.byteLength(content) }));
        return;
      }
      const body = await readJson(req);
      const url = new URL(req.url ?? "/", "http://connector");
      const segments = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      const call: ConnectorCall = {
        method: req.method ?? "GET",
        path: url.pathname,
        ...classify(req.method ?? "GET", segments),
        authorization: req.headers.authorization,
        body,
        status: 0,
        answer: undefined,
      };
      const script = scripts.find((candidate) => candidate.answers.length > 0 && candidate.predicate(call));
      const answer = script ? script.answers.shift()! : normalAnswer(call);
      call.status = answer.status;
      call.answer = answer.body;
      calls.push(call);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
      for (const waiter of [...waiters]) {
        if (waiter.predicate(call)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    serviceUrl,
    calls,
    answerNext: (predicate, answers) => void scripts.push({ predicate, answers: [...answers] }),
    removeBotFrom: (conversationId) => void removedFrom.add(conversationId),
    addToRoster: (account) => void roster.set(account.id, account),
    uploadUrl: (id) => `${serviceUrl}upload/${encodeURIComponent(id)}`,
    uploads,
    messagesTo: (conversationId) => calls.filter((call) => (call.kind === "send" || call.kind === "reply") && call.conversationId === conversationId && call.body.type === "message"),
    waitForCall(predicate, timeoutMs = 5_000) {
      const existing = calls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for a connector call (${calls.length} so far)`)), timeoutMs);
        waiters.push({ predicate, resolve: (call) => (clearTimeout(timer), resolve(call)) });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const newActivityId = () => randomUUID();
