import { describe, expect, it } from "vitest";
import { commandTextOf } from "../../bot/teams/message-text.ts";

const bot = { id: "28:3a9d6f1e-8b2c-4d7a-9e5f-1c0b2a3d4e5f", name: "ipsbot" };
const mentionOf = (account: { id: string; name: string }) => ({ type: "mention", text: `<at>${account.name}</at>`, mentioned: account });

describe("the command text of a Teams message", () => {
  it.each([
    ["ips help", "help"],
    ["IPS help", "help"],
    ["Ips   caseload ", "caseload"],
    ["/ips agenda", "agenda"],
    ["help", "help"],
    ["ips", ""],
    ["", ""],
    ["ipsum lorem", "ipsum lorem"],
    ['ips contact "ICA Maxi" for P-017 type:in-person', 'contact "ICA Maxi" for P-017 type:in-person'],
  ])("reads %j as %j", (text, expected) => {
    expect(commandTextOf({ text, recipient: bot, entities: [] })).toBe(expected);
  });

  it("strips the bot's own mention wherever it is and whatever its display name", () => {
    const renamed = { ...bot, name: "IPS-boten" };
    expect(commandTextOf({ text: "<at>IPS-boten</at>&nbsp;ips flag P-017 hours", recipient: bot, entities: [mentionOf(renamed)] })).toBe("flag P-017 hours");
    expect(commandTextOf({ text: "ips agenda <at>ipsbot</at>", recipient: bot, entities: [mentionOf(bot)] })).toBe("agenda");
  });

  it("keeps other people's names as @-mentions, without the markup", () => {
    const olle = { id: "29:1bNurseOlle", name: "Olle Nurse" };
    const text = "<at>ipsbot</at> flag P-017 ask <at>Olle Nurse</at> about hours";
    expect(commandTextOf({ text, recipient: bot, entities: [mentionOf(bot), mentionOf(olle)] })).toBe("flag P-017 ask @Olle Nurse about hours");
  });

  it("decodes numeric HTML entities, so the guard sees the character a reader sees", () => {
    expect(commandTextOf({ text: "ips flag P-017 ring 811218&#8209;9876 &#x2013; ok", recipient: bot })).toBe("flag P-017 ring 811218\u20119876 \u2013 ok");
    expect(commandTextOf({ text: "ips flag P-017 &#0; &#x110000;", recipient: bot })).toBe("flag P-017 &#0; &#x110000;");
  });

  it("decodes the HTML entities Teams clients send", () => {
    expect(commandTextOf({ text: "ips contact &quot;Café Åsa &amp; Söner&quot;&nbsp;type:phone", recipient: bot })).toBe('contact "Café Åsa & Söner" type:phone');
  });
});
