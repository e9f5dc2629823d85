// Listing every subject with its latest version, in one of two observation modes:
// - v2: one bulk `GET /schemas?latestOnly=true` (Confluent 6.2+), which some registries lack (404,
//   WarpStream) or answer unusably (Apicurio: entries without subject, version or id);
// - v1: `GET /subjects`, then the latest version of each subject (N+1 requests, bounded concurrency).
// `auto` tries v2 and falls back to v1, remembering per registry URL what worked.
import type { ObservationInfo } from '../../../../shared/domain/schemas/schema-schemas';
import type { RegistryClient } from './registry-client';
import { SchemaRegistryError, isRegistryError } from './registry-errors';
import type { SchemaType } from './schema-source';

export interface ListedSubject {
  subject: string;
  version: number;
  /** null: a soft-deleted subject whose schemas the registry does not serve any more (Apicurio). */
  id: number | null;
  type: SchemaType | null;
  deleted: boolean;
}

export interface SubjectListing {
  observation: ObservationInfo;
  subjects: ListedSubject[];
}

/** What `auto` learnt about a registry URL; lives as long as the process. */
export class ObservationMemory {
  private readonly known = new Map<string, { mode: 'v2' | 'v1'; reason: string | null }>();
  get(url: string) {
    return this.known.get(url);
  }
  set(url: string, mode: 'v2' | 'v1', reason: string | null) {
    this.known.set(url, { mode, reason });
  }
  forget(url: string) {
    this.known.delete(url);
  }
}

export const observationMemory = new ObservationMemory();

/** A v2 answer the listing cannot use, and why, or null when it is usable. */
export function unusableBulkAnswer(body: unknown): string | null {
  if (!Array.isArray(body)) return 'GET /schemas did not answer with a list';
  for (const entry of body as Array<Record<string, unknown>>) {
    const lacking = ['subject', 'version', 'id'].filter((field) => entry?.[field] === undefined || entry[field] === null);
    if (lacking.length > 0) return `GET /schemas answered entries without ${lacking.join(', ')} (as Apicurio's ccompat does)`;
  }
  return null;
}

const FALLBACK_STATUSES = new Set([404, 405, 501]);

export interface ListOptions {
  observation: 'auto' | 'v2' | 'v1';
  includeDeleted: boolean;
  concurrency?: number;
  signal?: AbortSignal | undefined;
  memory?: ObservationMemory;
}

export async function listSubjects(client: RegistryClient, options: ListOptions): Promise<SubjectListing> {
  const memory = options.memory ?? observationMemory;
  const key = client.transport.settings.urls.join(' ');
  if (options.observation === 'v1') {
    return { observation: { configured: 'v1', inUse: 'v1', fallbackReason: null }, subjects: await listV1(client, options) };
  }
  if (options.observation === 'v2') {
    const bulk = await bulkListing(client, options);
    if (typeof bulk === 'string') {
      throw new SchemaRegistryError(`The profile pins observation v2, but ${bulk}; set the profile's observation to v1 or auto.`, { kind: 'unsupported' });
    }
    return { observation: { configured: 'v2', inUse: 'v2', fallbackReason: null }, subjects: bulk };
  }
  const remembered = memory.get(key);
  if (remembered?.mode === 'v1') {
    return { observation: { configured: 'auto', inUse: 'v1', fallbackReason: remembered.reason }, subjects: await listV1(client, options) };
  }
  const bulk = await bulkListing(client, options);
  if (typeof bulk === 'string') {
    memory.set(key, 'v1', bulk);
    return { observation: { configured: 'auto', inUse: 'v1', fallbackReason: bulk }, subjects: await listV1(client, options) };
  }
  // An empty registry proves nothing about the bulk endpoint; decide on the next listing.
  if (bulk.length > 0) memory.set(key, 'v2', null);
  return { observation: { configured: 'auto', inUse: 'v2', fallbackReason: null }, subjects: bulk };
}

type RawEntry = { subject: string; version: number; id: number; schemaType?: string };

