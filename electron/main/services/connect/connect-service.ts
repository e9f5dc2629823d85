// Kafka Connect as the app and the CLI use it: one client per Connect cluster of a profile (rebuilt when
// its settings change), the profile's and the cluster's safety checks before anything that changes a
// connector, masking of sensitive config values, and validation before any create or edit.
import { createHash } from 'node:crypto';
import {
  maskConfig,
  unmaskConfig,
  type ConnectList,
  type ConnectOffsets,
  type ConnectPlugin,
  type ConnectorDetail,
  type ValidationResult,
  type WorkerInfo,
} from '../../../../shared/domain/connect/connect-schemas';
import { isConnectActionAllowed, type ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ConnectClusterSettings, KafkaConnectionSettings } from '../kafka/connection-settings';
import { ConnectClient } from './connect-client';
import { isConnectError } from './connect-errors';
import { ConnectTransport, type ConnectTransportOptions } from './connect-transport';

export interface ConnectServiceDeps {
  profiles: {
    get(id: string): Promise<ConnectionProfile>;
    resolveConnection(id: string): Promise<KafkaConnectionSettings>;
  };
  transport?: ConnectTransportOptions;
}

export type ConnectService = ReturnType<typeof createConnectService>;

export interface ClusterRef {
  profileId: string;
  clusterId: string;
}
export interface ConnectorRef extends ClusterRef {
  connector: string;
}

export type RestartOptions = { includeTasks: boolean; onlyFailed: boolean; task?: number | undefined };

export function createConnectClient(settings: ConnectClusterSettings, options: ConnectTransportOptions = {}): ConnectClient {
  return new ConnectClient(new ConnectTransport(settings, options));
}

/** A validation that did not pass: nothing was sent; the result says which fields are wrong. */
export class ConnectValidationFailure extends AppFailure {
  constructor(readonly result: ValidationResult) {
    const wrong = result.fields.filter((field) => field.errors.length > 0);
    super(
      'INVALID_INPUT',
      `The connector config did not pass validation (${result.errorCount} error${result.errorCount === 1 ? '' : 's'}): ${wrong
        .slice(0, 5)
        .map((field) => `${field.name}: ${field.errors.join(' ')}`)
        .join('; ')}${wrong.length > 5 ? '; …' : ''}. Nothing was sent.`,
      { validation: result },
    );
  }
}

