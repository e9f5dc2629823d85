// Brokers end to end against the bed: the broker table with the quorum, a broker opened by keyboard,
// its configuration (sources, masked values), a change previewed (before → after, the broker's verdict),
// applied and reverted; and a tenant whose rules include no broker, which hides every broker figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTopics, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();
const brokerId = bed.nodes[0]?.id ?? 1;
const KEY = 'message.max.bytes';

async function openBrokers(app: Page) {
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Brokers', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Brokers', exact: true })).toBeVisible();
}

/** Serious or critical axe violations on the screen as it is now (the a11y spec scans the Brokers screen before its data arrives). */
async function seriousViolations(app: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: app }).analyze();
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

async function previewAndApply(app: Page, editor: ReturnType<Page['getByRole']>, button: 'Preview set' | 'Preview reset') {
  await editor.getByRole('button', { name: button }).click();
  const preview = app.getByTestId('config-preview');
  await expect(preview).toContainText('The broker checked this change (validate only) and accepts it.');
  await preview.getByRole('button', { name: `Apply to broker ${brokerId}` }).click();
  await expect(app.getByRole('status').filter({ hasText: `Changed ${KEY}.` })).toBeVisible();
}

test('a tenant without brokers sees no broker anywhere', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'native file dialogs cannot be answered from a test; the Chromium project queues the answers');
  const prefix = uniqueTopic('e2e-brk');
  await createTopics(bed, [{ topic: `${prefix}-orders` }]);
  const dir = mkdtempSync(join(tmpdir(), 'odradek-brokers-e2e-'));
  try {
    const policyPath = join(dir, 'topics-only.yaml');
    writeFileSync(policyPath, `tenants:\n  - name: "Topics only"\n    resources:\n      - include: ["cluster", "*", "topic", "${prefix}-*"]\n    roles: ["*"]\n`);
    await connectToBed(app, 'Bed hidden brokers');
    dialogAnswers.push(policyPath);
    await app.getByRole('region', { name: 'Tenant', exact: true }).getByRole('button', { name: 'Attach policy file…' }).click();
    await expect(app.getByRole('combobox', { name: 'Tenant', exact: true })).toHaveValue('Topics only');

    await openBrokers(app);
    await expect(app.getByTestId('brokers-empty')).toContainText("Tenant 'Topics only' shows no brokers");
    await expect(app.locator('[data-broker]')).toHaveCount(0);
    await expect(app.getByTestId('quorum-note')).toContainText("Tenant 'Topics only' shows no controller");
    await expect(app.getByRole('tab', { name: 'Cluster defaults' })).toBeDisabled();
    await app.screenshot({ path: testInfo.outputPath('brokers-hidden-by-tenant.png') });

    await app.getByRole('navigation', { name: 'Cluster' }).getByText('Overview', { exact: true }).click();
    await expect(app.locator('[data-figure="Brokers"] dd')).toHaveText('none in this tenant', { timeout: 30_000 });
    await expect(app.locator('[data-figure="Controller"] dd')).toHaveText('not in this tenant');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("brokers with the quorum; a broker's configuration, a change previewed, applied and reverted", async ({ app }, testInfo) => {
  test.setTimeout(90_000);
  await connectToBed(app, 'Bed brokers');
  await openBrokers(app);
  const row = app.locator(`[data-broker="${brokerId}"]`);
  await expect(row).toHaveAttribute('data-status', 'alive', { timeout: 20_000 });
  await expect(row).toContainText('controller');
  await expect(app.getByTestId('quorum')).toContainText(`Leader node ${brokerId}`);
  await expect(app.locator(`[data-quorum-node="${brokerId}"]`)).toContainText('leader');

  // Keyboard: the row is the table's tab stop; Enter opens the broker.
  await row.focus();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: `Broker ${brokerId}` });
  await expect(detail.getByRole('heading', { name: `Broker ${brokerId}` })).toBeVisible();
  const configs = detail.getByRole('table', { name: `Configuration of broker ${brokerId}` });
  await expect(configs.locator('[data-config="node.id"]')).toContainText('static (server.properties)', { timeout: 20_000 });
  // Sensitive values never reach the renderer: the row says so instead of showing one.
  await expect(configs.getByText('sensitive, hidden').first()).toBeVisible();
  await detail.getByRole('textbox', { name: 'Filter configuration' }).fill(KEY);
  await expect(configs.locator(`[data-config="${KEY}"] [data-source]`)).toHaveAttribute('data-source', 'default');
  await app.screenshot({ path: testInfo.outputPath('broker-config.png') });

  const editor = detail.getByRole('group', { name: 'Change a dynamic configuration' });
  await editor.getByLabel('Key', { exact: true }).fill(KEY);
  await editor.getByLabel('New value', { exact: true }).fill('2000000');
  // Closes the key's suggestions, which would cover the buttons.
  await app.keyboard.press('Escape');
  await previewAndApply(app, editor, 'Preview set');
  await expect(app.getByTestId('config-preview').getByRole('table')).toContainText('2000000');
  await expect(configs.locator(`[data-config="${KEY}"] [data-source]`)).toHaveAttribute('data-source', 'dynamic-broker', { timeout: 10_000 });

  await previewAndApply(app, editor, 'Preview reset');
  await expect(configs.locator(`[data-config="${KEY}"] [data-source]`)).toHaveAttribute('data-source', 'default', { timeout: 10_000 });

  expect(await seriousViolations(app)).toEqual([]);

  await detail.getByRole('tab', { name: 'Log directories' }).click();
  await expect(detail.getByText('online').first()).toBeVisible({ timeout: 20_000 });
  expect(await seriousViolations(app)).toEqual([]);
  await app.getByRole('tab', { name: 'Leadership & placement' }).click();
  await expect(app.getByRole('group', { name: 'Preferred leader election' })).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
});
