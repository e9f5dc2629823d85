// Kpow RBAC decisions: users are denied every action by default; a matching Deny always wins, a
// matching Stage means "allowed after an admin approves", otherwise a matching Allow allows.
import { resolveActionName } from './actions';
import type { RbacPolicy } from './policy-file';
import { patternCovers, resourceRefFromPath, type ResourcePath } from './resource-path';

export type ActionDecision = 'allow' | 'deny' | 'stage';

export interface DecisionOptions {
  /** The profile (environment) name of the resource's domain instance, matched as an alternative id. */
  profileName?: string;
}

/**
 * Decides `action` (current or legacy name) on a concrete resource path such as
 * `["cluster", "<cluster id>", "topic", "orders"]` or a whole instance `["cluster", "<cluster id>"]`.
 * Stage outranks Allow: when any role held would need approval, the safer answer is to ask for it.
 */
export function decideAction(
  policies: readonly RbacPolicy[],
  roles: readonly string[],
  action: string,
  resourcePath: ResourcePath,
  options: DecisionOptions = {},
): ActionDecision {
  const actions = resolveActionName(action);
  const ref = resourceRefFromPath(resourcePath, options.profileName);
  if (actions === null || ref === null) return 'deny';
  let allowed = false;
  let staged = false;
  for (const policy of policies) {
    if (!policy.roles.includes('*') && !policy.roles.some((role) => roles.includes(role))) continue;
    if (policy.actions !== '*' && !actions.some((name) => (policy.actions as readonly string[]).includes(name))) continue;
    if (!patternCovers(policy.pattern, ref)) continue;
    if (policy.effect === 'Deny') return 'deny';
    if (policy.effect === 'Stage') staged = true;
    else allowed = true;
  }
  if (staged) return 'stage';
  return allowed ? 'allow' : 'deny';
}
