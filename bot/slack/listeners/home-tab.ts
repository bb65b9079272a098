// The Home tab shows the viewer's own week; it is published when opened and after each change
// the viewer makes (commands, buttons, forms).
import type { AllMiddlewareArgs, App } from "@slack/bolt";
import type { RequestContext, Services } from "../../../commands/context.ts";
import { runHomeTab } from "../../../commands/dispatch.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessage } from "../render-blocks.ts";

type WebClient = AllMiddlewareArgs["client"];

/** Slack allows 100 blocks in a Home tab. */
const HOME_BLOCK_LIMIT = 100;

// Members who opened the Home tab since this process started. Opening it always redraws it, so
// only they can be looking at a drawn tab that a change would make stale: redrawing for everyone
// after every command would double the work of each command for people who never look.
const homeViewers = new Set<string>();
const viewerKey = (ctx: RequestContext) => `${ctx.workspaceId}:${ctx.member.platformUserId}`;

export function registerHomeTab(app: App, services: Services): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id;
    const ctx = await contextFromInteraction(services, client, { team: teamId ? { id: teamId } : null, user: { id: event.user } }, undefined);
    homeViewers.add(viewerKey(ctx));
    await refreshHomeFor(client, services, ctx);
  });
}

/** Redraws the member's Home tab after a change they made, if they have been looking at it. */
export async function refreshHomeAfterChange(client: WebClient, services: Services, ctx: RequestContext): Promise<void> {
  if (homeViewers.has(viewerKey(ctx))) await refreshHomeFor(client, services, ctx);
}

export async function refreshHomeFor(client: WebClient, services: Services, ctx: RequestContext): Promise<void> {
  try {
    const reply = await runHomeTab(ctx);
    const { blocks } = renderMessage(reply);
    await client.views.publish({ user_id: ctx.member.platformUserId, view: { type: "home", blocks: blocks.slice(0, HOME_BLOCK_LIMIT) } as never });
  } catch (error) {
    services.logger.warn("could not publish the Home tab", { error: String(error) });
  }
}
