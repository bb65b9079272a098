// The Bot Framework libraries write to the console (a refused request's AuthenticationError with
// its stack, "Error finding key for token" with the keys). In the running bot the console is
// bridged into the one log: one JSON line each, without stacks, filtered by LOG_LEVEL. A refusal the
// adapter logs itself in one line (teams-adapter.ts) is only a debug line here.
import type { Logger } from "../commands/context.ts";
import { logText } from "./log-text.ts";

const METHODS = ["debug", "log", "info", "warn", "error"] as const;
type ConsoleLike = Pick<Console, (typeof METHODS)[number]>;

/** What a library prints about a request it refuses: expected, and logged once by ipsbot already. */
export function isExpectedRefusal(args: readonly unknown[]): boolean {
  return args.some(
    (arg) =>
      (arg instanceof Error && (arg.name === "AuthenticationError" || arg.name === "JsonWebTokenError" || (arg as { statusCode?: unknown }).statusCode === 401)) ||
      (typeof arg === "string" && arg.startsWith("Error finding key for token")),
  );
}

/** Routes the console into `logger`; returns what puts the console back. */
export function bridgeConsole(logger: Logger, target: ConsoleLike = console): () => void {
  const saved = METHODS.map((method) => [method, target[method]] as const);
  const level = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" } as const;
  for (const method of METHODS) {
    target[method] = (...args: unknown[]) => {
      const at = isExpectedRefusal(args) ? "debug" : level[method];
      logger[at](logText(args), { source: "console" });
    };
  }
  return () => {
    for (const [method, original] of saved) target[method] = original;
  };
}
