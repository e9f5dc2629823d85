import type { ChannelOutput } from '../../../shared/ipc/contract';

export type AppInfo = ChannelOutput<'app:info'>;

export interface AppInfoSource {
  version: string;
  platform: string;
  electron: string | null;
}

export function describeApp(source: AppInfoSource): AppInfo {
  return { name: 'Odradek', version: source.version, platform: source.platform, electron: source.electron };
}
