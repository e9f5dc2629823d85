// HTTP to a Schema Registry: several URLs tried in order (the last one that answered first), Basic or
// bearer auth, a custom CA and client certificate, timeouts, abort, and every failure turned into a
// SchemaRegistryError with a specific kind. Node's http/https: no dependency covers this set (see
// docs/decisions/0008-schema-registry-client.md). Credentials are never put in messages or logs.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SchemaRegistrySettings } from '../kafka/connection-settings';
import { buildTlsOptions } from '../kafka/tls-options';
import { SchemaRegistryError, type RegistryErrorKind } from './registry-errors';

export interface RegistryRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the registry URL, starting with '/', query included. */
  path: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export interface RegistryResponse<T = unknown> {
  status: number;
  body: T;
  url: string;
}

export interface TransportOptions {
  /** Per request, connection included. */
  timeoutMs?: number;
  /** Sockets per URL; the v1 walk's concurrency is bounded by this too. */
  maxSockets?: number;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const DEFAULT_TIMEOUT_MS = 10_000;

/** Answers after which the next URL is tried: the registry behind this URL is not serving. */
const FAIL_OVER_STATUSES = new Set([502, 503, 504]);

export class RegistryTransport {
  /** HTTP requests sent (each URL tried counts once). */
  requests = 0;
  private preferred = 0;
  private readonly agents = new Map<string, http.Agent>();
  private readonly timeoutMs: number;
  private readonly maxSockets: number;
  private readonly baseUrls: URL[];

  constructor(
    readonly settings: SchemaRegistrySettings,
    options: TransportOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxSockets = options.maxSockets ?? 8;
    if (settings.urls.length === 0) throw new SchemaRegistryError('The profile names no Schema Registry URL.', { kind: 'bad-request' });
    this.baseUrls = settings.urls.map((text) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new SchemaRegistryError(`'${text}' is not a URL.`, { kind: 'bad-request' });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SchemaRegistryError(`'${text}' is not an http:// or https:// URL.`, { kind: 'bad-request' });
      if (url.username || url.password) throw new SchemaRegistryError('Put the Schema Registry user and password in the profile\'s authentication, not in the URL.', { kind: 'bad-request' });
      return url;
    });
  }

  /** The URLs in the order the next request tries them. */
  get urls(): string[] {
    return [...this.baseUrls.slice(this.preferred), ...this.baseUrls.slice(0, this.preferred)].map((url) => display(url));
  }

  /** The URL that answered last (or the first one). */
  get currentUrl(): string {
    return display(this.baseUrls[this.preferred]!);
  }

  async send<T = unknown>(request: RegistryRequest): Promise<RegistryResponse<T>> {
    // A secret it needs is missing from the keychain: say so rather than send the request without it.
    if (this.settings.unavailable) throw new AppFailure('KEYCHAIN_UNAVAILABLE', this.settings.unavailable);
    const failures: SchemaRegistryError[] = [];
    for (let offset = 0; offset < this.baseUrls.length; offset++) {
      const index = (this.preferred + offset) % this.baseUrls.length;
      const base = this.baseUrls[index]!;
      if (request.signal?.aborted) throw aborted(base);
      try {
        const response = await this.once<T>(base, request);
        if (FAIL_OVER_STATUSES.has(response.status) && offset < this.baseUrls.length - 1) {
          failures.push(statusError(response, request));
          continue;
        }
        this.preferred = index;
        return response;
      } catch (error) {
        if (!(error instanceof SchemaRegistryError) || error.kind === 'aborted' || !failsOver(error.kind)) throw error;
        failures.push(error);
      }
    }
    const last = failures[failures.length - 1]!;
    if (failures.length === 1) throw last;
    throw new SchemaRegistryError(`No Schema Registry URL answered: ${failures.map((failure) => failure.message).join(' ')}`, {
      kind: last.kind,
      ...(last.status === undefined ? {} : { status: last.status }),
    });
  }