/** The v2 listing, or why it cannot be used. Errors other than "not there" propagate. */
async function bulkListing(client: RegistryClient, options: ListOptions): Promise<ListedSubject[] | string> {
  const fetchAll = async (deleted: boolean): Promise<RawEntry[] | string> => {
    try {
      const body = await client.transport.json<unknown>({ method: 'GET', path: `/schemas?latestOnly=true${deleted ? '&deleted=true' : ''}`, signal: options.signal });
      const problem = unusableBulkAnswer(body);
      return problem ?? (body as RawEntry[]);
    } catch (error) {
      if (isRegistryError(error) && error.status !== undefined && FALLBACK_STATUSES.has(error.status)) return `GET /schemas answered ${error.status}`;
      throw error;
    }
  };
  const live = await fetchAll(false);
  if (typeof live === 'string') return live;
  const rows = latestPerSubject(live).map((entry) => toListed(client, entry, false));
  if (!options.includeDeleted) return rows;
  const all = await fetchAll(true);
  if (typeof all === 'string') return all;
  const liveNames = new Set(rows.map((row) => row.subject));
  const deleted = latestPerSubject(all).filter((entry) => !liveNames.has(entry.subject)).map((entry) => toListed(client, entry, true));
  return [...rows, ...deleted].sort((a, b) => a.subject.localeCompare(b.subject));
}

/** Registries that ignore `latestOnly` list every version: keep the newest per subject. */
function latestPerSubject(entries: RawEntry[]): RawEntry[] {
  const latest = new Map<string, RawEntry>();
  for (const entry of entries) {
    const seen = latest.get(entry.subject);
    if (seen === undefined || entry.version > seen.version) latest.set(entry.subject, entry);
  }
  return [...latest.values()].sort((a, b) => a.subject.localeCompare(b.subject));
}

function toListed(client: RegistryClient, entry: RawEntry, deleted: boolean): ListedSubject {
  const version = client.toVersion(entry as never, entry.subject);
  return { subject: version.subject, version: version.version, id: version.id, type: version.type, deleted };
}

async function listV1(client: RegistryClient, options: ListOptions): Promise<ListedSubject[]> {
  const live = await client.subjects({ signal: options.signal });
  const liveSet = new Set(live);
  const names = options.includeDeleted ? [...new Set([...live, ...(await client.subjects({ deleted: true, signal: options.signal }))])] : live;
  names.sort((a, b) => a.localeCompare(b));
  return mapBounded(names, options.concurrency ?? 8, options.signal, async (subject) => {
    const deleted = !liveSet.has(subject);
    try {
      const latest = await client.version(subject, 'latest', { signal: options.signal, deleted });
      return { subject, version: latest.version, id: latest.id, type: latest.type, deleted };
    } catch (error) {
      if (!isRegistryError(error, 'subject-not-found') && !isRegistryError(error, 'version-not-found')) throw error;
      if (!deleted) return null; // deleted between the two calls: left out rather than failing the list
      // Apicurio lists a soft-deleted subject's versions but serves none of them, even with deleted=true.
      const versions = await client.versions(subject, { deleted: true, signal: options.signal }).catch(() => [] as number[]);
      const last = versions.length > 0 ? Math.max(...versions) : null;
      return last === null ? null : { subject, version: last, id: null, type: null, deleted };
    }
  });
}

/** Runs `work` over `items` with at most `limit` at a time, in order, dropping nulls; stops on abort. */
export async function mapBounded<T, R>(items: T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<R | null>): Promise<R[]> {
  const results: (R | null)[] = new Array<R | null>(items.length).fill(null);
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      if (signal?.aborted) throw new SchemaRegistryError('The Schema Registry listing was cancelled.', { kind: 'aborted' });
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failed ??= error;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  const settled = await Promise.allSettled(workers);
  if (failed !== null) throw failed;
  const rejected = settled.find((outcome) => outcome.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return results.filter((result): result is R => result !== null);
}
