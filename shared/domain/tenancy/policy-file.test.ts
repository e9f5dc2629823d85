import { describe, expect, it } from 'vitest';
import { formatDiagnostic, parsePolicyFile } from './policy-file';

const seedDefaults = `tenants:
  - name: "Global"
    description: "All configured Kafka resources."
    resources:
      - include:
          - [ "*" ]
    roles:
      - "*"
  - name: "Kpow Hidden"
    description: "All configured Kafka resources except internal Kpow resources and __consumer_offsets."
    resources:
      - include:
          - [ "*" ]
      - exclude:
          - [ "cluster", "*", "topic", "oprtr*" ]
          - [ "cluster", "*", "topic", "__oprtr*" ]
          - [ "cluster", "*", "topic", "__consumer_offsets" ]
          - [ "cluster", "*", "group", "oprtr*" ]
    roles:
      - "*"
`;

describe('parsePolicyFile: the model', () => {
  it("reads the documentation's default tenants", () => {
    const result = parsePolicyFile(seedDefaults);
    expect(result.valid).toBe(true);
    expect(result.diagnostics).toEqual([]);
    const [global, hidden] = result.policy.tenants;
    expect(global).toMatchObject({ name: 'Global', roles: ['*'], presentationMode: 'DEFAULT' });
    expect(global!.resources).toEqual([{ effect: 'include', path: ['*'], pattern: { kind: 'all' } }]);
    expect(hidden!.resources.map((rule) => [rule.effect, rule.path.join(',')])).toEqual([
      ['include', '*'],
      ['exclude', 'cluster,*,topic,oprtr*'],
      ['exclude', 'cluster,*,topic,__oprtr*'],
      ['exclude', 'cluster,*,topic,__consumer_offsets'],
      ['exclude', 'cluster,*,group,oprtr*'],
    ]);
    expect(hidden!.resources[1]!.pattern).toEqual({
      kind: 'resource',
      domain: 'cluster',
      id: { kind: 'any' },
      type: 'topic',
      name: { kind: 'prefix', value: 'oprtr' },
    });
  });

  it('accepts one path or a list of paths under include/exclude', () => {
    const single = parsePolicyFile('tenants:\n  - name: A\n    resources:\n      - include: ["cluster","*","topic","tx-*"]\n    roles: ["*"]\n');
    const list = parsePolicyFile('tenants:\n  - name: A\n    resources:\n      - include:\n        - ["cluster","*","topic","tx-*"]\n    roles: ["*"]\n');
    expect(single.diagnostics).toEqual([]);
    expect(single.policy.tenants[0]!.resources).toEqual(list.policy.tenants[0]!.resources);
  });

  it('reads policies, resolving older action names, and keeps authorized_roles and admin_roles', () => {
    const result = parsePolicyFile(`authorized_roles: ["*"]
admin_roles: [kafka-admin]
policies:
  - actions: [TOPIC_INSPECT, CONNECT_EDIT, TOPIC_PRODUCE]
    effect: Allow
    resource: ["cluster", "*", "topic", "tx-*"]
    role: tx-team
  - resource: ["cluster", "N9xnGujkR32eYxHICeaHuQ"]
    effect: Stage
    roles: [a, b]
`);
    expect(result.diagnostics).toEqual([]);
    expect(result.policy.authorizedRoles).toEqual(['*']);
    expect(result.policy.adminRoles).toEqual(['kafka-admin']);
    expect(result.policy.policies[0]).toMatchObject({
      actions: ['TOPIC_DATA_QUERY', 'CONNECT_ALTER_STATE', 'CONNECT_EDIT_CONFIG', 'TOPIC_PRODUCE'],
      effect: 'Allow',
      roles: ['tx-team'],
    });
    expect(result.policy.policies[1]).toMatchObject({ actions: '*', effect: 'Stage', roles: ['a', 'b'] });
  });

  it('formats diagnostics as file:line:column: severity: message', () => {
    const [diagnostic] = parsePolicyFile('tenants: 3\n').diagnostics;
    expect(formatDiagnostic('rbac.yaml', diagnostic!)).toBe('rbac.yaml:1:10: error: "tenants" must be a list of tenants');
  });
});

