// Teams stays in bot/teams: moving to the Teams SDK later replaces one adapter. This fails if any
// other production file imports the Bot Framework, teams-ai or the Teams manifest package.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const TEAMS_PACKAGES = /from\s+["'](botbuilder[^"']*|botframework-[^"']*|@microsoft\/teams-ai|@microsoft\/app-manifest|adaptivecards[^"']*)["']/;

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.parentPath.includes("generated"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe("the Teams boundary", () => {
  const files = ["bot", "commands", "storage", "prompts"].flatMap(sourceFiles);

  it("keeps Bot Framework and teams-ai imports inside bot/teams", () => {
    const offenders = files.filter((file) => !file.startsWith(`bot${path.sep}teams${path.sep}`) && TEAMS_PACKAGES.test(readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("finds the imports it looks for", () => {
    const adapter = files.find((file) => file.endsWith(path.join("teams", "teams-adapter.ts")))!;
    expect(TEAMS_PACKAGES.test(readFileSync(path.join(root, adapter), "utf8"))).toBe(true);
  });

  it("keeps commands/ free of any chat platform's package", () => {
    const offenders = sourceFiles("commands").filter((file) => /from\s+["'](@slack\/|botbuilder|@microsoft\/)/.test(readFileSync(path.join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
