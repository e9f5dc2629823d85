// Conduktor Gateway LOCAL service accounts log in with SASL/PLAIN whose password is a JWT carrying
// `username`, `vcluster` and `exp`. Reading those claims lets the profile say whose token it is, which
// virtual cluster it opens and when it stops working. The token itself is a secret: nothing here returns
// it, and the facts below are all that is kept or shown. The signature is not checked (only the Gateway
// holds the key); the claims are for display, the Gateway decides.

export interface GatewayTokenFacts {
  username: string;
  /** The Gateway virtual cluster the token opens (`passthrough` for the backing cluster as it is). */
  virtualCluster: string;
  /** When the token stops working (ISO 8601), or null when it has no `exp`. */
  expiresAt: string | null;
}

export type GatewayTokenState = 'valid' | 'expiring' | 'expired' | 'no-expiry';

export interface GatewayTokenStatus extends GatewayTokenFacts {
  state: GatewayTokenState;
  /** One sentence for the profile screen and the CLI. */
  message: string;
}

/** Warn this long before the token expires. */
export const GATEWAY_TOKEN_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url → UTF-8 text; null when it is not valid base64url. */
function decodeBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = (buffer << 6) | base64UrlAlphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function decodeJsonPart(part: string): Record<string, unknown> | null {
  const text = decodeBase64Url(part);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The claims of a Gateway token, or null when the password is not one (not a JWT, or a JWT without the
 * Gateway's `username` and `vcluster` claims: an ordinary password stays an ordinary password).
 */
export function readGatewayToken(password: string | undefined): GatewayTokenFacts | null {
  if (password === undefined) return null;
  const parts = password.trim().split('.');
  if (parts.length !== 3 || parts.some((part) => part === '')) return null;
  const header = decodeJsonPart(parts[0] ?? '');
  const claims = decodeJsonPart(parts[1] ?? '');
  if (!header || typeof header['alg'] !== 'string' || !claims) return null;
  const username = claims['username'];
  const virtualCluster = claims['vcluster'];
  if (typeof username !== 'string' || username === '' || typeof virtualCluster !== 'string' || virtualCluster === '') return null;
  const exp = claims['exp'];
  const expiresAt = typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000).toISOString() : null;
  return { username, virtualCluster, expiresAt };
}

function describeSpan(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return `${Math.max(hours, 1)} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

/** Whether the token still works at `now`, with the sentence to show. */
export function gatewayTokenStatus(facts: GatewayTokenFacts, now: Date): GatewayTokenStatus {
  const who = `Gateway token for '${facts.username}' in virtual cluster '${facts.virtualCluster}'`;
  if (facts.expiresAt === null) return { ...facts, state: 'no-expiry', message: `${who}; it has no expiry date.` };
  const left = Date.parse(facts.expiresAt) - now.getTime();
  const day = facts.expiresAt.slice(0, 16).replace('T', ' ');
  if (left <= 0) {
    return { ...facts, state: 'expired', message: `${who} expired on ${day} UTC; the Gateway refuses it. Ask a Gateway admin for a new token and enter it as the password.` };
  }
  if (left <= GATEWAY_TOKEN_WARNING_MS) {
    return { ...facts, state: 'expiring', message: `${who} expires in ${describeSpan(left)} (${day} UTC). Ask a Gateway admin for a new token before then.` };
  }
  return { ...facts, state: 'valid', message: `${who}, valid until ${day} UTC.` };
}

/** The token facts of a draft's SASL/PLAIN password (main's cluster), or null. */
export function gatewayTokenOfDraft(draft: { sasl: { mechanism: string; password?: string } | null | unknown }): GatewayTokenFacts | null {
  const sasl = draft.sasl as { mechanism?: string; password?: unknown } | null;
  if (!sasl || sasl.mechanism !== 'plain' || typeof sasl.password !== 'string') return null;
  return readGatewayToken(sasl.password);
}

/**
 * A draft whose password is a Gateway token: the facts recorded, the vendor set to Conduktor Gateway and
 * its virtual cluster pre-filled from the token, unless the profile already names one.
 */
export function withGatewayToken<D extends { sasl: unknown; vendor: { preset: string; virtualCluster?: string; prefixSeparator?: string }; gatewayToken?: GatewayTokenFacts | null }>(
  draft: D,
): D {
  const facts = gatewayTokenOfDraft(draft as { sasl: unknown });
  if (!facts) {
    // No token (any more): no facts, rather than stale ones from an earlier password.
    if (draft.gatewayToken === undefined) return draft;
    const { gatewayToken: _stale, ...rest } = draft;
    return rest as D;
  }
  const vendor = draft.vendor.preset === 'conduktor-gateway' ? draft.vendor : { preset: 'conduktor-gateway', prefixSeparator: '.' };
  // `passthrough` is the Gateway's name for "no virtual cluster": the backing cluster as it is.
  const prefilled = vendor.virtualCluster || facts.virtualCluster === 'passthrough' ? vendor : { ...vendor, virtualCluster: facts.virtualCluster };
  return { ...draft, gatewayToken: facts, vendor: prefilled };
}
