// The IPC contract: one map from channel name (`domain:verb`) to the zod schemas of its input and
// output. Main registers exactly these channels, the preload exposes exactly these channels, and both
// sides derive their types from here, so a channel cannot exist on one side only.
import { localDemoStatusSchema } from '../domain/demo/local-demo';
import { z } from 'zod';
import * as access from '../domain/acls/access-schemas';
import {
  brokerConfigChangeInputSchema,
  brokerConfigPreviewSchema,
  brokerConfigsInputSchema,
  brokerConfigsSchema,
  brokerListInputSchema,
  brokerListSchema,
  brokerLogDirsInputSchema,
  brokerLogDirsSchema,
  cancelReassignmentInputSchema,
  electLeadersInputSchema,
  electLeadersResultSchema,
  partitionOutcomesSchema,
  reassignInputSchema,
  reassignmentPlanInputSchema,
  reassignmentPlanSchema,
  reassignmentsInputSchema,
  reassignmentsSchema,
} from '../domain/brokers/broker-schemas';
import { diagnosticResultSchema, diagnosticSummarySchema } from '../domain/connection-diagnostics';
import {
  browseProgressSchema,
  browseRequestSchema,
  browseRowSchema,
  browseSummarySchema,
  fetchMessageRequestSchema,
} from '../domain/messages/browse-request';
import { exportProgressSchema, exportRequestSchema, exportSummarySchema } from '../domain/messages/export-request';
import {
  produceFileProgressSchema,
  produceFileRequestSchema,
  produceFileSummarySchema,
  producePreviewRequestSchema,
  producePreviewResultSchema,
  produceRequestSchema,
  produceResultSchema,
  reproduceRequestSchema,
} from '../domain/messages/produce-request';
import {
  groupDetailRequestSchema,
  groupDetailSchema,
  groupListItemSchema,
  groupListProgressSchema,
  groupListRequestSchema,
  groupListSummarySchema,
} from '../domain/groups/group-schemas';
import {
  lagHistoryRequestSchema,
  lagHistorySchema,
  lagWatchItemSchema,
  lagWatchProgressSchema,
  lagWatchRequestSchema,
  lagWatchSummarySchema,
} from '../domain/groups/lag-history';
import {
  deleteGroupRequestSchema,
  deleteOffsetsRequestSchema,
  resetAppliedSchema,
  resetApplyRequestSchema,
  resetPreviewSchema,
  resetRequestSchema,
} from '../domain/groups/offset-reset';
import {
  connectChangeOffsetsInputSchema,
  connectClusterRefSchema,
  connectClustersOutputSchema,
  connectDoneSchema,
  connectListInputSchema,
  connectListSchema,
  connectOffsetsOutputSchema,
  connectorActionInputSchema,
  connectorDetailSchema,
  connectorRefSchema,
  connectPluginSchema,
  connectSaveInputSchema,
  connectValidateInputSchema,
  validationResultSchema,
  workerInfoSchema,
} from '../domain/connect/connect-schemas';
import { importFormats } from '../domain/profile/import/detect';
import {
  connectionProfileSchema,
  environmentTags,
  type ConnectionProfile,
  profileDraftSchema,
  secretSlotSchema,
  securityProtocols,
  vendorPresetIds,
} from '../domain/profile/profile-schema';
import { catalogueFor } from '../domain/profile/secrets';
import {
  checkCompatibilityInputSchema,
  checkCompatibilityOutputSchema,
  compatibilityOutputSchema,
  deleteCompatibilityInputSchema,
  deleteSchemaInputSchema,
  deleteSchemaOutputSchema,
  listSubjectsInputSchema,
  listSubjectsOutputSchema,
  modeInputSchema,
  modeOutputSchema,
  registerSchemaInputSchema,
  registerSchemaOutputSchema,
  schemaVersionInputSchema,
  schemaVersionSchema,
  setCompatibilityInputSchema,
  setModeInputSchema,
  subjectDetailInputSchema,
  subjectDetailSchema,
} from '../domain/schemas/schema-schemas';
import { clusterSnapshotSchema } from '../domain/snapshot/snapshot';
import {
  addPartitionsInputSchema,
  alterTopicConfigInputSchema,
  cloneTopicInputSchema,
  createTopicInputSchema,
  createTopicOutputSchema,
  deleteTopicInputSchema,
  purgeTopicInputSchema,
  purgeTopicOutputSchema,
  topicDetailSchema,
  topicListItemSchema,
  topicListProgressSchema,
  topicListRequestSchema,
  topicListSummarySchema,
} from '../domain/topics/topic-schemas';

