/// <reference lib="dom" />
// Accessibility scan with axe-core on every screen there is (start, connection editor, import, policy
// workspace, overview, topics with the panel open, messages with rows, a message's detail, tenants, the
// screens still to come, the palette and the shortcut list): no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic, sidebar } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

async function seriousViolations(app: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: app }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) — ${violation.help}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

test('axe finds no serious or critical violation on any screen', async ({ app }) => {
  test.setTimeout(420_000);
  const topic = uniqueTopic('e2e-axe');
  await createTopic(bed, { topic, partitions: 2 });
  await produceWithKafkajs(bed, topic, Array.from({ length: 20 }, (_, index) => ({ key: `k-${index}`, partition: index % 2, value: JSON.stringify({ id: index }) })));
  const found: string[] = [];
  const scan = async (screen: string) => {
    const violations = await seriousViolations(app, screen);
    for (const violation of violations) console.log(`[axe] ${violation}`);
    found.push(...violations);
  };

  await expect(app.getByRole('heading', { name: 'Welcome to Odradek' })).toBeVisible();
  await scan('start');
  await app.keyboard.press('Shift+?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await scan('shortcut list');
  await app.keyboard.press('Escape');
  await sidebar(app).getByRole('button', { name: 'Import from properties/env' }).click();
  await scan('import');
  await sidebar(app).getByRole('button', { name: 'Offline policy workspace' }).click();
  await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
  await scan('policy workspace');
  await sidebar(app).getByRole('button', { name: 'Add a connection' }).click();
  await expect(app.getByRole('heading', { name: 'Add a connection' })).toBeVisible();
  await scan('connection editor');

  await connectToBed(app, 'Bed axe');
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(app.locator('[data-figure]').first()).toBeVisible({ timeout: 20_000 });
  await scan('overview');
  await app.keyboard.press('Control+K');
  await expect(app.getByRole('dialog', { name: 'Go to…' })).toBeVisible();
  await scan('command palette');
  await app.keyboard.press('Escape');
  await selectTopic(app, topic);
  await expect(app.getByRole('tab', { name: 'Partitions (2)' })).toBeVisible();
  await scan('topics with the panel');
  await app.getByRole('tab', { name: 'Configuration' }).click();
  await scan('topic configuration');
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('message-count')).toHaveText('20 messages', { timeout: 20_000 });
  await app.getByRole('button', { name: /^Filters/ }).click();
  await scan('messages');
  await app.getByTestId('message-row').first().click();
  await expect(app.getByRole('dialog', { name: /^Message / })).toBeVisible();
  await scan('message detail');
  await app.keyboard.press('Escape');
  const nav = app.getByRole('navigation', { name: 'Cluster' });
  for (const section of ['Consumer groups', 'Schemas', 'Tenants', 'ACLs', 'Brokers']) {
    await nav.getByRole('button', { name: new RegExp(`^${section}`) }).click();
    await scan(section.toLowerCase());
  }
  expect(found).toEqual([]);
});
