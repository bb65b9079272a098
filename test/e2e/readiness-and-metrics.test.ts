// /readyz names each thing the bot needs and whether it has it; /metrics counts requests by
// command and outcome, their latency, scheduled posts and retries, in Prometheus text format,
// and carries nothing anyone typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { execute } from "../support/database-copy.ts";

describe("readiness and metrics", () => {
  let h: Harness;
  const base = () => h.eventsUrl.replace(/\/slack\/events$/, "");
  beforeAll(async () => {
    h = await startHarness({ clock: fixedClock("2026-11-22T12:00:00Z") });
  });
  afterAll(async () => h?.stop());

  it("is ready when the database answers, no migration is pending and Slack's token works", async () => {
    const response = await fetch(`${base()}/readyz`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "ok", slack: { platform: "slack", status: "ok", checkedAt: expect.any(String) } },
    });
  });

  it("counts requests by command and outcome, with latency, and never what was typed", async () => {
    await h.command("participant add P-501");
    await h.command("participant add P-501"); // refused: already enrolled
    await h.command("participant add Anna Andersson 19121212-1212"); // refused, with a name and an identity number typed
    await h.command("wat is this");
    const response = await fetch(`${base()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('ipsbot_requests_total{platform="slack",kind="command",name="participant-add",outcome="ok"} 1');
    expect(text).toContain('ipsbot_requests_total{platform="slack",kind="command",name="participant-add",outcome="refused"} 2');
    expect(text).toContain('ipsbot_requests_total{platform="slack",kind="command",name="unknown",outcome="refused"} 1');
    expect(text).toMatch(/ipsbot_request_duration_seconds_count\{platform="slack",kind="command"\} 4/);
    expect(text).toContain("# TYPE ipsbot_platform_retries_total counter");
    expect(text).toContain("ipsbot_process_resident_memory_bytes");
    for (const typed of ["Anna", "19121212", "wat"]) expect(text).not.toContain(typed);
    expect(text).not.toContain(SPECIALIST.id);
  });

  it("counts scheduled posts by kind and outcome", async () => {
    await h.connectClinic("C0NORD", "Psykos Nord");
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord");
    await h.command("digest post", SPECIALIST, "C0NORD");
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(/ipsbot_scheduled_posts_total\{kind="digest",status="posted"\} 1/);
  });

  it("is not ready while a migration is pending, and says which", async () => {
    execute(h.databaseFile, "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '0015_rate_definition'");
    const response = await fetch(`${base()}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, checks: { database: "ok", migrations: { pending: ["0015_rate_definition"] } } });
    execute(h.databaseFile, "UPDATE _prisma_migrations SET finished_at = started_at WHERE migration_name = '0015_rate_definition'");
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  });
});
