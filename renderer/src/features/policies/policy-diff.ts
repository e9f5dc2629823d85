// The diff against the saved file, off the UI thread. On a 100,000-topic snapshot diffPolicies takes
// seconds for tenants that see everything (measured: 1.4–3.7 s for the default tenants), which would
// freeze typing; the preview of the one tenant on screen stays on the UI thread (under 100 ms).
import { useEffect, useRef, useState } from 'react';
import type { ClusterSnapshot } from '../../../../shared/domain/snapshot/snapshot';
import { diffPolicies, parsePolicyFile, type PolicyDiff } from '../../../../shared/domain/tenancy';

export type DiffWorkerRequest = { type: 'snapshot'; snapshot: ClusterSnapshot } | { type: 'diff'; id: number; savedText: string; text: string };
export interface DiffWorkerResponse {
  id: number;
  diff: PolicyDiff;
}

/** What the worker does with each message; a function of its own so it can be tested without a worker. */
export function createDiffResponder() {
  let snapshot: ClusterSnapshot | null = null;
  return (message: DiffWorkerRequest): DiffWorkerResponse | null => {
    if (message.type === 'snapshot') {
      snapshot = message.snapshot;
      return null;
    }
    if (snapshot === null) return null;
    return { id: message.id, diff: diffPolicies(parsePolicyFile(message.savedText).policy, parsePolicyFile(message.text).policy, snapshot) };
  };
}

/** Set once a worker fails to load (e.g. a page origin that may not start one); diffs then run inline. */
let workersUnavailable = false;

function startWorker(): Worker | null {
  if (workersUnavailable) return null;
  try {
    return new Worker(new URL('./policy-diff.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

interface DiffWorker {
  instance: Worker;
  snapshot: ClusterSnapshot;
  busy: boolean;
  /** The newest request that arrived while busy; older waiting ones are dropped. */
  waiting: DiffWorkerRequest | null;
}

/**
 * The latest diff of `text` against `savedText` (null while the first one is computed). One worker
 * per snapshot: the snapshot is copied to it once (copying 100,000 topics blocks the UI thread for a
 * few hundred milliseconds), requests made while it is busy wait, and only the newest is sent.
 * Where workers are unavailable the diff runs inline.
 */
export function usePolicyDiff(savedText: string, text: string, snapshot: ClusterSnapshot | undefined, enabled: boolean): { diff: PolicyDiff | null; computing: boolean } {
  const [result, setResult] = useState<DiffWorkerResponse | null>(null);
  const [requested, setRequested] = useState(0);
  const worker = useRef<DiffWorker | null>(null);
  const nextId = useRef(0);

  useEffect(() => {
    if (!enabled || !snapshot) return;
    const id = (nextId.current += 1);
    setRequested(id);
    const request: DiffWorkerRequest = { type: 'diff', id, savedText, text };
    const deliver = (response: DiffWorkerResponse) => {
      if (response.id === nextId.current) setResult(response);
    };
    const diffInline = () => {
      const respond = createDiffResponder();
      respond({ type: 'snapshot', snapshot });
      const response = respond(request);
      if (response) deliver(response);
    };
    if (worker.current && worker.current.snapshot !== snapshot) {
      worker.current.instance.terminate();
      worker.current = null;
    }
    if (!worker.current) {
      const instance = startWorker();
      if (instance === null) return diffInline();
      const created: DiffWorker = { instance, snapshot, busy: false, waiting: null };
      instance.onmessage = (event: MessageEvent<DiffWorkerResponse>) => {
        deliver(event.data);
        created.busy = created.waiting !== null;
        if (created.waiting) instance.postMessage(created.waiting);
        created.waiting = null;
      };
      instance.onerror = () => {
        workersUnavailable = true;
        instance.terminate();
        if (worker.current === created) worker.current = null;
        diffInline();
      };
      instance.postMessage({ type: 'snapshot', snapshot } satisfies DiffWorkerRequest);
      worker.current = created;
    }
    const active = worker.current;
    if (active.busy) {
      active.waiting = request;
    } else {
      active.busy = true;
      active.instance.postMessage(request);
    }
  }, [savedText, text, snapshot, enabled]);

  useEffect(
    () => () => {
      worker.current?.instance.terminate();
      worker.current = null;
    },
    [],
  );

  const fresh = result !== null && result.id === requested;
  return { diff: result?.diff ?? null, computing: enabled && snapshot !== undefined && !fresh };
}
