// Names for the command palette from a listing stream's first phase (topic metadata, ListGroups): the
// stream is cancelled as soon as that phase is over, so the palette never pays for sizes, lag or rates.

export interface NameStreamHandlers<Item> {
  onBatch(items: Item[]): void;
  onPhase(phase: string): void;
  onDone(): void;
  onError(error: { message: string }): void;
}

/**
 * Opens a stream with `open`, collects `nameOf` of every item until the stream leaves `firstPhase` (or
 * ends), cancels it and resolves with the names sorted; a stream error rejects with its message.
 */
export function firstPhaseNames<Item>(open: (handlers: NameStreamHandlers<Item>) => { cancel(): void }, firstPhase: string, nameOf: (item: Item) => string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names = new Set<string>();
    let settled = false;
    let handle: { cancel(): void } | null = null;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      handle?.cancel();
      then();
    };
    const finish = () => settle(() => resolve([...names].sort()));
    handle = open({
      onBatch: (items) => {
        if (!settled) items.forEach((item) => names.add(nameOf(item)));
      },
      onPhase: (phase) => {
        if (phase !== firstPhase) finish();
      },
      onDone: finish,
      onError: (error) => settle(() => reject(new Error(error.message))),
    });
    // A stream that ended while being opened is cancelled now that its handle exists.
    if (settled) handle.cancel();
  });
}
