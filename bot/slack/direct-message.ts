// Posts a reply's direct part to the user's DM with the bot. chat.postMessage to a user id opens
// the app's DM (the chat:write scope suffices) and answers with the DM's channel id, where a file
// (files:write) is then uploaded.
import type { AllMiddlewareArgs } from "@slack/bolt";
import type { DirectMessage } from "../../commands/reply.ts";
import { renderMessages } from "./render-blocks.ts";

type WebClient = AllMiddlewareArgs["client"];

export async function sendDirectMessage(client: WebClient, userId: string, direct: DirectMessage): Promise<void> {
  let channel = userId;
  for (const message of renderMessages({ kind: "message", visibility: "ephemeral", blocks: direct.blocks })) {
    const posted = await client.chat.postMessage({ channel: userId, ...message });
    channel = posted.channel ?? channel;
  }
  if (direct.file) {
    await client.files.uploadV2({
      channel_id: channel,
      file: Buffer.from(direct.file.content, "utf8"),
      filename: direct.file.name,
      title: direct.file.title,
    });
  }
}
