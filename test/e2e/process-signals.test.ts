// ipsbot started exactly as the README says (`npm start`, which runs the compiled dist/), then
// stopped the way systemd, a container runtime or a person at a terminal stops it: SIGTERM or
// SIGINT to the npm process, or SIGTERM to the bot's own process. Each time the bot stops within
// 10 seconds, says so in the log, closes its port and leaves no process behind.
import { spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshDatabaseFile } from "../support/database-copy.ts";
import { listeningPort, logLines } from "../support/log-lines.ts";
import { descendantsOf, isAlive } from "../support/process-tree.ts";

const root = path.resolve(import.meta.dirname, "../..");

async function startAsTheReadmeSays() {
  const npm = spawn("npm", ["start"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}`, LOG_LEVEL: "info" },
  });
  let output = "";
  npm.stdout.on("data", (chunk) => (output += String(chunk)));
  npm.stderr.on("data", (chunk) => (output += String(chunk)));
  const exited = once(npm, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  await expect.poll(() => listeningPort(output), { timeout: 30_000, interval: 50 }).toBeDefined();
  const port = listeningPort(output)!;
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(response.status).toBe(200);
  const processes = [npm.pid!, ...descendantsOf(npm.pid!)];
  return { npm, port, processes, exited, output: () => output };
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("stopping the bot started with npm start", () => {
  it.each([
    ["SIGTERM to the npm process", "SIGTERM", "npm"],
    ["SIGINT to the npm process", "SIGINT", "npm"],
    ["SIGTERM to the bot's own node process", "SIGTERM", "bot"],
  ] as const)("%s stops it within 10 s, closes the port and leaves no process", async (_, signal, target) => {
    const bot = await startAsTheReadmeSays();
    // npm runs the bot directly (the start script execs node): one process below npm, nothing in between.
    const below = bot.processes.slice(1);
    expect(below).toHaveLength(1);
    const started = Date.now();
    process.kill(target === "npm" ? bot.npm.pid! : below[0]!, signal);
    await bot.exited;
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(() => bot.processes.filter(isAlive), { timeout: 10_000, interval: 50 }).toEqual([]);
    expect(await portIsClosed(bot.port)).toBe(true);
    const lines = logLines(bot.output());
    expect(lines.filter((line) => line.message === "shutting down" || line.message === "stopped")).toEqual([
      { time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: "info", message: "shutting down", signal },
      { time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: "info", message: "stopped", signal },
    ]);
  }, 60_000);
});
