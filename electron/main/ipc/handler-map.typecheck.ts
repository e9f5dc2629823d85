// Compile-time proof that the handler map is exactly the contract: `npm run typecheck` fails if a
// handler is registered for a channel the contract lacks, a contract channel has no handler, or a
// handler's reply does not match its output schema.
import type { ChannelHandlers } from './dispatcher';

declare const complete: ChannelHandlers;

export const withUnknownChannel: ChannelHandlers = {
  ...complete,
  // @ts-expect-error 'files:read' is not a channel of the contract
  'files:read': () => 'secret',
};

const { 'profiles:list': _omitted, ...allButOne } = complete;
// @ts-expect-error 'profiles:list' has no handler
export const missingChannel: ChannelHandlers = allButOne;

export const wrongOutput: ChannelHandlers = {
  ...complete,
  // @ts-expect-error the output must match the contract's schema
  'app:info': () => ({ name: 42 }),
};
