// Bearer tokens for SASL/OAUTHBEARER: OAuth 2 client credentials against the profile's token endpoint,
// or an AWS MSK IAM token signed locally. Tokens are cached and refreshed before they expire; concurrent
// connections share one in-flight request.
import { generateAuthToken, generateAuthTokenFromCredentialsProvider, generateAuthTokenFromProfile } from 'aws-msk-iam-sasl-signer-js';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Clock } from '../ports';
import type { SaslSettings } from './connection-settings';

export interface BearerToken {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type TokenSource = () => Promise<BearerToken>;

/** Refresh when less than this share of the token's life remains (and at least a minute before expiry). */
const REFRESH_AT_REMAINING_SHARE = 0.2;
const MIN_REFRESH_MARGIN_MS = 60_000;

export function cachedTokenSource(fetchToken: TokenSource, clock: Clock): TokenSource {
  let cached: { token: BearerToken; fetchedAt: number } | null = null;
  let inFlight: Promise<BearerToken> | null = null;
  return async () => {
    if (cached) {
      const lifetime = cached.token.expiresAt - cached.fetchedAt;
      const margin = Math.max(lifetime * REFRESH_AT_REMAINING_SHARE, Math.min(MIN_REFRESH_MARGIN_MS, lifetime / 2));
      if (clock.now() < cached.token.expiresAt - margin) return cached.token;
    }
    inFlight ??= fetchToken()
      .then((token) => {
        cached = { token, fetchedAt: clock.now() };
        return token;
      })
      .finally(() => (inFlight = null));
    return inFlight;
  };
}

export function clientCredentialsTokenSource(
  settings: Extract<SaslSettings, { mechanism: 'oauthbearer' }>,
  clock: Clock,
  timeoutMs = 10_000,
): TokenSource {
  return async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...settings.extraParameters });
    if (settings.scope) form.set('scope', settings.scope);
    if (settings.audience) form.set('audience', settings.audience);
    const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString('base64');
    let response: Response;
    try {
      response = await fetch(settings.tokenEndpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new AppFailure('KAFKA_ERROR', `The OAuth token endpoint ${settings.tokenEndpoint} could not be reached: ${reason}.`);
    }
    const body = await response.text();
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 400 ? ' Check the client id and client secret (and scope/audience).' : '';
      throw new AppFailure('KAFKA_ERROR', `The OAuth token endpoint refused the client credentials: HTTP ${response.status} ${oauthError(body)}.${hint}`);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new AppFailure('KAFKA_ERROR', 'The OAuth token endpoint did not answer with JSON.');
    }
    if (typeof parsed.access_token !== 'string') throw new AppFailure('KAFKA_ERROR', 'The OAuth token endpoint answered without an access_token.');
    const lifetimeSeconds = typeof parsed.expires_in === 'number' ? parsed.expires_in : 3600;
    return { value: parsed.access_token, expiresAt: clock.now() + lifetimeSeconds * 1000 };
  };
}

export function mskIamTokenSource(settings: Extract<SaslSettings, { mechanism: 'aws-msk-iam' }>): TokenSource {
  return async () => {
    const { credentials, region } = settings;
    const response =
      credentials.source === 'profile'
        ? await generateAuthTokenFromProfile({ region, awsProfileName: credentials.profileName })
        : credentials.source === 'static'
          ? await generateAuthTokenFromCredentialsProvider({
              region,
              awsCredentialsProvider: async () => ({
                accessKeyId: credentials.accessKeyId,
                secretAccessKey: credentials.secretAccessKey,
                ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
              }),
            })
          : await generateAuthToken({ region });
    return { value: response.token, expiresAt: response.expiryTime };
  };
}

function oauthError(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    return [parsed.error, parsed.error_description].filter((part) => typeof part === 'string').join(': ');
  } catch {
    return '';
  }
}
