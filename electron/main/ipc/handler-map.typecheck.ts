// Compile-time proof that the handler map is exactly the contract: `npm run typecheck` fails if a
// handler is registered for a channel the contract lacks, or a contract channel has no handler.
import type { ChannelHandlers } from './dispatcher';

const complete = {
  'app:info': () => ({ name: 'Odradek', version: '0', platform: 'linux', electron: null }),
  'profiles:list': () => [],
  'shell:open-external': () => ({ opened: false }),
};

export const withUnknownChannel: ChannelHandlers = {
  ...complete,
  // @ts-expect-error 'files:read' is not a channel of the contract
  'files:read': () => 'secret',
};

// @ts-expect-error 'profiles:list' has no handler
export const missingChannel: ChannelHandlers = {
  'app:info': complete['app:info'],
  'shell:open-external': complete['shell:open-external'],
};

export const wrongOutput: ChannelHandlers = {
  ...complete,
  // @ts-expect-error the output must match the contract's schema
  'app:info': () => ({ name: 42 }),
};
