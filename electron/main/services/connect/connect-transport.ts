// HTTP to one Kafka Connect cluster: its REST URLs tried in order (the one that answered last first),
// Basic or bearer auth, a custom CA and client certificate, timeouts, and every failure turned into a
// ConnectError with a specific kind. Node's http/https like the registry transport (docs/decisions/
// 0008-schema-registry-client.md gives the reason); credentials never appear in messages.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ConnectClusterSettings } from '../kafka/connection-settings';
import { buildTlsOptions } from '../kafka/tls-options';
import { ConnectError, type ConnectErrorKind } from './connect-errors';

export interface ConnectRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the REST URL, starting with '/', query included. */
  path: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export interface ConnectResponse<T = unknown> {
  status: number;
  body: T;
  url: string;
}

export interface ConnectTransportOptions {
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** A worker behind this URL is not serving: try the next one. */
const FAIL_OVER_STATUSES = new Set([502, 503, 504]);

export class ConnectTransport {
  requests = 0;
  private preferred = 0;
  private readonly agents = new Map<string, http.Agent>();
  private readonly timeoutMs: number;
  private readonly baseUrls: URL[];

  constructor(
    readonly settings: ConnectClusterSettings,
    options: ConnectTransportOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (settings.urls.length === 0) throw new ConnectError(`Connect cluster '${settings.name}' has no REST URL.`, { kind: 'bad-request' });
    this.baseUrls = settings.urls.map((text) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        throw new ConnectError(`'${text}' is not a URL.`, { kind: 'bad-request' });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConnectError(`'${text}' is not an http:// or https:// URL.`, { kind: 'bad-request' });
      if (url.username || url.password) throw new ConnectError("Put the Connect user and password in the cluster's authentication, not in the URL.", { kind: 'bad-request' });
      return url;
    });
  }

  /** The URL that answered last (or the first one). */
  get currentUrl(): string {
    return display(this.baseUrls[this.preferred]!);
  }

  async send<T = unknown>(request: ConnectRequest): Promise<ConnectResponse<T>> {
    // A secret it needs is missing from the keychain: say so rather than send the request without it.
    if (this.settings.unavailable) throw new AppFailure('KEYCHAIN_UNAVAILABLE', this.settings.unavailable);
    const failures: ConnectError[] = [];
    for (let offset = 0; offset < this.baseUrls.length; offset++) {
      const index = (this.preferred + offset) % this.baseUrls.length;
      const base = this.baseUrls[index]!;
      if (request.signal?.aborted) throw aborted(base);
      try {
        const response = await this.once<T>(base, request);
        if (FAIL_OVER_STATUSES.has(response.status) && offset < this.baseUrls.length - 1) {
          failures.push(statusError(response, request, this.settings.name));
          continue;
        }
        this.preferred = index;
        return response;
      } catch (error) {
        if (!(error instanceof ConnectError) || !failsOver(error.kind)) throw error;
        failures.push(error);
      }
    }
    const last = failures[failures.length - 1]!;
    if (failures.length === 1) throw last;
    throw new ConnectError(`No REST URL of Connect cluster '${this.settings.name}' answered: ${failures.map((failure) => failure.message).join(' ')}`, {
      kind: last.kind,
      ...(last.status === undefined ? {} : { status: last.status }),
    });
  }

