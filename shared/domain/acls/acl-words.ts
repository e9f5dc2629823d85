// ACL bindings and authorizer answers in words, for the create preview, the delete preview, the
// principal view and the CLI: "Lets User:alice consume (READ) every topic whose name starts with
// 'orders-', from any host. It also allows DESCRIBE there."
import { operationsByResource, resourceWords, type AclBinding, type AclOperation, type AclResourceType } from './acl-model';
import type { AuthorizationResult } from './authorizer';

const glosses: Partial<Record<`${AclResourceType}:${AclOperation}`, string>> = {
  'TOPIC:READ': 'consume from',
  'TOPIC:WRITE': 'produce to',
  'TOPIC:CREATE': 'create',
  'TOPIC:DELETE': 'delete, or delete records of,',
  'TOPIC:ALTER': 'add partitions to',
  'TOPIC:DESCRIBE': 'see the metadata and offsets of',
  'TOPIC:DESCRIBE_CONFIGS': 'read the configuration of',
  'TOPIC:ALTER_CONFIGS': 'change the configuration of',
  'GROUP:READ': 'consume as a member of and commit offsets in',
  'GROUP:DESCRIBE': 'see',
  'GROUP:DELETE': 'delete, or delete offsets of,',
  'CLUSTER:CREATE': 'create topics anywhere in',
  'CLUSTER:ALTER': 'change ACLs and cluster settings of',
  'CLUSTER:DESCRIBE': 'list ACLs, groups and log dirs of',
  'CLUSTER:CLUSTER_ACTION': 'act as a broker in',
  'CLUSTER:DESCRIBE_CONFIGS': 'read broker configuration and quotas of',
  'CLUSTER:ALTER_CONFIGS': 'change broker configuration and quotas of',
  'CLUSTER:IDEMPOTENT_WRITE': 'produce idempotently in',
  'TRANSACTIONAL_ID:WRITE': 'run transactions as',
  'TRANSACTIONAL_ID:DESCRIBE': 'see',
  'DELEGATION_TOKEN:DESCRIBE': 'see',
  'USER:CREATE_TOKENS': 'create delegation tokens for',
  'USER:DESCRIBE_TOKENS': 'see delegation tokens of',
};

/** `consume from (READ)`; the operation's name always stays visible. */
export function operationWords(resourceType: AclResourceType, operation: AclOperation): string {
  if (operation === 'ALL') return `do everything (${operationsByResource[resourceType].join(', ')}) on`;
  const gloss = glosses[`${resourceType}:${operation}`];
  return gloss ? `${gloss} (${operation})` : `${operation}`;
}

export function principalWords(principal: string): string {
  return principal === 'User:*' ? 'every user (User:*)' : principal;
}

/** `the topic 'orders'`, `every topic whose name starts with 'orders-'`, `every topic`, `the cluster`. */
export function resourcePatternWords(binding: Pick<AclBinding, 'resourceType' | 'resourceName' | 'patternType'>): string {
  const words = resourceWords[binding.resourceType];
  if (binding.resourceType === 'CLUSTER') return 'the cluster';
  if (binding.patternType === 'LITERAL' && binding.resourceName === '*') return `every ${words.one}`;
  if (binding.patternType === 'PREFIXED') return `every ${words.one} whose name starts with '${binding.resourceName}'`;
  return `the ${words.one} '${binding.resourceName}'`;
}

export function hostWords(host: string): string {
  return host === '*' ? 'from any host' : `only from host ${host}`;
}

function implied(binding: AclBinding): string[] {
  if (binding.permission !== 'ALLOW' || binding.operation === 'ALL') return [];
  const ops = operationsByResource[binding.resourceType];
  if (['READ', 'WRITE', 'DELETE', 'ALTER'].includes(binding.operation) && ops.includes('DESCRIBE')) return ['DESCRIBE'];
  if (binding.operation === 'ALTER_CONFIGS' && ops.includes('DESCRIBE_CONFIGS')) return ['DESCRIBE_CONFIGS'];
  return [];
}

/** One binding as a sentence (plus notes on what it implies or overrides). */
export function describeBinding(binding: AclBinding): string {
  const what = `${operationWords(binding.resourceType, binding.operation)} ${resourcePatternWords(binding)}`;
  if (binding.permission === 'ALLOW') {
    const also = implied(binding);
    return `Lets ${principalWords(binding.principal)} ${what}, ${hostWords(binding.host)}.${also.length > 0 ? ` It also allows ${also.join(', ')} there.` : ''}`;
  }
  return `Stops ${principalWords(binding.principal)} from being able to ${what}, ${hostWords(binding.host)}. A DENY wins over every ALLOW (ALL included); only super users are not bound by it.`;
}

/** Warnings worth reading before creating a binding. */
export function bindingWarnings(binding: AclBinding): string[] {
  const warnings: string[] = [];
  if (binding.principal === 'User:*') warnings.push('It applies to every user of the cluster.');
  if (binding.resourceName === '*' && binding.resourceType !== 'CLUSTER') warnings.push(`It applies to every ${resourceWords[binding.resourceType].one}, including ones created later.`);
  if (binding.patternType === 'PREFIXED') warnings.push(`It also covers ${resourceWords[binding.resourceType].plural} created later whose names start with '${binding.resourceName}'.`);
  if (binding.permission === 'DENY' && binding.operation === 'DESCRIBE') warnings.push('Denying DESCRIBE hides the resources from the principal, which then fails as if they did not exist.');
  return warnings;
}

/** Why the authorizer answered as it did, in words. */
export function authorizationWords(result: AuthorizationResult): string {
  switch (result.reason) {
    case 'super-user':
      return 'allowed: a super user, ACLs do not apply';
    case 'deny-acl':
      return `denied by: ${describeBinding(result.binding!)}`;
    case 'allow-acl':
      return `allowed by: ${describeBinding(result.binding!)}`;
    case 'no-matching-allow':
      return 'denied: ACLs exist on this resource, but none allows it for this principal';
    case 'no-acl-allow-everyone':
      return 'allowed: no ACL names this resource and the brokers allow everyone then (allow.everyone.if.no.acl.found=true)';
    case 'no-acl':
      return 'denied: no ACL allows it';
  }
}

/** What a typed confirmation must repeat to delete these bindings: the principal, or the count when several principals. */
export function deleteAclsConfirmation(bindings: readonly Pick<AclBinding, 'principal'>[]): string {
  const principals = new Set(bindings.map((binding) => binding.principal));
  return principals.size === 1 ? [...principals][0]! : `${bindings.length} ACLs`;
}