  /** Sends and returns the body of a 2xx answer; any other answer becomes its specific error. */
  async json<T>(request: RegistryRequest): Promise<T> {
    const response = await this.send<T>(request);
    if (response.status >= 200 && response.status < 300) return response.body;
    throw statusError(response, request);
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agentFor(base: URL): http.Agent {
    let agent = this.agents.get(base.origin);
    if (agent === undefined) {
      if (base.protocol === 'https:') {
        let tls = {};
        try {
          tls = this.settings.tls ? buildTlsOptions(this.settings.tls) : {};
        } catch (error) {
          throw new SchemaRegistryError(`The Schema Registry TLS settings cannot be used: ${(error as Error).message}`, { kind: 'tls', tlsFailure: 'unreadable-store' });
        }
        agent = new https.Agent({ keepAlive: true, maxSockets: this.maxSockets, ...tls });
      } else {
        agent = new http.Agent({ keepAlive: true, maxSockets: this.maxSockets });
      }
      this.agents.set(base.origin, agent);
    }
    return agent;
  }

  private once<T>(base: URL, request: RegistryRequest): Promise<RegistryResponse<T>> {
    const target = new URL(base.pathname.replace(/\/+$/, '') + request.path, base);
    const headers: Record<string, string> = { Accept: `${CONTENT_TYPE}, application/json` };
    const auth = this.settings.auth;
    if (auth.kind === 'basic') headers['Authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    else if (auth.kind === 'bearer') headers['Authorization'] = `Bearer ${auth.token}`;
    let payload: Buffer | undefined;
    if (request.body !== undefined) {
      payload = Buffer.from(JSON.stringify(request.body));
      headers['Content-Type'] = CONTENT_TYPE;
      headers['Content-Length'] = String(payload.length);
    }
    const agent = this.agentFor(base);
    const client = base.protocol === 'https:' ? https : http;
    this.requests++;
    return new Promise<RegistryResponse<T>>((resolve, reject) => {
      let settled = false;
      const finish = (error: SchemaRegistryError | null, response?: RegistryResponse<T>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(response!);
      };
      const outgoing = client.request(target, { method: request.method, headers, agent }, (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => finish(networkError(error, base, this.settings)));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if (text !== '') {
            try {
              body = JSON.parse(text);
            } catch {
              // Kept as text: a proxy's HTML error page, say; statusError quotes it.
            }
          }
          finish(null, { status: incoming.statusCode ?? 0, body: body as T, url: display(target) });
        });
      });
      const timer = setTimeout(() => {
        finish(new SchemaRegistryError(`The Schema Registry at ${display(base)} did not answer within ${this.timeoutMs} ms.`, { kind: 'timeout', url: display(base) }));
        outgoing.destroy();
      }, this.timeoutMs);
      const onAbort = () => {
        finish(aborted(base));
        outgoing.destroy();
      };
      request.signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', (error) => finish(networkError(error, base, this.settings)));
      outgoing.end(payload);
    });
  }
}

function failsOver(kind: RegistryErrorKind): boolean {
  return kind === 'unreachable' || kind === 'timeout' || kind === 'server-error';
}

