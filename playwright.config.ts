import { defineConfig } from '@playwright/test';

// Two projects run the same specs: the built renderer in Debian's Chromium behind the WebSocket test
// bridge, and the real app under Playwright's _electron where an Electron binary exists (the electron
// project reports its specs as skipped, with the reason, when it does not).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Starts (or reuses) the Kafka test bed and picks a throwaway keychain service; returns the teardown.
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  projects: [
    { name: 'chromium', metadata: { target: 'chromium' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
