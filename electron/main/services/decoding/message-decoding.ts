// One set of compiled codecs per profile's registry for the app session, shared by browsing, fetching
// one message, export, the producer and the CLI: a schema id is fetched once however many views use it.
// A profile whose registry settings change gets a fresh set (ids are only unique within one registry).
import { AppFailure } from '../../../../shared/ipc/result';
import type { KafkaConnectionSettings, SchemaRegistrySettings } from '../kafka/connection-settings';
import type { Clock } from '../ports';
import type { SchemaSource } from '../schemas/schema-source';
import { createRegistryCodecs, type RegistryCodecs } from './registry-codecs';

/** The registry client behind a profile's registry settings (the schemas service provides it). */
export type SchemaSourceFactory = (registry: SchemaRegistrySettings) => SchemaSource;

export interface MessageDecoding {
  /** The codecs for the profile's registry; undefined when the profile names no registry. */
  codecsFor(settings: KafkaConnectionSettings): RegistryCodecs | undefined;
  /** The same, refusing with a clear error when there is no registry (producing with a schema needs one). */
  requireCodecs(settings: KafkaConnectionSettings): RegistryCodecs;
}

export function createMessageDecoding(deps: { sourceFor: SchemaSourceFactory; clock: Clock }): MessageDecoding {
  const byRegistry = new Map<string, RegistryCodecs>();
  const codecsFor = (settings: KafkaConnectionSettings) => {
    const registry = settings.schemaRegistry;
    if (!registry) return undefined;
    // Credentials are part of the key only as a change marker; the key never leaves this map.
    const key = JSON.stringify([registry.id, registry.urls, registry.auth, registry.tls]);
    let codecs = byRegistry.get(key);
    if (!codecs) {
      for (const [existing] of byRegistry) if (existing.startsWith(`[${JSON.stringify(registry.id)},`)) byRegistry.delete(existing);
      codecs = createRegistryCodecs(deps.sourceFor(registry), deps.clock);
      byRegistry.set(key, codecs);
    }
    return codecs;
  };
  return {
    codecsFor,
    requireCodecs(settings) {
      const codecs = codecsFor(settings);
      if (!codecs) throw new AppFailure('INVALID_INPUT', `Profile '${settings.name}' has no Schema Registry, so there is no schema to encode with. Add the registry to the profile first.`);
      return codecs;
    },
  };
}
