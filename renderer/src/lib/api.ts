import { createOdradekApi, type OdradekApi } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/ipc/result';
import { createWebSocketTransport } from './test-bridge-transport';

declare global {
  interface Window {
    odradek?: OdradekApi;
  }
}

function resolveApi(): OdradekApi {
  if (window.odradek) return window.odradek;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('bridge-token');
  if (token) return createOdradekApi(createWebSocketTransport(window.location.href, token));
  throw new Error('Odradek must run inside its desktop shell: the main-process bridge is missing.');
}

export const api: OdradekApi = resolveApi();

/** Turns a Result into a value or a thrown Error carrying the code, for TanStack Query. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.data;
  throw Object.assign(new Error(result.error.message), { code: result.error.code, details: result.error.details });
}
