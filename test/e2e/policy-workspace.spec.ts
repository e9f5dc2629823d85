// The offline policy workspace end to end, with no Kafka anywhere: files come through the test dialog
// port (queued answers instead of a user), edits go through CodeMirror, preview and diff run on a
// snapshot fixture, and saving is checked on disk, including the changed-on-disk conflict.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connectToBed } from './steps';

const policyFixture = resolve('test/fixtures/policies/teams.yaml');
const snapshotFixture = resolve('test/fixtures/snapshots/demo.json');
const invalidSnapshotFixture = resolve('test/fixtures/snapshots/bad-partitions.json');

/** Puts the cursor at the end of a 1-based line by keyboard (CodeMirror renders only the lines in view). */
async function goToEndOfLine(app: Page, line: number): Promise<void> {
  await app.locator('.cm-content').click();
  await app.keyboard.press('Control+Home');
  for (let i = 1; i < line; i += 1) await app.keyboard.press('ArrowDown');
  await app.keyboard.press('End');
}

function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((line) => line.includes(text)) + 1;
}

test('edits, validates, previews, diffs and saves a policy file offline, and reports a change made on disk', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const dir = mkdtempSync(join(tmpdir(), 'odradek-policy-e2e-'));
  try {
    const policyPath = join(dir, 'rbac.yaml');
    const snapshotPath = join(dir, 'demo.json');
    copyFileSync(policyFixture, policyPath);
    copyFileSync(snapshotFixture, snapshotPath);
    const original = readFileSync(policyPath, 'utf8');

    await app.getByRole('button', { name: 'Open a policy file offline' }).click();
    await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
    await expect(app.getByText('No snapshot loaded')).toBeVisible();
    await expect(app.getByText('odradek snapshot --profile NAME -o FILE')).toBeVisible();
    // The hint also points to the app's own way to capture one (issue 17).
    await expect(app.getByText('No snapshot loaded').locator('..')).toContainText('Capture snapshot… on its Overview');

    dialogAnswers.push(policyPath);
    await app.getByRole('button', { name: 'Open…' }).click();
    await expect(app.getByTestId('policy-file-name')).toHaveText('rbac.yaml');
    await expect(app.locator('.cm-content')).toContainText('name: "Transactions"');
    await expect(app.getByTestId('dirty-indicator')).toHaveCount(0);

    // An invalid presentation_mode: a marker on the value and a problem naming its line.
    const modeLine = lineOf(original, 'presentation_mode: HIDE_RESOURCES');
    await goToEndOfLine(app, modeLine);
    for (let i = 0; i < 'HIDE_RESOURCES'.length; i += 1) await app.keyboard.press('Backspace');
    await app.keyboard.type('SOMETIMES');
    await expect(app.getByTestId('dirty-indicator')).toBeVisible();
    await expect(app.locator('.cm-lintRange-error')).toHaveText('SOMETIMES');
    const problem = app.getByRole('button', { name: `error on line ${modeLine}, column` });
    await expect(problem).toContainText('unknown presentation_mode "SOMETIMES"');
    await expect(problem).toContainText(`Ln ${modeLine}`);
    await app.screenshot({ path: testInfo.outputPath('policy-workspace-invalid.png') });

    for (let i = 0; i < 'SOMETIMES'.length; i += 1) await app.keyboard.press('Backspace');
    await app.keyboard.type('DEFAULT');
    await expect(app.locator('.cm-lintRange-error')).toHaveCount(0);
    await expect(app.getByRole('region', { name: 'Problems' })).toContainText('0 errors');

    // An invalid snapshot is refused with the JSON path of the problem.
    dialogAnswers.push(invalidSnapshotFixture);
    await app.getByRole('button', { name: 'Open snapshot…' }).click();
    await expect(app.getByRole('alert')).toContainText('bad-partitions.json is not a valid Odradek snapshot: clusters[0].topics[1].partitions');

    // The snapshot: its clusters, then what Payments sees, with a topic inferred from its group.
    dialogAnswers.push(snapshotPath);
    await app.getByRole('button', { name: 'Open another snapshot…' }).click();
    await expect(app.getByTestId('snapshot-name')).toHaveText('demo.json');
    const clusters = app.getByRole('table', { name: 'Clusters in the snapshot' });
    await expect(clusters).toContainText('N9xnGujkR32eYxHICeaHuQ');
    await expect(clusters).toContainText('lkc-dev-8Qx');

    await app.getByRole('combobox', { name: 'Tenant' }).click();
    await app.getByRole('option', { name: 'Payments' }).click();
    const ledger = app.getByRole('list', { name: 'Payments: Topics' }).getByRole('listitem').filter({ hasText: 'ledger' });
    await expect(ledger).toContainText('inferred');
    await expect(ledger).toContainText('prod');
    await expect(app.getByLabel('Tenant totals')).toContainText('Replica disk size');
    await app.getByRole('button', { name: 'Show in editor' }).click();
    await expect(app.locator('.cm-activeLine')).toContainText('name: "Payments"');
    await ledger.scrollIntoViewIfNeeded();
    await app.screenshot({ path: testInfo.outputPath('policy-workspace-preview.png') });

    // Narrowing an include hides topics from Transactions: the diff says so in one line.
    await goToEndOfLine(app, lineOf(original, '- include: ["cluster", "*", "topic", "tx-*"]'));
    for (let i = 0; i < '*"]'.length; i += 1) await app.keyboard.press('Backspace');
    await app.keyboard.type('orders"]');
    await app.getByRole('tab', { name: 'Diff against saved' }).click();
    await expect(app.getByTestId('diff-summary')).toHaveText('this edit hides 1 topic from "Transactions"');
    await expect(app.getByRole('list', { name: 'Transactions: now hidden' })).toContainText('tx-payments');
    await app.screenshot({ path: testInfo.outputPath('policy-workspace-diff.png') });

    // The editor follows the app's colour scheme.
    await app.getByText('Dark', { exact: true }).click();
    await expect(app.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    // Mantine's dark body colour (dark-7): the editor paints with the page's own variables.
    await expect(app.locator('body')).toHaveCSS('background-color', 'rgb(36, 36, 36)');
    await expect(app.locator('.cm-editor')).toHaveCSS('background-color', 'rgb(36, 36, 36)');
    await app.screenshot({ path: testInfo.outputPath('policy-workspace-dark.png') });
    await app.getByText('Light', { exact: true }).click();

    // Save: the file changes atomically and the previous version is kept as .bak.
    await app.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.getByTestId('dirty-indicator')).toHaveCount(0);
    const saved = readFileSync(policyPath, 'utf8');
    expect(saved).toContain('- include: ["cluster", "*", "topic", "tx-orders"]');
    expect(saved).toContain('presentation_mode: DEFAULT');
    expect(existsSync(`${policyPath}.bak`)).toBe(true);
    expect(readFileSync(`${policyPath}.bak`, 'utf8')).toBe(original);
    await expect(app.getByTestId('diff-summary')).toHaveText('this edit does not change what any tenant sees');

    // Someone else edits the file: saving now asks to reload or overwrite.
    appendFileSync(policyPath, '# changed behind Odradek\n');
    await goToEndOfLine(app, modeLine);
    await app.keyboard.type('   # reviewed');
    await app.keyboard.press('Control+S');
    const conflict = app.getByRole('dialog', { name: 'The file changed on disk' });
    await expect(conflict).toContainText('rbac.yaml changed on disk since you opened it; reload it or overwrite it.');
    await expect(conflict).toHaveCSS('opacity', '1');
    await app.screenshot({ path: testInfo.outputPath('policy-workspace-conflict.png') });
    expect(readFileSync(policyPath, 'utf8')).toContain('# changed behind Odradek');

    await conflict.getByRole('button', { name: 'Reload from disk' }).click();
    await expect(conflict).toBeHidden();
    await expect(app.getByTestId('dirty-indicator')).toHaveCount(0);
    // The reloaded text ends with the other change; CodeMirror renders the lines in view, so go there.
    await app.locator('.cm-content').click();
    await app.keyboard.press('Control+End');
    await expect(app.locator('.cm-content')).toContainText('# changed behind Odradek');
    await expect(app.locator('.cm-content')).not.toContainText('# reviewed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('turns a tenant into kafka-acls commands offline and lists what ACLs cannot express', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  dialogAnswers.push(policyFixture);
  await app.getByRole('button', { name: 'Open a policy file offline' }).click();
  await app.getByRole('button', { name: 'Open…' }).click();
  await expect(app.getByTestId('policy-file-name')).toHaveText('teams.yaml');

  await app.getByRole('tab', { name: 'Kafka ACLs' }).click();
  const panel = app.getByTestId('tenant-acl-panel');
  await panel.getByRole('combobox', { name: 'Tenant' }).click();
  await app.getByRole('option', { name: 'Transactions', exact: true }).click();
  await panel.getByRole('textbox', { name: 'Principal' }).fill('User:tx-service');
  const commands = app.getByTestId('acl-commands');
  await expect(commands).toContainText("--allow-principal User:tx-service --operation Read --operation Describe --topic tx- --resource-pattern-type prefixed");
  await panel.getByText('write', { exact: true }).click();
  await expect(commands).toContainText('--operation Write');
  // Long commands keep one line each and scroll sideways inside the panel instead of being cut (issue 17).
  await app.setViewportSize({ width: 1024, height: 680 });
  const layout = await commands.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const panelBox = element.closest('[data-testid="tenant-acl-panel"]')!.getBoundingClientRect();
    return { scrolls: element.scrollWidth > element.clientWidth, inside: box.right <= panelBox.right + 1 };
  });
  expect(layout).toEqual({ scrolls: true, inside: true });
  await expect(panel.getByText('Not expressible as Kafka ACLs')).toBeVisible();
  await expect(panel).toContainText('"tx-audit"');
  // Checking against a cluster needs a connection; none is chosen, so nothing is sent.
  await expect(app.getByRole('button', { name: 'Preview on cluster' })).toBeDisabled();
});

