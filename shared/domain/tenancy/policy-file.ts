// Reads a Kpow RBAC YAML file (tenants, policies, authorized_roles, admin_roles) into the tenancy
// model and reports every problem at the line and column of the node that causes it, so the CLI
// prints `file:line:column:` and the editor can place a marker on the exact token.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
} from 'yaml';
import { resolveActionName, type KpowAction } from './actions';
import { parseResourcePath, type ResourcePath, type ResourcePattern } from './resource-path';

export type PresentationMode = 'DEFAULT' | 'HIDE_RESOURCES';
export const presentationModes: readonly PresentationMode[] = ['DEFAULT', 'HIDE_RESOURCES'];

export type RuleEffect = 'include' | 'exclude';

export interface TenantResourceRule {
  effect: RuleEffect;
  path: ResourcePath;
  pattern: ResourcePattern;
}

/** Offsets into the source text, for editor markers and "go to tenant". */
export interface SourceSpan {
  from: number;
  to: number;
}

export interface Tenant {
  name: string;
  description?: string;
  resources: TenantResourceRule[];
  presentationMode: PresentationMode;
  /** `"*"` makes the tenant available to every role. */
  roles: string[];
  span?: SourceSpan;
}

export type PolicyEffect = 'Allow' | 'Deny' | 'Stage';
export const policyEffects: readonly PolicyEffect[] = ['Allow', 'Deny', 'Stage'];

export interface RbacPolicy {
  /** Current action names (legacy names already resolved), or `"*"` for every action. */
  actions: '*' | KpowAction[];
  effect: PolicyEffect;
  resource: ResourcePath;
  pattern: ResourcePattern;
  /** From `role:` or `roles:`; `"*"` is held by everyone. */
  roles: string[];
  span?: SourceSpan;
}

export interface TenantPolicy {
  tenants: Tenant[];
  policies: RbacPolicy[];
  /** null when the key is absent (Kpow then authorizes any role named in the file). */
  authorizedRoles: string[] | null;
  adminRoles: string[] | null;
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface PolicyDiagnostic {
  severity: DiagnosticSeverity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  from: number;
  to: number;
}

export interface PolicyParseResult {
  policy: TenantPolicy;
  diagnostics: PolicyDiagnostic[];
  /** No error-level diagnostics (warnings allowed). */
  valid: boolean;
}

/** `file:line:column: severity: message`, the form compilers and editors understand. */
export function formatDiagnostic(file: string, diagnostic: PolicyDiagnostic): string {
  return `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`;
}

const topLevelKeys = new Set(['tenants', 'policies', 'authorized_roles', 'admin_roles']);
const tenantKeys = new Set(['name', 'description', 'resources', 'presentation_mode', 'roles']);
const policyKeys = new Set(['actions', 'effect', 'resource', 'role', 'roles']);

export function parsePolicyFile(text: string): PolicyParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const reader = new PolicyReader(doc, lineCounter, text.length);
  const policy = reader.read();
  const diagnostics = reader.diagnostics.sort((a, b) => a.from - b.from);
  return { policy, diagnostics, valid: diagnostics.every((d) => d.severity !== 'error') };
}

