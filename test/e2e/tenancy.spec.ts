// Tenant views end to end: topics with a unique prefix on the real bed, a policy file with two tenants
// attached to a PLAINTEXT profile through the (queued) file dialog, choosing a tenant, the topic list and
// the overview agreeing on what the tenant sees, switching tenant, HIDE_RESOURCES hiding Schemas with
// Alt+N following the visible sections, and capturing the tenant's snapshot.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createTopics, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

/** Payments sees the two pay topics; Transactions sees tx-events but not its audit trail; nobody sees other. */
function policyFor(prefix: string): string {
  return `# Two teams on one cluster.
tenants:
  - name: "Payments"
    description: "Payment topics only; it has no schemas, so Schemas is hidden."
    resources:
      - include: ["cluster", "*", "topic", "${prefix}-pay*"]
    presentation_mode: HIDE_RESOURCES
    roles: [pay-team]
  - name: "Transactions"
    description: "Transaction topics without the audit trail."
    resources:
      - include: ["cluster", "*", "topic", "${prefix}-tx*"]
      - exclude: ["cluster", "*", "topic", "${prefix}-tx-audit"]
    roles: [tx-team]
`;
}

async function overviewTopics(app: Page) {
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Overview', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();
  return app.locator('[data-figure="Topics"] dd');
}

async function showTopics(app: Page) {
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Topics', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Topics' })).toBeVisible();
}

