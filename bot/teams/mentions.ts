// People @-mentioned in a Teams message. Teams writes `<at>Olle Nurse</at>` into the text with a
// mention entity that carries the person's `29:` account id (and sometimes their Entra object id);
// the command text gets "@Olle Nurse", and the Entra object id, which is how ipsbot knows members,
// is asked of the team's roster only when a command needs it (giving a role, a transfer).
import { TeamsInfo, type Activity, type TurnContext } from "botbuilder";
import type { MentionedPerson } from "../../commands/context.ts";

export interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id?: string; name?: string; aadObjectId?: string };
}

/** Mention entities of people other than the bot itself. */
export function peopleMentioned(activity: Pick<Activity, "entities" | "recipient">): (MentionEntity & { mentioned: { id: string } })[] {
  return ((activity.entities ?? []) as MentionEntity[]).filter(
    (entity): entity is MentionEntity & { mentioned: { id: string } } => entity.type === "mention" && typeof entity.mentioned?.id === "string" && entity.mentioned.id !== activity.recipient?.id,
  );
}

/** How a mentioned person reads in the command text. */
export function mentionText(entity: MentionEntity): string {
  const name = entity.mentioned?.name?.trim() || entity.text?.replace(/<\/?at>/g, "").trim() || "someone";
  return `@${name}`;
}

export function teamsMentions(turn: TurnContext, emulator: boolean): MentionedPerson[] {
  return peopleMentioned(turn.activity).map((entity) => {
    const text = mentionText(entity);
    return {
      text,
      displayName: text.slice(1),
      async platformUserId() {
        if (entity.mentioned.aadObjectId) return entity.mentioned.aadObjectId.toLowerCase();
        return TeamsInfo.getMember(turn, entity.mentioned.id).then(
          // The Emulator has no Entra ids: its users are known by their account id (identity.ts).
          (member) => member.aadObjectId?.toLowerCase() ?? (emulator ? member.id : undefined),
          () => undefined, // not in this team's roster: the command says so
        );
      },
    };
  });
}
