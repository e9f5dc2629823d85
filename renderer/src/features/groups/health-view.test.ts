import { describe, expect, it } from 'vitest';
import { healthView } from './health-view';

describe('health view', () => {
  it('reads a list row verdict: seconds to catch up, 0 caught up, null not shrinking (or not judged yet)', () => {
    expect(healthView({ verdict: 'warning', reason: 'lag grew', catchUpSeconds: 180 })).toEqual({ verdict: 'warning', label: 'Warning', colour: 'yellow', reason: 'lag grew', catchUp: 'about 3 min' });
    expect(healthView({ verdict: 'ok', reason: 'no lag', catchUpSeconds: 0 }).catchUp).toBe('caught up');
    expect(healthView({ verdict: 'stall', reason: 'stuck', catchUpSeconds: null })).toMatchObject({ label: 'Stall', colour: 'orange', catchUp: 'not catching up at the current rates' });
    expect(healthView({ verdict: 'unknown', reason: 'sampling', catchUpSeconds: null })).toMatchObject({ label: 'Sampling', colour: 'gray', catchUp: 'unknown yet' });
  });

  it('reads a full evaluation with its catch-up union', () => {
    expect(healthView({ verdict: 'stopped', reason: 'no commits', catchUp: { kind: 'never' } })).toMatchObject({ label: 'Stopped', colour: 'red', catchUp: 'not catching up at the current rates' });
    expect(healthView({ verdict: 'ok', reason: 'falling', catchUp: { kind: 'eta', seconds: 12 } }).catchUp).toBe('about 12 s');
  });
});
