import { describe, expect, it } from 'vitest';
import { decideAction } from './decide-action';
import { parsePolicyFile } from './policy-file';

const PROD = 'N9xnGujkR32eYxHICeaHuQ';
const { policies } = parsePolicyFile(`policies:
  - resource: ["cluster", "${PROD}"]
    effect: Allow
    role: kafka-admin
  - resource: ["cluster", "*", "topic", "tx_audit"]
    effect: Deny
    actions: [TOPIC_PRODUCE, TOPIC_EDIT]
    role: kafka-admin
  - resource: ["cluster", "*"]
    effect: Allow
    actions: [TOPIC_INSPECT]
    roles: [kafka-users]
  - resource: ["*"]
    effect: Stage
    actions: [TOPIC_CREATE]
    role: kafka-users
  - resource: ["cluster", "uat", "topic", "tx-*"]
    effect: Allow
    actions: [TOPIC_PRODUCE]
    role: "*"
`).policy;

describe('decideAction: deny wins, no match denies, Stage needs approval', () => {
  it.each([
    { rule: 'an Allow on the whole cluster allows any action in it', roles: ['kafka-admin'], action: 'TOPIC_DELETE', path: ['cluster', PROD, 'topic', 'orders'], expected: 'allow' },
    { rule: 'a matching Deny wins over an Allow', roles: ['kafka-admin'], action: 'TOPIC_PRODUCE', path: ['cluster', PROD, 'topic', 'tx_audit'], expected: 'deny' },
    { rule: 'the Deny applies only to its actions', roles: ['kafka-admin'], action: 'TOPIC_DATA_QUERY', path: ['cluster', PROD, 'topic', 'tx_audit'], expected: 'allow' },
    { rule: 'no matching policy denies', roles: ['kafka-users'], action: 'TOPIC_DELETE', path: ['cluster', PROD, 'topic', 'orders'], expected: 'deny' },
    { rule: 'no roles, no access', roles: [], action: 'TOPIC_DATA_QUERY', path: ['cluster', PROD, 'topic', 'orders'], expected: 'deny' },
    { rule: 'a legacy name in the policy grants the current action', roles: ['kafka-users'], action: 'TOPIC_DATA_QUERY', path: ['cluster', PROD, 'topic', 'orders'], expected: 'allow' },
    { rule: 'a legacy name asked for is resolved too', roles: ['kafka-users'], action: 'TOPIC_INSPECT', path: ['cluster', PROD, 'topic', 'orders'], expected: 'allow' },
    { rule: 'Stage means the action needs approval', roles: ['kafka-users'], action: 'TOPIC_CREATE', path: ['cluster', PROD, 'topic', 'new-topic'], expected: 'stage' },
    { rule: 'Stage outranks Allow across roles', roles: ['kafka-users', 'kafka-admin'], action: 'TOPIC_CREATE', path: ['cluster', PROD, 'topic', 'new-topic'], expected: 'stage' },
    { rule: 'role "*" applies to everyone; the cluster is matched by profile name', roles: ['nobody'], action: 'TOPIC_PRODUCE', path: ['cluster', 'lkc-uat', 'topic', 'tx-1'], profileName: 'uat', expected: 'allow' },
    { rule: 'the same path without the profile name does not match', roles: ['nobody'], action: 'TOPIC_PRODUCE', path: ['cluster', 'lkc-uat', 'topic', 'tx-1'], expected: 'deny' },
    { rule: 'an unknown action is denied', roles: ['kafka-admin'], action: 'TOPIC_EXPLODE', path: ['cluster', PROD], expected: 'deny' },
    { rule: 'a malformed path is denied', roles: ['kafka-admin'], action: 'TOPIC_EDIT', path: ['cluster'], expected: 'deny' },
  ])('$rule', ({ roles, action, path, profileName, expected }) => {
    expect(decideAction(policies, roles, action, path, profileName === undefined ? {} : { profileName })).toBe(expected);
  });
});
