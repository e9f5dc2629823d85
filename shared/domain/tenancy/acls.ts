// Turns what a tenant includes into Kafka ACL bindings for one principal, so a team's tenant can be
// enforced by the brokers too. Only topic and group names map onto Kafka ACLs; everything else a
// tenant can say is listed with the reason it cannot become an ACL.
import type { Tenant, TenantResourceRule } from './policy-file';
import { matchesId, type NamePattern, type ResourcePath } from './resource-path';

export type AclAccessLevel = 'read' | 'write' | 'admin';
export const aclAccessLevels: readonly AclAccessLevel[] = ['read', 'write', 'admin'];

export type AclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE' | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS';
export type AclPatternType = 'LITERAL' | 'PREFIXED';
export type AclResourceKind = 'topic' | 'group';

const topicOperations: Record<AclAccessLevel, AclOperation[]> = {
  read: ['READ', 'DESCRIBE'],
  write: ['READ', 'DESCRIBE', 'WRITE', 'CREATE', 'DESCRIBE_CONFIGS'],
  admin: ['READ', 'DESCRIBE', 'WRITE', 'CREATE', 'DESCRIBE_CONFIGS', 'DELETE', 'ALTER', 'ALTER_CONFIGS'],
};
/** Consuming needs READ on the group; nothing a tenant grants needs more. */
const groupOperations: AclOperation[] = ['READ', 'DESCRIBE'];

export interface KafkaAclBinding {
  resourceType: AclResourceKind;
  resourceName: string;
  patternType: AclPatternType;
  operations: AclOperation[];
  /** The tenant rule this binding comes from. */
  source: ResourcePath;
}

export interface UntranslatedRule {
  effect: TenantResourceRule['effect'];
  path: ResourcePath;
  reason: string;
}

export interface TenantAclPlan {
  tenant: string;
  principal: string;
  host: string;
  access: AclAccessLevel;
  bindings: KafkaAclBinding[];
  untranslated: UntranslatedRule[];
}

export interface TenantAclOptions {
  /** A Kafka principal such as `User:alice`. */
  principal: string;
  access: AclAccessLevel;
  host?: string;
  /** The cluster the ACLs are for; rules scoped to other clusters are then left out (and listed). */
  cluster?: { id: string; profileName?: string };
}

export function isKafkaPrincipal(text: string): boolean {
  return /^[A-Za-z][\w-]*:.+$/.test(text);
}

export function planTenantAcls(tenant: Tenant, options: TenantAclOptions): TenantAclPlan {
  if (!isKafkaPrincipal(options.principal)) throw new Error(`${JSON.stringify(options.principal)} is not a Kafka principal; expected e.g. "User:alice"`);
  const plan: TenantAclPlan = {
    tenant: tenant.name,
    principal: options.principal,
    host: options.host ?? '*',
    access: options.access,
    bindings: [],
    untranslated: [],
  };
  const seen = new Set<string>();
  const bind = (resourceType: AclResourceKind, name: NamePattern, source: ResourcePath): void => {
    const literal = name.kind === 'any' ? '*' : name.value;
    const patternType: AclPatternType = name.kind === 'prefix' ? 'PREFIXED' : 'LITERAL';
    const key = `${resourceType}\u0000${patternType}\u0000${literal}`;
    if (seen.has(key)) return;
    seen.add(key);
    plan.bindings.push({
      resourceType,
      resourceName: literal,
      patternType,
      operations: resourceType === 'topic' ? topicOperations[options.access] : groupOperations,
      source,
    });
  };
  const skip = (rule: TenantResourceRule, reason: string) => plan.untranslated.push({ effect: rule.effect, path: rule.path, reason });

  for (const rule of tenant.resources) {
    const { pattern } = rule;
    if (rule.effect === 'exclude') {
      skip(
        rule,
        'exclusions are not translated: a Kafka DENY ACL would override every ALLOW this principal holds, including grants made outside this tenant; narrow the include patterns instead',
      );
      continue;
    }
    if (pattern.kind === 'all') {
      bind('topic', { kind: 'any' }, rule.path);
      bind('group', { kind: 'any' }, rule.path);
      skip(rule, 'only the Kafka part of ["*"] is granted; Schema Registry, Connect and ksqlDB are not Kafka resources and have no Kafka ACLs');
      continue;
    }
    if (pattern.domain !== 'cluster') {
      skip(rule, `${pattern.domain === 'schema' ? 'Schema Registry subjects' : pattern.domain === 'connect' ? 'Connect connectors' : 'ksqlDB resources'} are not Kafka resources and have no Kafka ACLs`);
      continue;
    }
    if (options.cluster !== undefined && !matchesId(pattern.id, options.cluster.id, options.cluster.profileName)) {
      skip(rule, `applies to cluster ${JSON.stringify(formatIdPattern(pattern.id))}, not to ${JSON.stringify(options.cluster.profileName ?? options.cluster.id)}`);
      continue;
    }
    if (pattern.kind === 'domain') {
      bind('topic', { kind: 'any' }, rule.path);
      bind('group', { kind: 'any' }, rule.path);
      continue;
    }
    if (pattern.type === 'broker' || pattern.type === 'principal') {
      skip(rule, `Kafka ACLs have no ${pattern.type} resource: ${pattern.type} visibility is a console matter only`);
      continue;
    }
    if (pattern.name.kind === 'suffix') {
      skip(rule, `suffix patterns such as ${JSON.stringify(`*${pattern.name.value}`)} cannot be expressed: Kafka ACLs match names literally or by prefix only`);
      continue;
    }
    bind(pattern.type === 'topic' ? 'topic' : 'group', pattern.name, rule.path);
    if (pattern.type === 'group') {
      skip(rule, 'the group is granted, but the topics it consumes (inferred resources) are not: grant them with explicit topic includes');
    }
  }
  return plan;
}

