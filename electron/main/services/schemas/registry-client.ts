// The Confluent Schema Registry REST API (also served by Apicurio's ccompat, Redpanda, Karapace,
// WarpStream): every call the app uses, with schemas cached by id (immutable) and by subject/version,
// references resolved recursively with cycles refused. Implements the SchemaSource port.
import type { CompatibilityLevel } from '../../../../shared/domain/schemas/schema-schemas';
import { compatibilityLevels } from '../../../../shared/domain/schemas/schema-schemas';
import { SchemaRegistryError, isRegistryError } from './registry-errors';
import type { RegistryRequest, RegistryTransport } from './registry-transport';
import type { ResolvedReference, ResolvedSchema, SchemaReference, SchemaSource, SchemaSourceOptions, SchemaType } from './schema-source';

export interface RegistryVersion {
  subject: string;
  version: number;
  id: number;
  type: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface SchemaDraft {
  schema: string;
  type: SchemaType;
  references?: SchemaReference[];
}

interface Options {
  signal?: AbortSignal | undefined;
}

interface RawSchema {
  subject?: unknown;
  version?: unknown;
  id?: unknown;
  schemaType?: unknown;
  schema?: unknown;
  references?: unknown;
}

const encode = encodeURIComponent;

export function schemaTypeOf(value: unknown): SchemaType {
  if (value === undefined || value === null || value === '' || value === 'AVRO') return 'AVRO';
  if (value === 'PROTOBUF' || value === 'JSON') return value;
  throw new SchemaRegistryError(`The registry answered with an unknown schema type ${JSON.stringify(value)}.`, { kind: 'bad-response' });
}

function referencesOf(value: unknown): SchemaReference[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry: { name?: unknown; subject?: unknown; version?: unknown }) => {
    if (typeof entry?.name !== 'string' || typeof entry.subject !== 'string' || typeof entry.version !== 'number') {
      throw new SchemaRegistryError(`The registry listed a reference without name, subject and version: ${JSON.stringify(entry)}.`, { kind: 'bad-response' });
    }
    return { name: entry.name, subject: entry.subject, version: entry.version };
  });
}

function levelOf(body: unknown): CompatibilityLevel | null {
  const record = (body ?? {}) as { compatibilityLevel?: unknown; compatibility?: unknown };
  const level = record.compatibilityLevel ?? record.compatibility;
  if (typeof level !== 'string') return null;
  if ((compatibilityLevels as readonly string[]).includes(level)) return level as CompatibilityLevel;
  throw new SchemaRegistryError(`The registry answered with an unknown compatibility level '${level}'.`, { kind: 'bad-response' });
}

/** Confluent's contexts: `:.ctx:subject` names `subject` in context `.ctx`. */
export function contextSubject(context: string, subject: string): string {
  const name = context.startsWith('.') ? context : `.${context}`;
  return `:${name}:${subject}`;
}

export class RegistryClient implements SchemaSource {
  private readonly byIdCache = new Map<number, Promise<{ schema: string; type: SchemaType; references: SchemaReference[] }>>();
  private readonly versionCache = new Map<string, Promise<RegistryVersion>>();
  private readonly resolvedCache = new Map<number, Promise<ResolvedSchema>>();

  constructor(readonly transport: RegistryTransport) {}

  private get<T>(path: string, options?: Options): Promise<T> {
    return this.transport.json<T>({ method: 'GET', path, signal: options?.signal });
  }

  private call<T>(method: RegistryRequest['method'], path: string, body?: unknown, options?: Options): Promise<T> {
    return this.transport.json<T>({ method, path, body, signal: options?.signal });
  }

  // --- subjects and versions -------------------------------------------------------------------

  async subjects(options: Options & { deleted?: boolean; deletedOnly?: boolean; prefix?: string } = {}): Promise<string[]> {
    const query = new URLSearchParams();
    if (options.deleted) query.set('deleted', 'true');
    if (options.deletedOnly) query.set('deletedOnly', 'true');
    if (options.prefix !== undefined) query.set('subjectPrefix', options.prefix);
    const text = query.toString();
    return this.get<string[]>(`/subjects${text ? `?${text}` : ''}`, options);
  }

