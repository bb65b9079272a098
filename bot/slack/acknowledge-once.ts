// Slack hears "received" only once a request's change is committed (issue 21): a crash before
// that loses nothing Slack was told was received. Listeners acknowledge after the work, and on
// every way out; this makes the repeated calls harmless.
export function acknowledgeOnce(ack: () => Promise<void>): () => Promise<void> {
  let acknowledged = false;
  return async () => {
    if (acknowledged) return;
    acknowledged = true;
    await ack();
  };
}
