import { describe, expect, it } from 'vitest';
import { createOdradekApi, type BridgeTransport } from './bridge';
import { channelNames, eventNames } from './contract';

describe('createOdradekApi', () => {
  it('exposes exactly the contract channels and events, each routed to the transport by name', async () => {
    const calls: [string, unknown][] = [];
    const subscriptions: string[] = [];
    const transport: BridgeTransport = {
      invoke: async (channel, input) => (calls.push([channel, input]), { ok: true, data: null }),
      subscribe: (event) => (subscriptions.push(event), () => undefined),
      openStream: () => {
        throw new Error('no streams in this test');
      },
    };
    const api = createOdradekApi(transport);
    expect(Object.keys(api.invoke).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(api.on).sort()).toEqual([...eventNames].sort());
    expect(Object.keys(api)).toEqual(['invoke', 'on', 'stream']);

    await api.invoke['shell:open-external']({ url: 'https://kafka.apache.org/' });
    api.on['connection:state'](() => undefined);
    expect(calls).toEqual([['shell:open-external', { url: 'https://kafka.apache.org/' }]]);
    expect(subscriptions).toEqual(['connection:state']);
  });
});
