// The policy workspace's "ACLs" tab against a cluster: the policy text as edited is parsed again here
// (the renderer's copy is only a view), the tenant's plan is scoped to the profile's cluster, and the
// ACL service previews or creates the missing entries. Applying needs the profile's `edit-acls` action.
import { refuseBehindProxy } from '../topics/kafka-error-words';
import type { ConnectionProfile } from '../../../../shared/domain/profile/profile-schema';
import { describeAclEntry, effectiveTenants, formatDiagnostic, parsePolicyFile, planTenantAcls, toKafkajsAclEntries, type TenantAclPlan } from '../../../../shared/domain/tenancy';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { ChannelHandlers } from '../../ipc/dispatcher';
import type { KafkaClientFactory } from '../kafka/client-factory';
import type { KafkaConnectionSettings } from '../kafka/connection-settings';
import { assertActionAllowed } from '../topics/topic-service';
import { createAclService, type AclApplyPreview } from './acl-service';

interface TenantAclDeps {
  profiles: { get(id: string): Promise<ConnectionProfile>; resolveConnection(id: string): Promise<KafkaConnectionSettings> };
  factory: KafkaClientFactory;
}

type TenantAclRequest = ChannelInput<'acls:tenant-preview'>;

export function createTenantAclHandlers(deps: TenantAclDeps): Pick<ChannelHandlers, 'acls:tenant-preview' | 'acls:tenant-apply'> {
  const acls = createAclService({ factory: deps.factory });
  const run = async (request: TenantAclRequest, apply: boolean): Promise<ChannelOutput<'acls:tenant-preview'>> => {
    const profile = await deps.profiles.get(request.profileId);
    if (apply) assertActionAllowed(profile, 'edit-acls');
    const planFor = planner(request, profile.name);
    let plan: TenantAclPlan | undefined;
    const entriesFor = (clusterId: string) => toKafkajsAclEntries((plan = planFor(clusterId)));
    const settings = await deps.profiles.resolveConnection(request.profileId);
    refuseBehindProxy(settings, 'acls');
    const result: AclApplyPreview & { created?: number } = apply ? await acls.apply(settings, entriesFor) : await acls.preview(settings, entriesFor);
    const withText = <T extends Parameters<typeof describeAclEntry>[0]>(entry: T) => ({ ...entry, text: describeAclEntry(entry) });
    return {
      clusterId: result.clusterId,
      missing: result.missing.map(withText),
      present: result.present.map(withText),
      created: result.created ?? 0,
      untranslated: plan!.untranslated.map((rule) => ({ ...rule, path: [...rule.path] })),
    };
  };
  return {
    'acls:tenant-preview': (request) => run(request, false),
    'acls:tenant-apply': (request) => run(request, true),
  };
}

/** Validates the request before any connection: a broken policy or unknown tenant fails with its reason. */
function planner(request: TenantAclRequest, profileName: string): (clusterId: string) => TenantAclPlan {
  const parsed = parsePolicyFile(request.policyText);
  if (!parsed.valid) {
    const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    throw new AppFailure('INVALID_INPUT', `The policy has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before generating ACLs: ${errors.slice(0, 3).map((diagnostic) => formatDiagnostic('policy', diagnostic)).join('; ')}`);
  }
  const tenants = effectiveTenants(parsed.policy);
  const tenant = tenants.find((candidate) => candidate.name === request.tenant);
  if (!tenant) throw new AppFailure('NOT_FOUND', `There is no tenant '${request.tenant}' in the policy; it has ${tenants.map((t) => `'${t.name}'`).join(', ')}.`);
  const plan = (clusterId: string) => planTenantAcls(tenant, { principal: request.principal, access: request.access, cluster: { id: clusterId, profileName } });
  try {
    plan('validation');
  } catch (error) {
    throw new AppFailure('INVALID_INPUT', (error as Error).message);
  }
  return plan;
}
