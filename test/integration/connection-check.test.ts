import { describe, expect, inject, it } from 'vitest';
import type { ConnectionState } from '../../shared/ipc/contract';
import { createEventBus } from '../../electron/main/ipc/events';
import { checkConnection } from '../../electron/main/services/connections/connection-check';
import { createKafkaClientFactory } from '../../electron/main/services/kafka/client-factory';
import { systemClock } from '../../electron/main/services/ports';

const bed = inject('testbed');

function checked(bootstrap: string) {
  const events = createEventBus();
  const announced: ConnectionState[] = [];
  events.deliverTo((_name, payload) => announced.push(payload as ConnectionState));
  const result = checkConnection('p1', async () => ({ name: 'check', bootstrapServers: [bootstrap], tls: null, sasl: null }), {
    factory: createKafkaClientFactory(systemClock),
    events,
  });
  return { result, announced };
}

describe('connection check for the status bar', () => {
  it('announces connecting, then connected with the cluster id', async () => {
    const { result, announced } = checked(bed.listeners.plaintext.split(',')[0]!);
    expect(await result).toEqual({ profileId: 'p1', state: 'connected', message: `cluster ${bed.clusterId}, ${bed.nodes.length} broker${bed.nodes.length === 1 ? '' : 's'}` });
    expect(announced.map((state) => state.state)).toEqual(['connecting', 'connected']);
  });

  it('announces the reason when the cluster cannot be reached', async () => {
    const { result, announced } = checked('127.0.0.1:9');
    expect(await result).toMatchObject({ profileId: 'p1', state: 'error', message: expect.stringMatching(/ECONNREFUSED|Connection error|refused/i) });
    expect(announced.map((state) => state.state)).toEqual(['connecting', 'error']);
  });
});
