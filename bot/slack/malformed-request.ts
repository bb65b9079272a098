/** A Slack request without a field ipsbot needs: refused (400 over HTTP, acknowledged and dropped over Socket Mode), nothing done. */
export class MalformedSlackRequest extends Error {
  override name = "MalformedSlackRequest";
}