/** A policy file as read or written: `policies:save` refuses when the disk no longer matches it. */
const policyFileVersionSchema = z.object({ hash: z.string(), mtimeMs: z.number() });
/** Paths reach main only through a dialog; the workspace channels refuse paths that were not chosen there. */
const workspacePath = z.string().min(1).max(4096);

const noInput = z.undefined();

export const profileSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.object({ tag: z.enum(environmentTags), colour: z.string() }),
  bootstrapServers: z.array(z.string()),
  securityProtocol: z.enum(securityProtocols),
  vendor: z.enum(vendorPresetIds),
  readOnly: z.boolean(),
  /** A Gateway token password's facts and whether it still works (never the token). */
  gatewayToken: z
    .object({ username: z.string(), virtualCluster: z.string(), expiresAt: z.string().nullable(), state: z.enum(['valid', 'expiring', 'expired', 'no-expiry']), message: z.string() })
    .nullable()
    .default(null),
  /** The failover cluster's bootstrap, when the profile has one. */
  failover: z.object({ bootstrapServers: z.array(z.string()) }).nullable().default(null),
  /** Which cluster the profile connects to now. */
  activeCluster: z.enum(['main', 'failover']).default('main'),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const storedProfileProblemSchema = z.object({
  kind: z.enum(['unreadable-file', 'invalid-document', 'invalid-profile']),
  message: z.string(),
  backupPath: z.string().optional(),
  profileId: z.string().optional(),
  profileName: z.string().optional(),
});

const profileIdInput = z.object({ id: z.string().min(1).max(128) });
/** The profile a cluster channel acts through. */
const profileRef = z.object({ profileId: z.string().min(1).max(128) });

export const profileIssueSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  fix: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  key: z.string().optional(),
  field: z.string().optional(),
});

export const profileExportFormats = ['java-properties', 'librdkafka', 'kafkajs'] as const;
export type ProfileExportFormat = (typeof profileExportFormats)[number];

/** Pasted text is capped here; the importer reads less still and says so in an issue. */
export const MAX_IMPORT_TEXT_LENGTH = 1024 * 1024;

const importRequest = z.object({
  text: z.string().max(MAX_IMPORT_TEXT_LENGTH, 'The pasted text is larger than 1 MB.'),
  format: z.enum(['auto', ...importFormats]).default('auto'),
  /** Override the name and id found in (or derived from) the text. */
  name: z.string().trim().min(1).max(200).optional(),
  id: z.string().min(1).max(128).optional(),
});

export const importPreviewSchema = z.object({
  format: z.enum(importFormats),
  formatReason: z.string(),
  /**
   * What was understood, with every secret as `{slot, state}` like `profiles:get`. It may be
   * incomplete (see issues), so it is not held to the stored-profile schema; but a secret value in it
   * fails the dispatcher's output check instead of reaching the renderer.
   */
  profile: z.custom<ConnectionProfile>((value) => typeof value === 'object' && value !== null && holdsNoSecretValues(value)),
  /** Secrets found in the text; their values stay in main and go straight to the keychain on save. */
  secrets: z.array(z.object({ slot: secretSlotSchema, label: z.string(), key: z.string(), line: z.number() })),
  ignored: z.array(z.object({ key: z.string(), line: z.number(), reason: z.string() })),
  issues: z.array(profileIssueSchema),
  /** A profile with this id exists and would be replaced by the save. */
  replaces: z.boolean(),
  /** No errors: the import can be saved. */
  ok: z.boolean(),
});
export type ImportPreviewView = z.infer<typeof importPreviewSchema>;