function formatIdPattern(id: NamePattern): string {
  switch (id.kind) {
    case 'any':
      return '*';
    case 'exact':
      return id.value;
    case 'prefix':
      return `${id.value}*`;
    case 'suffix':
      return `*${id.value}`;
  }
}

/** The numeric values of kafkajs' AclResourceTypes, ResourcePatternTypes, AclOperationTypes and AclPermissionTypes. */
export const kafkajsAclCodes = {
  resourceType: { topic: 2, group: 3 },
  patternType: { LITERAL: 3, PREFIXED: 4 },
  operation: { READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8, DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11 },
  permissionAllow: 3,
} as const;

/** One entry per operation, in the shape kafkajs' `admin.createAcls({ acl })` takes. */
export interface KafkajsAclEntry {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

export function toKafkajsAclEntries(plan: TenantAclPlan): KafkajsAclEntry[] {
  return plan.bindings.flatMap((binding) =>
    binding.operations.map((operation) => ({
      resourceType: kafkajsAclCodes.resourceType[binding.resourceType],
      resourceName: binding.resourceName,
      resourcePatternType: kafkajsAclCodes.patternType[binding.patternType],
      principal: plan.principal,
      host: plan.host,
      operation: kafkajsAclCodes.operation[operation],
      permissionType: kafkajsAclCodes.permissionAllow,
    })),
  );
}

/** "READ on topic \"orders\" (PREFIXED)": one kafkajs entry in words, for previews. */
export function describeAclEntry(entry: KafkajsAclEntry): string {
  const nameOf = (codes: Readonly<Record<string, number>>, code: number) => Object.keys(codes).find((name) => codes[name] === code) ?? String(code);
  const { operation, resourceType, patternType } = kafkajsAclCodes;
  return `${nameOf(operation, entry.operation)} on ${nameOf(resourceType, entry.resourceType)} ${JSON.stringify(entry.resourceName)} (${nameOf(patternType, entry.resourcePatternType)})`;
}

const cliOperationNames: Record<AclOperation, string> = {
  READ: 'Read',
  WRITE: 'Write',
  CREATE: 'Create',
  DELETE: 'Delete',
  ALTER: 'Alter',
  DESCRIBE: 'Describe',
  DESCRIBE_CONFIGS: 'DescribeConfigs',
  ALTER_CONFIGS: 'AlterConfigs',
};

/** One `kafka-acls.sh --add` command per binding, with shell quoting where a name needs it. */
export function toKafkaAclsCommands(plan: TenantAclPlan, bootstrapServer: string): string[] {
  return plan.bindings.map((binding) =>
    [
      'kafka-acls.sh',
      '--bootstrap-server',
      shellQuote(bootstrapServer),
      '--add',
      '--allow-principal',
      shellQuote(plan.principal),
      ...(plan.host === '*' ? [] : ['--allow-host', shellQuote(plan.host)]),
      ...binding.operations.flatMap((operation) => ['--operation', cliOperationNames[operation]]),
      `--${binding.resourceType}`,
      shellQuote(binding.resourceName),
      '--resource-pattern-type',
      binding.patternType.toLowerCase(),
    ].join(' '),
  );
}

function shellQuote(text: string): string {
  return /^[\w.:/=@%+-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
