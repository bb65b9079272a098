// `npm run bench:teams`: speed of the real Teams path (activity → teams-ai Application →
// use case → SQLite → fake Bot Connector) and the size of the cards sent, measured, not asserted.
import { performance } from "node:perf_hooks";
import setup from "../support/global-setup.ts";
import { COLLEAGUE, SPECIALIST } from "../support/teams-activities.ts";
import { cardsOf, startTeamsHarness, type Exchange } from "../support/teams-harness.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
let largestCard = 0;

function summarise(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `${name.padEnd(34)} n=${String(samples.length).padStart(4)}  p50=${at(0.5).padStart(6)} ms  p95=${at(0.95).padStart(6)} ms  max=${at(1).padStart(6)} ms`;
}

async function timeEach(count: number, act: (index: number) => Promise<Exchange>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const exchange = await act(index);
    samples.push(performance.now() - started);
    for (const card of exchange.calls.flatMap(cardsOf)) largestCard = Math.max(largestCard, Buffer.byteLength(JSON.stringify(card)));
  }
  return samples;
}

const removeRunFolder = await setup();
const startedAt = performance.now();
const h = await startTeamsHarness({ checkCards: false });
const startupMs = performance.now() - startedAt;
await h.say("ips help");

const results = [
  summarise("participant add", await timeEach(ROUNDS, (i) => h.say(`ips participant add P-${1000 + i}`))),
  summarise("contact (inline, for participant)", await timeEach(ROUNDS, (i) => h.say(`ips contact "Employer ${i % 40}" for P-${1000 + i} type:in-person`))),
  summarise("flag", await timeEach(ROUNDS, (i) => h.say(`ips flag P-${1000 + i} discuss support`, COLLEAGUE))),
  summarise(`caseload (${ROUNDS} participants)`, await timeEach(50, () => h.say("ips caseload", SPECIALIST))),
  summarise(`agenda (${ROUNDS} open flags)`, await timeEach(50, () => h.say("ips agenda"))),
  summarise("caseload in a channel (private)", await timeEach(50, () => h.mention("ips caseload"))),
  summarise("bad input (refused)", await timeEach(ROUNDS, () => h.say("ips contact Coop type:fax"))),
];
const agenda = await h.say("ips agenda");
const agendaCards = agenda.calls.flatMap(cardsOf).length;

const memory = process.memoryUsage();
console.log(`ipsbot Teams benchmark · Node ${process.version} · ${new Date().toISOString()}`);
console.log(`start-up incl. migrations: ${startupMs.toFixed(0)} ms`);
for (const line of results) console.log(line);
console.log(`agenda of ${ROUNDS} flags: ${agendaCards} cards; largest card sent: ${(largestCard / 1024).toFixed(1)} KB (Teams' limit 28 KB)`);
console.log(`memory after run: rss=${(memory.rss / 2 ** 20).toFixed(0)} MiB heapUsed=${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (bench client and bot share one process)`);
await h.stop();
removeRunFolder();
