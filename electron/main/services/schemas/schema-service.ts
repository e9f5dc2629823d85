// The Schema Registry as the app and the CLI use it: one client per profile (rebuilt when the profile's
// registry settings change), the `edit-schemas` safety check before anything that writes, and the
// shapes the `schemas:*` channels answer with.
import { createHash } from 'node:crypto';
import { isActionAllowed, type ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import {
  deleteConfirmationText,
  type CheckCompatibilityOutput,
  type CompatibilityLevel,
  type ListSubjectsOutput,
  type SchemaVersionView,
  type SubjectDetail,
} from '../../../../shared/domain/schemas/schema-schemas';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { KafkaConnectionSettings, SchemaRegistrySettings } from '../kafka/connection-settings';
import type { Clock } from '../ports';
import { RegistryClient } from './registry-client';
import { isRegistryError } from './registry-errors';
import { RegistryTransport, type TransportOptions } from './registry-transport';
import type { SchemaSource } from './schema-source';
import { listSubjects, mapBounded, observationMemory, type ObservationMemory } from './subject-listing';

export interface SchemaServiceDeps {
  profiles: {
    get(id: string): Promise<ConnectionProfile>;
    resolveConnection(id: string): Promise<KafkaConnectionSettings>;
  };
  clock: Clock;
  transport?: TransportOptions;
  memory?: ObservationMemory;
  /** Requests in flight per registry during the v1 walk and per-subject reads. */
  concurrency?: number;
}

export type SchemaService = ReturnType<typeof createSchemaService>;

/** The client for resolved registry settings; the CLI and tests build one without a profile store. */
export function createRegistryClient(settings: SchemaRegistrySettings, options: TransportOptions = {}): RegistryClient {
  return new RegistryClient(new RegistryTransport(settings, options));
}

export function createSchemaService(deps: SchemaServiceDeps) {
  const clients = new Map<string, { fingerprint: string; client: RegistryClient; settings: SchemaRegistrySettings }>();
  const concurrency = deps.concurrency ?? 8;
  const memory = deps.memory ?? observationMemory;

  const registryOf = async (profileId: string): Promise<{ client: RegistryClient; settings: SchemaRegistrySettings }> => {
    const resolved = await deps.profiles.resolveConnection(profileId);
    const settings = resolved.schemaRegistry;
    if (!settings) throw new AppFailure('NOT_FOUND', `Profile '${resolved.name}' has no Schema Registry: add its URL in the profile's Schema Registry settings.`);
    // A hash, so the cache key holds no secret in clear.
    const fingerprint = createHash('sha256').update(JSON.stringify(settings, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value))).digest('hex');
    const cached = clients.get(profileId);
    if (cached && cached.fingerprint === fingerprint) return cached;
    cached?.client.transport.close();
    const entry = { fingerprint, client: createRegistryClient(settings, { maxSockets: concurrency, ...deps.transport }), settings };
    clients.set(profileId, entry);
    return entry;
  };

  const mayEdit = async (profileId: string, what: string) => {
    const profile = await deps.profiles.get(profileId);
    if (!isActionAllowed(profile, 'edit-schemas')) {
      throw new AppFailure(
        'NOT_ALLOWED',
        profile.safety.readOnly
          ? `Profile '${profile.name}' is read-only: ${what} is not allowed.`
          : `Profile '${profile.name}' does not allow editing schemas (the 'edit-schemas' action): ${what} is not allowed.`,
      );
    }
  };

  const exists = async (client: RegistryClient, subject: string, signal?: AbortSignal) => {
    try {
      await client.versions(subject, { signal });
      return true;
    } catch (error) {
      if (isRegistryError(error, 'subject-not-found')) return false;
      throw error;
    }
  };

  return {
    /** The SchemaSource of a profile's registry (for decoding and encoding messages). */
    async sourceFor(profileId: string): Promise<SchemaSource> {
      return (await registryOf(profileId)).client;
    },

    async client(profileId: string): Promise<RegistryClient> {
      return (await registryOf(profileId)).client;
    },

    async list(input: ChannelInput<'schemas:list'>, signal?: AbortSignal): Promise<ListSubjectsOutput> {
      const started = deps.clock.now();
      const { client, settings } = await registryOf(input.profileId);
      const key = settings.urls.join(' ');
      if (input.refresh) memory.forget(key);
      const before = client.transport.requests;
      const listing = await listSubjects(client, { observation: settings.observation, includeDeleted: input.includeDeleted ?? false, concurrency, signal, memory });
      const [globalCompatibility, mode] = await Promise.all([client.compatibility(null, { signal }), client.mode(null, { signal })]);
      const levels = input.withCompatibility === false
        ? null
        : await mapBounded(listing.subjects, concurrency, signal, async (row) => ({ subject: row.subject, level: row.deleted ? null : await client.compatibility(row.subject, { defaultToGlobal: true, signal }) }));
      const levelOf = new Map(levels?.map((entry) => [entry.subject, entry.level]) ?? []);
      return {
        registryId: settings.id,
        registryName: settings.name,
        url: client.transport.currentUrl,
        observation: listing.observation,
        globalCompatibility,
        mode,
        subjects: listing.subjects.map((row) => ({
          subject: row.subject,
          type: row.type,
          latestVersion: row.version,
          latestId: row.id,
          compatibility: levelOf.get(row.subject) ?? null,
          compatibilityOverride: null,
          deleted: row.deleted,
        })),
        requests: client.transport.requests - before,
        elapsedMs: deps.clock.now() - started,
      };
    },

    async subject(input: ChannelInput<'schemas:subject'>, signal?: AbortSignal): Promise<SubjectDetail> {
      const { client } = await registryOf(input.profileId);
      const includeDeleted = input.includeDeleted ?? false;
      const [live, all] = await Promise.all([
        client.versions(input.subject, { signal }).catch((error: unknown) => {
          // A soft-deleted subject has no live versions, only deleted ones.
          if (includeDeleted && isRegistryError(error, 'subject-not-found')) return [] as number[];
          throw error;
        }),
        includeDeleted ? client.versions(input.subject, { deleted: true, signal }) : Promise.resolve(null),
      ]);
      const numbers = all ?? live;
      const liveSet = new Set(live);
      const versions = await mapBounded(numbers, concurrency, signal, async (version) => {
        const deleted = !liveSet.has(version);
        const found = await client.version(input.subject, version, { signal, deleted });
        return { version, id: found.id, type: found.type, deleted };
      });
      const [raw, effective, globalCompatibility, mode] = await Promise.all([
        client.compatibility(input.subject, { signal }),
        client.compatibility(input.subject, { defaultToGlobal: true, signal }),
        client.compatibility(null, { signal }),
        client.mode(input.subject, { signal }),
      ]);
      return {
        subject: input.subject,
        versions,
        compatibility: effective ?? raw ?? globalCompatibility,
        compatibilityOverride: isOverride(raw, effective, globalCompatibility),
        globalCompatibility,
        mode,
      };
    },

    async version(input: ChannelInput<'schemas:version'>, signal?: AbortSignal): Promise<SchemaVersionView> {
      const { client } = await registryOf(input.profileId);
      const includeDeleted = input.includeDeleted ?? false;
      const found = await client.version(input.subject, input.version, { signal, deleted: includeDeleted });
      const [live, referencedBy] = await Promise.all([
        includeDeleted ? client.versions(input.subject, { signal }).catch(() => [] as number[]) : Promise.resolve(null),
        client.referencedBy(input.subject, found.version, { signal }).catch((error: unknown) => {
          if (isRegistryError(error, 'not-found')) return [] as number[];
          throw error;
        }),
      ]);
      return { ...found, referencedBy, deleted: live !== null && !live.includes(found.version) };
    },

    async check(input: ChannelInput<'schemas:check'>, signal?: AbortSignal): Promise<CheckCompatibilityOutput> {
      const { client } = await registryOf(input.profileId);
      if (!(await exists(client, input.subject, signal))) return { compatible: true, messages: [], subjectExists: false };
      const result = await client.checkCompatibility(input.subject, { schema: input.schema, type: input.type, references: input.references ?? [] }, input.against ?? 'latest', { signal });
      return { ...result, subjectExists: true };
    },

    async register(input: ChannelInput<'schemas:register'>, signal?: AbortSignal) {
      await mayEdit(input.profileId, `registering a schema under '${input.subject}'`);
      const { client } = await registryOf(input.profileId);
      const draft = { schema: input.schema, type: input.type, references: input.references ?? [] };
      const before = await client.lookup(input.subject, draft, { signal });
      const { id } = await client.register(input.subject, draft, { signal, normalize: input.normalize ?? false });
      const after = before ?? (await client.lookup(input.subject, draft, { signal }));
      return { id, version: after?.version ?? null, alreadyRegistered: before !== null };
    },

    async setCompatibility(input: ChannelInput<'schemas:set-compatibility'>, signal?: AbortSignal) {
      const subject = input.subject ?? null;
      await mayEdit(input.profileId, subject === null ? 'changing the global compatibility level' : `changing the compatibility of '${subject}'`);
      const { client } = await registryOf(input.profileId);
      if (subject !== null && !(await exists(client, subject, signal))) {
        throw new AppFailure('NOT_FOUND', `Subject '${subject}' does not exist; register a schema under it first.`);
      }
      await client.setCompatibility(subject, input.level as CompatibilityLevel, { signal });
      return { subject, level: await client.compatibility(subject, { defaultToGlobal: true, signal }) };
    },

    async deleteCompatibility(input: ChannelInput<'schemas:delete-compatibility'>, signal?: AbortSignal) {
      await mayEdit(input.profileId, `removing the compatibility override of '${input.subject}'`);
      const { client } = await registryOf(input.profileId);
      await client.deleteCompatibility(input.subject, { signal });
      return { subject: input.subject, level: await client.compatibility(input.subject, { defaultToGlobal: true, signal }) };
    },

    async mode(input: ChannelInput<'schemas:mode'>, signal?: AbortSignal) {
      const { client } = await registryOf(input.profileId);
      return { subject: input.subject, mode: await client.mode(input.subject, { signal, defaultToGlobal: true }) };
    },

    async setMode(input: ChannelInput<'schemas:set-mode'>, signal?: AbortSignal) {
      const subject = input.subject;
      await mayEdit(input.profileId, subject === null ? `setting the registry's mode to ${input.mode}` : `setting the mode of '${subject}' to ${input.mode}`);
      const { client } = await registryOf(input.profileId);
      await client.setMode(subject, input.mode, { signal, force: input.force });
      return { subject, mode: await client.mode(subject, { signal, defaultToGlobal: true }) };
    },

    async delete(input: ChannelInput<'schemas:delete'>, signal?: AbortSignal) {
      const expected = deleteConfirmationText(input.subject, input.version);
      if (input.confirmation !== expected) {
        throw new AppFailure('INVALID_INPUT', `Type '${expected}' to confirm the ${input.permanent ? 'permanent ' : ''}delete.`);
      }
      const what = `${input.permanent ? 'permanently deleting' : 'deleting'} ${input.version === null ? `subject '${input.subject}'` : `version ${input.version} of '${input.subject}'`}`;
      await mayEdit(input.profileId, what);
      const { client } = await registryOf(input.profileId);
      const permanent = input.permanent;
      if (input.version === null) {
        const deletedVersions = await client.deleteSubject(input.subject, { permanent, signal });
        return { subject: input.subject, deletedVersions, permanent };
      }
      const version = await client.deleteVersion(input.subject, input.version, { permanent, signal });
      return { subject: input.subject, deletedVersions: [version], permanent };
    },

    close(): void {
      for (const { client } of clients.values()) client.transport.close();
      clients.clear();
    },
  };
}

/**
 * Whether a subject has its own level. Confluent answers 404 (null) without one; Apicurio answers NONE
 * instead, which is told apart from a real NONE override by the level in effect.
 */
export function isOverride(raw: CompatibilityLevel | null, effective: CompatibilityLevel | null, global: CompatibilityLevel | null): boolean {
  if (raw === null) return false;
  if (effective !== null && raw !== effective) return false;
  return !(raw === 'NONE' && effective === global);
}
