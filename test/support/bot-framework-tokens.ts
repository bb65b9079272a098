// Signs Bot Framework tokens as the Teams channel does (RS256, issuer https://api.botframework.com,
// audience = the bot's app id, a serviceurl claim) and publishes the signing key in an OpenID
// metadata document, so botbuilder's real token validation can run offline against it.
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBotFrameworkKeys {
  /** For TeamsAdapterOptions.openIdMetadataUrl. */
  metadataUrl: string;
  /** A token signed with the published key (or with `signer` when a test forges one). */
  token(claims: Record<string, unknown>, options?: { signer?: Signer; expiresInSeconds?: number }): string;
  /** A key that is not published: what an attacker would sign with. */
  attacker: Signer;
  /** The published key's id with the attacker's key: a forged signature under a known kid. */
  impostor: Signer;
  close(): Promise<void>;
}

export interface Signer {
  kid: string;
  privateKey: KeyObject;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

function newSigner(kid = randomUUID()): Signer & { publicJwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicJwk: publicKey.export({ format: "jwk" }) as Record<string, unknown> };
}

export async function startFakeBotFrameworkKeys(): Promise<FakeBotFrameworkKeys> {
  const published = newSigner();
  const attacker = newSigner();
  const impostor = { kid: published.kid, privateKey: attacker.privateKey };
  let base = "";
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/keys") {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid: published.kid, n: published.publicJwk.n, e: published.publicJwk.e, endorsements: ["msteams"] }] }));
    } else {
      res.end(JSON.stringify({ issuer: "https://api.botframework.com", jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    attacker,
    impostor,
    token(claims, options = {}) {
      const signer = options.signer ?? published;
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: "RS256", typ: "JWT", kid: signer.kid };
      const payload = { iss: "https://api.botframework.com", nbf: now - 60, iat: now - 60, exp: now + (options.expiresInSeconds ?? 3600), ...claims };
      const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
      const signature = createSign("RSA-SHA256").update(unsigned).sign(signer.privateKey);
      return `${unsigned}.${base64url(signature)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