  async versions(subject: string, options: Options & { deleted?: boolean } = {}): Promise<number[]> {
    return this.get<number[]>(`/subjects/${encode(subject)}/versions${options.deleted ? '?deleted=true' : ''}`, options);
  }

  /** One version (`'latest'` or -1 for the newest); numbered versions are cached. */
  version(subject: string, version: number | 'latest', options: Options & { deleted?: boolean } = {}): Promise<RegistryVersion> {
    const fetch = async () => {
      const raw = await this.get<RawSchema>(`/subjects/${encode(subject)}/versions/${version}${options.deleted ? '?deleted=true' : ''}`, options);
      return this.toVersion(raw, subject);
    };
    if (version === 'latest') return fetch().then((found) => this.remember(found));
    const key = `${subject}\u0000${version}\u0000${options.deleted ? 'd' : ''}`;
    let cached = this.versionCache.get(key);
    if (cached === undefined) {
      cached = fetch();
      this.versionCache.set(key, cached);
      cached.catch(() => this.versionCache.delete(key));
    }
    return cached;
  }

  private remember(found: RegistryVersion): RegistryVersion {
    const key = `${found.subject}\u0000${found.version}\u0000`;
    if (!this.versionCache.has(key)) this.versionCache.set(key, Promise.resolve(found));
    if (!this.byIdCache.has(found.id)) this.byIdCache.set(found.id, Promise.resolve({ schema: found.schema, type: found.type, references: found.references }));
    return found;
  }

  toVersion(raw: RawSchema, subject?: string): RegistryVersion {
    if (typeof raw?.schema !== 'string' || typeof raw.id !== 'number' || typeof raw.version !== 'number') {
      throw new SchemaRegistryError(`The registry's answer for ${subject ?? 'a version'} lacks schema, id or version.`, { kind: 'bad-response' });
    }
    return {
      subject: typeof raw.subject === 'string' ? raw.subject : (subject ?? ''),
      version: raw.version,
      id: raw.id,
      type: schemaTypeOf(raw.schemaType),
      schema: raw.schema,
      references: referencesOf(raw.references),
    };
  }

  /** The raw schema text of an id, without resolving references; cached for the client's life. */
  schemaById(id: number, options: Options = {}): Promise<{ schema: string; type: SchemaType; references: SchemaReference[] }> {
    let cached = this.byIdCache.get(id);
    if (cached === undefined) {
      cached = this.get<RawSchema>(`/schemas/ids/${id}`, options).then((raw) => {
        if (typeof raw?.schema !== 'string') throw new SchemaRegistryError(`The registry's answer for schema id ${id} has no schema text.`, { kind: 'bad-response' });
        return { schema: raw.schema, type: schemaTypeOf(raw.schemaType), references: referencesOf(raw.references) };
      });
      this.byIdCache.set(id, cached);
      cached.catch(() => this.byIdCache.delete(id));
    }
    return cached;
  }

  subjectsOfId(id: number, options: Options & { deleted?: boolean } = {}): Promise<string[]> {
    return this.get<string[]>(`/schemas/ids/${id}/subjects${options.deleted ? '?deleted=true' : ''}`, options);
  }

  versionsOfId(id: number, options: Options & { deleted?: boolean } = {}): Promise<Array<{ subject: string; version: number }>> {
    return this.get<Array<{ subject: string; version: number }>>(`/schemas/ids/${id}/versions${options.deleted ? '?deleted=true' : ''}`, options);
  }

  referencedBy(subject: string, version: number | 'latest', options: Options = {}): Promise<number[]> {
    return this.get<number[]>(`/subjects/${encode(subject)}/versions/${version}/referencedby`, options);
  }

  schemaTypes(options: Options = {}): Promise<string[]> {
    return this.get<string[]>('/schemas/types', options);
  }

  /** Contexts, or null when the registry has no contexts endpoint. */
  async contexts(options: Options = {}): Promise<string[] | null> {
    try {
      return await this.get<string[]>('/contexts', options);
    } catch (error) {
      if (isRegistryError(error, 'not-found')) return null;
      throw error;
    }
  }

  // --- references --------------------------------------------------------------------------------

