import { describe, expect, it } from 'vitest';
import { decisionLookup } from '../tenancy/decisions';
import { schemaAsks, schemaDecisionsOf, schemaPermissions } from './schema-permissions';

const profile = (readOnly: boolean, allowedActions: string[]) => ({ name: 'bed', safety: { readOnly, allowedActions } }) as never;

describe('schema permissions', () => {
  it('asks the profile for edit-schemas first, with its reason', () => {
    expect(schemaPermissions({ profile: undefined, tenant: null })('delete')).toBe('Loading the profile…');
    expect(schemaPermissions({ profile: profile(true, ['edit-schemas']), tenant: null })('register-version')).toBe("Profile 'bed' is read-only.");
    expect(schemaPermissions({ profile: profile(false, ['produce']), tenant: null })('delete')).toBe("Profile 'bed' does not allow 'edit-schemas'.");
    expect(schemaPermissions({ profile: profile(false, ['produce']), tenant: null })('change-global-mode')).toBe("Profile 'bed' does not allow 'edit-schemas'.");
    expect(schemaPermissions({ profile: profile(false, ['edit-schemas']), tenant: null })('change-global-compatibility')).toBeNull();
  });

  it('keeps the global level out of a tenant’s reach and follows the tenant’s SCHEMA_* decisions', () => {
    const inTenant = schemaPermissions({ profile: profile(false, ['edit-schemas']), tenant: 'payments', decisions: { SCHEMA_DELETE: 'Policy denies SCHEMA_DELETE on tx-orders.' } });
    expect(inTenant('change-global-compatibility')).toMatch(/^Inside tenant 'payments' the global level cannot be changed/);
    expect(inTenant('change-compatibility')).toBeNull();
    expect(inTenant('change-global-mode')).toMatch(/^Inside tenant 'payments' the global mode cannot be changed: it applies to every subject/);
    expect(inTenant('change-mode')).toBeNull();
    expect(inTenant('delete')).toBe('Policy denies SCHEMA_DELETE on tx-orders.');
    expect(inTenant('register-subject')).toBeNull();
  });

  it('asks main about the open subject’s register, compatibility and delete requests and follows its answers (issue 17)', () => {
    const asks = schemaAsks('tx-orders');
    expect(asks).toEqual([
      { id: 'SCHEMA_CREATE', request: 'schemas:register', input: { subject: 'tx-orders' } },
      { id: 'SCHEMA_VERSION_EDIT', request: 'schemas:set-compatibility', input: { subject: 'tx-orders' } },
      { id: 'SCHEMA_DELETE', request: 'schemas:delete', input: { subject: 'tx-orders' } },
    ]);
    const edit = "SCHEMA_VERSION_EDIT on subject 'tx-orders' is denied by the policy file's policy 2.";
    const denied = schemaPermissions({ profile: profile(false, ['edit-schemas']), tenant: 'payments', decisions: schemaDecisionsOf(decisionLookup(asks, [{ reason: null }, { reason: edit }, { reason: null }])) });
    expect(denied('change-compatibility')).toBe(edit);
    // A subject's mode is edited under the same policy action as its compatibility (Kpow has no mode action).
    expect(denied('change-mode')).toBe(edit);
    expect(denied('register-version')).toBeNull();
    expect(denied('delete')).toBeNull();
  });
});
