// Wires services to contract channels. Each handler stays thin: the dispatcher has already checked
// the sender and parsed the input; the service does the work.
import type { ExportOptions } from '../../shared/domain/profile/export/common';
import { exportJavaProperties } from '../../shared/domain/profile/export/java-properties';
import { exportKafkajsSnippet } from '../../shared/domain/profile/export/kafkajs-snippet';
import { exportLibrdkafkaConfig } from '../../shared/domain/profile/export/librdkafka';
import { importProfile, type ImportPreview } from '../../shared/domain/profile/import/import-profile';
import type { ConnectionProfile } from '../../shared/domain/profile/profile-schema';
import { uniqueProfileId } from '../../shared/domain/profile/ids';
import { joinSecrets, secretSlotInfo, secretStatuses } from '../../shared/domain/profile/secrets';
import { gatewayTokenStatus } from '../../shared/domain/profile/gateway-token';
import type { ChannelInput, ImportPreviewView, ProfileExportFormat, ProfileSummary } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';
import type { ChannelHandlers, StreamProducers } from './ipc/dispatcher';
import type { EventBus } from './ipc/events';
import { describeApp, type AppInfoSource } from './services/app-info-service';
import { checkConnection } from './services/connections/connection-check';
import { openExternalLink } from './services/external-links';
import { browseMessages } from './services/messages/browse-messages';
import { exportMessages } from './services/messages/export-messages';
import { fetchMessage } from './services/messages/fetch-message';
import { writeFileAtomically } from './services/files/write-file-atomically';
import { createProduceHandlers } from './services/messages/produce-messages';
import { createKafkaClientFactory } from './services/kafka/client-factory';
import { diagnoseConnection } from './services/kafka/connection-diagnostics';
import { SecretStoreUnavailableError, type Clock, type ProfileRepo, type SecretStore } from './services/ports';
import { createPolicyHandlers, createPolicyWorkspaceService, type FileDialogs } from './services/policy-workspace-service';
import { createProfileService } from './services/profiles/profile-service';
import { createTenancy } from './services/tenancy/tenancy-handlers';
import { createMemoryTenancySettingsRepo, type TenancySettingsRepo } from './services/tenancy/tenancy-settings';
import { createTopicHandlers } from './services/topics/topic-handlers';
import { createGroupHandlers } from './services/groups/group-handlers';
import { createGroupOpsHandlers } from './services/groups/group-ops-handlers';
import { createTenantAclHandlers } from './services/acls/tenant-acl-handlers';
import { createAccessHandlers } from './services/acls/access-handlers';
import { createAccessService } from './services/acls/access-service';
import { createBrokerHandlers } from './services/brokers/broker-handlers';
import { createConnectHandlers } from './services/connect/connect-handlers';
import { createConnectService } from './services/connect/connect-service';
import { createSchemaHandlers } from './services/schemas/schema-handlers';
import { createRegistryClient, createSchemaService } from './services/schemas/schema-service';
import { createMessageDecoding } from './services/decoding/message-decoding';
import { localDemoStatusOf, readOptionalText } from './services/local-demo-service';

