// The permission matrix: every registered command, button and form, sent through the
// real Slack receiver as each role, as a stranger and as a member of another clinic, and by a user
// of another Slack workspace and of another Teams tenant on the same database. The expectations
// are written here, by hand, per registry entry: a registry entry without a row fails the suite.
// A refusal must leave every table unchanged and name no participant the request did not name.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerValue, itemValue, reviewValue } from "../../commands/fidelity/action-values.ts";
import { actionRegistry, commandName, commandRegistry, formRegistry } from "../../commands/registry.ts";
import { systemClock } from "../../commands/context.ts";
import type { ClinicRole } from "../../storage/store.ts";
import { fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectOneAuditEventPerChange } from "../support/audit-scan.ts";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fake-bot-connector.ts";
import type { RecordedCall } from "../support/fake-slack-api.ts";
import { seedClinicMembers } from "../support/seed-roles.ts";
import { blockActionBody, slashCommandBody, viewSubmissionBody, type SlackUser } from "../support/slack-requests.ts";
import { executeInvoke, OTHER_TENANT_ID, personalMessage, type TeamsUser } from "../support/teams-activities.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const TEAM = "T0TEST";
const CLINIC_CHANNEL = "C0CLINIC";
const SECRET_REASON = "relapse last week, keep between us";

const slackUser = (id: string, name: string, teamId = TEAM): SlackUser => ({ id, name, teamId });
const ACTORS = {
  specialist: slackUser("U0MSPEC", "maja.specialist"),
  team: slackUser("U0MTEAM", "tove.team"),
  supervisor: slackUser("U0MSUP", "sara.supervisor"),
  admin: slackUser("U0MADMIN", "alva.admin"),
  stranger: slackUser("U0MSTRANGER", "sam.stranger"),
  otherClinic: slackUser("U0MOTHER", "olof.otherclinic"),
} as const;
type Insider = keyof typeof ACTORS;
const OTHER_WORKSPACE = slackUser("U0MWS2", "wera.workspace2", "T2SECOND");
const OTHER_TENANT: TeamsUser = { id: "29:1mOtherTenant", aadObjectId: "b2c3d4e5-0001-4a5b-8c9d-0e1f2a3b4c5d", name: "Tea Tenant", tenantId: OTHER_TENANT_ID };
const OTHER_SPECIALIST = slackUser("U0MSPEC2", "mira.specialist");
const NEWCOMER = slackUser("U0MNEW", "nils.new");

/** Who may, by the README's role table. */
const ANYONE: Insider[] = ["specialist", "team", "supervisor", "admin"];
const CASELOAD: Insider[] = ["specialist", "supervisor"];
const FLAGGING: Insider[] = ["specialist", "team", "supervisor"];
const SUPERVISOR: Insider[] = ["supervisor"];
const STEWARDS: Insider[] = ["supervisor", "admin"];

interface State {
  flagId: number;
  reviewId: number;
  clinicId: number;
  n: number;
}

type Request =
  | { kind: "command"; text: (state: State) => string; channel?: (state: State) => string }
  | { kind: "action"; actionId: string; value: (state: State) => string }
  | { kind: "form"; formId: string; values: Record<string, string>; hidden?: (state: State) => Record<string, string> };

const command = (text: string | ((state: State) => string), channel?: (state: State) => string): Request => ({
  kind: "command",
  text: typeof text === "string" ? () => text : text,
  channel,
});
const mention = (user: SlackUser) => `<@${user.id}|${user.name}>`;

