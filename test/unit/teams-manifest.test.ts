// manifest.json is the Teams app manifest: valid against the official schema of the version it
// declares (loaded offline from @microsoft/app-manifest), its command list from the registry,
// real icons, and `npm run package:teams` zips it for upload.
import { teamsPlain } from "../../bot/teams/teams-text.ts";
import { MAX_TEAMS_COMMANDS, TEAMS_MENUS, teamsCommandList } from "../../bot/teams/app-package/command-list.ts";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildAppPackage, buildVersion, PackagingError } from "../../bot/teams/app-package/package-app.ts";
import { drawColorIcon, drawOutlineIcon } from "../../bot/teams/app-package/icons.ts";
import { encodePng } from "../../bot/teams/app-package/png.ts";
import { bundledSchemaFile, ICON_FILES, manifestSchemaErrors, readManifest, withRegistryCommands } from "../../bot/teams/app-package/teams-manifest.ts";
import { COMMAND_WORD, commandName, commandRegistry, helpReply } from "../../commands/registry.ts";
import type { CommandContext } from "../../commands/context.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import { readPng } from "../support/png-reader.ts";
import { TEST_TMP } from "../support/paths.ts";

const manifest = readManifest();
const t = Catalogue.load().translator("en");
const BOT_ID = "3a9d6f1e-8b2c-4d7a-9e5f-1c0b2a3d4e5f";
const APP_ID = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";
/** What an installation packages with: its bot, its own app id, its address. */
const OURS = { botId: BOT_ID, appId: APP_ID, publicUrl: "https://ipsbot.region.se" };

