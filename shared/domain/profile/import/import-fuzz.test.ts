/// <reference types="vite/client" />
// The importer must answer every paste with a structured preview: random bytes, cut or shuffled seed
// snippets and snippets with quotes, backslashes and odd unicode inserted. Deterministic (seeded).
import { describe, expect, it } from 'vitest';
import { importFormats } from './detect';
import { importProfile, type ImportOptions } from './import-profile';

const seeds = Object.values(import.meta.glob<string>('../../../../test/fixtures/imports/*', { query: '?raw', import: 'default', eager: true }));

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inserts = ['"', "'", '“', '”', '‘', '’', '\\', '\\\n', '\n', '\r\n', '=', ':', ';', '<>', '<SASL_PASSWORD>', '${X}', '#', '!', ' ', '\t', '\u0000', '\u2028', '\u202e', '😀', '\uD800', 'é', '--env ', 'required', '\\u12', 'KAFKA_', 'sasl.jaas.config=', '\nkcat -b ', ' -X ', 'docker run '];

function generate(random: () => number, iteration: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const seed = pick(seeds);
  switch (iteration % 5) {
    case 0: {
      const length = Math.floor(random() * 1500);
      return Array.from({ length }, () => String.fromCharCode(random() < 0.8 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 0xffff))).join('');
    }
    case 1:
      return seed.slice(0, Math.floor(random() * seed.length));
    case 2: {
      const lines = seed.split('\n');
      for (let index = lines.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [lines[index], lines[other]] = [lines[other] ?? '', lines[index] ?? ''];
      }
      return lines.join(random() < 0.5 ? '\n' : '\r\n');
    }
    default: {
      let text = seed;
      const edits = 1 + Math.floor(random() * 12);
      for (let edit = 0; edit < edits; edit += 1) {
        const at = Math.floor(random() * (text.length + 1));
        text = random() < 0.75 ? text.slice(0, at) + pick(inserts) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 10));
      }
      return text;
    }
  }
}

describe('importProfile fuzz', () => {
  it('never throws, always returns a well-formed preview, and stays fast', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(27);
    const random = mulberry32(0x0d2adec);
    const iterations = 5000;
    const formats: ImportOptions['format'][] = ['auto', ...importFormats];
    let slowest = 0;
    const started = performance.now();
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const input = generate(random, iteration);
      const format = formats[iteration % formats.length];
      const callStarted = performance.now();
      const preview = importProfile(input, { format });
      slowest = Math.max(slowest, performance.now() - callStarted);
      const lineCount = input.split(/\r\n|\n|\r/).length;
      const context = `iteration ${iteration}: ${JSON.stringify(input.slice(0, 200))}`;
      expect(typeof preview.ok, context).toBe('boolean');
      expect(preview.profile.schemaVersion, context).toBe(1);
      expect(Array.isArray(preview.profile.bootstrapServers), context).toBe(true);
      expect(preview.issues.every((issue) => typeof issue.message === 'string' && issue.message.length > 0), context).toBe(true);
      expect(preview.issues.filter((issue) => issue.code === 'import.internal'), context).toEqual([]);
      expect(preview.issues.every((issue) => issue.line === undefined || (issue.line >= 1 && issue.line <= lineCount)), context).toBe(true);
      expect(preview.ignored.every((entry) => entry.line >= 1 && entry.line <= lineCount), context).toBe(true);
      expect(preview.ok, context).toBe(preview.issues.every((issue) => issue.severity !== 'error'));
      expect(() => JSON.stringify(preview), context).not.toThrow();
    }
    const total = performance.now() - started;
    console.info(`fuzz: ${iterations} inputs in ${Math.round(total)} ms, slowest ${slowest.toFixed(1)} ms`);
    // Generous bounds: the machine is shared; a typical input takes well under a millisecond.
    expect(slowest).toBeLessThan(1_000);
    expect(total).toBeLessThan(45_000);
  }, 60_000);

  it('handles a maximal input quickly', () => {
    const started = performance.now();
    const preview = importProfile(`BOOTSTRAP="${'a'.repeat(300_000)}`);
    expect(preview.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
