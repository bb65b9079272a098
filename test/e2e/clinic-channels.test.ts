// /ips channel connect|settings|disconnect, the settings modal, and which clinic a command acts on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { settingsViewValues } from "../support/settings-view.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const NORD = "C0NORD";

describe("clinic channels", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(async () => h?.stop());

  // A form opened before the rate definition was a setting has no rateDefinition: left out unless given.
  const settingsValues = (overrides: Record<string, string> = {}) =>
    settingsViewValues({ locale: "sv", timeZone: "Europe/Stockholm", digestWeekday: "1", digestTime: "07:30", meetingWeekday: "3", meetingTime: "13:00", agendaLeadMinutes: "90", ...overrides });
  let metadata = "";

  it("refuses to connect a direct message", async () => {
    const reply = await expectNothingStored(h, () => h.command("channel connect Psykos Nord", SPECIALIST, "D0DIRECT"));
    expect(messageText(reply)).toContain("Type this in the channel that should receive the clinic's digests");
  });

  it("refuses a connect without a clinic name", async () => {
    const reply = await expectNothingStored(h, () => h.command("channel connect", SPECIALIST, NORD));
    expect(messageText(reply)).toContain("Name the clinic");
  });

  it("lets only an admin create a clinic, and stores nothing for anyone else", async () => {
    const reply = await expectNothingStored(h, () => h.command("channel connect Psykos Nord", SPECIALIST, NORD));
    expect(messageText(reply)).toContain("Only an admin can create a clinic.");
  });

  it("connects a channel to a new clinic when an admin asks, and opens the settings form; roles are given by people", async () => {
    const response = await h.sendCommand("channel connect Psykos Nord", ADMIN, undefined, NORD);
    expect(response.status).toBe(200);
    const open = await h.slack.waitForCall((call) => call.method === "views.open" && (call.body.view as { callback_id: string }).callback_id === "clinic-settings");
    const view = open.body.view as { private_metadata: string; blocks: { block_id: string }[] };
    expect(view.blocks.map((block) => block.block_id)).toEqual(["locale", "timeZone", "digestWeekday", "digestTime", "meetingWeekday", "meetingTime", "agendaLeadMinutes", "rateDefinition"]);
    metadata = view.private_metadata;
    expect(JSON.parse(metadata)).toMatchObject({ channelId: NORD, hidden: { clinicId: expect.any(String) } });
    expect(queryAll(h.databaseFile, "SELECT c.name, ch.channelId, ch.activeKey FROM ClinicChannel ch JOIN Clinic c ON c.id = ch.clinicId")).toEqual([
      { name: "Psykos Nord", channelId: NORD, activeKey: `slack:T0TEST:${NORD}` },
    ]);
    const rolesOf = (userId: string) =>
      queryAll(h.databaseFile, "SELECT c.name, m.role FROM ClinicMembership m JOIN Clinic c ON c.id = m.clinicId JOIN Member mb ON mb.id = m.memberId WHERE mb.platformUserId = ? ORDER BY c.id", userId);
    // The installation admin is admin of every clinic by configuration, not by a stored role.
    expect(rolesOf(ADMIN.id)).toEqual([]);
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
    expect(rolesOf(SPECIALIST.id)).toEqual([
      { name: "Clinic", role: "supervisor" },
      { name: "Psykos Nord", role: "supervisor" },
    ]);
  });

  it("gives no membership to someone who types in a clinic's channel, and names who can add them", async () => {
    const stranger = { id: "U0PASSERBY", name: "pat.passerby", teamId: SPECIALIST.teamId };
    const reply = await expectNothingStored(h, () => h.command("agenda", stranger, NORD));
    expect(messageText(reply)).toContain("You are not a member of an IPS team in ipsbot yet");
    expect(JSON.stringify(reply.body.blocks)).toContain(`<@${SPECIALIST.id}>`);
    const member = await expectNothingStored(h, () => h.command("agenda", COLLEAGUE, NORD));
    expect(messageText(member)).toContain("You are not a member of Psykos Nord");
  });

  it("refuses to connect the same channel twice", async () => {
    const reply = await expectNothingStored(h, () => h.command("channel connect Psykos Syd", SPECIALIST, NORD));
    expect(messageText(reply)).toContain("This channel is already connected to Psykos Nord");
  });

  it.each([
    [{ digestTime: "25:00" }, "digestTime", "25:00 is not a time"],
    [{ meetingTime: "9" }, "meetingTime", "9 is not a time"],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Mars/Olympus is not a time zone"],
    [{ agendaLeadMinutes: "soon" }, "agendaLeadMinutes", "soon is not a number of minutes"],
    [{ agendaLeadMinutes: "2000" }, "agendaLeadMinutes", "2000 is not a number of minutes"],
    [{ digestWeekday: "8" }, "digestWeekday", "8 is not a weekday"],
    [{ locale: "de" }, "locale", "de is not a language"],
    [{ rateDefinition: "oecd" }, "rateDefinition", "oecd is not a definition of the employment rate. Choose one of: ips-employment-center, ips-grow"],
  ])("shows a field error for %j and saves nothing", async (overrides, field, expected) => {
    const response = await expectNothingStored(h, () => h.submitView("clinic-settings", settingsValues(overrides), { metadata }));
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body).toEqual({ response_action: "errors", errors: { [field]: expect.stringContaining(expected) } });
  });

  it("saves the settings and confirms in the clinic's new language", async () => {
    const response = await h.submitView("clinic-settings", settingsValues(), { metadata });
    expect(response.status).toBe(200);
    const posted = await h.slack.waitForCall((call) => call.method === "chat.postEphemeral" && messageText(call).includes("Psykos Nord"));
    expect(messageText(posted)).toContain("Sparat för Psykos Nord: sammanfattning måndag 07:30, teammöte onsdag 13:00, dagordning 90 minuter före");
    expect(queryAll(h.databaseFile, "SELECT locale, timeZone, digestWeekday, digestTime, meetingWeekday, meetingTime, agendaLeadMinutes FROM Clinic WHERE name = 'Psykos Nord'")).toEqual([
      { locale: "sv", timeZone: "Europe/Stockholm", digestWeekday: 1, digestTime: "07:30", meetingWeekday: 3, meetingTime: "13:00", agendaLeadMinutes: 90 },
    ]);
  });

  it("keeps the employment rate's definition when a form without it is saved, and changes it when chosen", async () => {
    const rateDefinition = () => queryAll(h.databaseFile, "SELECT rateDefinition FROM Clinic WHERE name = 'Psykos Nord'")[0];
    expect(rateDefinition()).toEqual({ rateDefinition: "ips-employment-center" });
    await h.submitView("clinic-settings", settingsValues({ rateDefinition: "ips-grow" }), { metadata });
    const posted = await h.slack.waitForCall((call) => call.method === "chat.postEphemeral" && messageText(call).includes("andel i arbete enligt IPS Grow"));
    expect(messageText(posted)).toContain("andel i arbete enligt IPS Grow: de som saknade arbete vid start, arbeten på minst 4 timmar i veckan.");
    expect(rateDefinition()).toEqual({ rateDefinition: "ips-grow" });
    const [event] = queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE action = 'clinic.settings-changed' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(String(event!.details))).toEqual({ rateDefinition: { from: "ips-employment-center", to: "ips-grow" } });
    await h.submitView("clinic-settings", settingsValues({ rateDefinition: "ips-employment-center" }), { metadata });
    await expect.poll(() => rateDefinition()).toEqual({ rateDefinition: "ips-employment-center" });
  });

  it("acts on the channel's clinic for commands typed there", async () => {
    await h.command("participant add P-017", SPECIALIST, NORD);
    await h.command("participant add P-017 clinic:Clinic", SPECIALIST, "C0CLINIC"); // same code, other clinic: allowed
    expect(queryAll(h.databaseFile, "SELECT c.name, p.code FROM Participant p JOIN Clinic c ON c.id = p.clinicId ORDER BY p.id")).toEqual([
      { name: "Psykos Nord", code: "P-017" },
      { name: "Clinic", code: "P-017" },
    ]);
  });

  it("asks which clinic when a member of several types outside a clinic channel", async () => {
    await h.command("participant status P-017 paused", SPECIALIST, NORD); // warm-up: nothing new is created below
    const reply = await expectNothingStored(h, () => h.command("caseload", SPECIALIST, "D0DIRECT"));
    expect(messageText(reply)).toContain("You belong to several clinics (Clinic, Psykos Nord)");
    const chosen = messageText(await h.command('caseload clinic:"psykos nord"', SPECIALIST, "D0DIRECT"));
    expect(chosen).toContain("Din deltagargrupp");
    const unknown = await expectNothingStored(h, () => h.command("caseload clinic:Nowhere", SPECIALIST, "D0DIRECT"));
    expect(messageText(unknown)).toContain("`Nowhere` is not one of your clinics (Clinic, Psykos Nord)");
  });

  it("lets only a supervisor change settings or disconnect", async () => {
    await h.grant(COLLEAGUE, "specialist", "Psykos Nord");
    for (const command of ["channel settings", "channel disconnect", "channel connect Psykos Nord"]) {
      const reply = await expectNothingStored(h, () => h.command(command, COLLEAGUE, NORD));
      expect(messageText(reply)).toMatch(/Bara metodstödjare eller administratörer på Psykos Nord kan göra det|redan kopplad/);
    }
    const crafted = await expectNothingStored(h, () => h.submitView("clinic-settings", settingsValues({ locale: "en" }), { metadata, user: COLLEAGUE }));
    expect(crafted.status).toBe(200);
    await h.slack.waitForCall((call) => call.method === "chat.postEphemeral" && messageText(call).includes("Bara metodstödjare"));
  });

  it("reopens the settings for a supervisor, and disconnects", async () => {
    const settings = await h.sendCommand("channel settings", SPECIALIST, undefined, NORD);
    expect(settings.status).toBe(200);
    await h.slack.waitForCall((call) => call.method === "views.open" && JSON.stringify(call.body.view).includes('"07:30"'));
    const text = messageText(await h.command("channel disconnect", SPECIALIST, NORD));
    expect(text).toContain("Den här kanalen får inte längre sammanfattningar och dagordningar för Psykos Nord");
    expect(queryAll(h.databaseFile, "SELECT activeKey, disconnectedReason FROM ClinicChannel")).toEqual([{ activeKey: null, disconnectedReason: "disconnected by anna.specialist" }]);
    const again = await expectNothingStored(h, () => h.command("channel disconnect", SPECIALIST, NORD));
    expect(messageText(again)).toContain("not connected to a clinic");
  });
});
