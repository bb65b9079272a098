// A bot in a process of its own, for tests of several processes sharing one database. It starts
// the real bot with the clock given on the command line, says "ready", runs one scheduler round
// when it reads "tick" on stdin, says "done", and stops on "stop".
import { createInterface } from "node:readline";
import { startBot } from "../../bot/start-bot.ts";

const [, , isoNow] = process.argv;
if (!isoNow) throw new Error("usage: bot-process.ts <ISO instant>");
const now = new Date(isoNow);
const bot = await startBot({ clock: { now: () => new Date(now) }, schedulerTimer: false, logger: { debug() {}, info() {}, warn() {}, error: (m, f) => console.error(m, f) } });
console.log("ready");
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "tick") {
    await bot.scheduler.tick();
    console.log("done");
  }
  if (line === "stop") break;
}
await bot.stop();
process.exit(0);
