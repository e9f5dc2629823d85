import { beforeEach, describe, expect, it } from 'vitest';
import { parsePolicyFile } from '../../../../shared/domain/tenancy';
import { newPolicyTemplate } from './policy-template';
import { isDirty, suggestedFileName, tenantSource, usePolicyWorkspaceStore } from './workspace-store';

const version = { hash: 'a'.repeat(64), mtimeMs: 1 };

describe('policy workspace document', () => {
  beforeEach(() => usePolicyWorkspaceStore.getState().newDocument());

  it('starts from a valid template with Kpow’s two default tenants', () => {
    const { document } = usePolicyWorkspaceStore.getState();
    expect(document.text).toBe(newPolicyTemplate);
    expect(isDirty(document)).toBe(false);
    expect(suggestedFileName(document)).toBe('rbac.yaml');
    const parsed = parsePolicyFile(newPolicyTemplate);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.policy.tenants.map((tenant) => tenant.name)).toEqual(['Global', 'Kpow Hidden']);
  });

  it('is dirty after an edit until saved, and keeps the editor (same revision) across a save', () => {
    const store = usePolicyWorkspaceStore.getState();
    store.loadDocument({ path: '/policies/teams.yaml', text: 'tenants: []\n', version });
    const { revision } = usePolicyWorkspaceStore.getState().document;
    store.editText('tenants: []\n# edited\n');
    expect(isDirty(usePolicyWorkspaceStore.getState().document)).toBe(true);
    store.markSaved('/policies/teams.yaml', 'tenants: []\n# edited\n', { ...version, mtimeMs: 2 });
    const saved = usePolicyWorkspaceStore.getState().document;
    expect(isDirty(saved)).toBe(false);
    expect(saved.revision).toBe(revision);
    expect(saved.version?.mtimeMs).toBe(2);
    expect(suggestedFileName(saved)).toBe('teams.yaml');
  });

  it('starts the editor over when another document is loaded', () => {
    const before = usePolicyWorkspaceStore.getState().document.revision;
    usePolicyWorkspaceStore.getState().loadDocument({ path: 'C:\\ops\\rbac.yaml', text: 'tenants: []\n', version });
    expect(usePolicyWorkspaceStore.getState().document.revision).toBe(before + 1);
    expect(suggestedFileName(usePolicyWorkspaceStore.getState().document)).toBe('rbac.yaml');
  });
});

describe('tenants shown for the open document (issue 17)', () => {
  const valid = parsePolicyFile('tenants:\n  - name: "Team A"\n    resources:\n      - include:\n          - ["*"]\n    roles: ["*"]\n');
  const broken = parsePolicyFile('tenants:\n  - name: "Team A"\n    resources: [\n');

  it('uses the text when it parses', () => {
    expect(tenantSource(valid, null)).toMatchObject({ kind: 'current', defaults: false, tenants: [{ name: 'Team A' }] });
  });

  it('keeps the last valid text’s tenants, never Kpow’s defaults, while the text does not parse', () => {
    expect(broken.valid).toBe(false);
    const source = tenantSource(broken, valid);
    expect(source).toMatchObject({ kind: 'last-valid', tenants: [{ name: 'Team A' }] });
    expect(source.kind === 'last-valid' && source.errors).toBeGreaterThan(0);
  });

  it('shows no tenant at all when the document never parsed', () => {
    expect(tenantSource(broken, null)).toMatchObject({ kind: 'unparsed', tenants: [] });
  });

  it('says so when a valid file configures no tenants and the defaults apply', () => {
    expect(tenantSource(parsePolicyFile('policies: []\n'), null)).toMatchObject({ kind: 'current', defaults: true, tenants: [{ name: 'Global' }, { name: 'Kpow Hidden' }] });
  });
});
