// Participants are known by pseudonymous codes such as P-017: a letter prefix, a dash and digits.
// Anything else (a name, a personal identity number) is refused before it reaches storage.

const CODE_PATTERN = /^[A-Z]{1,4}-\d{1,6}$/;

/** The canonical (upper-case) code, or undefined when the text is not shaped like a code. */
export function normaliseParticipantCode(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}
