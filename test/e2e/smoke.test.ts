import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText, startHarness, type Harness } from "../support/bot-harness.ts";

describe("smoke", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it("answers help", async () => {
    const reply = await h.command("help");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(messageText(reply)).toContain("/ips participant add");
  });
});