  /** Resolves references depth-first; a reference back to a schema on the current path is refused. */
  async resolveReferences(references: SchemaReference[], options: Options = {}, path: string[] = []): Promise<ResolvedReference[]> {
    const resolved: ResolvedReference[] = [];
    for (const reference of references) {
      const key = `${reference.subject}:${reference.version}`;
      if (path.includes(key)) {
        throw new SchemaRegistryError(`The schema references form a cycle: ${[...path, key].join(' → ')}.`, { kind: 'reference-cycle' });
      }
      const target = await this.version(reference.subject, reference.version, options);
      const nested = await this.resolveReferences(target.references, options, [...path, key]);
      resolved.push({ ...reference, schema: { id: target.id, type: target.type, schema: target.schema, references: nested, subject: target.subject, version: target.version } });
    }
    return resolved;
  }

  // --- SchemaSource ---------------------------------------------------------------------------------

  byId(id: number, options: SchemaSourceOptions = {}): Promise<ResolvedSchema> {
    let cached = this.resolvedCache.get(id);
    if (cached === undefined) {
      cached = (async () => {
        const raw = await this.schemaById(id, options);
        const [references, where] = await Promise.all([
          this.resolveReferences(raw.references, options),
          this.versionsOfId(id, options).catch((error: unknown) => {
            // Older registries lack the endpoint; the schema is still usable without subject/version.
            if (isRegistryError(error, 'not-found')) return [];
            throw error;
          }),
        ]);
        const first = [...where].sort((a, b) => a.subject.localeCompare(b.subject) || a.version - b.version)[0];
        return { id, type: raw.type, schema: raw.schema, references, ...(first ? { subject: first.subject, version: first.version } : {}) };
      })();
      this.resolvedCache.set(id, cached);
      cached.catch(() => this.resolvedCache.delete(id));
    }
    return cached;
  }

  async bySubjectVersion(subject: string, version: number | 'latest', options: SchemaSourceOptions = {}): Promise<ResolvedSchema> {
    const found = await this.version(subject, version, options);
    const references = await this.resolveReferences(found.references, options);
    return { id: found.id, type: found.type, schema: found.schema, references, subject: found.subject, version: found.version };
  }

  // --- compatibility and mode ------------------------------------------------------------------------

  /**
   * A subject's level (`subject` null: the global one). `defaultToGlobal` asks for the level in effect;
   * without it a subject with no override answers null (Confluent's 404 40408).
   */
  async compatibility(subject: string | null, options: Options & { defaultToGlobal?: boolean } = {}): Promise<CompatibilityLevel | null> {
    const path = subject === null ? '/config' : `/config/${encode(subject)}${options.defaultToGlobal ? '?defaultToGlobal=true' : ''}`;
    try {
      return levelOf(await this.get(path, options));
    } catch (error) {
      if (isRegistryError(error) && error.status === 404 && (error.registryCode === 40408 || error.registryCode === undefined || error.kind === 'not-found')) return null;
      throw error;
    }
  }

  async setCompatibility(subject: string | null, level: CompatibilityLevel, options: Options = {}): Promise<CompatibilityLevel | null> {
    const body = await this.call('PUT', subject === null ? '/config' : `/config/${encode(subject)}`, { compatibility: level }, options);
    return levelOf(body);
  }

  async deleteCompatibility(subject: string, options: Options = {}): Promise<void> {
    await this.call('DELETE', `/config/${encode(subject)}`, undefined, options);
  }

  /** READWRITE, READONLY, IMPORT...; null when the registry has no mode endpoint. */
  async mode(subject: string | null = null, options: Options & { defaultToGlobal?: boolean } = {}): Promise<string | null> {
    try {
      const path = subject === null ? '/mode' : `/mode/${encode(subject)}${options.defaultToGlobal ? '?defaultToGlobal=true' : ''}`;
      const body = await this.get<{ mode?: unknown }>(path, options);
      return typeof body?.mode === 'string' ? body.mode : null;
    } catch (error) {
      if (isRegistryError(error) && (error.kind === 'not-found' || error.registryCode === 40409)) return null;
      throw error;
    }
  }

