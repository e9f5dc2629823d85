// What main remembers about tenancy between runs: the policy file attached to the app and to each
// profile, the roles the local user acts as and the tenant entered last. Paths here were chosen by the
// user in a native dialog, so they stay trusted across restarts.
import { z } from 'zod';

export const profileTenancySettingsSchema = z.object({
  policyPath: z.string().min(1).optional(),
  /** Absent or empty: every role named in the file. */
  roles: z.array(z.string()).optional(),
  lastTenant: z.string().optional(),
});
export type ProfileTenancySettings = z.infer<typeof profileTenancySettingsSchema>;

export const tenancySettingsSchema = z.object({
  appPolicyPath: z.string().min(1).optional(),
  profiles: z.record(z.string(), profileTenancySettingsSchema).default({}),
});
export type TenancySettings = z.infer<typeof tenancySettingsSchema>;

/** Persisted tenancy choices (electron-store in the app, conf under plain Node). */
export interface TenancySettingsRepo {
  /** Throws when the stored settings cannot be read: callers must then refuse, not assume "no policy". */
  load(): Promise<TenancySettings>;
  save(settings: TenancySettings): Promise<void>;
}

export function createMemoryTenancySettingsRepo(initial: TenancySettings = { profiles: {} }): TenancySettingsRepo {
  let stored = structuredClone(initial);
  return {
    load: async () => structuredClone(stored),
    save: async (settings) => {
      stored = structuredClone(settings);
    },
  };
}
