// The tenancy service: which policy file governs a profile (its own, else the app's), the roles the
// local user acts as, and the tenant entered. Main holds the answer and every Kafka channel asks it
// (see channel-guards.ts); the renderer only shows the state and asks for changes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parsePolicyFile, type RbacPolicy, type Tenant } from '../../../../shared/domain/tenancy';
import type { ChannelInput, TenancyState } from '../../../../shared/ipc/contract';
import { AppFailure } from '../../../../shared/ipc/result';
import type { FileDialogs } from '../policy-workspace-service';
import type { ProfileTenancySettings, TenancySettings, TenancySettingsRepo } from './tenancy-settings';
import { resolveTenancy, type LoadedPolicy, type PolicyAttachment, type ResolvedTenancy } from './tenancy-state';

/** Policy files are hand-written YAML; anything this large is not one. */
const MAX_POLICY_BYTES = 16 * 1024 * 1024;

/** What a Kafka channel of a profile may do, as decided by its tenancy. */
export type TenancyAccess =
  | { kind: 'unrestricted'; profileName: string }
  | {
      kind: 'tenant';
      profileName: string;
      tenant: Tenant;
      /** The file's RBAC policies, or null when it has none (then only the profile's safety settings apply). */
      policies: readonly RbacPolicy[] | null;
      roles: readonly string[];
    };

export interface TenancyServiceDeps {
  settings: TenancySettingsRepo;
  /** The profile's display name; throws NOT_FOUND for an unknown id. */
  profileName(profileId: string): Promise<string>;
  dialogs: Pick<FileDialogs, 'chooseOpenPath'>;
}

type PolicyScope = ChannelInput<'tenancy:attach-policy'>;

