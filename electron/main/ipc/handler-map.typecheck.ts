// Compile-time proof that the handler map is exactly the contract: `npm run typecheck` fails if a
// handler is registered for a channel the contract lacks, or a contract channel has no handler.
import type { ChannelHandlers } from './dispatcher';

const complete = {
  'app:info': () => ({ name: 'Odradek', version: '0', platform: 'linux', electron: null }),
  'profiles:list': () => ({ profiles: [], problems: [] }),
  'profiles:get': () => Promise.reject(new Error('unused')),
  'profiles:save': () => Promise.reject(new Error('unused')),
  'profiles:delete': () => ({ deleted: false }),
  'profiles:import-preview': () => Promise.reject(new Error('unused')),
  'profiles:import-save': () => Promise.reject(new Error('unused')),
  'profiles:export': () => Promise.reject(new Error('unused')),
  'keychain:status': () => ({ available: true }),
  'shell:open-external': () => ({ opened: false }),
  'policies:choose-file': () => ({ path: null }),
  'policies:open': () => Promise.reject(new Error('unused')),
  'policies:save': () => Promise.reject(new Error('unused')),
  'snapshots:choose-file': () => ({ path: null }),
  'snapshots:open': () => Promise.reject(new Error('unused')),
  'topics:detail': () => Promise.reject(new Error('unused')),
  'topics:create': () => Promise.reject(new Error('unused')),
  'topics:delete': () => Promise.reject(new Error('unused')),
  'topics:add-partitions': () => Promise.reject(new Error('unused')),
  'topics:alter-config': () => Promise.reject(new Error('unused')),
  'topics:purge': () => Promise.reject(new Error('unused')),
  'topics:clone': () => Promise.reject(new Error('unused')),
};

export const withUnknownChannel: ChannelHandlers = {
  ...complete,
  // @ts-expect-error 'files:read' is not a channel of the contract
  'files:read': () => 'secret',
};

// @ts-expect-error 'profiles:list' has no handler
export const missingChannel: ChannelHandlers = {
  'app:info': complete['app:info'],
  'profiles:get': complete['profiles:get'],
  'profiles:save': complete['profiles:save'],
  'profiles:delete': complete['profiles:delete'],
  'profiles:import-preview': complete['profiles:import-preview'],
  'profiles:import-save': complete['profiles:import-save'],
  'profiles:export': complete['profiles:export'],
  'keychain:status': complete['keychain:status'],
  'shell:open-external': complete['shell:open-external'],
  'policies:choose-file': complete['policies:choose-file'],
  'policies:open': complete['policies:open'],
  'policies:save': complete['policies:save'],
  'snapshots:choose-file': complete['snapshots:choose-file'],
  'snapshots:open': complete['snapshots:open'],
};

export const wrongOutput: ChannelHandlers = {
  ...complete,
  // @ts-expect-error the output must match the contract's schema
  'app:info': () => ({ name: 42 }),
};
