import { describe, expect, it } from 'vitest';
import { checkTopicName } from './topic-names';

describe('checkTopicName', () => {
  it('accepts legal names', () => {
    expect(checkTopicName('orders-v2')).toEqual({ ok: true });
    expect(checkTopicName('a'.repeat(249)).ok).toBe(true);
  });

  it.each([
    ['', /Give the topic a name/],
    ['.', /cannot be named '\.'/],
    ['..', /cannot be named '\.\.'/],
    ['a'.repeat(250), /at most 249 characters; this one has 250/],
    ['orders/eu', /letters, digits/],
    ['orders eu', /letters, digits/],
    ['ördres', /letters, digits/],
  ])('refuses %j', (name, reason) => {
    const check = checkTopicName(name);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it("warns about '.' and '_' and refuses a name that collides with an existing topic", () => {
    const check = checkTopicName('orders.eu');
    expect(check.ok && check.warning).toMatch(/'\.' into '_'/);
    const collision = checkTopicName('orders.eu', ['orders_eu']);
    expect(collision).toEqual({ ok: false, reason: expect.stringMatching(/collides with the existing topic 'orders_eu'/) });
    expect(checkTopicName('orders.eu', ['orders.eu']).ok).toBe(true);
  });
});