  async setMode(subject: string | null, mode: 'READWRITE' | 'READONLY' | 'IMPORT', options: Options & { force?: boolean } = {}): Promise<string | null> {
    const path = `${subject === null ? '/mode' : `/mode/${encode(subject)}`}${options.force ? '?force=true' : ''}`;
    const body = await this.call<{ mode?: unknown }>('PUT', path, { mode }, options);
    return typeof body?.mode === 'string' ? body.mode : null;
  }

  /**
   * Checks a draft against one version, the latest, or every version (`'all'`), with the registry's
   * reasons where it gives them (`verbose=true`).
   */
  async checkCompatibility(subject: string, draft: SchemaDraft, against: number | 'latest' | 'all', options: Options = {}): Promise<{ compatible: boolean; messages: string[] }> {
    const path = against === 'all' ? `/compatibility/subjects/${encode(subject)}/versions?verbose=true` : `/compatibility/subjects/${encode(subject)}/versions/${against}?verbose=true`;
    try {
      const body = await this.call<{ is_compatible?: unknown; messages?: unknown }>('POST', path, this.draftBody(draft), options);
      if (typeof body?.is_compatible !== 'boolean') throw new SchemaRegistryError('The registry\'s compatibility answer has no is_compatible.', { kind: 'bad-response' });
      const messages = Array.isArray(body.messages) ? body.messages.map(String) : [];
      return { compatible: body.is_compatible, messages };
    } catch (error) {
      // Confluent reports an incompatible draft as 409 in some versions; the reasons are the message.
      if (isRegistryError(error, 'incompatible')) return { compatible: false, messages: error.reasons };
      throw error;
    }
  }

  // --- writing ------------------------------------------------------------------------------------------

  private draftBody(draft: SchemaDraft): Record<string, unknown> {
    return {
      schema: draft.schema,
      ...(draft.type === 'AVRO' ? {} : { schemaType: draft.type }),
      ...(draft.references && draft.references.length > 0 ? { references: draft.references } : {}),
    };
  }

  /** Registers a draft under a subject; the same schema registered again answers its existing id. */
  async register(subject: string, draft: SchemaDraft, options: Options & { normalize?: boolean } = {}): Promise<{ id: number }> {
    const body = await this.call<{ id?: unknown }>('POST', `/subjects/${encode(subject)}/versions${options.normalize ? '?normalize=true' : ''}`, this.draftBody(draft), options);
    if (typeof body?.id !== 'number') throw new SchemaRegistryError('The registry\'s answer to a register has no id.', { kind: 'bad-response' });
    this.forgetSubject(subject);
    return { id: body.id };
  }

  /** The version under which a subject holds this exact schema, or null. */
  async lookup(subject: string, draft: SchemaDraft, options: Options & { deleted?: boolean } = {}): Promise<RegistryVersion | null> {
    try {
      const raw = await this.call<RawSchema>('POST', `/subjects/${encode(subject)}${options.deleted ? '?deleted=true' : ''}`, this.draftBody(draft), options);
      return this.toVersion(raw, subject);
    } catch (error) {
      if (isRegistryError(error) && (error.kind === 'schema-not-found' || error.kind === 'subject-not-found')) return null;
      throw error;
    }
  }

  async deleteVersion(subject: string, version: number, options: Options & { permanent?: boolean } = {}): Promise<number> {
    const deleted = await this.call<number>('DELETE', `/subjects/${encode(subject)}/versions/${version}${options.permanent ? '?permanent=true' : ''}`, undefined, options);
    this.forgetSubject(subject);
    return deleted;
  }

  async deleteSubject(subject: string, options: Options & { permanent?: boolean } = {}): Promise<number[]> {
    const deleted = await this.call<number[]>('DELETE', `/subjects/${encode(subject)}${options.permanent ? '?permanent=true' : ''}`, undefined, options);
    this.forgetSubject(subject);
    return deleted;
  }

  /** Drops cached versions of a subject after it changed (ids stay cached: they never change). */
  forgetSubject(subject: string): void {
    for (const key of this.versionCache.keys()) if (key.startsWith(`${subject}\u0000`)) this.versionCache.delete(key);
  }
}
