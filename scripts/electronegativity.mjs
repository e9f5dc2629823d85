#!/usr/bin/env node
// Runs Electronegativity over our sources and fails on any finding, whatever its severity, unless docs/decisions/0004-electronegativity.md accepts that exact check in that exact file
// after review. Prints one JSON summary line last, read by scripts/test-all.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const decisionFile = 'docs/decisions/0004-electronegativity.md';
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;

// Scan a copy holding only what ships from source: the main process, preload and renderer.
const staging = mkdtempSync(join(tmpdir(), 'odradek-electronegativity-'));
try {
  for (const path of ['electron', 'renderer/index.html', 'renderer/src', 'package.json']) {
    cpSync(path, join(staging, path), { recursive: true });
  }
  const report = join(staging, 'report.sarif');
  const run = spawnSync(
    process.execPath,
    [createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js'), '-i', staging, '-r', '-v', 'false', '-o', report, '-e', electronVersion],
    { encoding: 'utf8', cwd: staging },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const findings = JSON.parse(readFileSync(report, 'utf8')).runs[0].results.map((result) => {
    const location = result.locations[0].physicalLocation;
    return { check: result.ruleId, file: location.artifactLocation.uri, location: location.region.startLine };
  });
  const accepted = acceptedFindings(readFileSync(decisionFile, 'utf8'));
  const failing = findings.filter((finding) => !accepted.has(`${finding.check} ${finding.file}`));
  for (const finding of findings) {
    const verdict = failing.includes(finding) ? 'FAIL    ' : 'accepted';
    console.log(`${verdict} ${finding.check} ${finding.file}:${finding.location}`);
  }
  if (failing.length > 0) console.error(`\n${failing.length} finding(s) not accepted in ${decisionFile}.`);
  console.log(JSON.stringify({ electronegativity: { findings: findings.length, failing: failing.length } }));
  process.exitCode = failing.length > 0 ? 1 : 0;
} finally {
  rmSync(staging, { recursive: true, force: true });
}

/** Rows of the decision's table: `| CHECK_ID | path/to/file | severity | why |`. */
function acceptedFindings(markdown) {
  const accepted = new Set();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length > 3 && /^[A-Z_]+_CHECK$/.test(cells[1])) accepted.add(`${cells[1]} ${cells[2].replaceAll('`', '')}`);
  }
  return accepted;
}
