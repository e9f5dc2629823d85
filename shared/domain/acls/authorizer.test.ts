import { describe, expect, it } from 'vitest';
import { aclBindingSchema, bindingFromCodes, bindingToCodes, type AclBinding } from './acl-model';
import { authorizationWords, bindingWarnings, deleteAclsConfirmation, describeBinding } from './acl-words';
import { authorize, matchesFilter, principalView } from './authorizer';
import { entityWords, parseQuotaEntity, quotaWords } from './client-quotas';

const acl = (partial: Partial<AclBinding>): AclBinding => ({
  principal: 'User:alice',
  host: '*',
  resourceType: 'TOPIC',
  resourceName: 'orders',
  patternType: 'LITERAL',
  operation: 'READ',
  permission: 'ALLOW',
  ...partial,
});
const ask = (operation: Parameters<typeof authorize>[1]['operation'], resource: string, extra: Partial<Parameters<typeof authorize>[1]> = {}) => ({ principal: 'User:alice', host: '10.0.0.1', operation, resourceType: 'TOPIC' as const, resource, ...extra });

describe('authorize (StandardAuthorizer)', () => {
  it('denies when no ACL names the resource, unless allow.everyone.if.no.acl.found', () => {
    expect(authorize([], ask('READ', 'orders'))).toMatchObject({ allowed: false, reason: 'no-acl' });
    expect(authorize([], ask('READ', 'orders'), { superUsers: [], allowEveryoneIfNoAclFound: true })).toMatchObject({ allowed: true, reason: 'no-acl-allow-everyone' });
    // Another principal's ACL on the resource takes the "no ACL" default away.
    expect(authorize([acl({ principal: 'User:bob' })], ask('READ', 'orders'), { superUsers: [], allowEveryoneIfNoAclFound: true })).toMatchObject({ allowed: false, reason: 'no-matching-allow' });
  });

  it('lets super users through whatever the ACLs say', () => {
    expect(authorize([acl({ permission: 'DENY', operation: 'ALL' })], ask('READ', 'orders'), { superUsers: ['User:alice'], allowEveryoneIfNoAclFound: false })).toMatchObject({ allowed: true, reason: 'super-user' });
  });

  it('matches literal, wildcard and prefixed patterns, principals and hosts', () => {
    expect(authorize([acl({})], ask('READ', 'orders')).allowed).toBe(true);
    expect(authorize([acl({})], ask('READ', 'orders-eu')).allowed).toBe(false);
    expect(authorize([acl({ resourceName: '*' })], ask('READ', 'anything')).allowed).toBe(true);
    expect(authorize([acl({ resourceName: 'ord', patternType: 'PREFIXED' })], ask('READ', 'orders-eu')).allowed).toBe(true);
    expect(authorize([acl({ resourceName: 'ord', patternType: 'PREFIXED' })], ask('READ', 'or')).allowed).toBe(false);
    expect(authorize([acl({ principal: 'User:*' })], ask('READ', 'orders')).allowed).toBe(true);
    expect(authorize([acl({ principal: 'User:bob' })], ask('READ', 'orders')).allowed).toBe(false);
    expect(authorize([acl({ host: '10.0.0.1' })], ask('READ', 'orders')).allowed).toBe(true);
    expect(authorize([acl({ host: '10.0.0.2' })], ask('READ', 'orders')).allowed).toBe(false);
    expect(authorize([acl({ resourceType: 'GROUP' })], ask('READ', 'orders')).allowed).toBe(false);
  });

  it('lets a DENY win over every ALLOW, ALL included, wherever it comes from', () => {
    const bindings = [acl({ operation: 'ALL', resourceName: '*' }), acl({ permission: 'DENY', resourceName: 'orders-', patternType: 'PREFIXED' })];
    expect(authorize(bindings, ask('READ', 'orders-eu'))).toMatchObject({ allowed: false, reason: 'deny-acl', binding: bindings[1] });
    expect(authorize(bindings, ask('WRITE', 'orders-eu')).allowed).toBe(true);
    expect(authorize(bindings, ask('READ', 'payments')).allowed).toBe(true);
    expect(authorize([acl({}), acl({ principal: 'User:*', permission: 'DENY', operation: 'ALL' })], ask('READ', 'orders')).reason).toBe('deny-acl');
  });

  it('implies DESCRIBE from READ, WRITE, DELETE and ALTER and DESCRIBE_CONFIGS from ALTER_CONFIGS, for ALLOW only', () => {
    for (const operation of ['READ', 'WRITE', 'DELETE', 'ALTER'] as const) expect(authorize([acl({ operation })], ask('DESCRIBE', 'orders')).allowed).toBe(true);
    expect(authorize([acl({ operation: 'CREATE' })], ask('DESCRIBE', 'orders')).allowed).toBe(false);
    expect(authorize([acl({ operation: 'ALTER_CONFIGS' })], ask('DESCRIBE_CONFIGS', 'orders')).allowed).toBe(true);
    // A DENY of READ does not deny DESCRIBE.
    expect(authorize([acl({ operation: 'DESCRIBE' }), acl({ permission: 'DENY' })], ask('DESCRIBE', 'orders')).allowed).toBe(true);
  });
});

