// Calls through main's real dispatcher for integration tests: `call` returns the data or throws with
// the failure's code and words, `refusal` returns the error a refused call answered with.
import type { Dispatcher } from '../../../electron/main/ipc/dispatcher';
import type { AppError } from '../../../shared/ipc/result';

type Sender = Parameters<Dispatcher['invoke']>[2];

/** `dispatcher` is read at each call: test files start theirs in `beforeAll`. */
export function dispatcherCalls(dispatcher: () => Dispatcher, sender: Sender) {
  return {
    async call<T>(channel: string, input: unknown): Promise<T> {
      const result = await dispatcher().invoke(channel, input, sender);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data as T;
    },
    async refusal(channel: string, input: unknown): Promise<AppError> {
      const result = await dispatcher().invoke(channel, input, sender);
      if (result.ok) throw new Error(`${channel} should have been refused`);
      return result.error;
    },
  };
}
