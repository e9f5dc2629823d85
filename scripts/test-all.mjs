#!/usr/bin/env node
// `npm test`: lint, typecheck, build, unit tests, Electronegativity, integration tests against the real
// Kafka test bed, and the end-to-end specs in Chromium. Every stage runs even when an earlier one fails,
// so one run shows everything; the last line is the overall `N passed, N failed` count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

// The keychain tests need a Secret Service. On a headless machine, start a private D-Bus session with
// an unlocked gnome-keyring and run ourselves inside it.
if (!process.env.ODRADEK_KEYRING_SESSION && !process.env.DBUS_SESSION_BUS_ADDRESS && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const inner = spawnSync('dbus-run-session', ['--', 'sh', 'scripts/with-keyring.sh', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(inner.status ?? 1);
}

const only = new Set(process.argv.slice(2));
const results = 'test-results';
mkdirSync(results, { recursive: true });

const stages = [
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'unit', command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`], report: vitestCounts(`${results}/unit.json`) },
  { name: 'security', command: ['node', 'scripts/electronegativity.mjs'] },
  { name: 'integration', command: ['npx', 'vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/integration.json`], report: vitestCounts(`${results}/integration.json`) },
  // Compatibility: the listener and mechanism test again against the last Kafka 3.9.x.
  {
    name: 'compat-3.9',
    command: ['npx', 'vitest', 'run', '--project', 'integration', 'test/integration/testbed-listeners.test.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/compat.json`],
    env: { KAFKA_VERSION: '3.9', TESTBED_REUSE: '0' },
    report: vitestCounts(`${results}/compat.json`),
  },
  { name: 'e2e', command: ['npx', 'playwright', 'test'], report: playwrightCounts(`${results}/e2e-report.json`) },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const stage of stages) {
  if (only.size > 0 && !only.has(stage.name)) continue;
  const started = Date.now();
  console.log(`\n=== ${stage.name}: ${stage.command.join(' ')}`);
  if (stage.report) rmSync(stage.report.file, { force: true });
  const run = spawnSync(stage.command[0], stage.command.slice(1), { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...stage.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // A stage without per-test counts (lint, typecheck, build, security) counts as one check.
  const counts = stage.report?.read() ?? { passed: 0, failed: 0, skipped: 0 };
  if (!stage.report || (run.status !== 0 && counts.failed === 0)) {
    if (run.status === 0) counts.passed += 1;
    else counts.failed += 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${stage.name.padEnd(12)} ${run.status === 0 ? 'ok  ' : 'FAIL'} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds}s)`);
  // The summary is what a CI log's tail shows: it names each failure, so a flaky one can be told from a new one.
  for (const failure of counts.failures ?? []) lines.push(`    ✗ ${failure}`);
}

console.log(`\n=== summary\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;

/** The first line of an error, without colour codes: enough to tell failures apart in the summary. */
function firstLine(text) {
  return stripVTControlCharacters(String(text ?? 'no message')).split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? 'no message';
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function vitestCounts(file) {
  return {
    file,
    read: () => {
      if (!existsSync(file)) return null;
      const report = JSON.parse(readFileSync(file, 'utf8'));
      const failures = report.testResults.flatMap((file) =>
        file.assertionResults.filter((test) => test.status === 'failed').map((test) => `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName ?? test.title}: ${firstLine(test.failureMessages?.[0])}`),
      );
      // A file that failed before its tests ran (an import or hook error) has no failed test to name.
      for (const file of report.testResults) if (file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed')) failures.push(`${file.name.replace(`${process.cwd()}/`, '')}: ${firstLine(file.message)}`);
      return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests, failures };
    },
  };
}

function playwrightCounts(file) {
  return {
    file,
    read: () => {
      if (!existsSync(file)) return null;
      const { stats, suites } = JSON.parse(readFileSync(file, 'utf8'));
      const failures = [];
      const walk = (suite, path) => {
        for (const spec of suite.specs ?? []) {
          for (const test of spec.tests ?? []) {
            if (test.status !== 'unexpected') continue;
            const result = test.results?.at(-1);
            failures.push(`[${test.projectName}] ${path} › ${spec.title}: ${firstLine(result?.error?.message)}`);
          }
        }
        for (const child of suite.suites ?? []) walk(child, child.title ? `${path} › ${child.title}` : path);
      };
      for (const suite of suites ?? []) walk(suite, suite.file ?? suite.title);
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, failures };
    },
  };
}
