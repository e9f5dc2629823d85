// Kafka ACLs and client quotas of one profile's cluster. ACLs go through kafkajs' admin client
// (DescribeAcls, CreateAcls, DeleteAcls suffice); quotas through the DescribeClientQuotas and
// AlterClientQuotas codecs on kafkajs' own cluster connection. A cluster without an authorizer is a
// state (SECURITY_DISABLED), not a failure; a principal the cluster refuses is told which ACL it lacks.
import kafkajs, { type Admin } from 'kafkajs';
import {
  bindingFromCodes,
  bindingKey,
  bindingToCodes,
  describeBinding,
  entityKey,
  principalView,
  quotaKeys,
  quotaWords,
  type AclBinding,
  type AclFilter,
  type AuthorizerSettings,
  type PrincipalResourceRow,
  type QuotaEntity,
  type QuotaKey,
  type QuotaValues,
  aclCodes,
  ANY_CODE,
} from '../../../../shared/domain/acls';
import { AppFailure } from '../../../../shared/ipc/result';
import { alterClientQuotas, describeClientQuotas, type QuotaEntityParts } from '../kafka/protocol/client-quota-apis';
import { openFetchCluster, type FetchCluster } from '../kafka/protocol/fetch-cluster';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import type { Clock } from '../ports';
import { describeKafkaFailure, kafkaErrorType, principalOf } from '../topics/kafka-error-words';

const { ConfigResourceTypes } = kafkajs;

export type AclRow = AclBinding & { text: string };
export type AclListing = { state: 'ok'; bindings: AclRow[]; unknownEntries: number } | { state: 'security-disabled'; message: string };

export const SECURITY_DISABLED_MESSAGE = 'This cluster has no authorizer (authorizer.class.name is not set), so Kafka enforces no ACLs and keeps none: every authenticated client may do everything. Set an authorizer on the brokers to use ACLs.';

const withText = (binding: AclBinding): AclRow => ({ ...binding, text: describeBinding(binding) });

/** What an operation needs on the cluster when Kafka refuses it there, in words. */
function refusedWords(error: unknown, principal: string, needs: string, doing: string): AppFailure | null {
  const type = kafkaErrorType(error);
  if (type === 'CLUSTER_AUTHORIZATION_FAILED') return new AppFailure('NOT_ALLOWED', `${doing} failed: ${principal} is not allowed to; it needs ${needs} on CLUSTER (an ALLOW ${needs} ACL on the cluster, or a super user).`, { kafkaError: type, needs });
  return null;
}

const securityDisabled = (error: unknown) => kafkaErrorType(error) === 'SECURITY_DISABLED';

export interface AccessServiceDeps {
  factory: KafkaClientFactory;
  clock: Clock;
  log?(line: string): void;
}