describe("the Teams app manifest", () => {
  it("declares a schema version bundled with @microsoft/app-manifest, so it is checked offline", () => {
    const file = bundledSchemaFile(manifest.$schema);
    expect(file).toBeDefined();
    const schema = JSON.parse(readFileSync(file!, "utf8"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
    expect(manifest.manifestVersion).toBe(/\/v([\d.]+)\//.exec(manifest.$schema)![1]);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(19);
  });

  it("is valid against that official schema", async () => {
    expect(await manifestSchemaErrors(manifest)).toEqual([]);
  });

  it.each([
    ["an unknown scope", (m: any) => (m.bots[0].scopes = ["everywhere"])],
    ["a bot id that is not a GUID", (m: any) => (m.bots[0].botId = "ipsbot")],
    ["a short description over 80 characters", (m: any) => (m.description.short = "x".repeat(81))],
    ["a property Teams does not know", (m: any) => (m.colour = "green")],
    ["no icons", (m: any) => delete m.icons],
  ])("would be refused with %s", async (_case, breakIt) => {
    const broken = structuredClone(manifest);
    breakIt(broken);
    expect((await manifestSchemaErrors(broken)).length).toBeGreaterThan(0);
  });

  it("refuses a $schema it cannot check offline", async () => {
    expect(await manifestSchemaErrors({ ...manifest, $schema: "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json" })).toEqual([
      expect.stringContaining("cannot be checked offline"),
    ]);
  });

  it("offers the bot in personal chats, teams and group chats, with valid domains as bare host names", () => {
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]!.scopes).toEqual(["personal", "team", "groupChat"]);
    const domains = manifest.validDomains as string[];
    expect(domains.length).toBeGreaterThan(0);
    for (const domain of domains) expect(domain).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe("one registry for the Teams command list, the Slack manifest and the help text", () => {
  const lists = manifest.bots[0]!.commandLists!;
  const commands = lists.flatMap((list) => list.commands);

  it("has one menu per scope the bot serves, each from the registry, help first, within Teams' limit of 12", () => {
    expect(withRegistryCommands(manifest, t)).toEqual(manifest);
    expect(lists.map((list) => list.scopes)).toEqual(manifest.bots[0]!.scopes.map((scope) => [scope]));
    for (const list of lists) {
      const scope = list.scopes[0] as keyof typeof TEAMS_MENUS;
      const keys = TEAMS_MENUS[scope];
      expect(keys[0]).toBe("help");
      expect(keys.length).toBeLessThanOrEqual(MAX_TEAMS_COMMANDS);
      expect(new Set(keys).size).toBe(keys.length);
      const specs = keys.map((key) => commandRegistry.find((spec) => spec.key === key));
      expect(specs.every((spec) => spec !== undefined)).toBe(true);
      expect(list.commands.map((command) => command.title)).toEqual(specs.map((spec) => commandName(spec!)));
      expect(list.commands).toEqual(teamsCommandList(t, scope));
      expect(list.commands.every((command, index) => teamsPlain(t(`command.${keys[index]!}.purpose`)).startsWith(command.description.replace(/…$/, "")))).toBe(true);
    }
  });

  it("puts the daily work in the personal chat and the clinic's business in the team channel", () => {
    const titles = (scope: string) => lists.find((list) => list.scopes[0] === scope)!.commands.map((command) => command.title);
    expect(titles("personal")).toEqual(expect.arrayContaining(["caseload", "contact", "participant add", "participant status", "job start"]));
    expect(titles("team")).toEqual(expect.arrayContaining(["agenda", "digest preview", "channel connect", "channel settings"]));
    expect(titles("personal")).not.toContain("channel connect"); // typed in a channel only
  });

  it("names no command the registry does not have", () => {
    expect(() => teamsCommandList(t, "personal")).not.toThrow();
  });

  it("has a help line for every Teams command and the Slack manifest's one slash command", () => {
    const help = helpReply({ t } as CommandContext).blocks.map((block) => ("text" in block ? block.text : "")).join("\n");
    for (const command of commands) expect(teamsPlain(help)).toContain(`${COMMAND_WORD} ${command.title}`);
    const slack = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../bot/slack/manifest.json"), "utf8"));
    expect(slack.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([`/${COMMAND_WORD}`]);
  });

  it("notices a command list that drifted from the registry", async () => {
    const drifted = structuredClone(manifest);
    drifted.bots[0]!.commandLists![1]!.commands.pop();
    expect(withRegistryCommands(drifted, t)).not.toEqual(drifted);
    await expect(buildAppPackage(OURS, drifted)).rejects.toThrow("run `npm run teams:manifest`");
  });
});

describe("the Teams app icons", () => {
  it("has a 192×192 full-colour icon", () => {
    const png = readPng(readFileSync(ICON_FILES.color));
    expect([png.width, png.height, png.colourType]).toEqual([192, 192, 6]);
    expect(png.pixels.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(new Set(png.pixels.map((pixel) => pixel.join())).size).toBeGreaterThan(1);
  });

  it("has a 32×32 outline icon, white on transparent", () => {
    const png = readPng(readFileSync(ICON_FILES.outline));
    expect([png.width, png.height, png.colourType]).toEqual([32, 32, 6]);
    const kinds = new Set(png.pixels.map(([r, g, b, a]) => (a === 0 ? "transparent" : r === 255 && g === 255 && b === 255 && a === 255 ? "white" : "other")));
    expect([...kinds].sort()).toEqual(["transparent", "white"]);
  });

  it("are the icons the drawing code makes (`npm run teams:manifest`)", () => {
    expect(readFileSync(ICON_FILES.color).equals(encodePng(drawColorIcon()))).toBe(true);
    expect(readFileSync(ICON_FILES.outline).equals(encodePng(drawOutlineIcon()))).toBe(true);
  });
});

describe("npm run package:teams", () => {
  it("zips the installation's own manifest (bot id, app id, address, a raised version) and the two icons at the archive's root", async () => {
    const file = path.join(TEST_TMP, "ipsbot-teams-app.zip");
    writeFileSync(file, await buildAppPackage({ ...OURS, now: new Date("2026-12-06T21:40:30Z") }));
    // Python's zipfile is an independent reader: names, CRCs and contents.
    const listing = execFileSync("python3", [
      "-c",
      "import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({'names': z.namelist(), 'manifest': json.loads(z.read('manifest.json')), 'color': z.read('color.png').hex(), 'outline': z.read('outline.png').hex()}))",
      file,
    ]).toString();
    const archive = JSON.parse(listing);
    expect(archive.names).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(archive.manifest.bots[0].botId).toBe(BOT_ID);
    expect(archive.manifest.id).toBe(APP_ID);
    expect(archive.manifest.version).toBe("0.1.202612062140");
    expect(archive.manifest.developer).toMatchObject({ websiteUrl: "https://ipsbot.region.se", privacyUrl: "https://ipsbot.region.se/privacy", termsOfUseUrl: "https://ipsbot.region.se/terms" });
    expect(archive.manifest.validDomains).toEqual(["ipsbot.region.se"]);
    const { id: _id, version: _version, developer: _developer, validDomains: _domains, bots, ...rest } = archive.manifest;
    const { id: _i, version: _v, developer: _d, validDomains: _vd, bots: committedBots, ...committed } = manifest;
    expect(rest).toEqual(committed);
    expect(bots).toEqual([{ ...committedBots[0], botId: BOT_ID }]);
    expect(archive.color).toBe(readFileSync(ICON_FILES.color).toString("hex"));
    expect(archive.outline).toBe(readFileSync(ICON_FILES.outline).toString("hex"));
    expect(await manifestSchemaErrors(archive.manifest)).toEqual([]);
  });

  it.each(["sv", "nb"] as const)("writes the command menus in the installation's language (DEFAULT_LOCALE=%s), valid against the schema", async (locale) => {
    const file = path.join(TEST_TMP, `ipsbot-teams-app-${locale}.zip`);
    writeFileSync(file, await buildAppPackage({ ...OURS, locale }));
    const packaged = JSON.parse(execFileSync("python3", ["-c", "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('manifest.json').decode())", file]).toString());
    const lists = packaged.bots[0].commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    const t = Catalogue.load().translator(locale);
    expect(lists.find((list) => list.scopes[0] === "personal")!.commands[0]!.description).toBe(teamsPlain(t("command.help.purpose")));
    expect(lists.flatMap((list) => list.commands).map((command) => command.title)).toEqual(manifest.bots[0]!.commandLists!.flatMap((list: { commands: { title: string }[] }) => list.commands).map((command: { title: string }) => command.title));
    expect(await manifestSchemaErrors(packaged)).toEqual([]);
  });

  it("raises the version with every build, so Teams accepts the update", () => {
    expect(buildVersion("0.1.0", new Date("2026-12-06T21:40:59Z"))).toBe("0.1.202612062140");
    expect(buildVersion("0.1.0", new Date("2026-12-06T21:41:00Z"))).toBe("0.1.202612062141");
    expect(buildVersion("1.4.7", new Date("2027-01-01T00:00:00Z"))).toBe("1.4.202701010000");
  });

  it("refuses to package the placeholder bot id", async () => {
    await expect(buildAppPackage({ ...OURS, botId: undefined })).rejects.toThrow(PackagingError);
    await expect(buildAppPackage({ ...OURS, botId: "  " })).rejects.toThrow("set BOT_ID");
  });

  it("refuses a bot id that makes the manifest invalid", async () => {
    await expect(buildAppPackage({ ...OURS, botId: "not-a-guid" })).rejects.toThrow(/not valid against .*botId/s);
  });

  it.each([
    [{ appId: undefined }, "set TEAMS_APP_ID to an id of this installation's own"],
    [{ appId: "237ec691-9a34-4daa-b3ff-25009bd4deff" }, "manifest.json's id is the repository's"],
    [{ appId: "my-app" }, "set TEAMS_APP_ID"],
    [{ publicUrl: undefined }, "set PUBLIC_URL to the https address"],
    [{ publicUrl: "https://ipsbot.example.org" }, "PUBLIC_URL names an example host (ipsbot.example.org)"],
    [{ publicUrl: "http://ipsbot.region.se" }, "PUBLIC_URL must be an https address"],
  ])("refuses %j", async (settings, message) => {
    await expect(buildAppPackage({ ...OURS, ...settings })).rejects.toThrow(message);
  });
});
