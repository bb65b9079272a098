// Help, unknown subcommands and localised replies, through signed Slack requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

describe("help and unknown subcommands (en)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.command("help");
  });
  afterAll(async () => h?.stop());

  it("shows help for `/ips` alone and for `/ips help`", async () => {
    for (const text of ["", "help", "  "]) {
      const help = messageText(await h.command(text));
      expect(help).toContain("ipsbot commands");
      for (const command of ["participant add", "participant status", "caseload", "contact", "flag", "agenda", "unflag"]) {
        expect(help).toContain(`/ips ${command}`);
      }
    }
  });

  it.each([
    ["partcipant add P-017", "Did you mean `/ips participant add`?"],
    ["participant ad P-017", "Did you mean `/ips participant add`?"],
    ["participant stats P-017 working", "Did you mean `/ips participant status`?"],
    ["agnda", "Did you mean `/ips agenda`?"],
    ["caseloda", "Did you mean `/ips caseload`?"],
    ["contakt Coop", "Did you mean `/ips contact`?"],
    ["unflg P-017", "Did you mean `/ips unflag`?"],
    ["weather today", "`weather today` is not an ipsbot command. Type `/ips help`"],
  ])("answers `%s` with a suggestion and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });
});

describe("a Swedish-speaking workspace", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { DEFAULT_LOCALE: "sv" } });
  });
  afterAll(async () => h?.stop());

  it("answers in Swedish", async () => {
    expect(messageText(await h.command("help"))).toContain("ipsbot");
    const enrolled = messageText(await h.command("participant add P-017"));
    expect(enrolled).toContain("`P-017`");
    expect(enrolled).not.toContain("Enrolled");
    const refused = messageText(await h.command("participant add P-017"));
    expect(refused).toContain("Clinic");
    expect(refused).not.toContain("already enrolled");
  });

  it("explains the identity-number rule in Swedish", async () => {
    const text = messageText(await h.command("flag P-017 ring 121212-1212"));
    expect(text).toContain("personnummer");
  });
});

describe("a Norwegian-speaking workspace", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { DEFAULT_LOCALE: "nb" } });
  });
  afterAll(async () => h?.stop());

  it("explains the identity-number rule in Norwegian", async () => {
    await h.command("participant add P-017");
    const text = messageText(await h.command("flag P-017 ring 121212-1212"));
    expect(text).toContain("fødselsnummer");
  });
});