function display(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '')}`;
}

function aborted(base: URL): SchemaRegistryError {
  return new SchemaRegistryError('The Schema Registry request was cancelled.', { kind: 'aborted', url: display(base) });
}

interface RegistryErrorBody {
  error_code?: number;
  message?: string;
}

/** The registry's answer to a request that did not succeed, in specific words. */
export function statusError(response: RegistryResponse, request: Pick<RegistryRequest, 'method' | 'path'>): SchemaRegistryError {
  const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as RegistryErrorBody;
  const registryCode = typeof body.error_code === 'number' ? body.error_code : undefined;
  const said = typeof body.message === 'string' ? body.message : typeof response.body === 'string' ? response.body.slice(0, 300) : '';
  const base = { status: response.status, ...(registryCode === undefined ? {} : { registryCode }), url: response.url };
  const where = `${request.method} ${request.path.split('?')[0]}`;
  const saying = said ? `: ${said}` : '';
  switch (response.status) {
    case 401:
      return new SchemaRegistryError(`The Schema Registry refused the credentials (401 on ${where}): check the profile's Schema Registry user and password or bearer token.`, { kind: 'unauthorized', ...base });
    case 403:
      return new SchemaRegistryError(`The Schema Registry user may not do this (403 on ${where})${saying}. The credentials were accepted; ask for a role with this right.`, { kind: 'forbidden', ...base });
    case 404:
      if (registryCode === 40401) return new SchemaRegistryError(said || 'Subject not found.', { kind: 'subject-not-found', ...base });
      if (registryCode === 40402) return new SchemaRegistryError(said || 'Version not found.', { kind: 'version-not-found', ...base });
      if (registryCode === 40403) return new SchemaRegistryError(said || 'Schema not found.', { kind: 'schema-not-found', ...base });
      return new SchemaRegistryError(`The Schema Registry has no ${where} (404)${saying}.`, { kind: 'not-found', ...base });
    case 409:
      if (registryCode === 40405 || registryCode === 40407) {
        return new SchemaRegistryError(`${said || 'Not soft-deleted yet.'} A permanent delete needs a soft delete first.`, { kind: 'conflict', ...base });
      }
      return new SchemaRegistryError(`The registry refused it as incompatible${saying}`, { kind: 'incompatible', ...base, reasons: said ? [said] : [] });
    case 422:
      if (registryCode === 42206) return new SchemaRegistryError(`Other schemas reference it, so the registry keeps it${saying}.`, { kind: 'conflict', ...base });
      return new SchemaRegistryError(`The registry refused the schema as invalid${registryCode ? ` (${registryCode})` : ''}${saying}`, { kind: 'invalid-schema', ...base, ...(said ? { reasons: [said] } : {}) });
    default:
      if (response.status >= 500) return new SchemaRegistryError(`The Schema Registry failed (${response.status} on ${where})${saying}.`, { kind: 'server-error', ...base });
      return new SchemaRegistryError(`The Schema Registry answered ${response.status} to ${where}${saying}.`, { kind: 'bad-request', ...base });
  }
}

/** Connection-level failures, TLS ones named as the Kafka connection test names them. */
function networkError(error: NodeJS.ErrnoException, base: URL, settings: SchemaRegistrySettings): SchemaRegistryError {
  const url = display(base);
  const code = error.code ?? '';
  const message = error.message;
  const tls = (tlsFailure: string, text: string) => new SchemaRegistryError(text, { kind: 'tls', url, tlsFailure });
  if (['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT'].includes(code)) {
    return tls('untrusted-certificate', `The Schema Registry's certificate (${url}) is not signed by a CA this profile trusts (${code}); add the registry's CA to the profile's Schema Registry TLS settings.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return tls('hostname-mismatch', `The Schema Registry's certificate does not name ${base.hostname}: ${message}.`);
  if (code === 'CERT_HAS_EXPIRED') return tls('certificate-expired', `The Schema Registry's certificate (${url}) has expired.`);
  if (code === 'CERT_NOT_YET_VALID') return tls('certificate-not-yet-valid', `The Schema Registry's certificate (${url}) is not valid yet.`);
  if (/alert certificate expired/i.test(message)) return tls('client-certificate-expired', `The Schema Registry rejected this client's certificate: it has expired.`);
  if (/alert (certificate required|bad certificate|unknown ca|certificate unknown|certificate revoked)/i.test(message)) {
    return settings.tls?.identity
      ? tls('client-certificate-rejected', `The Schema Registry rejected this client's certificate (${message}).`)
      : tls('client-certificate-required', 'The Schema Registry requires a client certificate (mTLS), and the profile has none.');
  }
  if (/wrong version number|packet length too long|unknown protocol|http request/i.test(message) || code === 'EPROTO') {
    return tls('not-tls', `${url} does not speak TLS (${message}): use http:// for this port, or the registry's https port.`);
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return tls('handshake-failed', `The TLS handshake with the Schema Registry (${url}) failed: ${message}.`);
  if (code === 'ECONNREFUSED') return new SchemaRegistryError(`Nothing listens at ${url} (connection refused).`, { kind: 'unreachable', url });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SchemaRegistryError(`The Schema Registry host ${base.hostname} cannot be resolved (${code}).`, { kind: 'unreachable', url });
  if (code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || code === 'EPIPE') {
    return new SchemaRegistryError(`The Schema Registry at ${url} cannot be reached (${code}).`, { kind: 'unreachable', url });
  }
  return new SchemaRegistryError(`The Schema Registry at ${url} cannot be reached: ${message}.`, { kind: 'unreachable', url });
}
