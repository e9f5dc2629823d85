import { describe, expect, it } from 'vitest';
import { planTenantAcls, toKafkaAclsCommands, toKafkajsAclEntries } from './acls';
import { parsePolicyFile, type Tenant } from './policy-file';

function tenant(resources: string): Tenant {
  const result = parsePolicyFile(`tenants:\n  - name: T\n    resources:\n${resources}\n    roles: ["*"]\n`);
  expect(result.diagnostics).toEqual([]);
  return result.policy.tenants[0]!;
}

const teams = tenant(`      - include:
          - ["cluster", "*", "topic", "tx-orders"]
          - ["cluster", "*", "topic", "tx-*"]
          - ["cluster", "*", "topic", "*-refunds"]
          - ["cluster", "prod", "group", "payments-*"]
          - ["cluster", "*", "broker", "*"]
          - ["schema", "*", "subject", "tx-*"]
      - exclude: ["cluster", "*", "topic", "tx-audit"]`);

describe('planTenantAcls', () => {
  it('grants exact names as LITERAL and prefixes as PREFIXED, per access level', () => {
    const read = planTenantAcls(teams, { principal: 'User:tx', access: 'read' });
    expect(read.bindings.map((b) => [b.resourceType, b.resourceName, b.patternType, b.operations.join(',')])).toEqual([
      ['topic', 'tx-orders', 'LITERAL', 'READ,DESCRIBE'],
      ['topic', 'tx-', 'PREFIXED', 'READ,DESCRIBE'],
      ['group', 'payments-', 'PREFIXED', 'READ,DESCRIBE'],
    ]);
    const admin = planTenantAcls(teams, { principal: 'User:tx', access: 'admin' });
    expect(admin.bindings[0]!.operations).toEqual(['READ', 'DESCRIBE', 'WRITE', 'CREATE', 'DESCRIBE_CONFIGS', 'DELETE', 'ALTER', 'ALTER_CONFIGS']);
    expect(admin.bindings[2]!.operations).toEqual(['READ', 'DESCRIBE']);
    expect(planTenantAcls(teams, { principal: 'User:tx', access: 'write' }).bindings[1]!.operations).toEqual([
      'READ',
      'DESCRIBE',
      'WRITE',
      'CREATE',
      'DESCRIBE_CONFIGS',
    ]);
  });

  it('lists, with a reason, every rule that cannot become a Kafka ACL', () => {
    const plan = planTenantAcls(teams, { principal: 'User:tx', access: 'read' });
    expect(plan.untranslated.map((u) => [u.effect, u.path.join(','), u.reason.split(':')[0]])).toEqual([
      ['include', 'cluster,*,topic,*-refunds', 'suffix patterns such as "*-refunds" cannot be expressed'],
      ['include', 'cluster,prod,group,payments-*', 'the group is granted, but the topics it consumes (inferred resources) are not'],
      ['include', 'cluster,*,broker,*', 'Kafka ACLs have no broker resource'],
      ['include', 'schema,*,subject,tx-*', 'Schema Registry subjects are not Kafka resources and have no Kafka ACLs'],
      ['exclude', 'cluster,*,topic,tx-audit', 'exclusions are not translated'],
    ]);
  });

  it('leaves out rules for other clusters when a cluster is given', () => {
    const plan = planTenantAcls(teams, { principal: 'User:tx', access: 'read', cluster: { id: 'lkc-dev', profileName: 'dev' } });
    expect(plan.bindings.map((b) => b.resourceName)).toEqual(['tx-orders', 'tx-']);
    expect(plan.untranslated.map((u) => u.reason)).toContain('applies to cluster "prod", not to "dev"');
  });

  it('grants a whole cluster or ["*"] as the literal wildcard', () => {
    const plan = planTenantAcls(tenant('      - include: ["*"]'), { principal: 'User:ops', access: 'read' });
    expect(plan.bindings.map((b) => [b.resourceType, b.resourceName, b.patternType])).toEqual([
      ['topic', '*', 'LITERAL'],
      ['group', '*', 'LITERAL'],
    ]);
  });

  it('refuses something that is not a Kafka principal', () => {
    expect(() => planTenantAcls(teams, { principal: 'alice', access: 'read' })).toThrow('"alice" is not a Kafka principal; expected e.g. "User:alice"');
  });
});

describe('ACL output', () => {
  const plan = planTenantAcls(tenant('      - include: ["cluster", "*", "topic", "tx-*"]'), { principal: 'User:tx', access: 'read' });

  it('prints kafka-acls.sh commands', () => {
    expect(toKafkaAclsCommands(plan, 'localhost:9092')).toEqual([
      'kafka-acls.sh --bootstrap-server localhost:9092 --add --allow-principal User:tx --operation Read --operation Describe --topic tx- --resource-pattern-type prefixed',
    ]);
    const wildcard = planTenantAcls(tenant('      - include: ["cluster", "*", "group", "*"]'), { principal: 'User:o', access: 'read' });
    expect(toKafkaAclsCommands(wildcard, 'b:9092')[0]).toContain("--group '*' --resource-pattern-type literal");
  });

  it('produces kafkajs createAcls entries, one per operation', () => {
    expect(toKafkajsAclEntries(plan)).toEqual([
      { resourceType: 2, resourceName: 'tx-', resourcePatternType: 4, principal: 'User:tx', host: '*', operation: 3, permissionType: 3 },
      { resourceType: 2, resourceName: 'tx-', resourcePatternType: 4, principal: 'User:tx', host: '*', operation: 8, permissionType: 3 },
    ]);
  });
});
