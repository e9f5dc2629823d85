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
  return explainAction(policies, roles, action, resourcePath, options).decision;
}

export interface ActionExplanation {
  decision: ActionDecision;
  /** The policy that decided (the Deny that won, the Stage, or an Allow); null when none matched (default deny). */
  rule: { index: number; policy: RbacPolicy } | null;
}

/** `decideAction` with the rule behind the answer, so a refusal can name its real cause. */
export function explainAction(
  policies: readonly RbacPolicy[],
  roles: readonly string[],
  action: string,
  resourcePath: ResourcePath,
  options: DecisionOptions = {},
): ActionExplanation {
  const actions = resolveActionName(action);
  const ref = resourceRefFromPath(resourcePath, options.profileName);
  if (actions === null || ref === null) return { decision: 'deny', rule: null };
  let allowed: ActionExplanation['rule'] = null;
  let staged: ActionExplanation['rule'] = null;
  for (const [index, policy] of policies.entries()) {
    if (!policy.roles.includes('*') && !policy.roles.some((role) => roles.includes(role))) continue;
    if (policy.actions !== '*' && !actions.some((name) => (policy.actions as readonly string[]).includes(name))) continue;
    if (!patternCovers(policy.pattern, ref)) continue;
    if (policy.effect === 'Deny') return { decision: 'deny', rule: { index, policy } };
    if (policy.effect === 'Stage') staged ??= { index, policy };
    else allowed ??= { index, policy };
  }
  if (staged) return { decision: 'stage', rule: staged };
  return allowed ? { decision: 'allow', rule: allowed } : { decision: 'deny', rule: null };
}

/** A policy in the words of the file: `policy 2 (Deny TOPIC_DELETE on [cluster, *, topic, orders-*] for role ops)`. */
export function describePolicyRule(rule: NonNullable<ActionExplanation['rule']>): string {
  const { policy } = rule;
  const actions = policy.actions === '*' ? 'every action' : policy.actions.join(', ');
  const roles = policy.roles.includes('*') ? 'every role' : `role${policy.roles.length === 1 ? '' : 's'} ${policy.roles.join(', ')}`;
  return `policy ${rule.index + 1} (${policy.effect} ${actions} on [${policy.resource.join(', ')}] for ${roles})`;
}
