// Main's answers to requests asked ahead (tenancy:decisions), looked up by the ask's id. Pure, so the
// permission helpers built on it are unit-tested without the app.
/** A request the renderer may make next, with the fields known now; `id` names its answer. */
export interface DecisionAsk {
  id: string;
  request: string;
  input: Record<string, unknown>;
}
/** Main's refusal for an asked request, by its id; null when main would allow it (or has not answered yet). */
export type Decisions = (id: string) => string | null;

/** The contract takes at most this many asks per call. */
export const ASKS_PER_CALL = 32;

/** Pairs main's answers (in the asks' order) with the asks' ids. */
export function decisionLookup(asks: readonly DecisionAsk[], answers: ReadonlyArray<{ reason: string | null }> | undefined): Decisions {
  const byId = new Map<string, string | null>();
  asks.forEach((ask, index) => byId.set(ask.id, answers?.[index]?.reason ?? null));
  return (id) => byId.get(id) ?? null;
}
