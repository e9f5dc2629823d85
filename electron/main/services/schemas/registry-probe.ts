// The Schema Registry stage of the connection test: one listing of subject names (reachable, TLS
// trusted, credentials accepted) and one small bulk request that decides the observation mode.
import type { SchemaRegistrySettings } from '../kafka/connection-settings';
import { RegistryClient } from './registry-client';
import { isRegistryError } from './registry-errors';
import { RegistryTransport } from './registry-transport';
import { unusableBulkAnswer } from './subject-listing';

type Facts = Record<string, string | number | boolean>;
export type RegistryProbe =
  | { ok: true; message: string; warning: string | null; facts: Facts }
  | { ok: false; message: string; remedy: string; facts: Facts };

const remedies: Record<string, string> = {
  unauthorized: "Check the profile's Schema Registry user and password, or bearer token.",
  forbidden: 'Ask the registry administrator for a role that may read subjects.',
  tls: "Check the profile's Schema Registry TLS settings: the CA that signed the registry's certificate, and a client certificate if it asks for one.",
  unreachable: 'Check the Schema Registry URL (scheme, host, port and path such as /apis/ccompat/v7) and that it is reachable from here.',
  timeout: 'The registry may be overloaded or hung, or a firewall drops the traffic.',
};

export async function probeRegistry(settings: SchemaRegistrySettings, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RegistryProbe> {
  const transport = new RegistryTransport(settings, { timeoutMs: Math.max(500, Math.floor(options.timeoutMs / 2)), maxSockets: 1 });
  const client = new RegistryClient(transport);
  const facts: Facts = {};
  try {
    let subjects: string[];
    try {
      subjects = await client.subjects({ signal: options.signal });
    } catch (error) {
      if (!isRegistryError(error)) throw error;
      const kind = error.kind === 'not-found' ? 'unreachable' : error.kind;
      facts['url'] = transport.currentUrl;
      return {
        ok: false,
        message: error.kind === 'not-found' ? `${transport.currentUrl} answered 404 to GET /subjects: it is not a Schema Registry API root.` : error.message,
        remedy: remedies[kind] ?? 'See the message.',
        facts,
      };
    }
    facts['url'] = transport.currentUrl;
    facts['subjects'] = subjects.length;
    if (settings.urls.length > 1 && transport.currentUrl !== settings.urls[0]) facts['first URL'] = 'did not answer';
    if (settings.observation === 'v1') {
      facts['observation'] = 'v1 (pinned)';
      return { ok: true, message: `${transport.currentUrl} answered: ${subjects.length} subject${subjects.length === 1 ? '' : 's'}; listing with /subjects (v1, pinned by the profile).`, warning: null, facts };
    }
    let problem: string | null;
    try {
      problem = unusableBulkAnswer(await transport.json<unknown>({ method: 'GET', path: '/schemas?latestOnly=true&limit=1', signal: options.signal }));
    } catch (error) {
      if (!isRegistryError(error) || error.status === undefined || ![404, 405, 501].includes(error.status)) throw error;
      problem = `GET /schemas answered ${error.status}`;
    }
    const count = `${subjects.length} subject${subjects.length === 1 ? '' : 's'}`;
    if (problem === null) {
      facts['observation'] = 'v2';
      return { ok: true, message: `${transport.currentUrl} answered: ${count}; listing with the bulk /schemas call (v2).`, warning: null, facts };
    }
    facts['observation'] = 'v1';
    facts['fallback reason'] = problem;
    if (settings.observation === 'v2') {
      return { ok: false, message: `The profile pins observation v2, but ${problem}.`, remedy: "Set the profile's Schema Registry observation to auto or v1.", facts };
    }
    return { ok: true, message: `${transport.currentUrl} answered: ${count}; ${problem}, so subjects are listed with /subjects plus one call per subject (v1).`, warning: null, facts };
  } catch (error) {
    return { ok: false, message: isRegistryError(error) ? error.message : String(error), remedy: isRegistryError(error) ? (remedies[error.kind] ?? 'See the message.') : 'See the message.', facts };
  } finally {
    transport.close();
  }
}