export function createAccessService(deps: AccessServiceDeps) {
  const withAdmin = async <T>(settings: KafkaConnectionSettings, doing: string, needs: string, work: (admin: Admin) => Promise<T>): Promise<T> => {
    const admin = deps.factory.create(settings).admin();
    try {
      await admin.connect();
      return await work(admin);
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      if (securityDisabled(error)) throw new AppFailure('UNSUPPORTED', `${doing} failed: ${SECURITY_DISABLED_MESSAGE}`, { kafkaError: 'SECURITY_DISABLED' });
      throw refusedWords(error, principalOf(settings), needs, doing) ?? describeKafkaFailure(error, doing, principalOf(settings));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };

  const withCluster = async <T>(settings: KafkaConnectionSettings, doing: string, needs: string, work: (cluster: FetchCluster) => Promise<T>): Promise<T> => {
    let cluster: FetchCluster | undefined;
    try {
      cluster = await openFetchCluster(settings, deps.clock, {}, deps.log);
      return await work(cluster);
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      throw refusedWords(error, principalOf(settings), needs, doing) ?? describeKafkaFailure(error, doing, principalOf(settings));
    } finally {
      await cluster?.close().catch(() => undefined);
    }
  };

  const describe = async (admin: Admin, filter: AclFilter): Promise<{ bindings: AclBinding[]; unknownEntries: number }> => {
    const described = await admin.describeAcls({
      resourceType: filter.resourceType ? aclCodes.resource(filter.resourceType) : ANY_CODE,
      resourcePatternType: filter.patternType ? aclCodes.pattern(filter.patternType) : ANY_CODE,
      operation: filter.operation ? aclCodes.operation(filter.operation) : ANY_CODE,
      permissionType: filter.permission ? aclCodes.permission(filter.permission) : ANY_CODE,
      ...(filter.resourceName === undefined ? {} : { resourceName: filter.resourceName }),
      ...(filter.principal === undefined ? {} : { principal: filter.principal }),
      ...(filter.host === undefined ? {} : { host: filter.host }),
    } as Parameters<Admin['describeAcls']>[0]);
    const bindings: AclBinding[] = [];
    let unknownEntries = 0;
    for (const resource of described.resources) {
      for (const acl of resource.acls) {
        const binding = bindingFromCodes({ ...acl, resourceType: resource.resourceType, resourceName: resource.resourceName, resourcePatternType: resource.resourcePatternType });
        if (binding) bindings.push(binding);
        else unknownEntries++;
      }
    }
    return { bindings, unknownEntries };
  };

  const createMissing = async (admin: Admin, wanted: readonly AclBinding[]) => {
    const principals = [...new Set(wanted.map((binding) => binding.principal))];
    const existing = new Set<string>();
    for (const principal of principals) for (const binding of (await describe(admin, { principal })).bindings) existing.add(bindingKey(binding));
    const unique = [...new Map(wanted.map((binding) => [bindingKey(binding), binding])).values()];
    const missing = unique.filter((binding) => !existing.has(bindingKey(binding)));
    const present = unique.filter((binding) => existing.has(bindingKey(binding)));
    return { missing, present };
  };

  const copyPlan = async (admin: Admin, from: string, to: string) => {
    if (from === to) throw new AppFailure('INVALID_INPUT', `Copying ACLs needs two different principals; both are ${from}.`);
    const source = (await describe(admin, { principal: from })).bindings;
    if (source.length === 0) throw new AppFailure('NOT_FOUND', `${from} has no ACLs to copy.`);
    return createMissing(
      admin,
      source.map((binding) => ({ ...binding, principal: to })),
    );
  };

  const authorizerSettings = async (admin: Admin): Promise<AuthorizerSettings | null> => {
    try {
      const { brokers } = await admin.describeCluster();
      const broker = brokers[0];
      if (!broker) return null;
      const described = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: String(broker.nodeId), configNames: ['super.users', 'allow.everyone.if.no.acl.found'] }], includeSynonyms: false });
      const entries = described.resources[0]?.configEntries ?? [];
      const value = (name: string) => entries.find((entry) => entry.configName === name)?.configValue ?? null;
      return {
        superUsers: (value('super.users') ?? '').split(';').map((user) => user.trim()).filter((user) => user !== ''),
        allowEveryoneIfNoAclFound: value('allow.everyone.if.no.acl.found') === 'true',
      };
    } catch {
      // Reading broker configuration needs DESCRIBE_CONFIGS on the cluster; without it the view says the settings are unknown.
      return null;
    }
  };

  return {
    async list(settings: KafkaConnectionSettings, filter: AclFilter = {}): Promise<AclListing> {
      try {
        return await withAdmin(settings, 'Listing ACLs', 'DESCRIBE', async (admin) => {
          const { bindings, unknownEntries } = await describe(admin, filter);
          return { state: 'ok' as const, bindings: bindings.map(withText), unknownEntries };
        });
      } catch (error) {
        if (error instanceof AppFailure && (error.details as { kafkaError?: string } | undefined)?.kafkaError === 'SECURITY_DISABLED') return { state: 'security-disabled', message: SECURITY_DISABLED_MESSAGE };
        throw error;
      }
    },

    /** The entries a DeleteAcls with this filter would remove: DescribeAcls applies the same matching. */
    matching: (settings: KafkaConnectionSettings, filter: AclFilter) => withAdmin(settings, 'Matching ACLs', 'DESCRIBE', async (admin) => (await describe(admin, filter)).bindings.map(withText)),

    create: (settings: KafkaConnectionSettings, bindings: readonly AclBinding[]) =>
      withAdmin(settings, 'Creating ACLs', 'ALTER', async (admin) => {
        assertKafkajsWritable(bindings);
        const { missing, present } = await createMissing(admin, bindings);
        if (missing.length > 0) await admin.createAcls({ acl: missing.map(bindingToCodes) as never });
        return { created: missing.map(withText), present: present.map(withText) };
      }),
    /** Deletes exactly these entries (each a LITERAL or PREFIXED filter of one binding); reports the ones already gone. */
    deleteExact: (settings: KafkaConnectionSettings, bindings: readonly AclBinding[]) =>
      withAdmin(settings, 'Deleting ACLs', 'ALTER', async (admin) => {
        assertKafkajsWritable(bindings);
        const result = await admin.deleteAcls({ filters: bindings.map(bindingToCodes) as never });
        const deleted: AclRow[] = [];
        const missing: AclRow[] = [];
        // kafkajs throws on a filter's error code, so every response here matched or found nothing.
        result.filterResponses.forEach((response, index) => (response.matchingAcls.length > 0 ? deleted : missing).push(withText(bindings[index]!)));
        return { deleted, missing };
      }),

    copyPreview: (settings: KafkaConnectionSettings, from: string, to: string) =>
      withAdmin(settings, 'Reading ACLs to copy', 'DESCRIBE', async (admin) => {
        const { missing, present } = await copyPlan(admin, from, to);
        return { toCreate: missing.map(withText), present: present.map(withText) };
      }),

    copy: (settings: KafkaConnectionSettings, from: string, to: string) =>
      withAdmin(settings, 'Copying ACLs', 'ALTER', async (admin) => {
        const { missing, present } = await copyPlan(admin, from, to);
        assertKafkajsWritable(missing);
        if (missing.length > 0) await admin.createAcls({ acl: missing.map(bindingToCodes) as never });
        return { toCreate: missing.map(withText), present: present.map(withText) };
      }),

    principal: (settings: KafkaConnectionSettings, principal: string, host: string) =>
      withAdmin(settings, `Working out what ${principal} may do`, 'DESCRIBE', async (admin) => {
        const { bindings } = await describe(admin, {});
        const authorizer = await authorizerSettings(admin);
        const topics = await admin.listTopics();
        const rows: PrincipalResourceRow[] = principalView(bindings, principal, { host, names: { TOPIC: topics.filter((topic) => !topic.startsWith('__')) }, ...(authorizer ? { settings: authorizer } : {}) });
        return { principal, host, settingsKnown: authorizer !== null, superUser: authorizer ? authorizer.superUsers.includes(principal) : null, rows };
      }),

    listQuotas: (settings: KafkaConnectionSettings) =>
      withCluster(settings, 'Listing client quotas', 'DESCRIBE_CONFIGS', async (cluster) => {
        const described = await describeClientQuotas(await cluster.anyBroker());
        return described
          .map(({ entity, values }) => toQuotaEntry(fromParts(entity), values))
          .filter((entry): entry is NonNullable<typeof entry> => entry !== null)
          .sort((a, b) => entityKey(a.entity).localeCompare(entityKey(b.entity)));
      }),

    /** Sets and removes only the keys given; the entity's other quotas stay. */
    alterQuotas: (settings: KafkaConnectionSettings, entity: QuotaEntity, set: QuotaValues, remove: readonly QuotaKey[]) =>
      withCluster(settings, 'Changing client quotas', 'ALTER_CONFIGS', async (cluster) => {
        const ops = [
          ...Object.entries(set).map(([key, value]) => ({ key, value: value!, remove: false })),
          ...remove.filter((key) => set[key] === undefined).map((key) => ({ key, value: 0, remove: true })),
        ];
        if (ops.length === 0) throw new AppFailure('INVALID_INPUT', 'Nothing to change: give a quota to set or one to remove.');
        await alterClientQuotas(await cluster.anyBroker(), [{ entity: toParts(entity), ops }]);
        const after = await describeClientQuotas(await cluster.anyBroker(), toParts(entity).map((part) => ({ entityType: part.entityType, match: part.entityName === null ? { kind: 'default' as const } : { kind: 'exact' as const, name: part.entityName } })), true);
        return toQuotaEntry(entity, after[0]?.values ?? {}) ?? { entity, values: {}, text: quotaWords({ entity, values: {} }) };
      }),
  };
}

