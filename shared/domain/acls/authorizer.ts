// What Kafka's StandardAuthorizer (KRaft) answers for one principal, host, operation and resource,
// given the cluster's ACL bindings: super users pass; a matching DENY wins over everything; an ALLOW of
// the operation (or ALL, or one that implies it: READ/WRITE/DELETE/ALTER imply DESCRIBE,
// ALTER_CONFIGS implies DESCRIBE_CONFIGS; implication never applies to DENY) allows; otherwise denied,
// unless no binding at all names the resource and `allow.everyone.if.no.acl.found` is true.
// A binding names the resource when its type matches and it is LITERAL with the same name, LITERAL
// `*`, or PREFIXED with a prefix of the name; it applies to the principal when it names it or `User:*`,
// and to the host when it names it or `*`.
import { operationsByResource, type AclBinding, type AclFilter, type AclOperation, type AclResourceType } from './acl-model';

export interface AuthorizerSettings {
  /** `super.users` of the brokers, e.g. `User:admin`. */
  superUsers: readonly string[];
  allowEveryoneIfNoAclFound: boolean;
}

export const defaultAuthorizerSettings: AuthorizerSettings = { superUsers: [], allowEveryoneIfNoAclFound: false };

export type AuthorizationReason = 'super-user' | 'deny-acl' | 'allow-acl' | 'no-matching-allow' | 'no-acl-allow-everyone' | 'no-acl';

export interface AuthorizationResult {
  allowed: boolean;
  reason: AuthorizationReason;
  /** The binding that decided (the DENY that won, or the ALLOW). */
  binding?: AclBinding;
}

export interface AuthorizationRequest {
  principal: string;
  /** The client's address as the broker sees it; `*` means a host no host-specific binding names. */
  host: string;
  operation: Exclude<AclOperation, 'ALL'>;
  resourceType: AclResourceType;
  /**
   * A concrete name; or `{ prefix }` for "names starting with it" (only bindings that cover every such
   * name count: `*` and prefixes of it); or `{ other: true }` for a name no literal or prefixed binding names.
   */
  resource: string | { prefix: string } | { other: true };
}

const WILDCARD = '*';
const WILDCARD_PRINCIPAL = 'User:*';
const IMPLIES_DESCRIBE: ReadonlySet<AclOperation> = new Set(['DESCRIBE', 'READ', 'WRITE', 'DELETE', 'ALTER']);
const IMPLIES_DESCRIBE_CONFIGS: ReadonlySet<AclOperation> = new Set(['DESCRIBE_CONFIGS', 'ALTER_CONFIGS']);

/** Whether a binding's resource pattern covers the requested resource. */
export function patternCovers(binding: Pick<AclBinding, 'resourceType' | 'resourceName' | 'patternType'>, type: AclResourceType, resource: AuthorizationRequest['resource']): boolean {
  if (binding.resourceType !== type) return false;
  if (binding.patternType === 'LITERAL' && binding.resourceName === WILDCARD) return true;
  if (typeof resource === 'string') return binding.patternType === 'LITERAL' ? binding.resourceName === resource : resource.startsWith(binding.resourceName);
  if ('prefix' in resource) return binding.patternType === 'PREFIXED' && resource.prefix.startsWith(binding.resourceName);
  return false;
}

/** Whether the binding's operation field grants (ALLOW) or refuses (DENY) the requested operation. */
export function operationApplies(binding: Pick<AclBinding, 'operation' | 'permission'>, operation: AclOperation): boolean {
  if (binding.operation === 'ALL') return true;
  if (binding.permission === 'DENY') return binding.operation === operation;
  if (operation === 'DESCRIBE') return IMPLIES_DESCRIBE.has(binding.operation);
  if (operation === 'DESCRIBE_CONFIGS') return IMPLIES_DESCRIBE_CONFIGS.has(binding.operation);
  return binding.operation === operation;
}