test('closing the window with unsaved edits asks first', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'Electron answers beforeunload with a native dialog a test cannot click');
  await app.getByRole('button', { name: 'Open a policy file offline' }).click();
  await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
  const asked: string[] = [];
  app.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await app.locator('.cm-content').click();
  await app.keyboard.type('# a note');
  await expect(app.getByTestId('dirty-indicator')).toBeVisible();
  // Headless Chromium skips beforeunload on close but runs it on reload: the same request to leave.
  const leaving = app.reload({ timeout: 3_000 }).catch(() => 'stayed');
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(await leaving).toBe('stayed');
  await expect(app.locator('.cm-content')).toContainText('# a note');
});

test('opening the policy workspace from a connection keeps the connection (issue 17)', async ({ app }) => {
  await connectToBed(app, 'Bed workspace');
  await expect(app.getByTestId('connection-state')).toHaveText(/^Connected/, { timeout: 20_000 });
  await app.getByRole('navigation', { name: 'Connections and navigation' }).getByRole('button', { name: 'Offline policy workspace' }).click();
  await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
  // Still connected, and the cluster's screens are one click away.
  await expect(app.getByTestId('connection-state')).toHaveText(/^Connected/);
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Overview', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test("the Kafka ACLs tab shows the open file's tenants while its text does not parse, never the template's (issue 17)", async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const dir = mkdtempSync(join(tmpdir(), 'odradek-policy-acl-e2e-'));
  try {
    const brokenPath = join(dir, 'broken.yaml');
    appendFileSync(brokenPath, 'tenants:\n  - name: "Broken"\n    resources: [\n');
    await app.getByRole('button', { name: 'Open a policy file offline' }).click();
    dialogAnswers.push(policyFixture);
    await app.getByRole('button', { name: 'Open…' }).click();
    await expect(app.getByTestId('policy-file-name')).toHaveText('teams.yaml');
    await app.getByRole('tab', { name: 'Kafka ACLs' }).click();
    const panel = app.getByTestId('tenant-acl-panel');
    const tenant = panel.getByRole('combobox', { name: 'Tenant' });
    await expect(tenant).toHaveValue('Transactions');
    await expect(app.getByTestId('tenant-acl-source')).toHaveCount(0);

    // A YAML syntax error on line 1: the tab keeps the file's tenants and says they come from the last valid text.
    await goToEndOfLine(app, 1);
    await app.keyboard.type('\n: [');
    await expect(app.getByRole('button', { name: /^error on line/ }).first()).toBeVisible();
    await expect(tenant).toHaveValue('Transactions');
    await expect(app.getByTestId('tenant-acl-source')).toContainText('From the last valid text');
    await tenant.click();
    await expect(app.getByRole('option', { name: 'Payments', exact: true })).toBeVisible();
    await expect(app.getByRole('option', { name: 'Global', exact: true })).toHaveCount(0);
    await app.keyboard.press('Escape');
    await expect(app.getByRole('button', { name: 'Preview on cluster' })).toBeDisabled();

    // A file that never parsed has no last valid text: the tab says it does not parse instead of listing any tenant.
    await app.getByRole('button', { name: 'Open…' }).click();
    dialogAnswers.push(brokenPath);
    await app.getByRole('button', { name: 'Discard changes' }).click();
    await expect(app.getByTestId('policy-file-name')).toHaveText('broken.yaml');
    await expect(app.getByTestId('tenant-acl-source')).toContainText('The file does not parse');
    await expect(app.getByTestId('tenant-acl-panel')).toHaveCount(0);
    await expect(app.getByText('Global', { exact: true })).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the Preview tab evaluates the open file's tenants while its text does not parse, never Kpow's defaults (issue 17)", async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const dir = mkdtempSync(join(tmpdir(), 'odradek-policy-preview-e2e-'));
  try {
    const brokenPath = join(dir, 'broken.yaml');
    appendFileSync(brokenPath, 'tenants:\n  - name: "Broken"\n    resources: [\n');
    await app.getByRole('button', { name: 'Open a policy file offline' }).click();
    dialogAnswers.push(policyFixture);
    await app.getByRole('button', { name: 'Open…' }).click();
    await expect(app.getByTestId('policy-file-name')).toHaveText('teams.yaml');
    dialogAnswers.push(snapshotFixture);
    await app.getByRole('button', { name: 'Open snapshot…' }).click();
    await expect(app.getByTestId('snapshot-name')).toHaveText('demo.json');
    const tenant = app.getByRole('combobox', { name: 'Tenant' });
    await expect(tenant).toHaveValue('Transactions');
    await expect(app.getByTestId('policy-preview-source')).toHaveCount(0);

    // A YAML syntax error on line 1: the preview keeps the file's tenants and says they are the last valid text's.
    await goToEndOfLine(app, 1);
    await app.keyboard.type('\n: [');
    await expect(app.getByRole('button', { name: /^error on line/ }).first()).toBeVisible();
    await expect(app.getByTestId('policy-preview-source')).toContainText('the preview shows the tenants of the last valid text');
    await expect(tenant).toHaveValue('Transactions');
    await tenant.click();
    await expect(app.getByRole('option', { name: 'Payments', exact: true })).toBeVisible();
    await expect(app.getByRole('option', { name: 'Global', exact: true })).toHaveCount(0);
    await app.keyboard.press('Escape');

    // A file that never parsed: no tenant is previewed, and the note says the file does not parse.
    await app.getByRole('button', { name: 'Open…' }).click();
    dialogAnswers.push(brokenPath);
    await app.getByRole('button', { name: 'Discard changes' }).click();
    await expect(app.getByTestId('policy-file-name')).toHaveText('broken.yaml');
    await expect(app.getByTestId('policy-preview-source')).toContainText('The file does not parse');
    await expect(app.getByRole('combobox', { name: 'Tenant' })).toHaveCount(0);
    await expect(app.getByText('Global', { exact: true })).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
