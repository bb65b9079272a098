// Every typed command, sent through Teams by someone allowed to run it: a request that changes
// the clinic's data writes exactly one audit event (one per channel post), one that changes
// nothing writes none. Every command of the registry has a row, so a new command
// without an audit event fails here as it fails the Slack permission matrix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandName, commandRegistry } from "../../commands/registry.ts";
import { ADMIN, channelMention, COLLEAGUE, SPECIALIST, type TeamsUser } from "../support/teams-activities.ts";
import { repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { fixedClock } from "../support/bot-harness.ts";
import { expectOneAuditEventPerChange } from "../support/audit-scan.ts";

interface Row {
  text: string;
  as: TeamsUser;
  /** In the clinic channel (with an @mention of the bot, and of `people`); else the personal chat. */
  inChannel?: boolean;
  people?: TeamsUser[];
}

/** One row per command of the registry: what the allowed person types. */
const ROWS: Record<string, Row> = {
  help: { text: "ips help", as: SPECIALIST },
  language: { text: "ips language en", as: SPECIALIST },
  "participant add": { text: "ips participant add P-702 since:2026-10-01", as: SPECIALIST },
  "participant status": { text: "ips participant status P-701 paused talked about hours", as: SPECIALIST },
  caseload: { text: "ips caseload", as: SPECIALIST },
  contact: { text: 'ips contact "Coop Forum" for P-701 type:phone', as: SPECIALIST },
  flag: { text: "ips flag P-701 wants more hours", as: SPECIALIST },
  agenda: { text: "ips agenda", as: SPECIALIST },
  unflag: { text: "ips unflag P-701 agreed on a plan", as: SPECIALIST },
  "job start": { text: 'ips job start P-701 "Coop Forum" type:retail kind:competitive hours:20', as: SPECIALIST },
  "job end": { text: "ips job end P-701", as: SPECIALIST },
  "channel connect": { text: "ips channel connect Clinic", as: ADMIN, inChannel: true },
  "channel settings": { text: "ips channel settings", as: ADMIN, inChannel: true },
  "digest preview": { text: "ips digest preview", as: SPECIALIST },
  "digest post": { text: "ips digest post", as: SPECIALIST },
  "fidelity start": { text: "ips fidelity start", as: SPECIALIST },
  "fidelity resume": { text: "ips fidelity resume", as: SPECIALIST },
  "fidelity history": { text: "ips fidelity history", as: SPECIALIST },
  "fidelity export": { text: "ips fidelity export", as: SPECIALIST },
  "fidelity cancel": { text: "ips fidelity cancel", as: SPECIALIST },
  "admin role": { text: `ips admin role <at>${COLLEAGUE.name}</at> specialist`, as: ADMIN, inChannel: true, people: [COLLEAGUE] },
  // Olle is a specialist now, so P-702 can move to his caseload.
  "participant transfer": { text: `ips participant transfer P-702 <at>${COLLEAGUE.name}</at>`, as: SPECIALIST, inChannel: true, people: [COLLEAGUE] },
  "admin remove": { text: `ips admin remove <at>${COLLEAGUE.name}</at>`, as: ADMIN, inChannel: true, people: [COLLEAGUE] },
  "admin members": { text: "ips admin members", as: ADMIN, inChannel: true },
  "admin audit": { text: "ips admin audit P-701", as: ADMIN, inChannel: true },
  "admin export": { text: "ips admin export P-701", as: ADMIN, inChannel: true },
  "admin erase": { text: "ips admin erase P-701", as: ADMIN, inChannel: true },
  "channel disconnect": { text: "ips channel disconnect", as: ADMIN, inChannel: true },
};

/** The commands that change the clinic's data in this walk (the others read, or ask first, as erase does). */
const CHANGING = new Set(["participant add", "participant status", "contact", "flag", "unflag", "job start", "job end", "channel connect", "digest post", "fidelity start", "fidelity cancel", "admin role", "participant transfer", "channel disconnect"]);

/** Acts whose only record is their audit event (an export changes no table). */
const RECORDED_BY_AUDIT_ALONE = new Set(["admin export"]);

describe("one audit event per change, for every command typed in Teams", () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
    for (const user of [SPECIALIST, COLLEAGUE, ADMIN]) h.connector.addToRoster({ id: user.id, name: user.name, aadObjectId: user.aadObjectId });
    await h.say("ips participant add P-701 since:2026-10-01");
    await h.mention("ips help"); // the channel's installation is recorded on first contact
  });
  afterAll(async () => h?.stop());

  it("has a row for every command of the registry", () => {
    expect(Object.keys(ROWS).sort()).toEqual(commandRegistry.map(commandName).sort());
  });

  it.each(Object.entries(ROWS))("%s", async (name, row) => {
    const before = h.tables();
    let text: string;
    if (row.inChannel) {
      const activity = channelMention(row.as, row.text, h.connector.serviceUrl);
      for (const person of row.people ?? []) activity.entities.push({ type: "mention", text: `<at>${person.name}</at>`, mentioned: { id: person.id, name: person.name } });
      text = repliesText((await h.send(activity)).calls);
    } else {
      text = repliesText((await h.say(row.text, row.as)).calls);
    }
    expect(text).not.toMatch(/can do that|not a member|Sorry, something went wrong/);
    const changed = expectOneAuditEventPerChange(name, before, h.tables(), RECORDED_BY_AUDIT_ALONE.has(name));
    expect(changed).toBe(CHANGING.has(name));
  });
});
