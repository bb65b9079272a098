// Reading a bot process's output: its JSON log lines, and the port it says it listens on.
export function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** The port of the "ipsbot listening" line, once it has been written. */
export function listeningPort(output: string): number | undefined {
  const port = logLines(output).find((line) => line.message === "ipsbot listening")?.port;
  return typeof port === "number" ? port : undefined;
}