/** Everything main's services need from the outside, supplied by the composition root or a test. */
export interface AppPorts {
  profiles: ProfileRepo;
  secrets: SecretStore;
  clock: Clock;
  events: EventBus;
  appInfo: AppInfoSource;
  openExternal(url: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /** The only source of policy and snapshot paths: the renderer cannot name files itself. */
  dialogs: FileDialogs;
  /** Attached policy files, chosen roles and last tenants; kept in memory when omitted (tests that never touch tenancy). */
  tenancySettings?: TenancySettingsRepo;
  /** Warnings from Kafka clients; must never be given secrets (kafkajs does not log credentials). */
  log?(line: string): void;
  /** Where `npm run demo` leaves its discovery file (the user data folder); no demo is offered when omitted. */
  localDemoFile?: string;
}

export function createAppHandlers(ports: AppPorts): { handlers: ChannelHandlers; producers: StreamProducers } {
  const kafkaClients = createKafkaClientFactory(ports.clock, ports.log);
  const profiles = createProfileService({ repo: ports.profiles, secrets: ports.secrets, readFile: ports.readFile });
  const tenancy = createTenancy({
    settings: ports.tenancySettings ?? createMemoryTenancySettingsRepo(),
    profiles,
    factory: kafkaClients,
    clock: ports.clock,
    dialogs: ports.dialogs,
    ...(ports.log ? { log: ports.log } : {}),
  });
  // Compiled schemas per registry for the session: browsing, one message, export, producing and previews share them.
  const decoding = createMessageDecoding({ sourceFor: (registry) => createRegistryClient(registry), clock: ports.clock });
  const produce = createProduceHandlers({ profiles, factory: kafkaClients, clock: ports.clock, dialogs: ports.dialogs, decoding });
  const schemas = createSchemaService({ profiles, clock: ports.clock });
  const connect = createConnectService({ profiles });
  const topics = createTopicHandlers({ profiles, factory: kafkaClients, clock: ports.clock, ...(ports.log ? { log: ports.log } : {}) });
  const groups = createGroupHandlers({ profiles, clock: ports.clock, ...(ports.log ? { log: ports.log } : {}) });
  const groupOps = createGroupOpsHandlers({ profiles, factory: kafkaClients, clock: ports.clock, ...(ports.log ? { log: ports.log } : {}) });

  /**
   * Parses pasted config. Without an id from the user, a name that matches a stored profile gets a
   * fresh id, so an import never silently replaces a profile; with one, it replaces on purpose.
   */
  const parseImport = async ({ text, format, name, id }: ChannelInput<'profiles:import-preview'>): Promise<{ preview: ImportPreview; replaces: boolean }> => {
    const preview = importProfile(text, { format: format ?? 'auto', ...(name === undefined ? {} : { name }), ...(id === undefined ? {} : { id }) });
    const storedIds = new Set((await profiles.list()).profiles.map((profile) => profile.id));
    if (id === undefined) preview.profile.id = uniqueProfileId(preview.profile.id, storedIds);
    return { preview, replaces: storedIds.has(preview.profile.id) };
  };

  const handlers: ChannelHandlers = {
    'app:info': () => describeApp(ports.appInfo),
    'profiles:list': async () => {
      const stored = await profiles.list();
      return { profiles: stored.profiles.map(toProfileSummary), problems: stored.problems };
    },
    'profiles:get': ({ id }) => profiles.get(id),
    'profiles:save': (request) => profiles.save(request),
    'profiles:delete': ({ id }) => profiles.delete(id),
    'profiles:switch-cluster': async ({ id, to }) => {
      const profile = await profiles.switchCluster(id, to);
      const bootstrapServers = to === 'failover' && profile.failover ? profile.failover.bootstrapServers : profile.bootstrapServers;
      // Said out loud: the status bar shows the switch until the next check reports on the new cluster.
      ports.events.emit('connection:state', { profileId: id, state: 'disconnected', message: `switched to the ${to} cluster (${bootstrapServers.join(', ')}); reconnecting` });
      return { id, activeCluster: to, bootstrapServers };
    },
    'profiles:import-preview': async (request) => {
      const { preview, replaces } = await parseImport(request);
      return toImportPreviewView(preview, replaces);
    },
    'profiles:import-save': async (request) => {
      const { preview } = await parseImport(request);
      const errors = preview.issues.filter((issue) => issue.severity === 'error');
      if (errors.length > 0) {
        throw new AppFailure('INVALID_INPUT', `The import has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was saved. ${errors.map((issue) => issue.message).join(' ')}`, errors);
      }
      // A replaced profile keeps no secret the imported text does not give.
      const clearSecrets = secretStatuses(preview.profile).map(({ slot }) => slot).filter((slot) => preview.secrets[slot] === undefined);
      return profiles.save({ draft: joinSecrets(preview.profile, preview.secrets), clearSecrets });
    },
    // Exporters write a set secret as REDACTED_SECRET unless given its value, which they never are here.
    'profiles:export': async ({ id, format }) => ({ format, text: exporters[format](await profiles.get(id)) }),
    'profiles:export-with-secrets': async ({ id, format, confirmation }) => {
      const { profile, secrets } = await profiles.withSecrets(id);
      if (confirmation !== profile.name) {
        throw new AppFailure('INVALID_INPUT', `Type the profile's name, '${profile.name}', to export it with its secrets in clear.`);
      }
      const path = await ports.dialogs.chooseSavePath('profile-export', `${profile.id}${exportFileSuffix[format]}`);
      if (path === null) return { path: null };
      // Owner-only: the file holds secrets in clear.
      await writeFileAtomically(path, exporters[format](profile, { secrets }), { mode: 0o600 });
      return { path };
    },
    'messages:fetch': async ({ profileId, ...message }) => {
      const settings = await profiles.resolveConnection(profileId);
      const schemaResolver = decoding.codecsFor(settings);
      return fetchMessage(settings, message, { clock: ports.clock, ...(schemaResolver ? { schemaResolver } : {}) });
    },
    'demo:status': () =>
      localDemoStatusOf({
        profiles: ports.profiles,
        readDiscoveryFile: async () => (ports.localDemoFile === undefined ? null : readOptionalText(ports.readFile, ports.localDemoFile)),
      }),
    'keychain:status': async () => {
      try {
        await ports.secrets.list();
        return { available: true };
      } catch (error) {
        if (error instanceof SecretStoreUnavailableError) return { available: false, message: error.message };
        throw error;
      }
    },
    'connections:check': ({ id }) => checkConnection(id, () => profiles.resolveConnection(id), { factory: kafkaClients, events: ports.events }),
    'shell:open-external': ({ url }) => openExternalLink(url, ports.openExternal),
    ...tenancy.handlers,
    ...createPolicyHandlers(createPolicyWorkspaceService(ports.dialogs)),
    ...topics.handlers,
    ...groups.handlers,
    ...groupOps.handlers,
    ...produce.handlers,
    ...createTenantAclHandlers({ profiles, factory: kafkaClients }),
    ...createAccessHandlers({ profiles, access: createAccessService({ factory: kafkaClients, clock: ports.clock, ...(ports.log ? { log: ports.log } : {}) }) }),
    ...createSchemaHandlers(schemas),
    ...createBrokerHandlers({ profiles, factory: kafkaClients, clock: ports.clock, ...(ports.log ? { log: ports.log } : {}) }).handlers,
    ...createConnectHandlers(connect),
  };

  const producers: StreamProducers = {
    'messages:browse': async (request, sink) => {
      const settings = await profiles.resolveConnection(request.profileId);
      const schemaResolver = decoding.codecsFor(settings);
      return browseMessages(settings, request, sink, { clock: ports.clock, ...(schemaResolver ? { schemaResolver } : {}) });
    },
    'messages:export': (request, sink) => exportMessages(request, sink, { clock: ports.clock, profiles, dialogs: ports.dialogs, schemaResolverFor: (settings) => decoding.codecsFor(settings) }),
    'profiles:test': async (request, sink) => {
      const settings = request.kind === 'saved' ? await profiles.resolveConnection(request.id) : await profiles.resolveDraft(request.draft, request.clearSecrets);
      // Stages finish one at a time; each goes out as its own batch, in order, as credit allows.
      let delivered = Promise.resolve();
      const { summary } = await diagnoseConnection(settings, { factory: kafkaClients, clock: ports.clock }, {
        signal: sink.signal,
        onResult: (result) => {
          delivered = delivered.then(() => sink.batch([result]));
        },
      });
      await delivered;
      return summary;
    },
    ...topics.producers,
    ...groups.producers,
    ...groupOps.producers,
    ...produce.producers,
  };
  // Every channel acting through a profile passes the tenancy guards, here and nowhere else.
  return tenancy.guard(handlers, producers);
}

const exporters: Record<ProfileExportFormat, (profile: ConnectionProfile, options?: ExportOptions) => string> = {
  'java-properties': exportJavaProperties,
  librdkafka: exportLibrdkafkaConfig,
  kafkajs: exportKafkajsSnippet,
};

const exportFileSuffix: Record<ProfileExportFormat, string> = {
  'java-properties': '.properties',
  librdkafka: '.librdkafka.conf',
  kafkajs: '.kafkajs.ts',
};


/** The preview without secret values: those stay in main until `profiles:import-save` stores them. */
function toImportPreviewView(preview: ImportPreview, replaces: boolean): ImportPreviewView {
  return {
    format: preview.format,
    formatReason: preview.formatReason,
    profile: preview.profile,
    secrets: preview.secretFields.map(({ slot, key, line }) => ({ slot, label: secretSlotInfo(slot).label, key, line })),
    ignored: preview.ignored,
    issues: preview.issues,
    replaces,
    ok: preview.ok,
  };
}

function toProfileSummary(profile: ConnectionProfile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    environment: profile.environment,
    bootstrapServers: profile.bootstrapServers,
    securityProtocol: profile.securityProtocol,
    vendor: profile.vendor.preset,
    readOnly: profile.safety.readOnly,
    gatewayToken: profile.gatewayToken ? gatewayTokenStatus(profile.gatewayToken, new Date()) : null,
    failover: profile.failover ? { bootstrapServers: profile.failover.bootstrapServers } : null,
    activeCluster: profile.failover && profile.activeCluster === 'failover' ? 'failover' : 'main',
  };
}
