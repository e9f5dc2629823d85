import Conf from 'conf';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TENANCY_SETTINGS_STORE_NAME, createStoreTenancySettingsRepo } from './tenancy-settings-store';

describe('tenancy settings in their own store file', () => {
  let dir: string;
  const open = () => new Conf({ cwd: dir, configName: TENANCY_SETTINGS_STORE_NAME, projectName: 'odradek' });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'odradek-tenancy-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty and keeps what was saved for the next run', async () => {
    expect(await createStoreTenancySettingsRepo(open).load()).toEqual({ profiles: {} });
    const settings = { appPolicyPath: '/policies/app.yaml', profiles: { prod: { policyPath: '/policies/prod.yaml', roles: ['payments'], lastTenant: 'Payments' } } };
    await createStoreTenancySettingsRepo(open).save(settings);
    expect(await createStoreTenancySettingsRepo(open).load()).toEqual(settings);
  });

  it('refuses, rather than forgetting attached policies, when the file is not JSON or holds something else', async () => {
    writeFileSync(join(dir, `${TENANCY_SETTINGS_STORE_NAME}.json`), '{ not json');
    await expect(createStoreTenancySettingsRepo(open).load()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('The tenancy settings could not be read') });
    writeFileSync(join(dir, `${TENANCY_SETTINGS_STORE_NAME}.json`), JSON.stringify({ tenancy: { profiles: { prod: { roles: 'all' } } } }));
    await expect(createStoreTenancySettingsRepo(open).load()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('does not hold tenancy settings') });
  });
});