export function authorize(bindings: readonly AclBinding[], request: AuthorizationRequest, settings: AuthorizerSettings = defaultAuthorizerSettings): AuthorizationResult {
  if (settings.superUsers.includes(request.principal)) return { allowed: true, reason: 'super-user' };
  let foundResourceAcls = false;
  let allow: AclBinding | undefined;
  for (const binding of bindings) {
    if (!patternCovers(binding, request.resourceType, request.resource)) continue;
    foundResourceAcls = true;
    if (binding.principal !== request.principal && binding.principal !== WILDCARD_PRINCIPAL) continue;
    if (binding.host !== WILDCARD && binding.host !== request.host) continue;
    if (!operationApplies(binding, request.operation)) continue;
    if (binding.permission === 'DENY') return { allowed: false, reason: 'deny-acl', binding };
    allow ??= binding;
  }
  if (allow) return { allowed: true, reason: 'allow-acl', binding: allow };
  if (foundResourceAcls) return { allowed: false, reason: 'no-matching-allow' };
  return settings.allowEveryoneIfNoAclFound ? { allowed: true, reason: 'no-acl-allow-everyone' } : { allowed: false, reason: 'no-acl' };
}

/** Kafka's AclBindingFilter semantics (DescribeAcls, DeleteAcls): a field left out matches anything. */
export function matchesFilter(binding: AclBinding, filter: AclFilter): boolean {
  if (filter.principal !== undefined && binding.principal !== filter.principal) return false;
  if (filter.host !== undefined && binding.host !== filter.host) return false;
  if (filter.operation !== undefined && binding.operation !== filter.operation) return false;
  if (filter.permission !== undefined && binding.permission !== filter.permission) return false;
  if (filter.resourceType !== undefined && binding.resourceType !== filter.resourceType) return false;
  if (filter.patternType === 'MATCH') return filter.resourceName === undefined || patternCovers(binding, binding.resourceType, filter.resourceName);
  if (filter.patternType !== undefined && binding.patternType !== filter.patternType) return false;
  return filter.resourceName === undefined || binding.resourceName === filter.resourceName;
}

export interface PrincipalOperation {
  operation: Exclude<AclOperation, 'ALL'>;
  allowed: boolean;
  reason: AuthorizationReason;
  binding?: AclBinding;
}

export interface PrincipalResourceRow {
  resourceType: AclResourceType;
  /** A name, a prefix (`match: 'prefix'`), or null for "any other name". */
  name: string | null;
  match: 'name' | 'prefix' | 'other';
  operations: PrincipalOperation[];
}

export const principalViewTypes: readonly AclResourceType[] = ['TOPIC', 'GROUP', 'TRANSACTIONAL_ID', 'CLUSTER'];

/**
 * "What can this principal do": for each resource type, the names given (the cluster's topics and
 * groups), every literal name and prefix the principal's bindings (or `User:*`'s) mention, and "any
 * other name"; the cluster itself once. Each operation Kafka checks there is decided by `authorize`.
 */
export function principalView(
  bindings: readonly AclBinding[],
  principal: string,
  options: { host?: string; names?: Partial<Record<AclResourceType, readonly string[]>>; settings?: AuthorizerSettings } = {},
): PrincipalResourceRow[] {
  const host = options.host ?? WILDCARD;
  const applies = bindings.filter((binding) => binding.principal === principal || binding.principal === WILDCARD_PRINCIPAL);
  const rows: PrincipalResourceRow[] = [];
  const decide = (resourceType: AclResourceType, resource: AuthorizationRequest['resource']): PrincipalOperation[] =>
    operationsByResource[resourceType].map((operation) => {
      const result = authorize(bindings, { principal, host, operation, resourceType, resource }, options.settings);
      return { operation, ...result };
    });
  for (const resourceType of principalViewTypes) {
    if (resourceType === 'CLUSTER') {
      rows.push({ resourceType, name: 'kafka-cluster', match: 'name', operations: decide(resourceType, 'kafka-cluster') });
      continue;
    }
    const names = new Set(options.names?.[resourceType] ?? []);
    const prefixes = new Set<string>();
    for (const binding of applies) {
      if (binding.resourceType !== resourceType || binding.resourceName === WILDCARD) continue;
      (binding.patternType === 'LITERAL' ? names : prefixes).add(binding.resourceName);
    }
    for (const prefix of [...prefixes].sort()) rows.push({ resourceType, name: prefix, match: 'prefix', operations: decide(resourceType, { prefix }) });
    for (const name of [...names].sort()) rows.push({ resourceType, name, match: 'name', operations: decide(resourceType, name) });
    rows.push({ resourceType, name: null, match: 'other', operations: decide(resourceType, { other: true }) });
  }
  return rows;
}