/** False when any secret position holds a value (a string) rather than a `{slot, state}` reference. */
function holdsNoSecretValues(profile: object): boolean {
  return catalogueFor(profile).every(
    ({ path }) => typeof path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), profile) !== 'string',
  );
}

export const connectionStateSchema = z.object({
  profileId: z.string(),
  state: z.enum(['disconnected', 'connecting', 'connected', 'error']),
  message: z.string().optional(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** A tenant the selected roles may enter (the two defaults when the policy file configures none). */
export const tenantSummarySchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  presentationMode: z.enum(['DEFAULT', 'HIDE_RESOURCES']),
  /** True for the built-in Global and Hidden tenants that apply when the file configures no tenants. */
  builtIn: z.boolean(),
});

/**
 * Where a profile stands with tenancy. Main keeps the active tenant itself and enforces it on every
 * channel; the renderer only shows this state and asks to change it.
 * - `none`: no policy file attached; the profile's whole cluster is visible.
 * - `invalid`: the attached file has errors (or cannot be read); Kafka channels refuse until it is fixed.
 * - `choose`: several tenants are available and none is entered yet; Kafka channels refuse until one is.
 * - `active`: `activeTenant` is entered.
 */
export const tenancyStateSchema = z.object({
  profileId: z.string(),
  status: z.enum(['none', 'invalid', 'choose', 'active']),
  policy: z
    .object({
      path: z.string(),
      attachedTo: z.enum(['profile', 'app']),
      problems: z.array(z.object({ severity: z.enum(['error', 'warning']), line: z.number(), column: z.number(), message: z.string() })),
      /** The file has a `policies` list, so actions follow it (on top of the profile's safety settings). */
      hasPolicies: z.boolean(),
    })
    .nullable(),
  roles: z.object({ available: z.array(z.string()), selected: z.array(z.string()) }),
  tenants: z.array(tenantSummarySchema),
  activeTenant: z.string().nullable(),
  /** Navigation the active tenant shows; HIDE_RESOURCES hides domains the tenant has no resources in. */
  navigation: z.object({ schemas: z.boolean(), connect: z.boolean(), ksqldb: z.boolean() }),
  /** The app-wide file, attached or not, even while this profile's own file is the one in force. */
  appPolicyPath: z.string().nullable().optional(),
});
export type TenancyState = z.infer<typeof tenancyStateSchema>;

const policyScopeInput = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('profile'), profileId: z.string().min(1).max(128) }),
  z.object({ scope: z.literal('app') }),
]);

/** Totals over what the active tenant sees, so every number on the overview agrees with the lists. */
export const clusterOverviewSchema = z.object({
  clusterId: z.string(),
  tenant: z.string().nullable(),
  brokers: z.number().int(),
  controllerId: z.number().int().nullable(),
  topics: z.number().int(),
  internalTopics: z.number().int(),
  partitions: z.number().int(),
  /** Bytes on disk over every replica of the visible topics; null when the cluster refused DescribeLogDirs. */
  replicaBytes: z.number().nullable(),
  /** Records written per second over the visible topics, from two samples of their end offsets. */
  writesPerSecond: z.number().nullable(),
  groups: z.number().int(),
  /** ACL principals visible to the tenant; null when the profile may not describe ACLs. */
  principals: z.number().int().nullable(),
  sampledAt: z.number(),
});
export type ClusterOverview = z.infer<typeof clusterOverviewSchema>;

/** A tenant's ACL plan for one principal, checked against (or applied to) the cluster behind a profile. */
const tenantAclRequestSchema = z.object({
  profileId: z.string().min(1).max(128),
  /** The policy as edited in the workspace (it may be unsaved); main parses it again. */
  policyText: z.string().max(16 * 1024 * 1024),
  tenant: z.string().min(1).max(200),
  principal: z.string().min(1).max(500),
  access: z.enum(['read', 'write', 'admin']),
});
const aclEntrySchema = z.object({
  resourceType: z.number().int(),
  resourceName: z.string(),
  resourcePatternType: z.number().int(),
  principal: z.string(),
  host: z.string(),
  operation: z.number().int(),
  permissionType: z.number().int(),
  /** The entry in words, e.g. `READ on topic "orders" (PREFIXED)`. */
  text: z.string(),
});
export const tenantAclResultSchema = z.object({
  clusterId: z.string(),
  /** Entries the cluster lacks; after an apply, the ones just created. */
  missing: z.array(aclEntrySchema),
  present: z.array(aclEntrySchema),
  created: z.number().int(),
  untranslated: z.array(z.object({ effect: z.enum(['include', 'exclude']), path: z.array(z.string()), reason: z.string() })),
});

