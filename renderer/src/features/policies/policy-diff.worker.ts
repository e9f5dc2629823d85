// Web Worker entry: computes policy diffs against the snapshot it was last sent (see policy-diff.ts).
import { createDiffResponder, type DiffWorkerRequest, type DiffWorkerResponse } from './policy-diff';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DiffWorkerRequest>) => void) | null;
  postMessage(message: DiffWorkerResponse): void;
};
const respond = createDiffResponder();

scope.onmessage = (event) => {
  const response = respond(event.data);
  if (response) scope.postMessage(response);
};
