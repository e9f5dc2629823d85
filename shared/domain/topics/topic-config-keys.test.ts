import { describe, expect, it } from 'vitest';
import { configRangeWords, configValueProblem, humanBytes, humanDuration, readableConfigValue, topicConfigKeys } from './topic-config-keys';

describe('known topic config keys', () => {
  it('reads durations, sizes and special values the way a person says them', () => {
    expect(readableConfigValue('retention.ms', '604800000')).toBe('7 days');
    expect(readableConfigValue('retention.ms', '-1')).toBe('unlimited');
    expect(readableConfigValue('retention.bytes', '-1')).toBe('unlimited');
    expect(readableConfigValue('local.retention.ms', '-2')).toBe('same as retention.ms');
    expect(readableConfigValue('segment.bytes', '1073741824')).toBe('1 GiB');
    expect(readableConfigValue('max.message.bytes', '1048588')).toBe('about 1.0 MiB');
    expect(readableConfigValue('min.insync.replicas', '2')).toBe('2');
    expect(readableConfigValue('cleanup.policy', 'compact,delete')).toBe('compact,delete');
    expect(readableConfigValue('not.a.known.key', '123')).toBe('123');
    expect(humanDuration(90_000)).toBe('1 minute 30 seconds');
    expect(humanDuration(93_784_005)).toBe('about 1 day 2 hours');
    expect(humanDuration(500)).toBe('500 ms');
    expect(humanBytes(0)).toBe('0 bytes');
    expect(humanBytes(1536)).toBe('about 1.5 KiB');
  });

  it('says what is wrong with a value for its key, and leaves unknown keys to the broker', () => {
    expect(configValueProblem('retention.ms', '7d')).toBe('retention.ms takes a whole number of milliseconds, not "7d".');
    expect(configValueProblem('retention.ms', '-2')).toMatch(/^retention\.ms must be between -1 and 9223372036854775807 \(-1 means unlimited\)/);
    expect(configValueProblem('retention.ms', '9223372036854775807')).toBeNull();
    expect(configValueProblem('min.insync.replicas', '2147483648')).toMatch(/between 1 and 2147483647/);
    expect(configValueProblem('cleanup.policy', 'compact, delete')).toBeNull();
    expect(configValueProblem('cleanup.policy', 'compact,shred')).toBe('cleanup.policy is a comma-separated list of delete, compact; "shred" is not.');
    expect(configValueProblem('compression.type', 'brotli')).toMatch(/one of producer, uncompressed/);
    expect(configValueProblem('preallocate', 'yes')).toBe('preallocate is true or false, not "yes".');
    expect(configValueProblem('min.cleanable.dirty.ratio', '1.5')).toMatch(/between 0 and 1/);
    expect(configValueProblem('some.plugin.key', 'anything')).toBeNull();
  });

  it('follows the broker (Kafka 4.3.1 LogConfig): segment.bytes from 1 MiB, gzip -1 or 1..9, retention.bytes unbounded', () => {
    expect(configValueProblem('segment.bytes', '14')).toMatch(/between 1048576 and 2147483647/);
    expect(configValueProblem('segment.bytes', '1048576')).toBeNull();
    expect(configValueProblem('compression.gzip.level', '-1')).toBeNull();
    expect(configValueProblem('compression.gzip.level', '0')).toBe('compression.gzip.level must be between 1 and 9 or -1 (-1 means codec default); 0 is outside.');
    expect(configValueProblem('compression.gzip.level', '9')).toBeNull();
    expect(configValueProblem('retention.bytes', '-5')).toBeNull();
    expect(configValueProblem('local.retention.ms', '-2')).toBeNull();
    expect(configValueProblem('local.retention.ms', '-3')).toMatch(/between -2 and/);
  });

  it("says a key's range in words, with its special values", () => {
    expect(configRangeWords('retention.ms')).toBe('-1 (unlimited), or at least 0 ms.');
    expect(configRangeWords('segment.ms')).toBe('At least 1 ms.');
    expect(configRangeWords('segment.bytes')).toBe('1,048,576 (1 MiB) to 2,147,483,647 (about 2.0 GiB).');
    expect(configRangeWords('compression.gzip.level')).toBe('-1 (codec default), or 1 to 9.');
    expect(configRangeWords('retention.bytes')).toBe('-1 (unlimited), or any whole number.');
    expect(configRangeWords('min.cleanable.dirty.ratio')).toBe('From 0 to 1.');
    expect(configRangeWords('cleanup.policy')).toBeNull();
    expect(configRangeWords('not.known')).toBeNull();
  });

  it('gives every enum its values and every bounded kind sensible bounds', () => {
    for (const [key, spec] of Object.entries(topicConfigKeys)) {
      if (spec.kind === 'enum' || spec.kind === 'enum-list') expect(spec.values?.length, key).toBeGreaterThan(1);
      if (spec.min !== undefined && spec.max !== undefined) expect(spec.min, key).toBeLessThan(spec.max);
    }
  });
});
