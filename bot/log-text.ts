// A library's log arguments as one line of text: errors by name and message only (a stack is for
// ipsbot's own unexpected errors), everything else as text.
export function logText(args: readonly unknown[]): string {
  return args
    .map((arg) => {
      if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
      if (typeof arg === "string") return arg;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(" ");
}