test('attach a policy, choose a tenant, see only its topics with matching totals, switch tenant, capture a snapshot', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const prefix = uniqueTopic('e2e-ten');
  const topic = (suffix: string) => `${prefix}-${suffix}`;
  await createTopics(bed, ['pay-orders', 'pay-refunds', 'tx-events', 'tx-audit', 'other'].map((suffix) => ({ topic: topic(suffix) })));
  const dir = mkdtempSync(join(tmpdir(), 'odradek-tenancy-e2e-'));
  try {
    const policyPath = join(dir, 'teams.yaml');
    writeFileSync(policyPath, policyFor(prefix));

    await connectToBed(app, 'Bed tenancy');

    // No policy yet: the whole cluster, so the overview counts more than this test's topics.
    const tenantSection = app.getByRole('region', { name: 'Tenant', exact: true });
    await expect(tenantSection).toContainText('Whole cluster (no policy file)');
    const navigation = app.getByRole('navigation', { name: 'Cluster' });
    await expect(navigation.getByText('Schemas', { exact: true })).toBeVisible();

    dialogAnswers.push(policyPath);
    await tenantSection.getByRole('button', { name: 'Attach policy file…' }).click();

    // Two tenants for the roles (all of them by default): main asks for a choice before any Kafka view.
    await expect(app.getByRole('heading', { name: 'Choose a tenant' })).toBeVisible();
    const tenants = app.getByRole('list', { name: 'Tenants' });
    await expect(tenants.locator('[data-tenant="Transactions"]')).toContainText('Transaction topics without the audit trail.');
    await expect(tenants.locator('[data-tenant="Payments"]')).toContainText('HIDE_RESOURCES');
    await tenants.getByRole('button', { name: 'Enter Payments' }).click();

    // Payments has no schema resources and HIDE_RESOURCES: no Schemas, and Alt+4 is now Tenants.
    await expect(app.getByRole('combobox', { name: 'Tenant', exact: true })).toHaveValue('Payments');
    await expect(navigation.getByText('Schemas', { exact: true })).toHaveCount(0);
    await expect(navigation.locator('[aria-keyshortcuts="Alt+4"]')).toContainText('Tenants');
    await app.keyboard.press('Alt+4');
    await expect(app.getByRole('heading', { name: 'Tenants' })).toBeVisible();

    const paymentsOverview = await overviewTopics(app);
    await expect(paymentsOverview).toHaveText('2', { timeout: 30_000 });
    await expect(app.locator('[data-figure="Tenant"] dd')).toHaveText('Payments');
    await app.screenshot({ path: testInfo.outputPath('tenancy-overview-payments.png') });

    await showTopics(app);
    await expect(app.locator(`[data-topic="${topic('pay-orders')}"]`)).toBeVisible({ timeout: 20_000 });
    await expect(app.locator(`[data-topic="${topic('pay-refunds')}"]`)).toBeVisible();
    await expect(app.getByTestId('topic-count')).toHaveText('2 topics');
    await expect(app.locator('[data-topic]')).toHaveCount(2);
    await app.screenshot({ path: testInfo.outputPath('tenancy-topics-payments.png') });

    // Switching from the navigation: the list starts over with the other tenant's topics.
    await app.getByRole('combobox', { name: 'Tenant', exact: true }).click();
    await app.getByRole('option', { name: 'Transactions' }).click();
    await expect(app.getByRole('combobox', { name: 'Tenant', exact: true })).toHaveValue('Transactions');
    await expect(app.locator(`[data-topic="${topic('tx-events')}"]`)).toBeVisible({ timeout: 20_000 });
    await expect(app.getByTestId('topic-count')).toHaveText('1 topic');
    await expect(app.locator('[data-topic]')).toHaveCount(1);
    await expect(app.locator(`[data-topic="${topic('tx-audit')}"]`)).toHaveCount(0);
    await expect(navigation.getByText('Schemas', { exact: true })).toBeVisible();

    const transactionsOverview = await overviewTopics(app);
    await expect(transactionsOverview).toHaveText('1', { timeout: 30_000 });
    await expect(app.locator('[data-figure="Tenant"] dd')).toHaveText('Transactions');

    // The snapshot holds only what the tenant sees.
    const snapshotPath = join(dir, 'transactions.json');
    dialogAnswers.push(snapshotPath);
    await app.getByRole('button', { name: 'Capture snapshot…' }).click();
    await expect(app.getByTestId('snapshot-result')).toContainText('Saved 1 topic and 0 groups', { timeout: 30_000 });
    await expect(app.getByTestId('snapshot-result')).toContainText(snapshotPath);
    expect(existsSync(snapshotPath)).toBe(true);
    const snapshot = readFileSync(snapshotPath, 'utf8');
    expect(snapshot).toContain(topic('tx-events'));
    expect(snapshot).not.toContain(topic('pay-orders'));
    expect(snapshot).not.toContain(topic('tx-audit'));

    // Acting as pay-team alone leaves one tenant, which main enters by itself.
    const roles = app.getByRole('combobox', { name: 'Roles', exact: true });
    await roles.focus();
    await roles.press('Backspace');
    await expect(app.getByRole('combobox', { name: 'Tenant', exact: true })).toHaveValue('Payments');
    await expect(navigation.getByText('Schemas', { exact: true })).toHaveCount(0);
    await expect(transactionsOverview).toHaveText('2', { timeout: 30_000 });

    // The Tenants section shows the file, its scope, the roles and the one tenant left, active.
    await app.keyboard.press('Escape');
    await navigation.getByText('Tenants', { exact: true }).click();
    await expect(app.getByTestId('policy-path')).toHaveText(policyPath);
    await expect(app.getByRole('region', { name: 'Available tenants' })).toContainText('Acting as pay-team.');
    const available = app.getByRole('list', { name: 'Tenants' });
    await expect(available.locator('[data-tenant="Payments"]')).toContainText('active');
    await expect(available.locator('[data-tenant="Transactions"]')).toHaveCount(0);
    await app.screenshot({ path: testInfo.outputPath('tenancy-tenants.png') });

    // Detaching returns to the whole cluster.
    await app.getByRole('button', { name: 'Detach from this connection' }).click();
    await expect(app.getByTestId('tenancy-status')).toHaveText('Whole cluster (no policy file)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an invalid policy file closes the Kafka views and lists its problems with a way to fix them', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const dir = mkdtempSync(join(tmpdir(), 'odradek-tenancy-e2e-'));
  try {
    const policyPath = join(dir, 'broken.yaml');
    const text = policyFor(uniqueTopic('e2e-ten-bad')).replace('presentation_mode: HIDE_RESOURCES', 'presentation_mode: SOMETIMES');
    writeFileSync(policyPath, text);
    const badLine = text.split('\n').findIndex((line) => line.includes('SOMETIMES')) + 1;

    await connectToBed(app, 'Bed broken policy');

    dialogAnswers.push(policyPath);
    await app.getByRole('region', { name: 'Tenant', exact: true }).getByRole('button', { name: 'Attach policy file…' }).click();
    await expect(app.getByRole('region', { name: 'Tenant', exact: true })).toContainText('The policy file has errors');

    // Every Kafka view shows the problems instead of a refusal.
    for (const section of ['Overview', 'Topics']) {
      await app.getByRole('navigation', { name: 'Cluster' }).getByText(section, { exact: true }).click();
      await expect(app.getByRole('heading', { name: 'The policy file has errors' })).toBeVisible();
    }
    const problems = app.getByRole('list', { name: 'Policy file problems' });
    await expect(problems).toContainText('unknown presentation_mode "SOMETIMES"');
    await expect(problems).toContainText(`${badLine}:`);
    await app.screenshot({ path: testInfo.outputPath('tenancy-invalid.png') });

    // The Tenants section stays open so the file can be replaced or detached.
    await app.getByRole('navigation', { name: 'Cluster' }).getByText('Tenants', { exact: true }).click();
    await expect(app.getByTestId('policy-path')).toHaveText(policyPath);
    await expect(app.getByRole('list', { name: 'Policy file problems' })).toContainText('SOMETIMES');
    await app.getByRole('button', { name: 'Detach from this connection' }).click();
    await expect(app.getByTestId('tenancy-status')).toHaveText('Whole cluster (no policy file)');

    // Attached again, the pointer leads to the policy workspace.
    dialogAnswers.push(policyPath);
    await app.getByRole('button', { name: 'Attach to this connection…' }).click();
    await app.getByRole('navigation', { name: 'Cluster' }).getByText('Overview', { exact: true }).click();
    await app.getByRole('button', { name: 'Fix it in the policy workspace' }).click();
    await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