describe('matchesFilter (AclBindingFilter)', () => {
  const bindings = [acl({}), acl({ resourceName: 'ord', patternType: 'PREFIXED' }), acl({ resourceName: '*' }), acl({ principal: 'User:bob', operation: 'WRITE' })];
  it('leaves out nothing for an empty filter and matches exact names for ANY', () => {
    expect(bindings.filter((binding) => matchesFilter(binding, {}))).toHaveLength(4);
    expect(bindings.filter((binding) => matchesFilter(binding, { resourceName: 'orders' }))).toHaveLength(2);
    expect(bindings.filter((binding) => matchesFilter(binding, { principal: 'User:bob' }))).toHaveLength(1);
  });
  it('MATCH finds every pattern that applies to a name', () => {
    expect(bindings.filter((binding) => matchesFilter(binding, { resourceName: 'orders', patternType: 'MATCH' }))).toHaveLength(4);
    expect(bindings.filter((binding) => matchesFilter(binding, { resourceName: 'payments', patternType: 'MATCH' }))).toHaveLength(1);
    expect(bindings.filter((binding) => matchesFilter(binding, { resourceName: 'ord', patternType: 'PREFIXED' }))).toHaveLength(1);
  });
});

describe('principalView', () => {
  it('answers per resource, prefix and "any other name", deny winning', () => {
    const rows = principalView(
      [acl({ resourceName: 'orders-', patternType: 'PREFIXED' }), acl({ resourceName: 'orders-secret', permission: 'DENY', operation: 'ALL' }), acl({ resourceType: 'GROUP', resourceName: 'billing', operation: 'READ' }), acl({ resourceType: 'CLUSTER', resourceName: 'kafka-cluster', operation: 'DESCRIBE' }), acl({ resourceType: 'TRANSACTIONAL_ID', resourceName: 'tx', operation: 'WRITE' })],
      'User:alice',
      { names: { TOPIC: ['orders-eu', 'payments'] } },
    );
    const ops = (type: string, name: string | null) => {
      const row = rows.find((candidate) => candidate.resourceType === type && candidate.name === name)!;
      return row.operations.filter((operation) => operation.allowed).map((operation) => operation.operation);
    };
    expect(ops('TOPIC', 'orders-')).toEqual(['READ', 'DESCRIBE']);
    expect(ops('TOPIC', 'orders-eu')).toEqual(['READ', 'DESCRIBE']);
    expect(ops('TOPIC', 'orders-secret')).toEqual([]);
    expect(ops('TOPIC', 'payments')).toEqual([]);
    expect(ops('TOPIC', null)).toEqual([]);
    expect(ops('GROUP', 'billing')).toEqual(['READ', 'DESCRIBE']);
    expect(ops('CLUSTER', 'kafka-cluster')).toEqual(['DESCRIBE']);
    expect(ops('TRANSACTIONAL_ID', 'tx')).toEqual(['DESCRIBE', 'WRITE']);
    expect(rows.find((row) => row.name === 'orders-secret')!.operations[0]!.reason).toBe('deny-acl');
  });
});

describe('words', () => {
  it('says what a binding allows or denies', () => {
    expect(describeBinding(acl({ resourceName: 'orders-', patternType: 'PREFIXED' }))).toBe("Lets User:alice consume from (READ) every topic whose name starts with 'orders-', from any host. It also allows DESCRIBE there.");
    expect(describeBinding(acl({ permission: 'DENY', operation: 'WRITE', host: '10.1.2.3' }))).toBe(
      "Stops User:alice from being able to produce to (WRITE) the topic 'orders', only from host 10.1.2.3. A DENY wins over every ALLOW (ALL included); only super users are not bound by it.",
    );
    expect(describeBinding(acl({ principal: 'User:*', resourceType: 'CLUSTER', resourceName: 'kafka-cluster', operation: 'ALL' }))).toContain('Lets every user (User:*) do everything (CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE) on the cluster');
    expect(bindingWarnings(acl({ principal: 'User:*', resourceName: '*' }))).toEqual(['It applies to every user of the cluster.', 'It applies to every topic, including ones created later.']);
    expect(authorizationWords({ allowed: false, reason: 'no-acl' })).toBe('denied: no ACL allows it');
    expect(deleteAclsConfirmation([acl({}), acl({ operation: 'WRITE' })])).toBe('User:alice');
    expect(deleteAclsConfirmation([acl({}), acl({ principal: 'User:bob' })])).toBe('2 ACLs');
  });

  it('validates bindings as Kafka would', () => {
    expect(aclBindingSchema.safeParse(acl({ resourceType: 'GROUP', operation: 'WRITE' })).error?.issues[0]?.message).toContain('WRITE is not an operation on consumer groups');
    expect(aclBindingSchema.safeParse(acl({ resourceType: 'CLUSTER', resourceName: 'x' })).success).toBe(false);
    expect(aclBindingSchema.safeParse(acl({ principal: 'alice' })).success).toBe(false);
    expect(bindingFromCodes(bindingToCodes(acl({ patternType: 'PREFIXED', permission: 'DENY', operation: 'ALTER_CONFIGS' })))).toEqual(acl({ patternType: 'PREFIXED', permission: 'DENY', operation: 'ALTER_CONFIGS' }));
  });

  it('names quota entities as kafka-configs does', () => {
    expect(parseQuotaEntity('user=alice,client-id=<default>')).toEqual({ user: 'alice', clientId: null });
    expect(() => parseQuotaEntity('group=x')).toThrow(/not a quota entity kind/);
    expect(entityWords({ user: null })).toBe('every user without its own quota (user default)');
    expect(quotaWords({ entity: { clientId: 'app' }, values: { producer_byte_rate: 1024 } })).toBe("client id 'app': producer_byte_rate=1024 (produce bytes per second (per broker))");
  });
});
