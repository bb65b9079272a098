// Outbound HTTP through a hospital's proxy: with HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) set, every
// request made with fetch (the Slack Web API client, the Bot Connector replies and posts) goes
// through the proxy, by undici's EnvHttpProxyAgent as the global dispatcher of Node's fetch; the
// Socket Mode WebSocket, which takes its own dispatcher, is given one too.
import { EnvHttpProxyAgent, setGlobalDispatcher } from "undici";

const pick = (env: Readonly<Record<string, string | undefined>>, name: string) => env[name] || env[name.toLowerCase()] || undefined;

/** A proxy URL without the user name and password it may carry, for the log. */
function withoutCredentials(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparseable)";
  }
}

/** A dispatcher that sends requests through the proxies (and around them, for NO_PROXY), or undefined when none is set. */
export function proxyAgent(env: Readonly<Record<string, string | undefined>>): EnvHttpProxyAgent | undefined {
  const httpsProxy = pick(env, "HTTPS_PROXY");
  const httpProxy = pick(env, "HTTP_PROXY");
  if (!httpsProxy && !httpProxy) return undefined;
  return new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy: pick(env, "NO_PROXY") });
}

/** Routes fetch through the proxies; returns them for the start-up log (without credentials), or undefined when none is set. */
export function routeThroughProxy(env: Readonly<Record<string, string | undefined>>): { httpsProxy?: string; httpProxy?: string; noProxy?: string } | undefined {
  const agent = proxyAgent(env);
  if (!agent) return undefined;
  setGlobalDispatcher(agent);
  const httpsProxy = pick(env, "HTTPS_PROXY");
  const httpProxy = pick(env, "HTTP_PROXY");
  const noProxy = pick(env, "NO_PROXY");
  return { httpsProxy: withoutCredentials(httpsProxy), httpProxy: withoutCredentials(httpProxy), noProxy };
}
