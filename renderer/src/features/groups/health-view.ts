// How a lag health verdict reads on screen: one badge colour and label per verdict, the reason main
// wrote, and the time to catch up in words.
import type { LagHealthVerdict } from '../../../../shared/domain/groups/group-schemas';
import { describeCatchUp, type CatchUp } from '../../../../shared/domain/groups/lag-health';

export interface HealthView {
  verdict: LagHealthVerdict;
  label: string;
  colour: string;
  reason: string;
  catchUp: string;
}

export const verdictLabel: Record<LagHealthVerdict, string> = {
  ok: 'OK',
  warning: 'Warning',
  stall: 'Stall',
  stopped: 'Stopped',
  unknown: 'Sampling',
};

export const verdictColour: Record<LagHealthVerdict, string> = {
  ok: 'green',
  warning: 'yellow',
  stall: 'orange',
  stopped: 'red',
  unknown: 'gray',
};

/** Worst first when sorted descending; `unknown` (too few samples yet) ranks below OK. */
export const verdictRank: Record<LagHealthVerdict, number> = { unknown: 0, ok: 1, warning: 2, stall: 3, stopped: 4 };

/** The list row's verdict (catch-up in seconds) or a full evaluation's (catch-up as a union). */
export type HealthInput = { verdict: LagHealthVerdict; reason: string } & ({ catchUp: CatchUp } | { catchUpSeconds: number | null });

export function healthView(health: HealthInput): HealthView {
  const catchUp: CatchUp = 'catchUp' in health ? health.catchUp : rowCatchUp(health.verdict, health.catchUpSeconds);
  return { verdict: health.verdict, label: verdictLabel[health.verdict], colour: verdictColour[health.verdict], reason: health.reason, catchUp: describeCatchUp(catchUp) };
}

/** The row carries seconds (0: caught up, null: not shrinking, or not judged yet while sampling). */
function rowCatchUp(verdict: LagHealthVerdict, seconds: number | null): CatchUp {
  if (seconds === null) return verdict === 'unknown' ? { kind: 'unknown' } : { kind: 'never' };
  return seconds === 0 ? { kind: 'caught-up' } : { kind: 'eta', seconds };
}
