// Tenancy settings in their own electron-store file (Conf under plain Node: the same engine and file),
// apart from the profiles so neither can spoil the other. Opened on first use: a file that cannot be
// read makes every tenancy-governed channel refuse instead of silently dropping attached policies.
import { AppFailure } from '../../../shared/ipc/result';
import { tenancySettingsSchema, type TenancySettingsRepo } from '../services/tenancy/tenancy-settings';

/** The electron-store file name (tenancy-settings.json in the userData folder). */
export const TENANCY_SETTINGS_STORE_NAME = 'tenancy-settings';

/** What the repo needs from electron-store / Conf. */
export interface TenancySettingsDocumentStore {
  get(key: 'tenancy'): unknown;
  set(key: 'tenancy', value: unknown): void;
  readonly path: string;
}

export function createStoreTenancySettingsRepo(open: () => TenancySettingsDocumentStore): TenancySettingsRepo {
  let store: TenancySettingsDocumentStore | null = null;
  const opened = (): TenancySettingsDocumentStore => {
    try {
      store ??= open();
      return store;
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : String(error));
    }
  };
  return {
    async load() {
      const document = opened();
      const parsed = tenancySettingsSchema.safeParse(document.get('tenancy') ?? {});
      if (!parsed.success) throw unreadable(`${document.path} does not hold tenancy settings`);
      return parsed.data;
    },
    async save(settings) {
      opened().set('tenancy', tenancySettingsSchema.parse(settings));
    },
  };
}

function unreadable(reason: string): AppFailure {
  return new AppFailure('INTERNAL', `The tenancy settings could not be read (${reason}); Odradek refuses cluster access for profiles with a policy until the file is fixed or removed.`);
}