export function createTenancyService(deps: TenancyServiceDeps) {
  const policies = createPolicyCache();

  const resolve = async (profileId: string): Promise<ResolvedTenancy> => {
    const profileName = await deps.profileName(profileId);
    const settings = await deps.settings.load();
    const stored: ProfileTenancySettings = settings.profiles[profileId] ?? {};
    const attachment: PolicyAttachment | null = stored.policyPath
      ? { path: stored.policyPath, attachedTo: 'profile' }
      : settings.appPolicyPath
        ? { path: settings.appPolicyPath, attachedTo: 'app' }
        : null;
    const loaded = attachment === null ? null : await policies.load(attachment.path);
    const resolved = resolveTenancy({ profileId, profileName, attachment, loaded, stored });
    return { ...resolved, state: { ...resolved.state, appPolicyPath: settings.appPolicyPath ?? null } };
  };

  const updateProfile = async (profileId: string, change: (stored: ProfileTenancySettings) => ProfileTenancySettings) => {
    const settings = await deps.settings.load();
    const next = change({ ...(settings.profiles[profileId] ?? {}) });
    await deps.settings.save({ ...settings, profiles: { ...settings.profiles, [profileId]: next } });
  };

  const updateScope = async (scope: PolicyScope, path: string | undefined) => {
    if (scope.scope === 'profile') {
      await deps.profileName(scope.profileId);
      await updateProfile(scope.profileId, (stored) => withOptional(stored, 'policyPath', path));
    } else {
      const settings = await deps.settings.load();
      await deps.settings.save(withOptional(settings, 'appPolicyPath', path) as TenancySettings);
    }
  };

  return {
    async state(profileId: string): Promise<TenancyState> {
      return (await resolve(profileId)).state;
    },

    async attachPolicy(scope: PolicyScope): Promise<{ path: string | null }> {
      if (scope.scope === 'profile') await deps.profileName(scope.profileId);
      const path = await deps.dialogs.chooseOpenPath('policy');
      if (path === null) return { path: null };
      await updateScope(scope, path);
      return { path };
    },

    async detachPolicy(scope: PolicyScope): Promise<{ detached: boolean }> {
      const settings = await deps.settings.load();
      const attached = scope.scope === 'profile' ? settings.profiles[scope.profileId]?.policyPath : settings.appPolicyPath;
      if (attached === undefined) return { detached: false };
      await updateScope(scope, undefined);
      return { detached: true };
    },

    async selectRoles(profileId: string, roles: readonly string[]): Promise<TenancyState> {
      const { state } = await resolve(profileId);
      if (state.status === 'none') throw new AppFailure('NOT_ALLOWED', 'No policy file is attached to this profile, so there are no roles to choose.');
      if (state.status === 'invalid') throw new AppFailure('NOT_ALLOWED', 'The attached policy file has errors; fix it before choosing roles.');
      const unknown = roles.filter((role) => !state.roles.available.includes(role));
      if (unknown.length > 0) {
        throw new AppFailure('INVALID_INPUT', `${unknown.map((role) => `'${role}'`).join(', ')} ${unknown.length === 1 ? 'is not a role' : 'are not roles'} named in the policy file.`);
      }
      await updateProfile(profileId, (stored) => withOptional(stored, 'roles', roles.length > 0 ? [...new Set(roles)] : undefined));
      return (await resolve(profileId)).state;
    },

    async enter(profileId: string, tenantName: string): Promise<TenancyState> {
      const { state } = await resolve(profileId);
      if (state.status === 'none') throw new AppFailure('NOT_ALLOWED', 'No policy file is attached to this profile, so there is no tenant to enter.');
      if (state.status === 'invalid') throw new AppFailure('NOT_ALLOWED', 'The attached policy file has errors; fix it before entering a tenant.');
      if (!state.tenants.some((tenant) => tenant.name === tenantName)) {
        throw new AppFailure('NOT_ALLOWED', `Tenant '${tenantName}' is not available to the roles ${state.roles.selected.join(', ') || '(any)'}.`);
      }
      await updateProfile(profileId, (stored) => ({ ...stored, lastTenant: tenantName }));
      return (await resolve(profileId)).state;
    },

    /** Throws NOT_ALLOWED while the profile's policy file is invalid or no tenant is entered: fail closed. */
    async access(profileId: string): Promise<TenancyAccess> {
      const resolved = await resolve(profileId);
      const profileName = await deps.profileName(profileId);
      if (resolved.refusal !== null) throw new AppFailure('NOT_ALLOWED', resolved.refusal, { tenancy: resolved.state.status });
      if (resolved.tenant === null || resolved.policy === null) return { kind: 'unrestricted', profileName };
      return {
        kind: 'tenant',
        profileName,
        tenant: resolved.tenant,
        policies: resolved.policy.policies.length > 0 ? resolved.policy.policies : null,
        roles: resolved.state.roles.selected,
      };
    },
  };
}
export type TenancyService = ReturnType<typeof createTenancyService>;

function withOptional<T extends object, K extends string>(target: T, key: K, value: unknown): T {
  const copy = { ...target } as Record<string, unknown>;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy as T;
}

/**
 * Parsed policy files by path, read again only when the file's mtime or size changed (then parsed
 * again only when its content hash changed). Tenant objects stay the same between reads, so
 * compiled matchers cached per tenant stay valid.
 */
function createPolicyCache() {
  const cache = new Map<string, { mtimeMs: number; size: number; hash: string; loaded: LoadedPolicy }>();
  return {
    async load(path: string): Promise<LoadedPolicy> {
      try {
        const info = await stat(path);
        const cached = cache.get(path);
        if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.loaded;
        if (info.size > MAX_POLICY_BYTES) return { readable: false, message: `${path} is larger than 16 MB` };
        const text = await readFile(path, 'utf8');
        const hash = createHash('sha256').update(text).digest('hex');
        const loaded: LoadedPolicy = cached?.hash === hash ? cached.loaded : { readable: true, parsed: parsePolicyFile(text) };
        cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, hash, loaded });
        return loaded;
      } catch (error) {
        cache.delete(path);
        const code = (error as NodeJS.ErrnoException).code;
        return { readable: false, message: code === 'ENOENT' ? `${path} does not exist` : `${path}: ${(error as Error).message}` };
      }
    },
  };
}
