// Each layer keeps to itself: a chat platform's packages stay in its adapter, Prisma
// stays in storage/, commands/ knows no adapter, and only the composition roots read the process
// environment. A new platform then needs a new adapter and nothing else; moving to another SDK or
// database replaces one directory.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.parentPath.includes("generated"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

const PRODUCTION = ["bot", "commands", "storage", "prompts"].flatMap(sourceFiles);
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const importing = (pattern: RegExp) => (file: string) => [...read(file).matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].some((match) => pattern.test(match[1]!));

const SLACK = /^@slack\//;
const TEAMS = /^(botbuilder|botframework-|@microsoft\/teams-ai|@microsoft\/app-manifest|adaptivecards)/;
const PRISMA = /^(@prisma\/|prisma(\/|$))|generated\/prisma/;
const ADAPTERS = /(^|\/)bot\//;

/** Where the process environment may be read: the bot's entry and composition root, and command-line tools that are their own. */
const COMPOSITION_ROOTS = ["bot/main.ts", "bot/start-bot.ts", "bot/check-working.ts", "bot/backup-cli.ts", "bot/teams/app-package/package-app.ts", "bot/slack/app-manifest/write-manifest.ts", "storage/prisma.config.ts"];

describe("architecture boundaries", () => {
  it("keeps Slack's packages inside bot/slack", () => {
    expect(PRODUCTION.filter((file) => !file.startsWith("bot/slack/") && importing(SLACK)(file))).toEqual([]);
  });

  it("keeps Bot Framework and teams-ai inside bot/teams", () => {
    expect(PRODUCTION.filter((file) => !file.startsWith("bot/teams/") && importing(TEAMS)(file))).toEqual([]);
  });

  it("keeps Prisma inside storage/", () => {
    expect(PRODUCTION.filter((file) => !file.startsWith("storage/") && importing(PRISMA)(file))).toEqual([]);
  });

  it("keeps commands/ and prompts/ free of the adapters", () => {
    expect(PRODUCTION.filter((file) => /^(commands|prompts|storage)\//.test(file) && importing(ADAPTERS)(file))).toEqual([]);
  });

  it("reads the process environment only in composition roots", () => {
    expect(PRODUCTION.filter((file) => !COMPOSITION_ROOTS.includes(file) && /process\.env\b/.test(read(file)))).toEqual([]);
  });

  it("finds what it looks for, so each check can fail", () => {
    expect(importing(SLACK)("bot/slack/slack-adapter.ts")).toBe(true);
    expect(importing(TEAMS)("bot/teams/teams-adapter.ts")).toBe(true);
    expect(PRODUCTION.some((file) => file.startsWith("storage/") && importing(PRISMA)(file))).toBe(true);
    expect(ADAPTERS.test("../../bot/slack/render-blocks.ts")).toBe(true);
    expect(importing(/^\.\.\/commands\//)("bot/scheduler.ts")).toBe(true);
    expect(/process\.env\b/.test(read("bot/start-bot.ts"))).toBe(true);
    for (const root of COMPOSITION_ROOTS) expect(PRODUCTION).toContain(root);
  });
});