export const channels = {
  'app:info': {
    input: noInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      /** The Electron version, or null when main runs outside Electron (CLI, test bridge). */
      electron: z.string().nullable(),
    }),
  },
  'profiles:list': {
    input: noInput,
    output: z.object({ profiles: z.array(profileSummarySchema), problems: z.array(storedProfileProblemSchema) }),
  },
  /** The stored profile: secrets appear only as `{slot, state}`. */
  'profiles:get': {
    input: profileIdInput,
    output: connectionProfileSchema,
  },
  /** Secrets travel renderer → main only, inline in the draft; untouched ones keep their keychain value. */
  'profiles:save': {
    input: z.object({ draft: profileDraftSchema, clearSecrets: z.array(secretSlotSchema).default([]) }),
    output: connectionProfileSchema,
  },
  'profiles:delete': {
    input: profileIdInput,
    output: z.object({ deleted: z.boolean() }),
  },
  /**
   * Switches the profile between its main and failover cluster (only ever on request); views reconnect.
   * The reply says which cluster it is on now and that cluster's bootstrap.
   */
  'profiles:switch-cluster': {
    input: z.object({ id: z.string().min(1).max(128), to: z.enum(['main', 'failover']) }),
    output: z.object({ id: z.string(), activeCluster: z.enum(['main', 'failover']), bootstrapServers: z.array(z.string()) }),
  },
  /** Parses pasted client config in main; the reply names secrets but never carries their values. */
  'profiles:import-preview': {
    input: importRequest,
    output: importPreviewSchema,
  },
  /** Parses the same text again and saves it: secrets go from the text to the keychain without crossing IPC twice. */
  'profiles:import-save': {
    input: importRequest,
    output: connectionProfileSchema,
  },
  /** The profile as client config for another tool; secrets are always written redacted. */
  'profiles:export': {
    input: z.object({ id: z.string().min(1).max(128), format: z.enum(profileExportFormats) }),
    output: z.object({ format: z.enum(profileExportFormats), text: z.string() }),
  },
  /**
   * The export with its secrets in clear, written by main to a file the user picks in a save dialog:
   * the values never cross to the renderer. The user must type the profile's name to confirm.
   */
  'profiles:export-with-secrets': {
    input: z.object({ id: z.string().min(1).max(128), format: z.enum(profileExportFormats), confirmation: z.string().max(200) }),
    output: z.object({ path: z.string().nullable() }),
  },
  /** One message in full (rows in a browse are cut to a preview); null when it no longer exists. */
  'messages:fetch': {
    input: fetchMessageRequestSchema,
    output: browseRowSchema.nullable(),
  },
  /** Writes one message typed in the app; the profile must allow 'produce' (checked in main). */
  'messages:produce': { input: produceRequestSchema, output: produceResultSchema },
  /** Copies a stored message (key, value, headers byte for byte, read by main) to the same or another topic. */
  'messages:reproduce': { input: reproduceRequestSchema, output: produceResultSchema },
  /** Checks JSON text against a registry subject/version as producing would encode it; nothing is sent. */
  'messages:produce-preview': { input: producePreviewRequestSchema, output: producePreviewResultSchema },
  /** Whether `npm run demo` left a running local demo (its discovery file in the user data folder; no network scan). */
  'demo:status': { input: noInput, output: localDemoStatusSchema },
  'keychain:status': {
    input: noInput,
    output: z.object({ available: z.boolean(), message: z.string().optional() }),
  },
  /** Checks the selected profile's cluster answers; progress is announced as `connection:state` events. */
  'connections:check': {
    input: profileIdInput,
    output: connectionStateSchema,
  },
  'shell:open-external': {
    input: z.object({ url: z.string().max(2048) }),
    output: z.object({ opened: z.boolean() }),
  },
  /** Asks the user for a policy file in a native dialog; the chosen path becomes readable and writable. */
  'policies:choose-file': {
    input: z.object({ mode: z.enum(['open', 'save-as']), suggestedName: z.string().min(1).max(255).optional() }),
    output: z.object({ path: z.string().nullable() }),
  },
  'policies:open': {
    input: z.object({ path: workspacePath }),
    output: z.object({ path: z.string(), text: z.string(), version: policyFileVersionSchema }),
  },
  /** CONFLICT when the file changed on disk since `baseVersion` (null: a new file), unless forced. */
  'policies:save': {
    input: z.object({
      path: workspacePath,
      text: z.string().max(16 * 1024 * 1024),
      baseVersion: policyFileVersionSchema.nullable(),
      force: z.boolean().default(false),
    }),
    output: z.object({ version: policyFileVersionSchema, backupPath: z.string().optional() }),
  },
  'snapshots:choose-file': {
    input: noInput,
    output: z.object({ path: z.string().nullable() }),
  },
  /** The validated snapshot; INVALID_INPUT names the JSON path of each problem. */
  'snapshots:open': {
    input: z.object({ path: workspacePath }),
    output: z.object({ path: z.string(), snapshot: clusterSnapshotSchema }),
  },
  /** Which of a tenant's ACL entries the cluster already has; changes nothing. */
  'acls:tenant-preview': { input: tenantAclRequestSchema, output: tenantAclResultSchema },
  /** Creates the entries the cluster lacks (never deletes); needs the profile's `edit-acls` action. */
  'acls:tenant-apply': { input: tenantAclRequestSchema, output: tenantAclResultSchema },
  /** Every ACL binding (inside a tenant: of the tenant's principals), or `security-disabled` when the cluster has no authorizer. */
  'acls:list': { input: access.aclListInputSchema, output: access.aclListOutputSchema },
  /** Creates the bindings the cluster lacks; needs `edit-acls`. */
  'acls:create': { input: access.aclCreateInputSchema, output: access.aclCreateOutputSchema },
  /** Exactly the bindings a DeleteAcls with the filter would remove; changes nothing. */
  'acls:delete-preview': { input: access.aclDeletePreviewInputSchema, output: access.aclDeletePreviewOutputSchema },
  /** Deletes exactly the previewed bindings; `confirmation` repeats `deleteAclsConfirmation(bindings)`. Needs `edit-acls`. */
  'acls:delete': { input: access.aclDeleteInputSchema, output: access.aclDeleteOutputSchema },
  /** The bindings copying `from`'s ACLs to `to` would create, and those `to` has already. */
  'acls:copy-preview': { input: access.aclCopyInputSchema, output: access.aclCopyOutputSchema },
  /** Creates them; `confirmation` repeats `to`. Needs `edit-acls`. */
  'acls:copy': { input: access.aclCopyApplyInputSchema, output: access.aclCopyOutputSchema },
  /** What a principal may do on topics, groups, transactional ids and the cluster, decided as StandardAuthorizer does. */
  'acls:principal': { input: access.principalViewInputSchema, output: access.principalViewOutputSchema },
  /** Client quotas of users, client ids and their defaults (DescribeClientQuotas). */
  'quotas:list': { input: access.quotaListInputSchema, output: access.quotaListOutputSchema },
  /** Sets and removes the given keys of one entity (AlterClientQuotas); needs `edit-quotas`. */
  'quotas:set': { input: access.quotaSetInputSchema, output: access.quotaSetOutputSchema },
  /** Removes every quota of one entity; `confirmation` repeats `quotaDeleteConfirmation(entity)`. Needs `edit-quotas`. */
  'quotas:delete': { input: access.quotaDeleteInputSchema, output: access.quotaDeleteOutputSchema },
  /** The profile's tenancy: attached policy file, roles, tenants and the one entered. */
  'tenancy:state': { input: profileRef, output: tenancyStateSchema },
  /** Attaches a policy file chosen in a native dialog to one profile, or to the app (every profile without its own). */
  'tenancy:attach-policy': { input: policyScopeInput, output: z.object({ path: z.string().nullable() }) },
  'tenancy:detach-policy': { input: policyScopeInput, output: z.object({ detached: z.boolean() }) },
  /**
   * What main would answer to requests the renderer may make next (e.g. delete or produce to one topic),
   * decided by the same tenancy guards as the requests themselves: buttons are disabled with the reason.
   */
  'tenancy:decisions': {
    input: z.object({
      profileId: z.string().min(1).max(128),
      asks: z.array(z.object({ request: z.string().min(1).max(64), input: z.record(z.string(), z.unknown()) })).min(1).max(32),
    }),
    output: z.array(z.object({ request: z.string(), allowed: z.boolean(), reason: z.string().nullable() })),
  },
  /** The roles the local user acts as; an empty list means every role in the file. Remembered per profile. */
  'tenancy:select-roles': { input: z.object({ profileId: z.string().min(1).max(128), roles: z.array(z.string().min(1).max(200)).max(1000) }), output: tenancyStateSchema },
  /** Enters a tenant the selected roles may use; remembered as the profile's last choice. */
  'tenancy:enter': { input: z.object({ profileId: z.string().min(1).max(128), tenant: z.string().min(1).max(200) }), output: tenancyStateSchema },
  'cluster:overview': { input: profileRef, output: clusterOverviewSchema },
  /** Captures the cluster (only the active tenant's resources inside a tenant) to a snapshot file chosen in a save dialog. */
  'snapshots:capture': {
    input: profileRef,
    output: z.object({ path: z.string().nullable(), topics: z.number().int(), groups: z.number().int() }),
  },
  /** Partitions, configuration (override/default, source, sensitive values masked) and the groups reading it with their lag. */
  'topics:detail': {
    input: z.object({ profileId: z.string().min(1).max(128), topic: z.string().min(1).max(255) }),
    output: topicDetailSchema,
  },
  /** The topic actions check the profile's safety settings in main and refuse with NOT_ALLOWED. */
  'topics:create': { input: createTopicInputSchema, output: createTopicOutputSchema },
  /** `confirmation` must repeat the topic name. */
  'topics:delete': { input: deleteTopicInputSchema, output: z.object({ deleted: z.boolean() }) },
  'topics:add-partitions': { input: addPartitionsInputSchema, output: z.object({ partitions: z.number().int() }) },
  /** Incremental: only the keys in `set` and `reset` change. */
  'topics:alter-config': { input: alterTopicConfigInputSchema, output: z.object({ changed: z.array(z.string()) }) },
  'topics:purge': { input: purgeTopicInputSchema, output: purgeTopicOutputSchema },
  'topics:clone': { input: cloneTopicInputSchema, output: createTopicOutputSchema },
  /** One group: members (KIP-848 epochs and target assignment), committed offsets with end offsets, lag, metadata and rates. */
  'groups:describe': { input: groupDetailRequestSchema, output: groupDetailSchema },
  /** The table an offset reset would commit (partition, committed → new, lag before → after, clamping notes) and what blocks applying it; changes nothing. */
  'groups:reset-preview': { input: resetRequestSchema, output: resetPreviewSchema },
  /** Commits exactly the previewed table, or refuses (CONFLICT) when ends or commits moved since; `confirmation` repeats the group id. */
  'groups:reset-apply': { input: resetApplyRequestSchema, output: resetAppliedSchema },
  /** OffsetDelete for one topic of a group; `confirmation` repeats the group id. */
  'groups:delete-offsets': { input: deleteOffsetsRequestSchema, output: z.object({ topic: z.string(), partitions: z.array(z.number().int()) }) },
  /** Deletes an empty group; `confirmation` repeats the group id. */
  'groups:delete': { input: deleteGroupRequestSchema, output: z.object({ deleted: z.boolean() }) },
  /** The lag history main holds for a group (sampled while a screen watches it); starts no sampling. */
  'groups:lag-history': { input: lagHistoryRequestSchema, output: lagHistorySchema },
  /**
   * The profile's Schema Registry subjects with each latest version, listed in the observation mode in
   * use (bulk `/schemas` or `/subjects` plus versions, see docs/schema-registry.md); inside a tenant
   * only the tenant's subjects.
   */
  'schemas:list': { input: listSubjectsInputSchema, output: listSubjectsOutputSchema },
  /** A subject's versions (with soft-deleted ones on request), its compatibility and mode. */
  'schemas:subject': { input: subjectDetailInputSchema, output: subjectDetailSchema },
  /** One version's schema text, references and the ids that reference it. */
  'schemas:version': { input: schemaVersionInputSchema, output: schemaVersionSchema },
  /** Checks a draft against the latest, one or every version, with the registry's reasons; registers nothing. */
  'schemas:check': { input: checkCompatibilityInputSchema, output: checkCompatibilityOutputSchema },
  /** Registers a draft as the subject's next version; CONFLICT with the reasons when incompatible. Needs `edit-schemas`. */
  'schemas:register': { input: registerSchemaInputSchema, output: registerSchemaOutputSchema },
  /** Sets the global (`subject: null`) or a subject's compatibility level. Needs `edit-schemas`. */
  'schemas:set-compatibility': { input: setCompatibilityInputSchema, output: compatibilityOutputSchema },
  /** Removes a subject's own level, so the global one applies again. Needs `edit-schemas`. */
  'schemas:delete-compatibility': { input: deleteCompatibilityInputSchema, output: compatibilityOutputSchema },
  /** The global (`subject: null`) or a subject's mode in effect (READWRITE, READONLY, IMPORT); null without a mode endpoint. */
  'schemas:mode': { input: modeInputSchema, output: modeOutputSchema },
  /** Sets the global or a subject's mode, read back; UNSUPPORTED when the registry refuses modes. Needs `edit-schemas`. */
  'schemas:set-mode': { input: setModeInputSchema, output: modeOutputSchema },
  /**
   * Soft or (after a soft delete) hard delete of one version or a whole subject; `confirmation` repeats
   * `deleteConfirmationText(subject, version)`. Needs `edit-schemas`.
   */
  'schemas:delete': { input: deleteSchemaInputSchema, output: deleteSchemaOutputSchema },
  /** Brokers (fenced ones too), per-broker partition figures and disk use, and the KRaft quorum; inside a tenant only its brokers. */
  'brokers:list': { input: brokerListInputSchema, output: brokerListSchema },
  /** Every config entry of a broker (`brokerId: null`: the cluster-wide default) with source and synonyms; sensitive values masked. */
  'brokers:configs': { input: brokerConfigsInputSchema, output: brokerConfigsSchema },
  /** Before → after of each key and the broker's validate-only verdict; changes nothing. */
  'brokers:config-preview': { input: brokerConfigChangeInputSchema, output: brokerConfigPreviewSchema },
  /** IncrementalAlterConfigs of dynamic broker configs; needs the profile's `edit-brokers` action. */
  'brokers:alter-config': { input: brokerConfigChangeInputSchema, output: z.object({ changed: z.array(z.string()) }) },
  /** A broker's log directories: size and offset lag per topic-partition, future replicas, a failed directory's error. */
  'brokers:log-dirs': { input: brokerLogDirsInputSchema, output: brokerLogDirsSchema },
  /** Preferred leader election; `confirmation` repeats `electionConfirmationText(partitions)`; needs `reassign-partitions`. */
  'brokers:elect-leaders': { input: electLeadersInputSchema, output: electLeadersResultSchema },
  /** A proposed placement of a topic's replicas on chosen brokers; changes nothing. */
  'brokers:reassignment-plan': { input: reassignmentPlanInputSchema, output: reassignmentPlanSchema },
  /** AlterPartitionReassignments for one topic; `confirmation` repeats the topic; needs `reassign-partitions`. */
  'brokers:reassign': { input: reassignInputSchema, output: partitionOutcomesSchema },
  /** Reassignments in progress (ListPartitionReassignments), of one topic or all. */
  'brokers:reassignments': { input: reassignmentsInputSchema, output: reassignmentsSchema },
  /** Cancels a topic's reassignments in progress; `confirmation` repeats the topic; needs `reassign-partitions`. */
  'brokers:cancel-reassignment': { input: cancelReassignmentInputSchema, output: partitionOutcomesSchema },
  // Kafka Connect (issue 13): the profile's Connect clusters, their connectors, plugins, validation and offsets.
  'connect:clusters': { input: z.object({ profileId: z.string().min(1) }), output: connectClustersOutputSchema },
  'connect:list': { input: connectListInputSchema, output: connectListSchema },
  'connect:detail': { input: connectorRefSchema, output: connectorDetailSchema },
  /** pause, resume, stop (KIP-875), restart (includeTasks/onlyFailed, or one task), delete (typed confirmation). */
  'connect:action': { input: connectorActionInputSchema, output: connectDoneSchema },
  'connect:plugins': { input: connectClusterRefSchema, output: z.array(connectPluginSchema) },
  'connect:validate': { input: connectValidateInputSchema, output: validationResultSchema },
  /** Validates first; sends nothing unless validation passes. */
  'connect:save': { input: connectSaveInputSchema, output: z.object({ validation: validationResultSchema }) },
  'connect:offsets': { input: connectorRefSchema, output: connectOffsetsOutputSchema },
  'connect:change-offsets': { input: connectChangeOffsetsInputSchema, output: connectDoneSchema },
  'connect:worker': { input: connectClusterRefSchema, output: workerInfoSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Main → renderer notifications, typed by the same contract. */
export const events = {
  'connection:state': connectionStateSchema,
} as const satisfies Record<string, z.ZodType>;

/**
 * Long-running results that cross on a MessagePort (see stream.ts): the request schema and the
 * schemas of the items carried in batch frames, of progress frames and of the final summary.
 */
export const streams = {
  /** Message browsing and live tail: group-less fetches in main, filtered and decoded before they cross. */
  'messages:browse': {
    request: browseRequestSchema,
    item: browseRowSchema,
    progress: browseProgressSchema,
    summary: browseSummarySchema,
  },
  /** Messages written in full to a file main asks for with a save dialog; only progress crosses. */
  'messages:export': {
    request: exportRequestSchema,
    item: z.never(),
    progress: exportProgressSchema,
    summary: exportSummarySchema,
  },
  /** Produces every line of a JSON Lines file main asks for with an open dialog; bad lines are skipped and reported by number. */
  'messages:produce-file': {
    request: produceFileRequestSchema,
    item: z.never(),
    progress: produceFileProgressSchema,
    summary: produceFileSummarySchema,
  },
  /** Staged connection diagnostics, one item per stage as it finishes. */
  'profiles:test': {
    request: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('saved'), id: z.string().min(1) }),
      z.object({ kind: z.literal('draft'), draft: profileDraftSchema, clearSecrets: z.array(secretSlotSchema).default([]) }),
    ]),
    item: diagnosticResultSchema,
    progress: z.never(),
    summary: diagnosticSummarySchema,
  },
  /** Rows from metadata first, then patches keyed by name in phases: sizes, offsets (message counts), rates. */
  'topics:list': {
    request: topicListRequestSchema,
    item: topicListItemSchema,
    progress: topicListProgressSchema,
    summary: topicListSummarySchema,
  },
  /** Every group (classic, consumer, share, simple): rows from ListGroups first, then patches keyed by group id: describe, then lag. */
  'groups:list': {
    request: groupListRequestSchema,
    item: groupListItemSchema,
    progress: groupListProgressSchema,
    summary: groupListSummarySchema,
  },
  /** Lag sampling while a screen is open: stored history first (detail watches), then one item per sample with health verdicts; runs until cancelled. */
  'groups:watch': {
    request: lagWatchRequestSchema,
    item: lagWatchItemSchema,
    progress: lagWatchProgressSchema,
    summary: lagWatchSummarySchema,
  },
} as const satisfies Record<string, StreamSpec>;

export interface StreamSpec {
  request: z.ZodType;
  item: z.ZodType;
  progress: z.ZodType;
  summary: z.ZodType;
}

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
export const streamNames = Object.keys(streams) as StreamName[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);
export const isStreamName = (name: string): name is StreamName => Object.hasOwn(streams, name);
