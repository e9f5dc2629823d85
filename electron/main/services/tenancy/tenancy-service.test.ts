import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/ipc/result';
import { createQueuedDialogs } from '../../platform/node-ports';
import { createMemoryTenancySettingsRepo } from './tenancy-settings';
import { createTenancyService } from './tenancy-service';
import { resolveTenancy } from './tenancy-state';
import { parsePolicyFile } from '../../../../shared/domain/tenancy';

const twoTenants = `
policies:
  - actions: [TOPIC_DATA_QUERY]
    effect: Allow
    resource: ["cluster", "*"]
    role: payments
tenants:
  - name: Payments
    resources:
      - include: ["cluster", "*", "topic", "pay-*"]
    roles: [payments]
  - name: Orders
    presentation_mode: HIDE_RESOURCES
    resources:
      - include: ["cluster", "*", "topic", "orders-*"]
      - include: ["schema", "*"]
    roles: [orders, admins]
`;

describe('resolveTenancy (the state machine, pure)', () => {
  const base = { profileId: 'p', profileName: 'prod', attachment: { path: '/x/rbac.yaml', attachedTo: 'profile' as const } };
  const loaded = (text: string) => ({ readable: true as const, parsed: parsePolicyFile(text) });

  it('is none without a policy file, and leaves the cluster unrestricted', () => {
    const resolved = resolveTenancy({ ...base, attachment: null, loaded: null, stored: {} });
    expect(resolved.state).toMatchObject({ status: 'none', policy: null, activeTenant: null });
    expect(resolved.refusal).toBeNull();
  });

  it('offers every role named in the file (not "*"), selects all by default, and asks to choose between several tenants', () => {
    const resolved = resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: {} });
    expect(resolved.state.status).toBe('choose');
    expect(resolved.state.roles).toEqual({ available: ['admins', 'orders', 'payments'], selected: ['admins', 'orders', 'payments'] });
    expect(resolved.state.tenants.map((tenant) => tenant.name)).toEqual(['Payments', 'Orders']);
    expect(resolved.state.policy?.hasPolicies).toBe(true);
    expect(resolved.refusal).toBe("Choose a tenant first: profile 'prod' has 2 tenants available.");
  });

  it('enters the only tenant the selected roles may use', () => {
    const resolved = resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: { roles: ['payments'] } });
    expect(resolved.state).toMatchObject({ status: 'active', activeTenant: 'Payments', roles: { selected: ['payments'] } });
    expect(resolved.tenant?.name).toBe('Payments');
  });

  it('restores the last tenant while it is still available, and forgets it when the roles no longer reach it', () => {
    expect(resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: { lastTenant: 'Orders' } }).state.activeTenant).toBe('Orders');
    expect(resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: { lastTenant: 'Orders', roles: ['payments'] } }).state.activeTenant).toBe('Payments');
  });

  it('HIDE_RESOURCES hides the sections no include rule reaches', () => {
    const resolved = resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: { lastTenant: 'Orders' } });
    expect(resolved.state.navigation).toEqual({ schemas: true, connect: false, ksqldb: false });
    const payments = resolveTenancy({ ...base, loaded: loaded(twoTenants), stored: { lastTenant: 'Payments' } });
    expect(payments.state.navigation).toEqual({ schemas: true, connect: true, ksqldb: true });
  });

  it('offers the built-in Global and Kpow Hidden tenants when the file configures none', () => {
    const resolved = resolveTenancy({ ...base, loaded: loaded('policies: []\n'), stored: {} });
    expect(resolved.state.tenants).toMatchObject([{ name: 'Global', builtIn: true }, { name: 'Kpow Hidden', builtIn: true }]);
    expect(resolved.state.status).toBe('choose');
  });

  it('is invalid, with every problem and a refusal naming the file, line and column, when the file has errors', () => {
    const resolved = resolveTenancy({ ...base, loaded: loaded('tenants:\n  - name: A\n    resources: []\n    roles: [x]\n  - name: A\n    roles: [x]\n'), stored: {} });
    expect(resolved.state.status).toBe('invalid');
    expect(resolved.state.policy?.problems.length).toBeGreaterThan(0);
    expect(resolved.refusal).toMatch(/^Profile 'prod' has a policy file with \d+ errors? \(rbac\.yaml:\d+:\d+ .*\); fix it in the policy workspace\.$/);
  });

  it('is invalid when the file cannot be read', () => {
    const resolved = resolveTenancy({ ...base, loaded: { readable: false, message: '/x/rbac.yaml does not exist' }, stored: {} });
    expect(resolved.state).toMatchObject({ status: 'invalid', policy: { problems: [{ severity: 'error', message: '/x/rbac.yaml does not exist' }] } });
    expect(resolved.refusal).toContain('cannot be read');
  });
});