/** kafkajs' CreateAcls/DeleteAcls know neither USER resources nor the token operations (KIP-373). */
function assertKafkajsWritable(bindings: readonly AclBinding[]): void {
  const unsupported = bindings.find((binding) => binding.resourceType === 'USER' || binding.operation === 'CREATE_TOKENS' || binding.operation === 'DESCRIBE_TOKENS');
  if (unsupported) throw new AppFailure('UNSUPPORTED', `Odradek cannot write ACLs on USER resources or delegation-token operations yet (${describeBinding(unsupported)}); use kafka-acls for those.`);
}

function toParts(entity: QuotaEntity): QuotaEntityParts {
  const parts: QuotaEntityParts = [];
  if (entity.user !== undefined) parts.push({ entityType: 'user', entityName: entity.user });
  if (entity.clientId !== undefined) parts.push({ entityType: 'client-id', entityName: entity.clientId });
  return parts;
}

/** null for entities Odradek does not edit (IP quotas). */
function fromParts(parts: QuotaEntityParts): QuotaEntity | null {
  const entity: { user?: string | null; clientId?: string | null } = {};
  for (const part of parts) {
    if (part.entityType === 'user') entity.user = part.entityName;
    else if (part.entityType === 'client-id') entity.clientId = part.entityName;
    else return null;
  }
  return entity;
}

function toQuotaEntry(entity: QuotaEntity | null, raw: Record<string, number>) {
  if (entity === null) return null;
  const values: QuotaValues = {};
  for (const key of quotaKeys) if (raw[key] !== undefined) values[key] = raw[key];
  return { entity, values, text: quotaWords({ entity, values }) };
}

export type AccessService = ReturnType<typeof createAccessService>;
