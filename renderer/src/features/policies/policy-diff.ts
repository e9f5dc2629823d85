// The diff against the saved file, off the UI thread. On a 100,000-topic snapshot diffPolicies takes
// seconds for tenants that see everything (measured: 1.4–3.7 s for the default tenants), which would
// freeze typing; previews stay on the UI thread (under 100 ms on the same snapshot).
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

/**
 * The latest diff of `text` against `savedText` (null while the first one is computed). A newer
 * request replaces a running one: the busy worker is dropped rather than left to finish stale work.
 * Where workers are unavailable the diff runs inline.
 */
export function usePolicyDiff(savedText: string, text: string, snapshot: ClusterSnapshot | undefined, enabled: boolean): { diff: PolicyDiff | null; computing: boolean } {
  const [result, setResult] = useState<{ id: number; diff: PolicyDiff } | null>(null);
  const [requested, setRequested] = useState(0);
  const worker = useRef<{ instance: Worker; snapshot: ClusterSnapshot; busy: boolean } | null>(null);
  const nextId = useRef(0);

  useEffect(() => {
    if (!enabled || !snapshot) return;
    const id = (nextId.current += 1);
    setRequested(id);
    const deliver = (response: DiffWorkerResponse) => {
      if (response.id === nextId.current) setResult(response);
    };
    const current = worker.current;
    if (current && (current.busy || current.snapshot !== snapshot)) {
      current.instance.terminate();
      worker.current = null;
    }
    const diffInline = () => {
      const respond = createDiffResponder();
      respond({ type: 'snapshot', snapshot });
      const response = respond({ type: 'diff', id, savedText, text });
      if (response) deliver(response);
    };
    if (!worker.current) {
      const instance = startWorker();
      if (instance === null) return diffInline();
      instance.postMessage({ type: 'snapshot', snapshot } satisfies DiffWorkerRequest);
      worker.current = { instance, snapshot, busy: false };
    }
    const active = worker.current;
    active.busy = true;
    active.instance.onmessage = (event: MessageEvent<DiffWorkerResponse>) => {
      active.busy = false;
      deliver(event.data);
    };
    active.instance.onerror = () => {
      workersUnavailable = true;
      active.instance.terminate();
      if (worker.current === active) worker.current = null;
      diffInline();
    };
    active.instance.postMessage({ type: 'diff', id, savedText, text } satisfies DiffWorkerRequest);
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
