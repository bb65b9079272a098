// The bot as production runs it: `node dist/bot/main.js` (what `npm start` execs) in a process of
// its own, on a fresh copy of the migrated template database, with its output collected.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect } from "vitest";
import { freshDatabaseFile } from "./database-copy.ts";
import { listeningPort } from "./log-lines.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface CompiledBot {
  child: ChildProcess;
  port: number;
  output(): string;
}

const started: ChildProcess[] = [];

/** Starts the compiled bot with `env` added to a minimal environment; resolves once it listens. */
export async function startCompiledBot(env: Record<string, string>): Promise<CompiledBot> {
  const child = spawn(process.execPath, [path.join(root, "dist/bot/main.js")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH, PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}`, LOG_LEVEL: "info", ...env },
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  await expect.poll(() => listeningPort(output), { timeout: 30_000, interval: 50 }).toBeDefined();
  return { child, port: listeningPort(output)!, output: () => output };
}

/** Kills every bot a suite started (for its afterAll). */
export function killCompiledBots(): void {
  for (const child of started.splice(0)) child.kill("SIGKILL");
}