describe('TenancyService', () => {
  let dir: string;
  let answers: string[];
  const profiles: Record<string, string> = { prod: 'Production', dev: 'Development' };
  const create = (settings = createMemoryTenancySettingsRepo()) =>
    createTenancyService({
      settings,
      dialogs: createQueuedDialogs(answers),
      profileName: async (id) => {
        const name = profiles[id];
        if (name === undefined) throw new AppFailure('NOT_FOUND', `There is no connection profile '${id}'.`);
        return name;
      },
    });
  const failureOf = async (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as AppFailure);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'odradek-tenancy-'));
    answers = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('attaches a file from the dialog, then choose → enter → remembered across service instances', async () => {
    const path = join(dir, 'rbac.yaml');
    writeFileSync(path, twoTenants);
    const settings = createMemoryTenancySettingsRepo();
    const service = create(settings);
    answers.push(path);
    expect(await service.attachPolicy({ scope: 'profile', profileId: 'prod' })).toEqual({ path });
    expect((await service.state('prod')).status).toBe('choose');
    expect(await failureOf(service.access('prod'))).toMatchObject({ code: 'NOT_ALLOWED', message: "Choose a tenant first: profile 'Production' has 2 tenants available." });
    expect(await service.enter('prod', 'Orders')).toMatchObject({ status: 'active', activeTenant: 'Orders' });
    expect(await create(settings).state('prod')).toMatchObject({ status: 'active', activeTenant: 'Orders' });
    expect(await service.access('prod')).toMatchObject({ kind: 'tenant', tenant: { name: 'Orders' }, roles: ['admins', 'orders', 'payments'] });
    // Another profile is untouched by a profile's own file.
    expect(await service.access('dev')).toEqual({ kind: 'unrestricted', profileName: 'Development' });
  });

  it('a cancelled dialog attaches nothing', async () => {
    const service = create();
    expect(await service.attachPolicy({ scope: 'app' })).toEqual({ path: null });
    expect((await service.state('prod')).status).toBe('none');
  });

  it('the app-wide file applies to every profile without its own; detaching returns to none', async () => {
    const path = join(dir, 'app.yaml');
    writeFileSync(path, twoTenants);
    const service = create();
    answers.push(path);
    await service.attachPolicy({ scope: 'app' });
    expect(await service.state('dev')).toMatchObject({ status: 'choose', policy: { path, attachedTo: 'app' } });
    expect(await service.detachPolicy({ scope: 'app' })).toEqual({ detached: true });
    expect(await service.detachPolicy({ scope: 'app' })).toEqual({ detached: false });
    expect((await service.state('dev')).status).toBe('none');
  });

  it('selecting roles narrows the tenants and auto-enters a single one; unknown roles are refused', async () => {
    const path = join(dir, 'rbac.yaml');
    writeFileSync(path, twoTenants);
    const service = create();
    answers.push(path);
    await service.attachPolicy({ scope: 'profile', profileId: 'prod' });
    expect(await service.selectRoles('prod', ['payments'])).toMatchObject({ status: 'active', activeTenant: 'Payments', tenants: [{ name: 'Payments' }] });
    expect(await failureOf(service.enter('prod', 'Orders'))).toMatchObject({ code: 'NOT_ALLOWED', message: "Tenant 'Orders' is not available to the roles payments." });
    expect(await failureOf(service.selectRoles('prod', ['root']))).toMatchObject({ code: 'INVALID_INPUT', message: "'root' is not a role named in the policy file." });
    expect((await service.selectRoles('prod', [])).roles.selected).toEqual(['admins', 'orders', 'payments']);
  });

  it('reads the file again when it changes: an edit that breaks it fails closed, fixing it restores access', async () => {
    const path = join(dir, 'rbac.yaml');
    writeFileSync(path, twoTenants);
    const service = create();
    answers.push(path);
    await service.attachPolicy({ scope: 'profile', profileId: 'prod' });
    await service.enter('prod', 'Payments');
    writeFileSync(path, `${twoTenants}\n  - name: Broken\n    roles: []\n`);
    expect((await service.state('prod')).status).toBe('invalid');
    expect(await failureOf(service.access('prod'))).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/^Profile 'Production' has a policy file with \d+ errors? \(rbac\.yaml:/) });
    writeFileSync(path, twoTenants);
    expect(await service.access('prod')).toMatchObject({ kind: 'tenant', tenant: { name: 'Payments' } });
  });

  it('an unknown profile is NOT_FOUND', async () => {
    expect(await failureOf(create().state('nope'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
