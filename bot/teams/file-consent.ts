// Files in Teams (an export, a CSV): a bot cannot attach a file to a chat. It sends a file-consent
// card; when the person accepts, Teams gives an upload URL in their OneDrive, the bot PUTs the file
// there and posts a file card. Until then the file waits in this process's memory only, never in
// the database (an export holds a participant's data), for 15 minutes, for the person it was
// made for only.
import { randomUUID } from "node:crypto";
import type { Application } from "@microsoft/teams-ai";
import { MessageFactory, type Activity, type TurnContext } from "botbuilder";
import type { FileAttachment } from "../../commands/reply.ts";
import { clinicTranslator } from "./identity.ts";
import { teamsMarkdown } from "./teams-text.ts";
import type { TeamsRuntime } from "./teams-runtime.ts";

const WAIT_MS = 15 * 60_000;
const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";
const FILE_INFO = "application/vnd.microsoft.teams.card.file.info";

interface PendingFile {
  file: FileAttachment;
  /** The Teams user id (29:…) of the person the card went to: only they may accept it. */
  for: string;
  expires: number;
}

const pending = new Map<string, PendingFile>();

/** The consent card for a file, which waits here until accepted or declined. */
export function fileConsentMessage(file: FileAttachment, recipientId: string, now: number): Partial<Activity> {
  for (const [token, entry] of pending) if (entry.expires < now) pending.delete(token);
  const token = randomUUID();
  pending.set(token, { file, for: recipientId, expires: now + WAIT_MS });
  return MessageFactory.attachment({
    contentType: FILE_CONSENT,
    name: file.name,
    content: { description: file.title, sizeInBytes: Buffer.byteLength(file.content, "utf8"), acceptContext: { token }, declineContext: { token } },
  });
}

interface ConsentResponse {
  context?: { token?: unknown };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/** The file this consent answer is for, taken out of waiting; undefined when expired, unknown or someone else's. */
function take(turn: TurnContext, response: ConsentResponse, now: number): PendingFile | undefined {
  const token = typeof response.context?.token === "string" ? response.context.token : "";
  const entry = pending.get(token);
  if (!entry || entry.expires < now || entry.for !== turn.activity.from?.id) return undefined;
  pending.delete(token);
  return entry;
}

/** The upload goes to OneDrive over HTTPS; the Emulator's connector is on this machine. */
function uploadUrlAllowed(runtime: TeamsRuntime, url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || (runtime.emulator && parsed.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname));
  } catch {
    return false;
  }
}

export function registerFileConsent(app: Application, runtime: TeamsRuntime): void {
  const t = clinicTranslator(runtime.services);
  const now = () => runtime.services.clock.now().getTime();

  app.fileConsentAccept(async (turn, _state, response: ConsentResponse) => {
    const entry = take(turn, response, now());
    const info = response.uploadInfo;
    if (!entry || !info?.uploadUrl || !uploadUrlAllowed(runtime, info.uploadUrl)) {
      await turn.sendActivity(MessageFactory.text(teamsMarkdown(t("teams.fileExpired"))));
      return;
    }
    const bytes = Buffer.from(entry.file.content, "utf8");
    // One PUT of the whole file to the upload session, as OneDrive takes it (fetch sets the length).
    const status = await fetch(info.uploadUrl, { method: "PUT", headers: { "content-range": `bytes 0-${bytes.length - 1}/${bytes.length}` }, body: bytes }).then(
      (response) => response.status,
      () => 0,
    );
    if (status < 200 || status >= 300) {
      runtime.services.logger.warn("could not upload a file the person accepted", { status });
      await turn.sendActivity(MessageFactory.text(teamsMarkdown(t("teams.fileUploadFailed"))));
      return;
    }
    await turn.sendActivity(
      MessageFactory.attachment({ contentType: FILE_INFO, contentUrl: info.contentUrl, name: info.name ?? entry.file.name, content: { uniqueId: info.uniqueId, fileType: info.fileType } }),
    );
  });

  app.fileConsentDecline(async (turn, _state, response: ConsentResponse) => {
    take(turn, response, now());
    await turn.sendActivity(MessageFactory.text(teamsMarkdown(t("teams.fileDeclined"))));
  });
}