/** One row per registry entry: what to send, and who may. Keys are command names, action ids and form ids. */
const MATRIX: Record<string, { request: Request; allowed: Insider[] }> = {
  // Help names no one's data: anyone with a role somewhere may read it, in any channel.
  help: { request: command("help"), allowed: [...ANYONE, "otherClinic"] },
  // A person's own language: anyone with a role somewhere, for themselves only.
  language: { request: command("language en"), allowed: [...ANYONE, "otherClinic"] },
  "participant add": { request: command((s) => `participant add P-7${String(s.n).padStart(2, "0")}`), allowed: CASELOAD },
  "participant status": { request: command("participant status P-001 paused talked about hours"), allowed: CASELOAD },
  "participant transfer": { request: command(`participant transfer P-001 ${mention(ACTORS.specialist)}`), allowed: SUPERVISOR },
  caseload: { request: command("caseload"), allowed: CASELOAD },
  contact: { request: command('contact "Coop Forum" for P-001 type:phone'), allowed: CASELOAD },
  flag: { request: command("flag P-001 wants more hours"), allowed: FLAGGING },
  agenda: { request: command("agenda"), allowed: FLAGGING },
  unflag: { request: command("unflag P-001 agreed on a plan"), allowed: FLAGGING },
  "job start": { request: command('job start P-001 "Coop Forum" type:retail kind:competitive hours:20'), allowed: CASELOAD },
  "job end": { request: command("job end P-001"), allowed: CASELOAD },
  "channel connect": { request: command("channel connect Clinic", (s) => `C0FRESH${s.n}`), allowed: STEWARDS },
  "channel settings": { request: command("channel settings"), allowed: STEWARDS },
  "channel disconnect": { request: command("channel disconnect"), allowed: STEWARDS },
  "digest preview": { request: command("digest preview"), allowed: FLAGGING },
  "digest post": { request: command("digest post"), allowed: SUPERVISOR },
  "fidelity start": { request: command("fidelity start"), allowed: SUPERVISOR },
  "fidelity resume": { request: command("fidelity resume"), allowed: SUPERVISOR },
  "fidelity cancel": { request: command("fidelity cancel"), allowed: SUPERVISOR },
  "fidelity history": { request: command("fidelity history"), allowed: SUPERVISOR },
  "fidelity export": { request: command("fidelity export"), allowed: SUPERVISOR },
  "admin role": { request: command(`admin role ${mention(NEWCOMER)} team`), allowed: STEWARDS },
  "admin remove": { request: command(`admin remove ${mention(slackUser("U0MNOBODY", "no.body"))}`), allowed: STEWARDS },
  "admin members": { request: command("admin members"), allowed: STEWARDS },
  "admin audit": { request: command("admin audit P-001"), allowed: STEWARDS },
  "admin export": { request: command("admin export P-001"), allowed: ["admin"] },
  "admin erase": { request: command("admin erase P-001"), allowed: ["admin"] },
  // Erasing for real is tested in participant-erasure.test.ts; here the button names no participant of the clinic.
  "participant.erase": { request: { kind: "action", actionId: "participant.erase", value: (s) => `${s.clinicId}:999999` }, allowed: ["admin"] },
  "participant.erase-cancel": { request: { kind: "action", actionId: "participant.erase-cancel", value: (s) => `${s.clinicId}:1` }, allowed: ["admin"] },
  "audit.more": { request: { kind: "action", actionId: "audit.more", value: (s) => `${s.clinicId}:999999:::` }, allowed: STEWARDS },
  "meeting-flag.discussed": { request: { kind: "action", actionId: "meeting-flag.discussed", value: (s) => `${s.flagId}` }, allowed: FLAGGING },
  "meeting-flag.discussed-with-note": { request: { kind: "action", actionId: "meeting-flag.discussed-with-note", value: (s) => `${s.flagId}` }, allowed: FLAGGING },
  "home.log-contact": { request: { kind: "action", actionId: "home.log-contact", value: () => "home" }, allowed: CASELOAD },
  "home.flag-participant": { request: { kind: "action", actionId: "home.flag-participant", value: () => "home" }, allowed: FLAGGING },
  "fidelity.answer": { request: { kind: "action", actionId: "fidelity.answer", value: (s) => answerValue(s.reviewId, "caseload", 4) }, allowed: SUPERVISOR },
  "fidelity.back": { request: { kind: "action", actionId: "fidelity.back", value: (s) => reviewValue(s.reviewId) }, allowed: SUPERVISOR },
  "fidelity.note": { request: { kind: "action", actionId: "fidelity.note", value: (s) => itemValue(s.reviewId, "caseload") }, allowed: SUPERVISOR },
  "fidelity.score-skipped": { request: { kind: "action", actionId: "fidelity.score-skipped", value: (s) => reviewValue(s.reviewId) }, allowed: SUPERVISOR },
  "fidelity.resume": { request: { kind: "action", actionId: "fidelity.resume", value: (s) => reviewValue(s.reviewId) }, allowed: SUPERVISOR },
  "fidelity.post-summary": { request: { kind: "action", actionId: "fidelity.post-summary", value: (s) => reviewValue(s.reviewId) }, allowed: SUPERVISOR },
  "employer-contact": {
    request: { kind: "form", formId: "employer-contact", values: { employer: "Coop Forum", type: "phone", participant: "P-001", date: "2026-11-18", note: "asked about openings" } },
    allowed: CASELOAD,
  },
  "meeting-flag": { request: { kind: "form", formId: "meeting-flag", values: { participant: "P-001", reason: "wants more hours" } }, allowed: FLAGGING },
  "clinic-settings": {
    request: {
      kind: "form",
      formId: "clinic-settings",
      values: { locale: "en", timeZone: "Europe/Stockholm", digestWeekday: "1", digestTime: "08:00", meetingWeekday: "2", meetingTime: "09:00", agendaLeadMinutes: "60" },
      hidden: (s) => ({ clinicId: String(s.clinicId) }),
    },
    allowed: STEWARDS,
  },
  "meeting-flag-outcome": { request: { kind: "form", formId: "meeting-flag-outcome", values: { note: "agreed on a plan" }, hidden: (s) => ({ flagId: `${s.flagId}` }) }, allowed: FLAGGING },
  "fidelity-note": { request: { kind: "form", formId: "fidelity-note", values: { note: "discussed in supervision" }, hidden: (s) => ({ reviewId: String(s.reviewId), itemKey: "caseload" }) }, allowed: SUPERVISOR },
};

