import { describe, expect, it } from 'vitest';
import { cachedTokenSource, type BearerToken } from './token-providers';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('cached bearer tokens', () => {
  it('reuses a token while most of its life remains, and refreshes before it expires', async () => {
    const clock = fakeClock();
    let fetches = 0;
    const source = cachedTokenSource(async (): Promise<BearerToken> => ({ value: `token-${++fetches}`, expiresAt: clock.now() + 3_600_000 }), clock);
    expect((await source()).value).toBe('token-1');
    clock.advance(2_000_000);
    expect((await source()).value).toBe('token-1');
    // 80% of the hour has passed: refresh now rather than let a connection start with a dying token.
    clock.advance(900_000);
    expect((await source()).value).toBe('token-2');
  });

  it('shares one request between concurrent connections', async () => {
    const clock = fakeClock();
    let fetches = 0;
    let release: () => void = () => undefined;
    const source = cachedTokenSource(async () => {
      fetches += 1;
      await new Promise<void>((resolve) => (release = resolve));
      return { value: 'shared', expiresAt: clock.now() + 60_000 };
    }, clock);
    const pending = [source(), source(), source()];
    release();
    expect((await Promise.all(pending)).map((token) => token.value)).toEqual(['shared', 'shared', 'shared']);
    expect(fetches).toBe(1);
  });

  it('does not cache a failure', async () => {
    const clock = fakeClock();
    let attempts = 0;
    const source = cachedTokenSource(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('token endpoint down');
      return { value: 'second', expiresAt: clock.now() + 60_000 };
    }, clock);
    await expect(source()).rejects.toThrow('token endpoint down');
    expect((await source()).value).toBe('second');
  });

  it('refreshes short-lived tokens at half their life at the latest', async () => {
    const clock = fakeClock();
    let fetches = 0;
    const source = cachedTokenSource(async () => ({ value: `t${++fetches}`, expiresAt: clock.now() + 60_000 }), clock);
    await source();
    clock.advance(25_000);
    expect((await source()).value).toBe('t1');
    clock.advance(10_000);
    expect((await source()).value).toBe('t2');
  });
});
