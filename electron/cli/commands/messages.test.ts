import { describe, expect, it } from 'vitest';
import { parseFilter, parseFrom } from './messages';

describe('odradek messages browse arguments', () => {
  it('reads --from as beginning, end, an offset or an ISO time', () => {
    expect(parseFrom('beginning')).toEqual({ kind: 'beginning' });
    expect(parseFrom('end')).toEqual({ kind: 'end' });
    expect(parseFrom('42')).toEqual({ kind: 'offset', offset: '42' });
    expect(parseFrom('2026-12-01T10:00:00Z')).toEqual({ kind: 'timestamp', timestamp: Date.parse('2026-12-01T10:00:00Z') });
    expect(() => parseFrom('yesterday')).toThrow(/--from takes beginning, end, an offset or an ISO time/);
    expect(() => parseFrom('-3')).toThrow(/--from/);
  });

  it('reads field comparisons, existence, text and partitions', () => {
    expect(parseFilter('address.city=Brno')).toEqual({ kind: 'json-field', target: 'value', path: 'address.city', operator: '=', value: 'Brno' });
    expect(parseFilter('key:id>=10')).toEqual({ kind: 'json-field', target: 'key', path: 'id', operator: '>=', value: 10 });
    expect(parseFilter('paid!=true')).toMatchObject({ operator: '!=', value: true });
    expect(parseFilter('code="007"')).toMatchObject({ operator: '=', value: '007' });
    expect(parseFilter('note?')).toEqual({ kind: 'json-field', target: 'value', path: 'note', operator: 'exists' });
    expect(parseFilter('text:alice')).toMatchObject({ kind: 'text', target: 'any', pattern: 'alice' });
    expect(parseFilter('partition:0,2')).toEqual({ kind: 'partition', partitions: [0, 2] });
    expect(() => parseFilter('partition:x')).toThrow(/partitions are whole numbers/);
    expect(() => parseFilter('justaword')).toThrow(/is not PATH=VALUE/);
  });
});
