import { describe, expect, it } from 'vitest';
import { createEventBus } from './events';

describe('event bus', () => {
  it('delivers contract-checked payloads to every target until it is removed', () => {
    const bus = createEventBus();
    const first: unknown[] = [];
    const second: unknown[] = [];
    bus.deliverTo((name, payload) => first.push([name, payload]));
    const removeSecond = bus.deliverTo((name, payload) => second.push([name, payload]));
    bus.emit('connection:state', { profileId: 'p1', state: 'connecting' });
    removeSecond();
    bus.emit('connection:state', { profileId: 'p1', state: 'connected' });
    expect(first).toEqual([
      ['connection:state', { profileId: 'p1', state: 'connecting' }],
      ['connection:state', { profileId: 'p1', state: 'connected' }],
    ]);
    expect(second).toHaveLength(1);
  });

  it('refuses a payload outside the contract', () => {
    const bus = createEventBus();
    expect(() => bus.emit('connection:state', { profileId: 'p1', state: 'melting' } as never)).toThrow();
  });
});
