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

interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lower-case forms), or undefined when no proxy is set. */
function proxySettings(env: Readonly<Record<string, string | undefined>>): ProxySettings | undefined {
  const settings = { httpsProxy: pick(env, "HTTPS_PROXY"), httpProxy: pick(env, "HTTP_PROXY"), noProxy: pick(env, "NO_PROXY") };
  return settings.httpsProxy || settings.httpProxy ? settings : undefined;
}

/** A dispatcher that sends requests through the proxies (and around them, for NO_PROXY), or undefined when none is set. */
export function proxyAgent(env: Readonly<Record<string, string | undefined>>): EnvHttpProxyAgent | undefined {
  const settings = proxySettings(env);
  return settings && new EnvHttpProxyAgent(settings);
}

/** Routes fetch through the proxies; returns them for the start-up log (without credentials), or undefined when none is set. */
export function routeThroughProxy(env: Readonly<Record<string, string | undefined>>): ProxySettings | undefined {
  const settings = proxySettings(env);
  if (!settings) return undefined;
  setGlobalDispatcher(new EnvHttpProxyAgent(settings));
  return { httpsProxy: withoutCredentials(settings.httpsProxy), httpProxy: withoutCredentials(settings.httpProxy), noProxy: settings.noProxy };
}
