// /privacy and /terms: short pages in the installation's default language, naming the data
// controller and contact from the configuration, escaped, loading nothing, linked from the Teams app.
import { afterAll, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../bot/start-bot.ts";
import { freshDatabaseFile } from "../support/database-copy.ts";
import { recordingLogger } from "../support/recording-logger.ts";

const bots: RunningBot[] = [];
afterAll(async () => Promise.all(bots.map((bot) => bot.stop())));

async function pages(env: Record<string, string>) {
  const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${freshDatabaseFile()}`, TEAMS_ENABLED: "false", ...env }, logger: recordingLogger() });
  bots.push(bot);
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${bot.port}${path}`);
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  return { privacy: await get("/privacy"), terms: await get("/terms") };
}

describe("the privacy and terms pages", () => {
  it("say in English what ipsbot stores and where, who is responsible and whom to ask", async () => {
    const { privacy, terms } = await pages({ DATA_CONTROLLER: "Region Stockholm", PRIVACY_CONTACT: "dataskydd@example.se", RETENTION_DAYS: "730" });
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(privacy.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(privacy.html).toContain('<html lang="en">');
    expect(privacy.html).toContain("<h1>How ipsbot handles personal data</h1>");
    expect(privacy.html).toContain("Data controller: Region Stockholm.");
    expect(privacy.html).toContain("pseudonymous codes only (never names, personal identity numbers or diagnoses)");
    expect(privacy.html).toContain("closed more than 730 days ago are erased");
    expect(privacy.html).toContain("Questions and requests about personal data: dataskydd@example.se.");
    expect(terms.html).toContain("<h1>Terms of use</h1>");
    expect(terms.html).toContain("This installation is run by Region Stockholm.");
    expect(privacy.html).not.toMatch(/<script|<link|<img|style=/);
  });

  it("are in the installation's default language, and say so when no controller is named", async () => {
    const { privacy, terms } = await pages({ DEFAULT_LOCALE: "sv" });
    expect(privacy.html).toContain('<html lang="sv">');
    expect(privacy.html).toContain("<h1>Så hanterar ipsbot personuppgifter</h1>");
    expect(privacy.html).toContain("den har inte angett sitt namn här");
    expect(privacy.html).toContain("Fråga IPS-ansvarig eller IT-avdelningen");
    expect(terms.html).toContain("<h1>Användarvillkor</h1>");
    const norwegian = await pages({ DEFAULT_LOCALE: "nb", DATA_CONTROLLER: "Helse Bergen" });
    expect(norwegian.privacy.html).toContain("Behandlingsansvarlig: Helse Bergen.");
  });

  it("escape what the configuration says", async () => {
    const { privacy } = await pages({ DATA_CONTROLLER: '<script>alert("x")</script> & Co', PRIVACY_CONTACT: "<a href=//evil>mail</a>" });
    expect(privacy.html).toContain("Data controller: &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co.");
    expect(privacy.html).not.toContain("<script>");
    expect(privacy.html).not.toContain("<a href");
  });
});
