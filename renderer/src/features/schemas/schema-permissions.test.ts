import { describe, expect, it } from 'vitest';
import { schemaPermissions } from './schema-permissions';

const profile = (readOnly: boolean, allowedActions: string[]) => ({ name: 'bed', safety: { readOnly, allowedActions } }) as never;

describe('schema permissions', () => {
  it('asks the profile for edit-schemas first, with its reason', () => {
    expect(schemaPermissions({ profile: undefined, tenant: null })('delete')).toBe('Loading the profile…');
    expect(schemaPermissions({ profile: profile(true, ['edit-schemas']), tenant: null })('register-version')).toBe("Profile 'bed' is read-only.");
    expect(schemaPermissions({ profile: profile(false, ['produce']), tenant: null })('delete')).toBe("Profile 'bed' does not allow 'edit-schemas'.");
    expect(schemaPermissions({ profile: profile(false, ['edit-schemas']), tenant: null })('change-global-compatibility')).toBeNull();
  });

  it('keeps the global level out of a tenant’s reach and follows the tenant’s SCHEMA_* decisions', () => {
    const inTenant = schemaPermissions({ profile: profile(false, ['edit-schemas']), tenant: 'payments', decisions: { SCHEMA_DELETE: 'Policy denies SCHEMA_DELETE on tx-orders.' } });
    expect(inTenant('change-global-compatibility')).toMatch(/^Inside tenant 'payments' the global level cannot be changed/);
    expect(inTenant('change-compatibility')).toBeNull();
    expect(inTenant('delete')).toBe('Policy denies SCHEMA_DELETE on tx-orders.');
    expect(inTenant('register-subject')).toBeNull();
  });
});