/** Acts whose only record is their audit event: a summary posted to the channel and an export change no table. */
const RECORDED_BY_AUDIT_ALONE = new Set(["fidelity.post-summary", "admin export"]);

/** The answers that mean "not allowed", whatever was asked. */
const REFUSALS = [
  /You are not a member of an IPS team in ipsbot yet/,
  /You are not a member of Clinic/,
  /Only .+ of Clinic can do that\./,
  /Only the participant's own employment specialist or the clinic's supervisor can do that\./,
  /You can flag only participants on your own caseload/,
  /Only an admin can create a clinic/,
  /Only an admin of Clinic gives or changes/,
];
const isRefusal = (text: string) => REFUSALS.some((pattern) => pattern.test(text));

describe("permission matrix", () => {
  let h: Harness;
  let connector: FakeBotConnector;
  let n = 0;
  const outcomes: string[] = [];

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    h = await startHarness({
      clock,
      env: { TEAMS_EMULATOR: "true" },
      roles: [
        { user: ACTORS.specialist, role: "specialist" },
        { user: ACTORS.team, role: "team" },
        { user: ACTORS.supervisor, role: "supervisor" },
        { user: ACTORS.admin, role: "admin" },
        { user: OTHER_SPECIALIST, role: "specialist" },
      ],
    });
    await h.grant(ACTORS.otherClinic, "supervisor", "Other clinic");
    // The outsiders supervise clinics of their own, in another Slack workspace and another Teams tenant.
    await h.grant(OTHER_WORKSPACE, "supervisor", "Clinic");
    await seedClinicMembers(h.bot.services.store, { platform: "teams", workspaceId: OTHER_TENANT_ID }, [{ platformUserId: OTHER_TENANT.aadObjectId, displayName: OTHER_TENANT.name, role: "supervisor" }], systemClock);
    await h.connectClinic(CLINIC_CHANNEL, "Clinic");
    await send(ACTORS.specialist, command("participant add P-001 since:2026-10-01"));
    await send(OTHER_SPECIALIST, command("participant add P-002 since:2026-10-01"));
    await send(ACTORS.supervisor, command(`flag P-002 ${SECRET_REASON}`));
  });
  afterAll(async () => {
    await h?.stop();
    await connector?.close();
  });

  const clinicId = () => Number(queryAll(h.databaseFile, "SELECT id FROM Clinic WHERE platform = 'slack' AND workspaceId = ? AND name = 'Clinic'", TEAM)[0]!.id);

  /** Puts back what earlier rows changed: the clinic channel, P-001's flag, an open review. */
  async function restore(): Promise<State> {
    const id = clinicId();
    if (queryAll(h.databaseFile, "SELECT 1 FROM ClinicChannel WHERE activeKey = ?", `slack:${TEAM}:${CLINIC_CHANNEL}`).length === 0) await h.connectClinic(CLINIC_CHANNEL, "Clinic");
    const openFlag = () => queryAll(h.databaseFile, "SELECT f.id FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId WHERE p.code = 'P-001' AND p.clinicId = ? AND f.closedAt IS NULL", id)[0];
    if (!openFlag()) await send(ACTORS.supervisor, command("flag P-001 needs support with travel"));
    const openReview = () => queryAll(h.databaseFile, "SELECT id FROM FidelityReview WHERE clinicId = ? AND status = 'open'", id)[0];
    if (!openReview()) await send(ACTORS.supervisor, command("fidelity start"));
    return { flagId: Number(openFlag()!.id), reviewId: Number(openReview()!.id), clinicId: id, n: ++n };
  }

  /** Sends a request as Slack would and returns all the text the bot sent back for it. */
  async function send(user: SlackUser, request: Request, state?: State): Promise<string> {
    const s = state ?? { flagId: 0, reviewId: 0, clinicId: 0, n: ++n };
    const before = h.slack.calls.length;
    const responseUrl = h.slack.responseUrl(randomUUID());
    let response: Response;
    if (request.kind === "command") {
      response = await h.send(slashCommandBody(user, request.text(s), responseUrl, request.channel?.(s) ?? CLINIC_CHANNEL));
    } else if (request.kind === "action") {
      response = await h.send(blockActionBody(user, request.actionId, request.value(s), responseUrl, CLINIC_CHANNEL));
    } else {
      const values = Object.fromEntries(Object.entries(request.values).map(([id, value]) => [id, { [id]: { type: "plain_text_input", value } }]));
      const metadata = JSON.stringify({ channelId: CLINIC_CHANNEL, hidden: request.hidden?.(s) ?? {} });
      response = await h.send(viewSubmissionBody(user, request.formId, `V${randomUUID()}`, values, metadata));
    }
    const body = await response.text();
    expect(response.status).toBe(200);
    // Field errors come back in the HTTP answer alone; everything else through Slack's Web API.
    const calls = body.includes("response_action") ? [] : await settled(before);
    return [body, ...calls.map(callText)].join("\n");
  }

  /** The calls the bot made for a request, once it has been quiet for a moment. */
  async function settled(before: number): Promise<RecordedCall[]> {
    let seen = -1;
    for (let waited = 0; waited < 3_000; waited += 40) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (h.slack.calls.length === seen && seen > before) break;
      seen = h.slack.calls.length;
    }
    return h.slack.calls.slice(before);
  }

  const callText = (call: RecordedCall) => `${messageText(call)}\n${JSON.stringify(call.body.view ?? "")}`;

  const codesIn = (text: string) => new Set(text.match(/\bP-\d{3}\b/g) ?? []);
  const requestText = (request: Request, s: State) =>
    request.kind === "command" ? request.text(s) : request.kind === "action" ? request.value(s) : JSON.stringify(request.values);

  it("has one row for every command, button and form in the registry, and no other", () => {
    const registered = [...commandRegistry.map(commandName), ...actionRegistry.map((action) => action.actionId), ...formRegistry.map((form) => form.formId)];
    expect(Object.keys(MATRIX).sort()).toEqual([...registered].sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([name, row]) => (Object.keys(ACTORS) as Insider[]).map((actor) => [name, actor, row.allowed.includes(actor)] as const));

  it.each(cases)("%s as %s: allowed %s", async (name, actor, allowed) => {
    const { request } = MATRIX[name]!;
    const state = await restore();
    const before = h.tables();
    const text = await send(ACTORS[actor], request, state);
    outcomes.push(`${name}\t${actor}\t${allowed ? "allowed" : "refused"}`);
    if (allowed) {
      expect(isRefusal(text), text).toBe(false);
      // A new command that changes data without an audit event fails here, since every registry entry has a row.
      expectOneAuditEventPerChange(name, before, h.tables(), RECORDED_BY_AUDIT_ALONE.has(name));
      return;
    }
    expect(isRefusal(text), text).toBe(true);
    expect(h.tables()).toEqual(before);
    const typed = codesIn(requestText(request, state));
    expect([...codesIn(text)].filter((code) => !typed.has(code))).toEqual([]);
    expect(text).not.toContain(SECRET_REASON);
  });

  /** Everything of the first workspace's clinic, to prove an outsider's request touched none of it. */
  const clinicData = () => {
    const id = clinicId();
    return {
      clinic: queryAll(h.databaseFile, "SELECT * FROM Clinic WHERE id = ?", id),
      participants: queryAll(h.databaseFile, "SELECT * FROM Participant WHERE clinicId = ?", id),
      flags: queryAll(h.databaseFile, "SELECT * FROM MeetingFlag WHERE clinicId = ?", id),
      contacts: queryAll(h.databaseFile, "SELECT * FROM EmployerContact WHERE clinicId = ?", id),
      jobs: queryAll(h.databaseFile, "SELECT * FROM JobStart WHERE clinicId = ?", id),
      reviews: queryAll(h.databaseFile, "SELECT * FROM FidelityReview WHERE clinicId = ?", id),
      channels: queryAll(h.databaseFile, "SELECT * FROM ClinicChannel WHERE clinicId = ?", id),
      memberships: queryAll(h.databaseFile, "SELECT * FROM ClinicMembership WHERE clinicId = ?", id),
    };
  };

  it.each(Object.keys(MATRIX))("%s by a supervisor of another Slack workspace reaches nothing of the first workspace's clinic", async (name) => {
    const { request } = MATRIX[name]!;
    const state = await restore();
    const before = clinicData();
    const text = await send(OTHER_WORKSPACE, request, state);
    outcomes.push(`${name}\tother-workspace\trefused`);
    expect(clinicData()).toEqual(before);
    expect(text).not.toContain(SECRET_REASON);
    expect(text).not.toContain(ACTORS.specialist.name);
  });

  /** The same request as a Teams user of another tenant: typed, clicked (Action.Execute) or submitted. */
  async function sendFromTeams(request: Request, state: State): Promise<string> {
    const before = connector.calls.length;
    let activity: Record<string, unknown>;
    if (request.kind === "command") activity = personalMessage(OTHER_TENANT, `ips ${request.text(state)}`, connector.serviceUrl);
    else if (request.kind === "action") activity = executeInvoke(OTHER_TENANT, request.actionId, { value: request.value(state) }, connector.serviceUrl);
    else {
      const fields = Object.keys(request.values).map((id) => ({ kind: "text", id, label: id, required: false, maxLength: 1000 }));
      const form = { formId: request.formId, title: "form", submitLabel: "Save", cancelLabel: "Cancel", hidden: request.hidden?.(state) ?? {}, fields };
      const data = { form, submissionId: randomUUID(), ...Object.fromEntries(Object.entries(request.values).map(([id, value]) => [`field.${id}`, value])) };
      activity = executeInvoke(OTHER_TENANT, `form:${request.formId}`, data, connector.serviceUrl);
    }
    const response = await fetch(`http://127.0.0.1:${h.bot.port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    const body = await response.text();
    expect(response.status).toBe(200);
    return [body, ...connector.calls.slice(before).map((call) => JSON.stringify(call.body))].join("\n");
  }

  it.each(Object.keys(MATRIX))("%s by a supervisor of another Teams tenant reaches nothing of the Slack clinic", async (name) => {
    const { request } = MATRIX[name]!;
    const state = await restore();
    const before = clinicData();
    const text = await sendFromTeams(request, state);
    outcomes.push(`${name}\tother-tenant\trefused`);
    expect(clinicData()).toEqual(before);
    expect(text).not.toContain(SECRET_REASON);
    expect(text).not.toContain(ACTORS.specialist.name);
  });

  it("lets a specialist work only with their own participants", async () => {
    for (const typed of ["participant status P-002 paused", 'contact "Coop" for P-002', "flag P-002 wants more hours", "unflag P-002", 'job start P-002 "Coop" type:retail kind:competitive', "job end P-002"]) {
      const before = h.tables();
      const text = await send(ACTORS.specialist, command(typed));
      expect(isRefusal(text), `${typed}: ${text}`).toBe(true);
      expect(h.tables()).toEqual(before);
      expect(text).not.toContain(SECRET_REASON);
    }
  });

  it("counts its size", () => {
    const roles: ClinicRole[] = ["specialist", "team", "supervisor", "admin"];
    const actors = roles.length + 2 + 2; // + stranger, another clinic's member, another workspace, another tenant
    expect(outcomes).toHaveLength(Object.keys(MATRIX).length * actors);
    console.log(`permission matrix: ${Object.keys(MATRIX).length} commands, buttons and forms × ${actors} actors = ${outcomes.length} requests`);
  });
});
