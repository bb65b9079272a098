import { describe, it, expect } from "vitest";
import { EMPLOYER_NAME_MAX_LENGTH, employerMatchKey, tidyEmployerName } from "../../commands/rules/employer-name.ts";

describe("tidyEmployerName", () => {
  it("collapses whitespace and trims, keeping case and punctuation", () => {
    expect(tidyEmployerName("  ICA Maxi  Lindhagen \t")).toBe("ICA Maxi Lindhagen");
    expect(tidyEmployerName("ICA\nMaxi\u00a0Lindhagen")).toBe("ICA Maxi Lindhagen");
    expect(tidyEmployerName("St. Eriks Ögonsjukhus AB")).toBe("St. Eriks Ögonsjukhus AB");
  });

  it("keeps & and Swedish letters", () => {
    expect(tidyEmployerName("Café Åsa & Söner")).toBe("Café Åsa & Söner");
  });

  it("normalises a decomposed é to one character (NFC)", () => {
    const tidied = tidyEmployerName("Cafe\u0301 Åsa");
    expect(tidied).toBe("Caf\u00e9 \u00c5sa");
    expect(tidied).toHaveLength(8);
  });

  it("gives an empty string for blank input", () => {
    expect(tidyEmployerName(" \t ")).toBe("");
  });

  it("has a 120-character limit constant", () => {
    expect(EMPLOYER_NAME_MAX_LENGTH).toBe(120);
  });
});

describe("employerMatchKey", () => {
  it("makes the same employer typed differently match", () => {
    expect(employerMatchKey("ICA Maxi  Lindhagen")).toBe("ica maxi lindhagen");
    expect(employerMatchKey("ica maxi lindhagen")).toBe("ica maxi lindhagen");
    expect(employerMatchKey(" ICA MAXI Lindhagen. ")).toBe("ica maxi lindhagen");
    expect(employerMatchKey("ICA Maxi, Lindhagen")).toBe("ica maxi lindhagen");
  });

  it("keeps & and letters with diacritics, lower-cased", () => {
    expect(employerMatchKey("Café Åsa & Söner")).toBe("café åsa & söner");
    expect(employerMatchKey("CAFÉ ÅSA & SÖNER")).toBe("café åsa & söner");
    expect(employerMatchKey("H&M")).toBe("h&m");
  });

  it("matches composed and decomposed spellings", () => {
    expect(employerMatchKey("Cafe\u0301 Åsa")).toBe(employerMatchKey("Café Åsa"));
  });

  it("folds full-width letters (NFKC)", () => {
    expect(employerMatchKey("ＩＣＡ Maxi")).toBe("ica maxi");
  });

  it("reads punctuation other than & as a space, collapsing the spaces", () => {
    expect(employerMatchKey("ICA - Maxi")).toBe("ica maxi");
    expect(employerMatchKey("St. Eriks (Ögon) sjukhus!")).toBe("st eriks ögon sjukhus");
    expect(employerMatchKey("Coop-Konsum")).toBe("coop konsum");
    expect(employerMatchKey("Coop-Konsum")).toBe(employerMatchKey("Coop Konsum"));
  });

  it("keeps digits", () => {
    expect(employerMatchKey("7-Eleven Odenplan 2")).toBe("7 eleven odenplan 2");
  });

  it("keeps different employers apart", () => {
    expect(employerMatchKey("ICA Maxi Lindhagen")).not.toBe(employerMatchKey("ICA Maxi Haninge"));
  });
});
