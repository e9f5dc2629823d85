// Where a profile stands with tenancy, worked out from what is stored and the parsed policy file.
// Pure, so the state machine (none / invalid / choose / active) is unit-tested without files or Kafka.
import {
  tenantsForRoles,
  type PolicyDiagnostic,
  type PolicyParseResult,
  type ResourceDomain,
  type Tenant,
  type TenantPolicy,
} from '../../../../shared/domain/tenancy';
import type { TenancyState } from '../../../../shared/ipc/contract';
import type { ProfileTenancySettings } from './tenancy-settings';

export interface PolicyAttachment {
  path: string;
  attachedTo: 'profile' | 'app';
}

/** The attached file as last read: parsed, or why it could not be read. */
export type LoadedPolicy = { readable: true; parsed: PolicyParseResult } | { readable: false; message: string };

export interface ResolvedTenancy {
  state: TenancyState;
  /** The entered tenant; null unless the status is active. */
  tenant: Tenant | null;
  policy: TenantPolicy | null;
  /** Why Kafka channels of this profile refuse (status invalid or choose). */
  refusal: string | null;
}

const allNavigation = { schemas: true, connect: true, ksqldb: true };

export function resolveTenancy(input: {
  profileId: string;
  profileName: string;
  attachment: PolicyAttachment | null;
  loaded: LoadedPolicy | null;
  stored: ProfileTenancySettings;
}): ResolvedTenancy {
  const { profileId, profileName, attachment, loaded, stored } = input;
  const base = { profileId, roles: { available: [], selected: [] }, tenants: [], activeTenant: null, navigation: allNavigation };
  if (attachment === null || loaded === null) {
    return { state: { ...base, status: 'none', policy: null }, tenant: null, policy: null, refusal: null };
  }
  const fileName = baseName(attachment.path);
  if (!loaded.readable) {
    const problem = { severity: 'error' as const, line: 0, column: 0, message: loaded.message };
    return {
      state: { ...base, status: 'invalid', policy: { ...attachment, problems: [problem], hasPolicies: false } },
      tenant: null,
      policy: null,
      refusal: `Profile '${profileName}' has a policy file that cannot be read (${loaded.message}); attach another file or fix this one.`,
    };
  }
  const { parsed } = loaded;
  const problems = parsed.diagnostics.map(toProblem);
  const policyState = { ...attachment, problems, hasPolicies: parsed.policy.policies.length > 0 };
  if (!parsed.valid) {
    const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const shown = errors.slice(0, 3).map((error) => `${fileName}:${error.line}:${error.column} ${error.message}`).join('; ');
    return {
      state: { ...base, status: 'invalid', policy: policyState },
      tenant: null,
      policy: null,
      refusal: `Profile '${profileName}' has a policy file with ${errors.length} error${errors.length === 1 ? '' : 's'} (${shown}${errors.length > 3 ? '; …' : ''}); fix it in the policy workspace.`,
    };
  }

  const available = rolesNamedIn(parsed.policy);
  const chosen = (stored.roles ?? []).filter((role) => available.includes(role));
  const selected = chosen.length > 0 ? chosen : available;
  const tenants = tenantsForRoles(parsed.policy, selected);
  const summaries = tenants.map((tenant) => ({
    name: tenant.name,
    ...(tenant.description === undefined ? {} : { description: tenant.description }),
    presentationMode: tenant.presentationMode,
    builtIn: parsed.policy.tenants.length === 0,
  }));
  const entered =
    tenants.find((tenant) => tenant.name === stored.lastTenant) ?? (tenants.length === 1 ? tenants[0]! : undefined);
  const common = { profileId, policy: policyState, roles: { available, selected }, tenants: summaries };
  if (entered === undefined) {
    return {
      state: { ...common, status: 'choose', activeTenant: null, navigation: allNavigation },
      tenant: null,
      policy: parsed.policy,
      refusal:
        tenants.length === 0
          ? `No tenant in ${fileName} is available to the roles ${selected.join(', ') || '(none)'}; choose other roles for profile '${profileName}'.`
          : `Choose a tenant first: profile '${profileName}' has ${tenants.length} tenants available.`,
    };
  }
  return {
    state: { ...common, status: 'active', activeTenant: entered.name, navigation: navigationOf(entered) },
    tenant: entered,
    policy: parsed.policy,
    refusal: null,
  };
}

/** Every role the file names, except the wildcard: the roles the local user may choose to act as. */
export function rolesNamedIn(policy: TenantPolicy): string[] {
  const roles = new Set<string>();
  for (const tenant of policy.tenants) for (const role of tenant.roles) roles.add(role);
  for (const rule of policy.policies) for (const role of rule.roles) roles.add(role);
  for (const role of policy.authorizedRoles ?? []) roles.add(role);
  for (const role of policy.adminRoles ?? []) roles.add(role);
  roles.delete('*');
  return [...roles].sort();
}

/**
 * HIDE_RESOURCES hides a section when no include rule of the tenant can reach that domain; Odradek
 * does not list registry subjects, connectors or ksqlDB sources yet, so the rules are what decides.
 */
export function navigationOf(tenant: Tenant): TenancyState['navigation'] {
  if (tenant.presentationMode !== 'HIDE_RESOURCES') return allNavigation;
  const reaches = (domain: ResourceDomain) =>
    tenant.resources.some((rule) => rule.effect === 'include' && (rule.pattern.kind === 'all' || rule.pattern.domain === domain));
  return { schemas: reaches('schema'), connect: reaches('connect'), ksqldb: reaches('ksqldb') };
}

function toProblem(diagnostic: PolicyDiagnostic) {
  return { severity: diagnostic.severity, line: diagnostic.line, column: diagnostic.column, message: diagnostic.message };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
