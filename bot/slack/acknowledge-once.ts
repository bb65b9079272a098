// Slack hears "received" only once a request's change is committed: a crash before
// that loses nothing Slack was told was received. The responder acknowledges after the work, and
// on every way out; this makes the repeated calls harmless.
export function acknowledgeOnce<Response>(ack: (response?: Response) => Promise<void>): (response?: Response) => Promise<void> {
  let acknowledged = false;
  return async (response) => {
    if (acknowledged) return;
    acknowledged = true;
    await ack(response);
  };
}
