import { describe, expect, it } from 'vitest';
import { runIncludes, specFilters } from '../e2e/spec-selection';

const node = ['/usr/bin/node', '/work/node_modules/.bin/playwright'];
const schemaSpecs = ['test/e2e/schemas.spec.ts'];

describe('E2E spec selection', () => {
  it('reads the file filters of a playwright test command line, skipping option values', () => {
    expect(specFilters([...node, 'test', 'test/e2e/schemas.spec.ts'])).toEqual(['test/e2e/schemas.spec.ts']);
    expect(specFilters([...node, 'test', '--project', 'chromium', '-g', 'diff', 'topics', '--workers=1', '-x'])).toEqual(['topics']);
    expect(specFilters([...node, 'test', '--list'])).toEqual([]);
    expect(specFilters(['/usr/bin/node', 'other-tool'])).toEqual([]);
  });

  it('starts the registry for the schemas specs, a whole run, or a filter that covers them — not for other specs', () => {
    expect(runIncludes([...node, 'test'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'test/e2e/schemas.spec.ts'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'schemas'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'test/e2e'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'test/e2e/topics.spec.ts', '--project', 'chromium'], schemaSpecs)).toBe(false);
    expect(runIncludes([...node, 'test', 'messages', 'producer'], schemaSpecs)).toBe(false);
  });

  it('reads a filter that names a line by its file', () => {
    expect(runIncludes([...node, 'test', 'test/e2e/schemas.spec.ts:97'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'test/e2e/schemas.spec.ts:97:3'], schemaSpecs)).toBe(true);
    expect(runIncludes([...node, 'test', 'test/e2e/topics.spec.ts:12'], schemaSpecs)).toBe(false);
  });
});