/** Wraps tenant lines (indented 4) into a file whose line 3 is the first tenant key. */
const tenantFile = (...lines: string[]) => `tenants:\n  - name: "T"\n${lines.join('\n')}\n`;

describe('parsePolicyFile: every problem at its line and column', () => {
  const table: Array<{ problem: string; text: string; expected: Array<[string, number, number, string]> }> = [
    {
      problem: 'YAML syntax error',
      text: 'tenants:\n  - name: "Broken"\n    resources:\n      - include: ["cluster", "*", "topic", "a-*"\n    roles: ["*"]\n',
      expected: [['error', 5, 5, 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    },
    {
      problem: 'empty file',
      text: '',
      expected: [['error', 1, 1, 'the file is empty; expected a map with a "tenants" and/or "policies" list']],
    },
    {
      problem: 'top level is not a map',
      text: '- name: x\n',
      expected: [['error', 1, 1, 'the top level must be a map with "tenants", "policies", "authorized_roles" or "admin_roles"']],
    },
    {
      problem: 'unknown top-level key (warning)',
      text: 'tenant:\n  - name: x\n',
      expected: [['warning', 1, 1, 'unknown top-level key "tenant" is kept but ignored']],
    },
    {
      problem: 'missing name, resources and roles',
      text: 'tenants:\n  - description: "nothing else"\n',
      expected: [
        ['error', 2, 5, 'tenant has no "name"'],
        ['error', 2, 5, 'tenant has no "resources" (a list of include:/exclude: entries)'],
        ['error', 2, 5, 'tenant has no "roles" (use - "*" for every role)'],
      ],
    },
    {
      problem: 'duplicate name',
      text: 'tenants:\n  - name: A\n    resources: [include: ["*"]]\n    roles: ["*"]\n  - name: A\n    resources: [include: ["*"]]\n    roles: ["*"]\n',
      expected: [['error', 5, 11, 'duplicate tenant name "A" (first defined on line 2)']],
    },
    {
      problem: 'empty roles',
      text: tenantFile('    resources: [include: ["*"]]', '    roles: []'),
      expected: [['error', 4, 12, 'tenant "roles" is empty: no one could use this tenant']],
    },
    {
      problem: 'roles not a list',
      text: tenantFile('    resources: [include: ["*"]]', '    roles: admin'),
      expected: [['error', 4, 12, 'tenant "roles" must be a list of strings, found "admin"']],
    },
    {
      problem: 'unknown key inside a tenant (warning)',
      text: tenantFile('    resources: [include: ["*"]]', '    roles: ["*"]', '    colour: blue'),
      expected: [['warning', 5, 5, 'unknown tenant key "colour" is kept but ignored (expected name, description, resources, presentation_mode, roles)']],
    },
    {
      problem: 'unknown presentation_mode',
      text: tenantFile('    resources: [include: ["*"]]', '    presentation_mode: COMPACT', '    roles: ["*"]'),
      expected: [['error', 4, 24, 'unknown presentation_mode "COMPACT"; expected "DEFAULT" or "HIDE_RESOURCES"']],
    },
    {
      problem: 'resources entry that is neither include nor exclude',
      text: tenantFile('    resources:', '      - allow: ["*"]', '    roles: ["*"]'),
      expected: [['error', 4, 9, 'unknown resources entry "allow"; expected "include" or "exclude"']],
    },
    {
      problem: 'unknown resource type',
      text: tenantFile('    resources:', '      - include: ["cluster", "*", "topics", "tx-*"]', '    roles: ["*"]'),
      expected: [['error', 4, 35, 'unknown cluster resource type "topics" in ["cluster","*","topics","tx-*"]; expected "topic" or "group" or "broker" or "principal"']],
    },
    {
      problem: 'unknown resource domain',
      text: tenantFile('    resources:', '      - include: ["kafka", "*"]', '    roles: ["*"]'),
      expected: [['error', 4, 19, 'unknown resource "kafka" in ["kafka","*"]; expected "*", "cluster", "schema", "connect", "ksqldb"']],
    },
    {
      problem: '* in the middle of a name',
      text: tenantFile('    resources:', '      - include:', '          - ["cluster", "*", "topic", "tx*audit"]', '    roles: ["*"]'),
      expected: [
        ['error', 5, 39, 'invalid name pattern "tx*audit": "*" may stand alone or start or end a pattern (exact, prefix*, *suffix) in ["cluster","*","topic","tx*audit"]'],
      ],
    },
    {
      problem: 'wrong arity: type without name',
      text: tenantFile('    resources:', '      - include: ["connect", "*", "connector"]', '    roles: ["*"]'),
      expected: [['error', 4, 18, '["connect","*","connector"] needs a name pattern after "connector"']],
    },
    {
      problem: 'wrong arity: too long',
      text: tenantFile('    resources:', '      - include: ["cluster", "*", "topic", "a", "b"]', '    roles: ["*"]'),
      expected: [['error', 4, 49, '["cluster","*","topic","a","b"] has 5 elements; a resource path has at most 4']],
    },
    {
      problem: '["*"] with more elements',
      text: tenantFile('    resources:', '      - exclude: ["*", "topic"]', '    roles: ["*"]'),
      expected: [['error', 4, 24, '["*"] takes nothing after it, found ["*","topic"]']],
    },
    {
      problem: 'a path element that is not a string',
      text: tenantFile('    resources:', '      - include: ["cluster", "*", "topic", [tx]]', '    roles: ["*"]'),
      expected: [['error', 4, 44, 'resource path elements must be strings, found a list; e.g. ["cluster", "*", "topic", "tx-*"]']],
    },
    {
      problem: 'a list of paths with a stray string',
      text: tenantFile('    resources:', '      - exclude:', '          - ["cluster", "*", "topic", "a"]', '          - "b"', '    roles: ["*"]'),
      expected: [['error', 6, 13, '"exclude" holds a list of paths, but found "b"; write each path as a list']],
    },
    {
      problem: 'unknown action name in a policy',
      text: 'policies:\n  - actions: [TOPIC_READ]\n    effect: Allow\n    resource: ["*"]\n    role: ops\n',
      expected: [['error', 2, 15, 'unknown action "TOPIC_READ"']],
    },
    {
      problem: 'effect other than Allow, Deny, Stage',
      text: 'policies:\n  - actions: ["*"]\n    effect: Permit\n    resource: ["*"]\n    role: ops\n',
      expected: [['error', 3, 13, 'unknown effect "Permit"; expected "Allow", "Deny" or "Stage"']],
    },
    {
      problem: 'a pattern as cluster id',
      text: tenantFile('    resources:', '      - include: ["cluster", "prod-*"]', '    roles: ["*"]'),
      expected: [['error', 4, 30, 'id "prod-*" in ["cluster","prod-*"] cannot be a pattern: use the exact id, the profile name, or "*"']],
    },
    {
      problem: 'empty actions (warning)',
      text: 'policies:\n  - actions: []\n    effect: Allow\n    resource: ["*"]\n    role: ops\n',
      expected: [['warning', 2, 14, 'policy "actions" is empty: the policy applies to no action']],
    },
    {
      problem: 'policy without role and resource',
      text: 'policies:\n  - actions: ["*"]\n    effect: Deny\n',
      expected: [
        ['error', 2, 5, 'policy has no "resource"'],
        ['error', 2, 5, 'policy has no "role" or "roles"'],
      ],
    },
  ];

  it.each(table)('$problem', ({ text, expected }) => {
    const result = parsePolicyFile(text);
    expect(result.diagnostics.map((d) => [d.severity, d.line, d.column, d.message])).toEqual(expected);
    expect(result.valid).toBe(expected.every(([severity]) => severity === 'warning'));
  });
});