export function createConnectService(deps: ConnectServiceDeps) {
  const clients = new Map<string, { fingerprint: string; client: ConnectClient }>();

  const clustersOf = async (profileId: string): Promise<ConnectClusterSettings[]> => (await deps.profiles.resolveConnection(profileId)).connect ?? [];

  const clientFor = (profileId: string, settings: ConnectClusterSettings): ConnectClient => {
    // A hash, so the cache key holds no secret in clear.
    const fingerprint = createHash('sha256').update(JSON.stringify(settings)).digest('hex');
    const key = `${profileId}\u0000${settings.id}`;
    const cached = clients.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.client;
    cached?.client.transport.close();
    const client = createConnectClient(settings, deps.transport);
    clients.set(key, { fingerprint, client });
    return client;
  };

  const cluster = async ({ profileId, clusterId }: ClusterRef): Promise<ConnectClient> => {
    const all = await clustersOf(profileId);
    const settings = all.find((entry) => entry.id === clusterId);
    if (!settings) {
      const profile = await deps.profiles.get(profileId);
      throw new AppFailure(
        'NOT_FOUND',
        all.length === 0
          ? `Profile '${profile.name}' has no Kafka Connect cluster: add one in the profile's Connect settings.`
          : `Profile '${profile.name}' has no Connect cluster '${clusterId}' (it has ${all.map((entry) => entry.id).join(', ')}).`,
      );
    }
    return clientFor(profileId, settings);
  };

  const mayChange = async (ref: ClusterRef, action: 'operate-connectors' | 'edit-connectors', what: string): Promise<ConnectClient> => {
    const [profile, client] = await Promise.all([deps.profiles.get(ref.profileId), cluster(ref)]);
    if (!isConnectActionAllowed(profile, client.settings, action)) {
      const reason = profile.safety.readOnly
        ? `profile '${profile.name}' is read-only`
        : client.settings.readOnly
          ? `Connect cluster '${client.settings.name}' is read-only in profile '${profile.name}'`
          : `profile '${profile.name}' does not allow the '${action}' action`;
      throw new AppFailure('NOT_ALLOWED', `${what} is not allowed: ${reason}.`);
    }
    return client;
  };

  return {
    /** The profile's Connect clusters (ids, names, read-only), without contacting them. */
    async clusters(profileId: string): Promise<{ id: string; name: string; readOnly: boolean; urls: string[] }[]> {
      return (await clustersOf(profileId)).map(({ id, name, readOnly, urls }) => ({ id, name, readOnly, urls }));
    },

    /** Connectors of one cluster or all of them; a cluster that fails is reported, the others still listed. */
    async list(profileId: string, clusterId?: string | null, options: { topics?: boolean } = {}): Promise<ConnectList> {
      const all = await clustersOf(profileId);
      const chosen = clusterId ? all.filter((entry) => entry.id === clusterId) : all;
      if (clusterId && chosen.length === 0) await cluster({ profileId, clusterId });
      const results = await Promise.all(
        chosen.map(async (settings) => {
          const client = clientFor(profileId, settings);
          try {
            const connectors = await client.connectors(options);
            return { status: { id: settings.id, name: settings.name, readOnly: settings.readOnly, url: client.transport.currentUrl, error: null, connectors: connectors.length }, connectors };
          } catch (error) {
            return { status: { id: settings.id, name: settings.name, readOnly: settings.readOnly, url: null, error: error instanceof Error ? error.message : String(error), connectors: 0 }, connectors: [] };
          }
        }),
      );
      return { clusters: results.map((result) => result.status), connectors: results.flatMap((result) => result.connectors) };
    },

    async detail(ref: ConnectorRef): Promise<ConnectorDetail> {
      const client = await cluster(ref);
      const [status, config, topics] = await Promise.all([client.status(ref.connector), client.config(ref.connector), client.topics(ref.connector).catch(() => null)]);
      const masked = maskConfig(config);
      return {
        clusterId: client.settings.id,
        clusterName: client.settings.name,
        readOnly: client.settings.readOnly,
        name: ref.connector,
        type: status.type,
        className: config['connector.class'] ?? '',
        state: status.state,
        workerId: status.workerId,
        trace: status.trace,
        config: masked.config,
        maskedKeys: masked.maskedKeys,
        tasks: status.tasks,
        topics,
      };
    },

    async pause(ref: ConnectorRef): Promise<void> {
      await (await mayChange(ref, 'operate-connectors', `Pausing connector '${ref.connector}'`)).pause(ref.connector);
    },
    async resume(ref: ConnectorRef): Promise<void> {
      await (await mayChange(ref, 'operate-connectors', `Resuming connector '${ref.connector}'`)).resume(ref.connector);
    },
    async stop(ref: ConnectorRef): Promise<void> {
      await (await mayChange(ref, 'operate-connectors', `Stopping connector '${ref.connector}'`)).stop(ref.connector);
    },
    async restart(ref: ConnectorRef, options: RestartOptions): Promise<void> {
      const client = await mayChange(ref, 'operate-connectors', `Restarting connector '${ref.connector}'`);
      if (options.task !== undefined) await client.restartTask(ref.connector, options.task);
      else await client.restart(ref.connector, options);
    },
    async delete(ref: ConnectorRef): Promise<void> {
      await (await mayChange(ref, 'edit-connectors', `Deleting connector '${ref.connector}'`)).delete(ref.connector);
    },

    async plugins(ref: ClusterRef): Promise<ConnectPlugin[]> {
      return (await cluster(ref)).plugins();
    },

    /**
     * Validates a config for a plugin. For an existing connector, masked values are replaced by the
     * stored ones first, so validating an edit of a masked password does not validate the mask.
     */
    async validate(ref: ClusterRef & { connector?: string | null | undefined }, className: string, config: Record<string, string>): Promise<ValidationResult> {
      const client = await cluster(ref);
      const full = ref.connector ? await withStoredSecrets(client, ref.connector, config) : config;
      return maskValidation(await client.validate(className, full));
    },

    /** Creates (mode `create`: refused if the name exists) or reconfigures a connector, only after validation passes. */
    async save(ref: ConnectorRef, config: Record<string, string>, mode: 'create' | 'update'): Promise<{ validation: ValidationResult }> {
      const client = await mayChange(ref, 'edit-connectors', `${mode === 'create' ? 'Creating' : 'Changing'} connector '${ref.connector}'`);
      const className = config['connector.class'];
      if (!className) throw new AppFailure('INVALID_INPUT', 'The config has no connector.class: choose the connector plugin.');
      const exists = await client.exists(ref.connector);
      if (mode === 'create' && exists) throw new AppFailure('CONFLICT', `Connector '${ref.connector}' already exists on Connect cluster '${client.settings.name}'; edit it instead.`);
      if (mode === 'update' && !exists) throw new AppFailure('NOT_FOUND', `Connect cluster '${client.settings.name}' has no connector '${ref.connector}'.`);
      const full = mode === 'update' ? await withStoredSecrets(client, ref.connector, config) : config;
      const validation = await client.validate(className, { ...full, name: ref.connector });
      if (validation.errorCount > 0) throw new ConnectValidationFailure(maskValidation(validation));
      await client.putConfig(ref.connector, { ...full, name: ref.connector });
      return { validation: maskValidation(validation) };
    },

    async offsets(ref: ConnectorRef): Promise<ConnectOffsets & { state: string }> {
      const client = await cluster(ref);
      const [offsets, status] = await Promise.all([client.offsets(ref.connector), client.status(ref.connector)]);
      return { ...offsets, state: status.state };
    },

    /** Alter (`offsets` given) or reset (null) a connector's offsets; Connect allows it only when it is STOPPED. */
    async changeOffsets(ref: ConnectorRef, offsets: ConnectOffsets['offsets'] | null): Promise<{ message: string }> {
      const client = await mayChange(ref, 'edit-connectors', `${offsets === null ? 'Resetting' : 'Altering'} the offsets of connector '${ref.connector}'`);
      const status = await client.status(ref.connector);
      if (status.state !== 'STOPPED') {
        throw new AppFailure('CONFLICT', `Connector '${ref.connector}' is ${status.state}: stop it first (offsets can only be changed on a STOPPED connector).`);
      }
      return { message: offsets === null ? await client.resetOffsets(ref.connector) : await client.alterOffsets(ref.connector, offsets) };
    },

    async worker(ref: ClusterRef): Promise<WorkerInfo> {
      return (await cluster(ref)).worker();
    },

    close(): void {
      for (const { client } of clients.values()) client.transport.close();
      clients.clear();
    },
  };
}

async function withStoredSecrets(client: ConnectClient, connector: string, config: Record<string, string>): Promise<Record<string, string>> {
  try {
    return unmaskConfig(config, await client.config(connector));
  } catch (error) {
    if (isConnectError(error, 'connector-not-found') || isConnectError(error, 'not-found')) return config;
    throw error;
  }
}

/** PASSWORD fields' values never go back to the renderer. */
function maskValidation(result: ValidationResult): ValidationResult {
  return { ...result, fields: result.fields.map((field) => (field.type === 'PASSWORD' && field.value ? { ...field, value: '********' } : field)) };
}
