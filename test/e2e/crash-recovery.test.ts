// Acknowledged means stored: a real bot process is killed with SIGKILL in the middle of
// a burst of 200 contact logs sent 4 at a time, and started again on the same database file. Every
// request Slack was told was received (HTTP 200) has its contact stored; the requests a client
// sends again after the crash (the same body: the same trigger_id) are stored once, none twice.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabaseFile, queryAll } from "../support/database-copy.ts";
import { listeningPort } from "../support/log-lines.ts";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fake-slack-api.ts";
import { postSigned, SIGNING_SECRET, slashCommandBody, type SlackUser } from "../support/slack-requests.ts";

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN: SlackUser = { id: "U0CRASHADM", name: "ines.admin", teamId: "T0CRASH" };
const SPECIALIST: SlackUser = { id: "U0CRASHSPEC", name: "anna.specialist", teamId: "T0CRASH" };
const BURST = 200;
const PARALLEL = 4;
const KILL_AFTER_ACKNOWLEDGED = 60;

interface BotProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

async function startBotProcess(databaseFile: string, slack: FakeSlackApi): Promise<BotProcess> {
  // The bot's own node process (what `npm start` runs through tsx), so SIGKILL hits the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bot/main.ts")], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: root,
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: `file:${databaseFile}`,
      LOG_LEVEL: "info",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-crash-test",
      SLACK_API_URL: slack.url,
      ADMIN_SLACK_USER_IDS: ADMIN.id,
      TEAMS_ENABLED: "false",
    },
  });
  const exited = once(child, "exit");
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  await expect.poll(() => listeningPort(output), { timeout: 30_000, interval: 100 }).toBeDefined();
  const port = listeningPort(output);
  return { child, url: `http://127.0.0.1:${port}/slack/events`, exited };
}

describe("a bot process killed during a burst of contact logs", () => {
  const slack = startFakeSlackApi();
  const processes: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of processes) child.kill("SIGKILL");
    await (await slack).close();
  });

  it("has stored every acknowledged contact, and stores the rest once when they are sent again", async () => {
    const api = await slack;
    const databaseFile = freshDatabaseFile();
    const first = await startBotProcess(databaseFile, api);
    processes.push(first.child);
    const command = async (url: string, user: SlackUser, text: string) => {
      const response = await postSigned(url, slashCommandBody(user, text, api.responseUrl(`setup-${text}`)));
      expect(response.status).toBe(200);
    };
    // A fresh install, set up as the README says: the admin creates the clinic and gives a role.
    await command(first.url, ADMIN, "channel connect Clinic");
    await command(first.url, ADMIN, `admin role <@${SPECIALIST.id}|${SPECIALIST.name}> specialist`);
    await command(first.url, SPECIALIST, "participant add P-001");
    expect(queryAll(databaseFile, "SELECT code FROM Participant")).toEqual([{ code: "P-001" }]); // acknowledged, so stored

    const bodies = Array.from({ length: BURST }, (_, index) => slashCommandBody(SPECIALIST, `contact "Employer ${index}" for P-001 type:phone call ${index}`, api.responseUrl(`burst-${index}`)));
    const acknowledged = new Set<number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < BURST) {
        const index = next++;
        try {
          const response = await postSigned(first.url, bodies[index]!);
          if (response.status === 200) acknowledged.add(index);
        } catch {
          // the connection died with the process: not acknowledged
        }
        if (!killed && acknowledged.size >= KILL_AFTER_ACKNOWLEDGED) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await first.exited;
    const sentBeforeCrash = next;

    const storedAfterCrash = queryAll(databaseFile, "SELECT note FROM EmployerContact").map((row) => String(row.note));
    for (const index of acknowledged) expect(storedAfterCrash).toContain(`call ${index}`);

    // Start again on the same file; the client sends every request that was not acknowledged.
    const second = await startBotProcess(databaseFile, api);
    processes.push(second.child);
    for (let index = 0; index < BURST; index++) {
      if (acknowledged.has(index)) continue;
      const response = await postSigned(second.url, bodies[index]!);
      expect(response.status).toBe(200);
    }
    const notes = queryAll(databaseFile, "SELECT note FROM EmployerContact").map((row) => String(row.note));
    expect(notes).toHaveLength(BURST);
    expect(new Set(notes).size).toBe(BURST);
    console.log(
      `crash test: ${sentBeforeCrash} sent before SIGKILL, ${acknowledged.size} acknowledged, ${storedAfterCrash.length} stored at the crash ` +
        `(${storedAfterCrash.length - acknowledged.size} committed but not acknowledged), ${BURST} stored after resending, 0 twice`,
    );
    second.child.kill("SIGTERM");
    await second.exited;
  }, 120_000);
});
