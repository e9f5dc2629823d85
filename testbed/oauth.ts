// A local OAuth 2 authorization server: client_credentials grant, RS256 JWTs, JWKS. Brokers validate
// tokens against /jwks with OAuthBearerValidatorCallbackHandler.
import { createSign, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthInfo } from './types';

export const OAUTH_AUDIENCE = 'odradek-testbed-kafka';
export const OAUTH_CLIENT_ID = 'odradek-oauth-client';
const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenServer {
  info: OAuthInfo;
  close(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) request.destroy(new Error('body too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** Client credentials from HTTP Basic (RFC 6749 2.3.1) or, failing that, the form body. */
function clientCredentials(request: IncomingMessage, form: URLSearchParams): { id: string; secret: string } {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

export async function startTokenServer(): Promise<TokenServer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `testbed-${randomBytes(4).toString('hex')}`;
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] };
  const clientSecret = `secret-${randomBytes(12).toString('hex')}`;
  const scope = 'kafka';
  let issuer = '';

  const signToken = (subject: string, requestedScope: string): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const claims = base64url(
      JSON.stringify({ iss: issuer, aud: OAUTH_AUDIENCE, sub: subject, scope: requestedScope, iat: now, nbf: now, exp: now + TOKEN_LIFETIME_SECONDS }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(privateKey);
    return `${header}.${claims}.${base64url(signature)}`;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', issuer);
    if (request.method === 'GET' && url.pathname === '/jwks') return sendJson(response, 200, jwks);
    if (url.pathname !== '/token') return sendJson(response, 404, { error: 'not_found' });
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'invalid_request' }, { allow: 'POST' });
    const form = new URLSearchParams(await readBody(request));
    const client = clientCredentials(request, form);
    if (client.id !== OAUTH_CLIENT_ID || !sameSecret(client.secret, clientSecret)) {
      return sendJson(response, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="testbed"' });
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return sendJson(response, 400, { error: 'unsupported_grant_type' });
    }
    sendJson(response, 200, {
      access_token: signToken(client.id, form.get('scope') ?? scope),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      scope: form.get('scope') ?? scope,
    });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { error: 'server_error', error_description: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  issuer = `http://127.0.0.1:${port}`;

  return {
    info: {
      tokenEndpoint: `${issuer}/token`,
      jwksEndpoint: `${issuer}/jwks`,
      issuer,
      audience: OAUTH_AUDIENCE,
      clientId: OAUTH_CLIENT_ID,
      clientSecret,
      scope,
      principal: `User:${OAUTH_CLIENT_ID}`,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fetches a token the way a client_credentials client would; throws with the HTTP status on refusal. */
export async function fetchToken(info: Pick<OAuthInfo, 'tokenEndpoint' | 'clientId' | 'scope'>, clientSecret: string): Promise<string> {
  const response = await fetch(info.tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(info.clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: info.scope }).toString(),
  });
  if (!response.ok) throw new Error(`token endpoint answered HTTP ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('token endpoint answered without access_token');
  return body.access_token;
}