  /** The body of a 2xx answer; any other answer becomes its specific error. */
  async json<T>(request: ConnectRequest): Promise<T> {
    const response = await this.send<T>(request);
    if (response.status >= 200 && response.status < 300) return response.body;
    throw statusError(response, request, this.settings.name);
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
          throw new ConnectError(`The TLS settings of Connect cluster '${this.settings.name}' cannot be used: ${(error as Error).message}`, { kind: 'tls', tlsFailure: 'unreadable-store' });
        }
        agent = new https.Agent({ keepAlive: true, maxSockets: 8, ...tls });
      } else {
        agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      }
      this.agents.set(base.origin, agent);
    }
    return agent;
  }

  private once<T>(base: URL, request: ConnectRequest): Promise<ConnectResponse<T>> {
    const target = new URL(base.pathname.replace(/\/+$/, '') + request.path, base);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const auth = this.settings.auth;
    if (auth.kind === 'basic') headers['Authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    else if (auth.kind === 'bearer') headers['Authorization'] = `Bearer ${auth.token}`;
    let payload: Buffer | undefined;
    if (request.body !== undefined) {
      payload = Buffer.from(JSON.stringify(request.body));
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const agent = this.agentFor(base);
    const client = base.protocol === 'https:' ? https : http;
    this.requests++;
    return new Promise<ConnectResponse<T>>((resolve, reject) => {
      let settled = false;
      const finish = (error: ConnectError | null, response?: ConnectResponse<T>) => {
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
              // Kept as text (Jetty's HTML error page, "User cannot access the resource."); statusError quotes it.
            }
          }
          finish(null, { status: incoming.statusCode ?? 0, body: body as T, url: display(target) });
        });
      });
      const timer = setTimeout(() => {
        finish(new ConnectError(`Connect at ${display(base)} did not answer within ${this.timeoutMs} ms.`, { kind: 'timeout', url: display(base) }));
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

function failsOver(kind: ConnectErrorKind): boolean {
  return kind === 'unreachable' || kind === 'timeout';
}

function display(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '')}`;
}

function aborted(base: URL): ConnectError {
  return new ConnectError('The Connect request was cancelled.', { kind: 'aborted', url: display(base) });
}

/** Connect's answer to a request that did not succeed, in specific words. */
export function statusError(response: ConnectResponse, request: Pick<ConnectRequest, 'method' | 'path'>, clusterName: string): ConnectError {
  const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as { message?: unknown };
  const said = typeof body.message === 'string' ? body.message : typeof response.body === 'string' ? response.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  const details = { status: response.status, url: response.url };
  const where = `${request.method} ${request.path.split('?')[0]}`;
  const saying = said ? `: ${said}` : '';
  const cluster = `Connect cluster '${clusterName}'`;
  switch (response.status) {
    case 401:
      return new ConnectError(`${cluster} refused the credentials (401 on ${where}): check the cluster's REST user and password or bearer token in the profile.`, { kind: 'unauthorized', ...details });
    case 403:
      return new ConnectError(`${cluster} does not let this user do that (403 on ${where})${saying}.`, { kind: 'forbidden', ...details });
    case 404: {
      const connector = /^\/connectors\/([^/?]+)/.exec(request.path)?.[1];
      // Every 404 under /connectors/{name} but a task's means the connector is gone ("not found", or "No
      // status found" just after a delete).
      if (connector !== undefined && !/\/tasks\/\d+/.test(request.path)) return new ConnectError(`${cluster} has no connector '${decodeURIComponent(connector)}'.`, { kind: 'connector-not-found', ...details });
      return new ConnectError(`${cluster} has no ${where} (404)${saying}.`, { kind: 'not-found', ...details });
    }
    case 409:
      if (/rebalanc/i.test(said)) return new ConnectError(`${cluster} is rebalancing; try again in a few seconds (409 on ${where})${saying}.`, { kind: 'rebalancing', ...details });
      return new ConnectError(`${cluster} refused ${where} as conflicting (409)${saying}.`, { kind: 'conflict', ...details });
    case 400:
    case 422:
      return new ConnectError(`${cluster} refused ${where} (${response.status})${saying}.`, { kind: 'bad-request', ...details });
    default:
      if (response.status >= 500) return new ConnectError(`${cluster} failed (${response.status} on ${where})${saying}.`, { kind: 'server-error', ...details });
      return new ConnectError(`${cluster} answered ${response.status} to ${where}${saying}.`, { kind: 'bad-request', ...details });
  }
}

/** Connection-level failures, TLS ones named like the registry's and the Kafka connection test's. */
function networkError(error: NodeJS.ErrnoException, base: URL, settings: ConnectClusterSettings): ConnectError {
  const url = display(base);
  const code = error.code ?? '';
  const message = error.message;
  const tls = (tlsFailure: string, text: string) => new ConnectError(text, { kind: 'tls', url, tlsFailure });
  if (['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT'].includes(code)) {
    return tls('untrusted-certificate', `The certificate of Connect at ${url} is not signed by a CA this profile trusts (${code}); set the cluster's CA file.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return tls('hostname-mismatch', `The certificate of Connect at ${url} does not name ${base.hostname}: ${message}.`);
  if (code === 'CERT_HAS_EXPIRED') return tls('certificate-expired', `The certificate of Connect at ${url} has expired.`);
  if (/alert (certificate required|bad certificate|unknown ca|certificate unknown|certificate revoked)/i.test(message)) {
    return settings.tls?.identity
      ? tls('client-certificate-rejected', `Connect at ${url} rejected this client's certificate (${message}).`)
      : tls('client-certificate-required', `Connect at ${url} requires a client certificate (mTLS), and the cluster has none in the profile.`);
  }
  if (/wrong version number|packet length too long|unknown protocol|http request/i.test(message) || code === 'EPROTO') {
    return tls('not-tls', `${url} does not speak TLS (${message}): use http:// for this port.`);
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return tls('handshake-failed', `The TLS handshake with Connect at ${url} failed: ${message}.`);
  if (code === 'ECONNREFUSED') return new ConnectError(`Nothing listens at ${url} (connection refused).`, { kind: 'unreachable', url });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ConnectError(`The Connect host ${base.hostname} cannot be resolved (${code}).`, { kind: 'unreachable', url });
  return new ConnectError(`Connect at ${url} cannot be reached (${code || message}).`, { kind: 'unreachable', url });
}
