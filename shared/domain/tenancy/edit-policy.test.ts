import { describe, expect, it } from 'vitest';
import { addTenant, PolicyEditError, removeTenant, renameTenant, setTenantResources } from './edit-policy';
import { parsePolicyFile } from './policy-file';

const source = `# Tenants for the payments platform.
admin_roles: [kafka-admin]   # approvers
x-review: { owner: platform }

tenants:
  # Transactions sees its own topics.
  - name: "Transactions"
    description: "Transaction event topics."
    resources:
      - include: ["cluster", "*", "topic", "tx-*"]   # every cluster
    roles:
      - tx-team
    owner: platform@example.com
`;

describe('round-trip edits', () => {
  it('renameTenant changes only the name, byte for byte, keeping its quoting', () => {
    expect(renameTenant(source, 'Transactions', 'Tx events')).toBe(source.replace('"Transactions"', '"Tx events"'));
    const plain = source.replace('"Transactions"', 'Transactions');
    expect(renameTenant(plain, 'Transactions', 'Tx')).toBe(plain.replace('name: Transactions', 'name: Tx'));
    expect(renameTenant(plain, 'Transactions', 'Tx: events')).toBe(plain.replace('name: Transactions', 'name: "Tx: events"'));
  });

  it('setTenantResources replaces the rules and keeps everything around them', () => {
    const edited = setTenantResources(source, 'Transactions', [
      { effect: 'include', path: ['cluster', 'prod', 'topic', 'tx-*'] },
      { effect: 'exclude', path: ['cluster', '*', 'topic', 'tx-audit'] },
    ]);
    expect(edited).toContain('# Tenants for the payments platform.');
    // Printing through the Document keeps comments but normalises spacing in flow collections.
    expect(edited).toContain('admin_roles: [ kafka-admin ] # approvers');
    expect(edited).toContain('x-review: { owner: platform }');
    expect(edited).toContain('  # Transactions sees its own topics.');
    expect(edited).toContain('    owner: platform@example.com');
    expect(edited).toContain('      - include: [ cluster, prod, topic, tx-* ]\n      - exclude: [ cluster, "*", topic, tx-audit ]');
    const reparsed = parsePolicyFile(edited);
    expect(reparsed.policy.tenants[0]!.resources.map((rule) => [rule.effect, ...rule.path])).toEqual([
      ['include', 'cluster', 'prod', 'topic', 'tx-*'],
      ['exclude', 'cluster', '*', 'topic', 'tx-audit'],
    ]);
    expect(Object.keys(reparsed.policy)).toEqual(['tenants', 'policies', 'authorizedRoles', 'adminRoles']);
  });

  it('addTenant appends a valid tenant after the existing ones', () => {
    const edited = addTenant(source, {
      name: 'Payments',
      resources: [{ effect: 'include', path: ['cluster', 'prod', 'group', 'payments-*'] }],
      presentationMode: 'HIDE_RESOURCES',
      roles: ['pay-team'],
    });
    expect(edited).toContain('# Tenants for the payments platform.');
    expect(edited).toContain('  # Transactions sees its own topics.');
    expect(edited).toContain('    owner: platform@example.com');
    expect(edited).toContain('  - name: Payments\n    resources:\n      - include: [ cluster, prod, group, payments-* ]');
    const reparsed = parsePolicyFile(edited);
    expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(reparsed.policy.tenants.map((t) => [t.name, t.presentationMode, t.roles])).toEqual([
      ['Transactions', 'DEFAULT', ['tx-team']],
      ['Payments', 'HIDE_RESOURCES', ['pay-team']],
    ]);
  });

  it('addTenant creates the tenants list in a file that has none', () => {
    const edited = addTenant('# empty for now\n', { name: 'All', resources: [{ effect: 'include', path: ['*'] }], roles: ['*'] });
    expect(edited).toContain('# empty for now');
    expect(parsePolicyFile(edited).policy.tenants.map((t) => t.name)).toEqual(['All']);
  });

  it('removeTenant drops one tenant', () => {
    expect(parsePolicyFile(removeTenant(source, 'Transactions')).policy.tenants).toEqual([]);
  });

  it.each([
    { edit: () => renameTenant(source, 'Nope', 'X'), message: 'no tenant named "Nope"; the file has "Transactions"' },
    { edit: () => addTenant(source, { name: 'Transactions', resources: [], roles: ['*'] }), message: 'a tenant named "Transactions" already exists' },
    { edit: () => setTenantResources('tenants: [\n', 'A', []), message: 'the file has YAML syntax errors' },
  ])('refuses: $message', ({ edit, message }) => {
    expect(edit).toThrow(PolicyEditError);
    expect(edit).toThrow(message);
  });
});
