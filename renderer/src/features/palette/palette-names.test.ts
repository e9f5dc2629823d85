import { describe, expect, it } from 'vitest';
import { firstPhaseNames, type NameStreamHandlers } from './palette-names';

/** A stream double: records cancels and hands its handlers to the test. */
function fakeStream<Item>() {
  const stream = { handlers: null as NameStreamHandlers<Item> | null, cancels: 0 };
  const open = (handlers: NameStreamHandlers<Item>) => {
    stream.handlers = handlers;
    return { cancel: () => void (stream.cancels += 1) };
  };
  return { stream, open };
}

describe('palette names from a listing stream', () => {
  it('collects group ids of the list phase, sorted and once each, then cancels when describe starts', async () => {
    const { stream, open } = fakeStream<{ groupId: string }>();
    const names = firstPhaseNames(open, 'list', (item) => item.groupId);
    stream.handlers!.onPhase('list');
    stream.handlers!.onBatch([{ groupId: 'payments' }, { groupId: 'audit' }]);
    stream.handlers!.onBatch([{ groupId: 'payments' }]);
    stream.handlers!.onPhase('describe');
    // Patches of the later phases no longer count.
    stream.handlers!.onBatch([{ groupId: 'late' }]);
    await expect(names).resolves.toEqual(['audit', 'payments']);
    expect(stream.cancels).toBe(1);
  });

  it('resolves with what came when the stream ends inside the first phase (an empty cluster: no names)', async () => {
    const { stream, open } = fakeStream<{ name: string }>();
    const names = firstPhaseNames(open, 'metadata', (item) => item.name);
    stream.handlers!.onDone();
    await expect(names).resolves.toEqual([]);
  });

  it('rejects with the stream’s own message', async () => {
    const { stream, open } = fakeStream<{ groupId: string }>();
    const names = firstPhaseNames(open, 'list', (item) => item.groupId);
    stream.handlers!.onError({ message: 'Not authorized to describe groups' });
    await expect(names).rejects.toThrow('Not authorized to describe groups');
  });

  it('cancels a stream that ended while it was being opened', async () => {
    let cancels = 0;
    const names = firstPhaseNames<{ groupId: string }>((handlers) => {
      handlers.onBatch([{ groupId: 'only' }]);
      handlers.onDone();
      return { cancel: () => void (cancels += 1) };
    }, 'list', (item) => item.groupId);
    await expect(names).resolves.toEqual(['only']);
    expect(cancels).toBe(1);
  });
});
