// The integration setup starts Apicurio once only for runs that include a file using the registry.
import { describe, expect, it } from 'vitest';
import { runNeedsRegistry } from '../../testbed/global-setup';

const files = [
  { name: 'schema-registry-client.test.ts', text: 'registry = await registryForTests(bed);' },
  { name: 'topics-service.test.ts', text: 'no registry here' },
];
const argv = (...args: string[]) => ['node', 'vitest.mjs', 'run', ...args];

describe('runNeedsRegistry', () => {
  it('a whole run, or one naming a registry file, needs it; a run of other files does not', () => {
    expect(runNeedsRegistry(argv('--project', 'integration'), files)).toBe(true);
    expect(runNeedsRegistry(argv('--project', 'integration', 'test/integration/schema-registry-client.test.ts'), files)).toBe(true);
    expect(runNeedsRegistry(argv('--project', 'integration', 'schema-registry'), files)).toBe(true);
    expect(runNeedsRegistry(argv('--project', 'integration', 'test/integration/topics-service.test.ts'), files)).toBe(false);
    expect(runNeedsRegistry(argv('--project', 'integration'), [files[1]!])).toBe(false);
  });
});
