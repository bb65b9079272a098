// The clinic a request acts on is chosen in one explicit step that returns a refusal, instead of
// a property that throws when read.
import { describe, expect, it } from "vitest";
import { chooseClinic, type RequestContext } from "../../commands/context.ts";
import { Refusal } from "../../commands/refusal.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import type { ClinicRecord } from "../../storage/store.ts";

const catalogue = Catalogue.load();
const clinic = (id: number, name: string, locale: string | null = null) => ({ id, name, locale, timeZone: "Europe/Stockholm" }) as ClinicRecord;
const request = (decided: ClinicRecord | undefined, memberClinics: ClinicRecord[]) =>
  ({ clinic: decided, memberClinics, member: { locale: null }, platformLocale: undefined, catalogue, defaultLocale: "en", locale: "en", t: catalogue.translator("en") }) as unknown as RequestContext;

describe("choosing the clinic", () => {
  it("takes the clinic the request decides, in that clinic's language", () => {
    const nord = clinic(1, "Psykos Nord", "sv");
    const choice = chooseClinic(request(nord, [nord, clinic(2, "Syd")]));
    expect(choice.ok && choice.ctx.clinic).toBe(nord);
    expect(choice.ok && choice.ctx.locale).toBe("sv");
  });

  it("asks which clinic, naming the member's clinics, when the request does not decide", () => {
    const choice = chooseClinic(request(undefined, [clinic(1, "Nord"), clinic(2, "Syd")]));
    expect(choice.ok).toBe(false);
    const refusal = (choice as { refusal: Refusal }).refusal;
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal.messageKey).toBe("error.whichClinic");
    expect(refusal.params).toEqual({ clinics: "Nord, Syd" });
  });

  it("says there is no clinic yet when the member belongs to none", () => {
    const choice = chooseClinic(request(undefined, []));
    expect(choice.ok ? "" : choice.refusal.messageKey).toBe("error.noClinicYet");
  });
});
