// `npm run bench`: speed and memory of the real request path (signed Slack request → Bolt →
// use case → SQLite → response_url), measured, not asserted. Numbers go in the README.
// `npm run bench:socket` sends the same requests as Socket Mode envelopes over the WebSocket.
import { performance } from "node:perf_hooks";
import setup from "../support/global-setup.ts";
import { COLLEAGUE, messageText, SPECIALIST, startHarness } from "../support/bot-harness.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

function summarise(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `${name.padEnd(34)} n=${String(samples.length).padStart(4)}  p50=${at(0.5).padStart(6)} ms  p95=${at(0.95).padStart(6)} ms  max=${at(1).padStart(6)} ms`;
}

async function timeEach(count: number, act: (index: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await act(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

const removeRunFolder = await setup();
const startedAt = performance.now();
const h = await startHarness();
const startupMs = performance.now() - startedAt;
await h.command("help");

const results = [
  summarise("participant add", await timeEach(ROUNDS, (i) => h.command(`participant add P-${1000 + i}`))),
  summarise("contact (inline, for participant)", await timeEach(ROUNDS, (i) => h.command(`contact "Employer ${i % 40}" for P-${1000 + i} type:in-person`))),
  summarise("flag", await timeEach(ROUNDS, (i) => h.command(`flag P-${1000 + i} discuss support`, COLLEAGUE))),
  summarise(`caseload (${ROUNDS} participants)`, await timeEach(50, () => h.command("caseload", SPECIALIST))),
  summarise(`agenda (${ROUNDS} open flags)`, await timeEach(50, () => h.command("agenda"))),
  summarise("bad input (refused)", await timeEach(ROUNDS, () => h.command("contact Coop type:fax"))),
  summarise(`digest preview (${ROUNDS} participants)`, await timeEach(20, () => h.command("digest preview"))),
];
const check = messageText(await h.command("caseload"));
if (!check.includes(`Your caseload: ${ROUNDS} active`)) throw new Error("benchmark data not as expected");

const memory = process.memoryUsage();
console.log(`ipsbot benchmark · Slack over ${h.transport.name === "socket" ? "Socket Mode" : "HTTP"} · Node ${process.version} · ${new Date().toISOString()}`);
console.log(`start-up incl. migrations: ${startupMs.toFixed(0)} ms`);
for (const line of results) console.log(line);
console.log(`memory after run: rss=${(memory.rss / 2 ** 20).toFixed(0)} MiB heapUsed=${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (bench client and bot share one process)`);
await h.stop();
removeRunFolder();
