// `/ips admin export P-017`: a participant's access request answered with everything ipsbot
// stores about them, as a JSON file in the admin's direct messages, in Slack and Teams; the
// export is audited, and only an admin may make it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { ADMIN as TEAMS_ADMIN, fileConsentAnswer } from "../support/teams-activities.ts";
import { repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

/** What the specialist and the team typed about P-017, each of which the export must hold. */
async function recordP017(say: (text: string, as?: "colleague") => Promise<unknown>) {
  await say("participant add P-017 since:2026-10-01");
  await say("participant add P-018 since:2026-10-01");
  await say("participant status P-017 paused unsettled after the move");
  await say('contact "ICA Maxi" for P-017 type:in-person asked about stocking jobs');
  await say('contact "Coop" for P-018 type:phone not about P-017');
  await say('job start P-017 "ICA Maxi" type:retail kind:competitive hours:20');
  await say("job end P-017 2026-11-18 reason:contract-ended");
  await say("flag P-017 wants to talk about hours", "colleague");
  await say("unflag P-017 agreed on weekly follow-up");
}

function expectTheExportOfP017(exported: Record<string, any>) {
  expect(exported.clinic).toBe("Clinic");
  expect(exported.participant).toMatchObject({ code: "P-017", enrolledOn: "2026-10-01", status: "job-search" });
  expect(exported.statusHistory.map((change: any) => [change.status, change.note])).toEqual([
    ["job-search", null],
    ["paused", "unsettled after the move"],
    ["working", null],
    ["job-search", null],
  ]);
  expect(exported.employerContacts).toEqual([expect.objectContaining({ employer: "ICA Maxi", contactType: "in-person", note: "asked about stocking jobs" })]);
  expect(exported.jobs).toEqual([expect.objectContaining({ employer: "ICA Maxi", jobType: "retail", kind: "competitive", hoursPerWeek: 20, endedOn: "2026-11-18", endReason: "contract-ended" })]);
  expect(exported.meetingFlags).toEqual([expect.objectContaining({ reason: "wants to talk about hours", outcomeNote: "agreed on weekly follow-up" })]);
  expect(exported.auditEvents.map((event: any) => event.action)).toEqual([
    "participant.enrolled",
    "participant.status-changed",
    "employer-contact.logged",
    "job.started",
    "job.ended",
    "meeting-flag.opened",
    "meeting-flag.closed",
  ]);
  // Nothing about another participant.
  expect(JSON.stringify(exported)).not.toContain("P-018");
  expect(JSON.stringify(exported)).not.toContain("not about");
}

describe("exporting a participant's data in Slack", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock });
    await recordP017((text, as) => h.command(text, as === "colleague" ? COLLEAGUE : SPECIALIST));
  });
  afterAll(async () => h?.stop());

  it("sends the admin a JSON file in their direct messages with everything stored about P-017", async () => {
    const reply = await h.command("admin export P-017", ADMIN, "C0TEST");
    expect(messageText(reply)).toContain("The export of `P-017` is in your direct messages with ipsbot: ipsbot-P-017-2026-11-18.json");
    await h.slack.waitForCall((call) => call.method === "files.completeUploadExternal");
    const file = h.slack.uploads.at(-1)!;
    expect(file.filename).toBe("ipsbot-P-017-2026-11-18.json");
    expectTheExportOfP017(JSON.parse(file.content));
    const dm = h.slack.callsTo("chat.postMessage").at(-1)!;
    expect(dm.body.channel).toBe(ADMIN.id);
  });

  it("records the export as an audit event without any of its content", () => {
    const [event] = queryAll(h.databaseFile, "SELECT action, actorPlatformUserId, details FROM AuditEvent WHERE action = 'participant.exported'");
    expect(event).toEqual({ action: "participant.exported", actorPlatformUserId: ADMIN.id, details: JSON.stringify({ code: "P-017" }) });
  });

  it("keeps no copy of the export outside the participant's rows", () => {
    expect(JSON.stringify(queryAll(h.databaseFile, "SELECT * FROM Delivery"))).not.toContain("unsettled after the move");
  });

  it("lets only an admin export, and refuses an unknown code, storing nothing", async () => {
    expect(messageText(await expectNothingStored(h, () => h.command("admin export P-017", SPECIALIST)))).toContain("Only admins of Clinic can do that.");
    expect(messageText(await expectNothingStored(h, () => h.command("admin export P-404", ADMIN, "C0TEST")))).toContain("There is no participant `P-404`");
    expect(messageText(await expectNothingStored(h, () => h.command("admin export Anna", ADMIN, "C0TEST")))).toContain("`Anna` is not a participant code");
  });
});

describe("exporting a participant's data in Teams", () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    const { COLLEAGUE: TEAMS_COLLEAGUE } = await import("../support/teams-activities.ts");
    await recordP017((text, as) => h.say(`ips ${text}`, as === "colleague" ? TEAMS_COLLEAGUE : undefined));
  });
  afterAll(async () => h?.stop());

  it("offers the admin the JSON as a file in their personal chat, uploaded to their OneDrive once accepted", async () => {
    const exchange = await h.say("ips admin export P-017", TEAMS_ADMIN);
    expect(repliesText(exchange.calls)).toContain("The export of P-017 is in your direct messages with ipsbot");
    const consent = exchange.calls.flatMap((call) => call.body.attachments ?? []).find((attachment: any) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent");
    expect(consent.name).toBe("ipsbot-P-017-2026-11-18.json");
    await h.send(fileConsentAnswer(TEAMS_ADMIN, h.connector.serviceUrl, consent, { accept: true, uploadUrl: h.connector.uploadUrl("export"), name: consent.name }));
    expectTheExportOfP017(JSON.parse(h.connector.uploads.find((upload) => upload.id === "export")!.content));
  });
});
