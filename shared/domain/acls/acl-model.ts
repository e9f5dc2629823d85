// Kafka ACL bindings by name (not by protocol number), the zod schemas the contract uses, and the
// numeric codes of Kafka's protocol (the ones kafkajs' AclResourceTypes etc. carry), converted in one place.
import { z } from 'zod';

export const aclResourceTypes = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const;
export type AclResourceType = (typeof aclResourceTypes)[number];

export const aclPatternTypes = ['LITERAL', 'PREFIXED'] as const;
export type AclPatternType = (typeof aclPatternTypes)[number];

export const aclOperations = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
] as const;
export type AclOperation = (typeof aclOperations)[number];

export const aclPermissions = ['ALLOW', 'DENY'] as const;
export type AclPermission = (typeof aclPermissions)[number];

/** The only name a CLUSTER resource has. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';

/** The operations Kafka checks on each resource type (what `ALL` stands for there). */
export const operationsByResource: Record<AclResourceType, readonly Exclude<AclOperation, 'ALL'>[]> = {
  TOPIC: ['READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE'],
  CLUSTER: ['CREATE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'],
  TRANSACTIONAL_ID: ['DESCRIBE', 'WRITE'],
  DELEGATION_TOKEN: ['DESCRIBE'],
  USER: ['CREATE_TOKENS', 'DESCRIBE_TOKENS'],
};

const principalText = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .regex(/^[A-Za-z][\w-]*:.+$/, 'A principal is TYPE:NAME, e.g. User:alice (User:* for every user).');

export const aclBindingSchema = z
  .object({
    principal: principalText,
    /** `*` for every host; otherwise one IP address as the broker sees it. */
    host: z.string().trim().min(1).max(255).default('*'),
    resourceType: z.enum(aclResourceTypes),
    resourceName: z.string().min(1).max(1000),
    patternType: z.enum(aclPatternTypes),
    operation: z.enum(aclOperations),
    permission: z.enum(aclPermissions),
  })
  .superRefine((binding, context) => {
    const problem = bindingProblem(binding);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
export type AclBinding = z.output<typeof aclBindingSchema>;

/** Why Kafka would refuse a binding, in words; null when it is valid. */
export function bindingProblem(binding: Omit<AclBinding, 'host'> & { host?: string }): string | null {
  if (binding.operation !== 'ALL' && !operationsByResource[binding.resourceType].includes(binding.operation)) {
    return `${binding.operation} is not an operation on ${resourceWords[binding.resourceType].plural}; use one of ${operationsByResource[binding.resourceType].join(', ')} or ALL.`;
  }
  if (binding.resourceType === 'CLUSTER' && (binding.resourceName !== CLUSTER_RESOURCE_NAME || binding.patternType !== 'LITERAL')) {
    return `The cluster resource is always the LITERAL name '${CLUSTER_RESOURCE_NAME}'.`;
  }
  if (binding.patternType === 'PREFIXED' && binding.resourceName === '*') return "A PREFIXED pattern of '*' matches only names starting with '*'; use LITERAL '*' for every name.";
  return null;
}

/** A filter as Kafka's DescribeAcls/DeleteAcls take it: every field left out matches anything. */
export const aclFilterSchema = z.object({
  principal: z.string().trim().min(1).max(500).optional(),
  host: z.string().trim().min(1).max(255).optional(),
  resourceType: z.enum(aclResourceTypes).optional(),
  resourceName: z.string().min(1).max(1000).optional(),
  /** MATCH: every pattern that applies to `resourceName` (literal, `*` and prefixes), as Kafka defines it. */
  patternType: z.enum([...aclPatternTypes, 'MATCH']).optional(),
  operation: z.enum(aclOperations).optional(),
  permission: z.enum(aclPermissions).optional(),
});
export type AclFilter = z.output<typeof aclFilterSchema>;

export const resourceWords: Record<AclResourceType, { one: string; plural: string }> = {
  TOPIC: { one: 'topic', plural: 'topics' },
  GROUP: { one: 'consumer group', plural: 'consumer groups' },
  CLUSTER: { one: 'cluster', plural: 'the cluster' },
  TRANSACTIONAL_ID: { one: 'transactional id', plural: 'transactional ids' },
  DELEGATION_TOKEN: { one: 'delegation token', plural: 'delegation tokens' },
  USER: { one: 'user', plural: 'users' },
};

// Kafka's protocol codes (org.apache.kafka.common.resource.ResourceType, acl.AclOperation, …).
const resourceCodes: Record<AclResourceType, number> = { TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7 };
const operationCodes: Record<AclOperation, number> = {
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
};
const patternCodes: Record<AclPatternType | 'MATCH', number> = { MATCH: 2, LITERAL: 3, PREFIXED: 4 };
const permissionCodes: Record<AclPermission, number> = { DENY: 2, ALLOW: 3 };
/** ANY in every enum. */
export const ANY_CODE = 1;

const invert = <K extends string>(record: Record<K, number>) => new Map(Object.entries(record).map(([name, code]) => [code as number, name as K]));
const resourceNames = invert(resourceCodes);
const operationNames = invert(operationCodes);
const patternNames = invert(patternCodes);
const permissionNames = invert(permissionCodes);

export const aclCodes = {
  resource: (type: AclResourceType) => resourceCodes[type],
  operation: (operation: AclOperation) => operationCodes[operation],
  pattern: (pattern: AclPatternType | 'MATCH') => patternCodes[pattern],
  permission: (permission: AclPermission) => permissionCodes[permission],
};

/** A binding as the protocol carries it; null when a code is one Odradek does not know (it is then listed as unknown by the caller). */
export function bindingFromCodes(entry: { resourceType: number; resourceName: string; resourcePatternType: number; principal: string; host: string; operation: number; permissionType: number }): AclBinding | null {
  const resourceType = resourceNames.get(entry.resourceType);
  const patternType = patternNames.get(entry.resourcePatternType);
  const operation = operationNames.get(entry.operation);
  const permission = permissionNames.get(entry.permissionType);
  if (!resourceType || !patternType || patternType === 'MATCH' || !operation || !permission) return null;
  return { principal: entry.principal, host: entry.host, resourceType, resourceName: entry.resourceName, patternType, operation, permission };
}

export function bindingToCodes(binding: AclBinding) {
  return {
    principal: binding.principal,
    host: binding.host,
    resourceType: resourceCodes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: patternCodes[binding.patternType],
    operation: operationCodes[binding.operation],
    permissionType: permissionCodes[binding.permission],
  };
}

/** A stable key of one binding (for sets, React keys and "already there" checks). */
export function bindingKey(binding: AclBinding): string {
  return JSON.stringify([binding.principal, binding.host, binding.resourceType, binding.patternType, binding.resourceName, binding.operation, binding.permission]);
}
