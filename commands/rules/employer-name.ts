// The same employer typed twice ("ICA Maxi  Lindhagen", "ica maxi lindhagen") must be one
// employer, or employer diversity and repeat contacts cannot be counted.

export const EMPLOYER_NAME_MAX_LENGTH = 120;

/** Display form: Unicode-normalised, single spaces, trimmed. */
export function tidyEmployerName(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Matching key: the display form case-folded, punctuation other than & read as a space ("Coop-Konsum" = "Coop Konsum"). */
export function employerMatchKey(name: string): string {
  return tidyEmployerName(name)
    .normalize("NFKC")
    .toLocaleLowerCase("sv")
    .replace(/[^\p{L}\p{N}&\s]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
