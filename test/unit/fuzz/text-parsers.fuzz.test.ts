/// <reference types="vite/client" />
// Fuzz: every text parser a user or a file feeds answers with a structured result or its own error
// class, never an unexpected exception or a stall: the profile importers (properties, env, JAAS,
// librdkafka, docker/kcat command lines), the policy YAML parser and the tenant evaluator, the snapshot
// loader, and the JSON Lines readers of bulk produce and of the export format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFormats } from '../../../shared/domain/profile/import/detect';
import { importProfile } from '../../../shared/domain/profile/import/import-profile';
import { parsePolicyFile } from '../../../shared/domain/tenancy/policy-file';
import { compileTenant, effectiveTenants, evaluateTenant, visibilityOf } from '../../../shared/domain/tenancy/evaluate';
import { parseSnapshot } from '../../../shared/domain/snapshot/snapshot';
import { ProduceLineError, parseProduceLine } from '../../../shared/domain/messages/produce-request';
import { parseMessageJsonlLine } from '../../../shared/domain/messages/message-jsonl';
import { FUZZ_TEST_TIMEOUT, anyText, fuzz, mutatedText } from './fuzz';

const raw = (files: Record<string, string>) => Object.values(files);
const importSeeds = raw(import.meta.glob<string>('../../fixtures/imports/*', { query: '?raw', import: 'default', eager: true }));
const policySeeds = raw(import.meta.glob<string>('../../fixtures/policies/*', { query: '?raw', import: 'default', eager: true }));
const snapshotSeeds = raw(import.meta.glob<string>('../../fixtures/snapshots/*', { query: '?raw', import: 'default', eager: true }));
const demoSnapshot = (() => {
  const parsed = parseSnapshot(snapshotSeeds.find((text) => parseSnapshot(text).ok) ?? '');
  if (!parsed.ok) throw new Error('no valid snapshot fixture');
  return parsed.snapshot;
})();

const jsonlSeeds = [
  '{"value":"hello"}',
  '{"key":"k1","value":{"a":[1,2,{"b":null}]},"headers":{"h":"v","r":["1","2"]}}',
  '{"topic":"t","partition":0,"offset":"12","timestamp":"2026-01-01T00:00:00Z","key":"aGk=","keyEncoding":"base64","value":null,"headers":[{"key":"h","value":"dg==","encoding":"base64"}]}',
  '{"value":"x","timestamp":1700000000000,"partition":3}',
];

describe('fuzz: text parsers', () => {
  it('profile import: any paste gives a preview, in every format', async () => {
    const formats = [undefined, ...importFormats];
    await fuzz(
      'profile import (properties/env/JAAS/librdkafka/command line)',
      fc.tuple(fc.oneof({ weight: 3, arbitrary: mutatedText(importSeeds, 14) }, { weight: 1, arbitrary: anyText(3_000) }), fc.constantFrom(...formats)),
      ([text, format]) => {
        const preview = importProfile(text, format ? { format } : {});
        expect(typeof preview.ok).toBe('boolean');
        expect(Array.isArray(preview.issues)).toBe(true);
        if (!preview.ok) expect(preview.issues.some((issue) => issue.severity === 'error')).toBe(true);
      },
      { runs: 3_000 },
    );
  }, FUZZ_TEST_TIMEOUT);

  it('policy YAML: any text parses to diagnostics, and every tenant it yields evaluates', async () => {
    await fuzz(
      'policy YAML parser + tenant evaluator',
      fc.oneof({ weight: 4, arbitrary: mutatedText(policySeeds, 12) }, { weight: 1, arbitrary: anyText(2_000) }),
      (text) => {
        const result = parsePolicyFile(text);
        expect(typeof result.valid).toBe('boolean');
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(typeof diagnostic.message).toBe('string');
        }
        for (const tenant of effectiveTenants(result.policy)) {
          const compiled = compileTenant(tenant);
          evaluateTenant(compiled, demoSnapshot);
          visibilityOf(compiled, { domain: 'cluster', id: 'c', type: 'topic', name: 'tx-payments' });
        }
      },
      { runs: 2_500, timeLimitMs: 7_000 },
    );
  }, FUZZ_TEST_TIMEOUT);

  it('policy YAML: alias bombs and deep nesting end with a diagnostic, quickly', () => {
    const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 12; level++) laughs.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    laughs.push('tenants: *l');
    const deep = `tenants: ${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    for (const text of [laughs.join('\n'), deep]) {
      const started = performance.now();
      const result = parsePolicyFile(text);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result.valid).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  }, FUZZ_TEST_TIMEOUT);

  it('snapshot loader: any text is a snapshot or issues with paths', async () => {
    const snapshotMutations = fc.oneof(
      { weight: 3, arbitrary: mutatedText(snapshotSeeds, 10) },
      { weight: 1, arbitrary: anyText(2_000) },
      { weight: 1, arbitrary: fc.json({ maxDepth: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"polluted":1},"version":1}', '{"constructor":{"prototype":{"x":1}}}', '['.repeat(100_000), '{"version":1,"clusters":' + '['.repeat(50_000)) },
    );
    await fuzz(
      'snapshot loader',
      snapshotMutations,
      (text) => {
        const result = parseSnapshot(text);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(typeof issue.path).toBe('string');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
      { runs: 2_500 },
    );
  }, FUZZ_TEST_TIMEOUT);

  it('bulk produce JSON Lines: any line is a record or a ProduceLineError', async () => {
    await fuzz(
      'bulk produce JSON Lines reader',
      fc.oneof({ weight: 4, arbitrary: mutatedText(jsonlSeeds, 8) }, { weight: 1, arbitrary: anyText(1_000) }, { weight: 1, arbitrary: fc.json({ maxDepth: 5 }) }),
      (line) => {
        try {
          const record = parseProduceLine(line);
          expect(record.value === null || record.value instanceof Uint8Array).toBe(true);
          if (record.timestamp !== undefined) expect(Number.isFinite(record.timestamp)).toBe(true);
        } catch (error) {
          if (!(error instanceof ProduceLineError)) throw error;
          expect(error.message.length).toBeGreaterThan(0);
        }
      },
      { runs: 4_000 },
    );
  }, FUZZ_TEST_TIMEOUT);

  it('export JSON Lines: any line parses or throws a SyntaxError or ZodError', async () => {
    await fuzz(
      'export JSON Lines line reader',
      fc.oneof({ weight: 4, arbitrary: mutatedText(jsonlSeeds, 8) }, { weight: 1, arbitrary: anyText(1_000) }),
      (line) => {
        try {
          parseMessageJsonlLine(line);
        } catch (error) {
          expect(['SyntaxError', 'ZodError']).toContain((error as Error).name);
        }
      },
      { runs: 3_000 },
    );
  }, FUZZ_TEST_TIMEOUT);
});