class PolicyReader {
  readonly diagnostics: PolicyDiagnostic[] = [];

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly textLength: number,
  ) {}

  read(): TenantPolicy {
    const policy: TenantPolicy = { tenants: [], policies: [], authorizedRoles: null, adminRoles: null };
    for (const error of this.doc.errors) this.reportAt('error', error.pos[0], error.pos[1], `YAML syntax: ${firstLine(error.message)}`);
    for (const warning of this.doc.warnings) this.reportAt('warning', warning.pos[0], warning.pos[1], `YAML: ${firstLine(warning.message)}`);
    if (this.doc.errors.length > 0) return policy;

    const root = this.deref(this.doc.contents);
    if (root === null || (isScalar(root) && root.value === null)) {
      this.reportAt('error', 0, 0, 'the file is empty; expected a map with a "tenants" and/or "policies" list');
      return policy;
    }
    if (!isMap(root)) {
      this.report('error', root, 'the top level must be a map with "tenants", "policies", "authorized_roles" or "admin_roles"');
      return policy;
    }
    for (const pair of root.items) {
      const key = this.keyText(pair.key);
      const value = this.deref(pair.value as YamlNode | null);
      switch (key) {
        case 'tenants':
          policy.tenants = this.readTenants(value, pair.key as YamlNode);
          break;
        case 'policies':
          policy.policies = this.readPolicies(value, pair.key as YamlNode);
          break;
        case 'authorized_roles':
          policy.authorizedRoles = this.readStringList(value, pair.key as YamlNode, 'authorized_roles');
          break;
        case 'admin_roles':
          policy.adminRoles = this.readStringList(value, pair.key as YamlNode, 'admin_roles');
          break;
        default:
          if (key !== null && !topLevelKeys.has(key)) {
            this.report('warning', pair.key as YamlNode, `unknown top-level key ${JSON.stringify(key)} is kept but ignored`);
          }
      }
    }
    return policy;
  }

  private readTenants(value: YamlNode | null, keyNode: YamlNode): Tenant[] {
    if (!isSeq(value)) {
      this.report('error', value ?? keyNode, '"tenants" must be a list of tenants');
      return [];
    }
    const tenants: Tenant[] = [];
    const firstLineByName = new Map<string, number>();
    for (const item of value.items) {
      const node = this.deref(item as YamlNode);
      if (!isMap(node)) {
        this.report('error', node ?? value, 'each tenant must be a map with name, resources and roles');
        continue;
      }
      const tenant = this.readTenant(node);
      if (tenant === null) continue;
      const nameNode = this.deref(node.get('name', true) as YamlNode);
      const firstDefinedOn = firstLineByName.get(tenant.name);
      if (firstDefinedOn !== undefined) {
        this.report('error', nameNode ?? node, `duplicate tenant name ${JSON.stringify(tenant.name)} (first defined on line ${firstDefinedOn})`);
        continue;
      }
      firstLineByName.set(tenant.name, this.position(nameNode ?? node).line);
      tenants.push(tenant);
    }
    return tenants;
  }

  private readTenant(node: YAMLMap): Tenant | null {
    let name: string | null = null;
    let description: string | undefined;
    let resources: TenantResourceRule[] | null = null;
    let presentationMode: PresentationMode = 'DEFAULT';
    let roles: string[] | null = null;
    for (const pair of node.items) {
      const key = this.keyText(pair.key);
      const keyNode = pair.key as YamlNode;
      const value = this.deref(pair.value as YamlNode | null);
      switch (key) {
        case 'name':
          name = this.readString(value, keyNode, 'tenant "name"');
          if (name !== null && name.trim() === '') {
            this.report('error', value ?? keyNode, 'tenant "name" must not be empty');
            name = null;
          }
          break;
        case 'description':
          description = this.readString(value, keyNode, 'tenant "description"') ?? undefined;
          break;
        case 'resources':
          resources = this.readResourceRules(value, keyNode);
          break;
        case 'presentation_mode': {
          const mode = this.readString(value, keyNode, '"presentation_mode"');
          if (mode !== null && (presentationModes as readonly string[]).includes(mode)) presentationMode = mode as PresentationMode;
          else if (mode !== null) {
            this.report('error', value ?? keyNode, `unknown presentation_mode ${JSON.stringify(mode)}; expected "DEFAULT" or "HIDE_RESOURCES"`);
          }
          break;
        }
        case 'roles':
          roles = this.readStringList(value, keyNode, 'tenant "roles"');
          if (roles !== null && roles.length === 0) this.report('error', value ?? keyNode, 'tenant "roles" is empty: no one could use this tenant');
          break;
        default:
          if (key !== null && !tenantKeys.has(key)) {
            this.report('warning', keyNode, `unknown tenant key ${JSON.stringify(key)} is kept but ignored (expected ${[...tenantKeys].join(', ')})`);
          }
      }
    }
    const label = name === null ? 'tenant' : `tenant ${JSON.stringify(name)}`;
    if (name === null && !node.has('name')) this.report('error', node, 'tenant has no "name"');
    if (!node.has('resources')) this.report('error', node, `${label} has no "resources" (a list of include:/exclude: entries)`);
    if (!node.has('roles')) this.report('error', node, `${label} has no "roles" (use - "*" for every role)`);
    if (name === null) return null;
    const tenant: Tenant = {
      name,
      resources: resources ?? [],
      presentationMode,
      roles: roles ?? [],
      span: this.span(node),
    };
    if (description !== undefined) tenant.description = description;
    return tenant;
  }

  private readResourceRules(value: YamlNode | null, keyNode: YamlNode): TenantResourceRule[] {
    if (!isSeq(value)) {
      this.report('error', value ?? keyNode, '"resources" must be a list of include: or exclude: entries');
      return [];
    }
    if (value.items.length === 0) this.report('error', value, '"resources" is empty: the tenant would show nothing');
    const rules: TenantResourceRule[] = [];
    for (const item of value.items) {
      const entry = this.deref(item as YamlNode);
      if (!isMap(entry) || entry.items.length !== 1) {
        this.report('error', entry ?? value, 'each resources entry must be a map with exactly one key, "include" or "exclude"');
        continue;
      }
      const pair = entry.items[0]!;
      const effect = this.keyText(pair.key);
      if (effect !== 'include' && effect !== 'exclude') {
        this.report('error', pair.key as YamlNode, `unknown resources entry ${JSON.stringify(effect)}; expected "include" or "exclude"`);
        continue;
      }
      for (const { path, node } of this.readPathList(this.deref(pair.value as YamlNode | null), pair.key as YamlNode, effect)) {
        const pattern = this.checkPath(path, node);
        if (pattern !== null) rules.push({ effect, path, pattern });
      }
    }
    return rules;
  }

  /** Accepts one path (`include: ["cluster", "*"]`) or a list of paths (`include: [["*"], [...]]`). */
  private readPathList(value: YamlNode | null, keyNode: YamlNode, effect: string): Array<{ path: string[]; node: YamlNode }> {
    if (!isSeq(value) || value.items.length === 0) {
      this.report('error', value ?? keyNode, `"${effect}" must hold a resource path such as ["cluster", "*", "topic", "tx-*"] or a list of them`);
      return [];
    }
    const items = value.items.map((item) => this.deref(item as YamlNode));
    // The first element decides the form: a string starts one path, a list starts a list of paths.
    if (!isSeq(items[0])) {
      const path = this.readPathElements(value);
      return path === null ? [] : [{ path, node: value }];
    }
    const paths: Array<{ path: string[]; node: YamlNode }> = [];
    for (const item of items) {
      if (!isSeq(item)) {
        this.report('error', item ?? value, `"${effect}" holds a list of paths, but found ${describe(item)}; write each path as a list`);
        continue;
      }
      const path = this.readPathElements(item);
      if (path !== null) paths.push({ path, node: item });
    }
    return paths;
  }

  private readPathElements(seq: YamlNode): string[] | null {
    if (!isSeq(seq)) return null;
    const path: string[] = [];
    for (const item of seq.items) {
      const node = this.deref(item as YamlNode);
      if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) path.push(String(node.value));
      else {
        this.report('error', node ?? seq, `resource path elements must be strings, found ${describe(node)}; e.g. ["cluster", "*", "topic", "tx-*"]`);
        return null;
      }
    }
    return path;
  }

  private checkPath(path: string[], node: YamlNode): ResourcePattern | null {
    const parsed = parseResourcePath(path);
    if (parsed.ok) return parsed.pattern;
    const elements = isSeq(node) ? node.items : [];
    const at = parsed.problem.index >= 0 ? (this.deref(elements[parsed.problem.index] as YamlNode) ?? node) : node;
    this.report('error', at, parsed.problem.message);
    return null;
  }

  private readPolicies(value: YamlNode | null, keyNode: YamlNode): RbacPolicy[] {
    if (!isSeq(value)) {
      this.report('error', value ?? keyNode, '"policies" must be a list of policies');
      return [];
    }
    const policies: RbacPolicy[] = [];
    for (const item of value.items) {
      const node = this.deref(item as YamlNode);
      if (!isMap(node)) {
        this.report('error', node ?? value, 'each policy must be a map with actions, effect, resource and role');
        continue;
      }
      const policy = this.readPolicy(node);
      if (policy !== null) policies.push(policy);
    }
    return policies;
  }

  private readPolicy(node: YAMLMap): RbacPolicy | null {
    let actions: '*' | KpowAction[] | null = '*';
    let effect: PolicyEffect | null = null;
    let resource: { path: string[]; pattern: ResourcePattern } | null = null;
    let roles: string[] | null = null;
    let valid = true;
    for (const pair of node.items) {
      const key = this.keyText(pair.key);
      const keyNode = pair.key as YamlNode;
      const value = this.deref(pair.value as YamlNode | null);
      switch (key) {
        case 'actions':
          actions = this.readActions(value, keyNode);
          break;
        case 'effect': {
          const text = this.readString(value, keyNode, 'policy "effect"');
          if (text !== null && (policyEffects as readonly string[]).includes(text)) effect = text as PolicyEffect;
          else if (text !== null) this.report('error', value ?? keyNode, `unknown effect ${JSON.stringify(text)}; expected "Allow", "Deny" or "Stage"`);
          break;
        }
        case 'resource': {
          const path = isSeq(value) ? this.readPathElements(value) : null;
          if (!isSeq(value)) this.report('error', value ?? keyNode, 'policy "resource" must be a path such as ["cluster", "*"]');
          const pattern = path === null || value === null ? null : this.checkPath(path, value);
          if (path !== null && pattern !== null) resource = { path, pattern };
          break;
        }
        case 'role': {
          const role = this.readString(value, keyNode, 'policy "role"');
          if (role !== null) roles = [...(roles ?? []), role];
          break;
        }
        case 'roles': {
          const list = this.readStringList(value, keyNode, 'policy "roles"');
          if (list !== null) roles = [...(roles ?? []), ...list];
          break;
        }
        default:
          if (key !== null && !policyKeys.has(key)) this.report('warning', keyNode, `unknown policy key ${JSON.stringify(key)} is kept but ignored`);
      }
    }
    if (!node.has('effect')) {
      this.report('error', node, 'policy has no "effect" (Allow, Deny or Stage)');
      valid = false;
    }
    if (!node.has('resource')) {
      this.report('error', node, 'policy has no "resource"');
      valid = false;
    }
    if (!node.has('role') && !node.has('roles')) {
      this.report('error', node, 'policy has no "role" or "roles"');
      valid = false;
    }
    if (!valid || actions === null || effect === null || resource === null || roles === null) return null;
    return { actions, effect, resource: resource.path, pattern: resource.pattern, roles, span: this.span(node) };
  }

  /** A missing `actions` key means every action, as in Kpow's own examples. */
  private readActions(value: YamlNode | null, keyNode: YamlNode): '*' | KpowAction[] | null {
    if (isScalar(value) && value.value === '*') return '*';
    if (!isSeq(value)) {
      this.report('error', value ?? keyNode, 'policy "actions" must be a list of action names or "*"');
      return null;
    }
    const actions = new Set<KpowAction>();
    let all = false;
    let valid = true;
    for (const item of value.items) {
      const node = this.deref(item as YamlNode);
      const name = isScalar(node) && typeof node.value === 'string' ? node.value : null;
      if (name === '*') {
        all = true;
        continue;
      }
      const resolved = name === null ? null : resolveActionName(name);
      if (resolved === null) {
        this.report('error', node ?? value, `unknown action ${JSON.stringify(name ?? String(isScalar(node) ? node.value : node))}`);
        valid = false;
        continue;
      }
      for (const action of resolved) actions.add(action);
    }
    if (!valid) return null;
    if (!all && actions.size === 0) this.report('warning', value, 'policy "actions" is empty: the policy applies to no action');
    return all ? '*' : [...actions];
  }

  private readString(value: YamlNode | null, keyNode: YamlNode, what: string): string | null {
    if (isScalar(value) && typeof value.value === 'string') return value.value;
    this.report('error', value ?? keyNode, `${what} must be a string, found ${describe(value)}`);
    return null;
  }

  private readStringList(value: YamlNode | null, keyNode: YamlNode, what: string): string[] | null {
    if (!isSeq(value)) {
      this.report('error', value ?? keyNode, `${what} must be a list of strings, found ${describe(value)}`);
      return null;
    }
    const list: string[] = [];
    for (const item of value.items) {
      const node = this.deref(item as YamlNode);
      if (isScalar(node) && typeof node.value === 'string') list.push(node.value);
      else this.report('error', node ?? value, `${what} must contain strings only, found ${describe(node)}`);
    }
    return list;
  }

  private keyText(key: unknown): string | null {
    return isScalar(key) && typeof key.value === 'string' ? key.value : null;
  }

  private deref(node: YamlNode | null | undefined): YamlNode | null {
    if (node === null || node === undefined) return null;
    return isAlias(node) ? ((node.resolve(this.doc) as YamlNode | undefined) ?? null) : node;
  }

  private span(node: YamlNode): SourceSpan {
    const range = node.range ?? [0, 0, 0];
    return { from: range[0], to: range[1] };
  }

  private position(node: YamlNode): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0);
    return { line, column: col };
  }

  private report(severity: DiagnosticSeverity, node: YamlNode, message: string): void {
    const range = node.range ?? [0, 0, 0];
    this.reportAt(severity, range[0], range[1], message);
  }

  private reportAt(severity: DiagnosticSeverity, from: number, to: number, message: string): void {
    const start = Math.min(from, this.textLength);
    const { line, col } = this.lineCounter.linePos(start);
    this.diagnostics.push({ severity, message, line, column: col, from: start, to: Math.max(start, Math.min(to, this.textLength)) });
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function describe(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value);
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  return 'an unexpected value';
}

