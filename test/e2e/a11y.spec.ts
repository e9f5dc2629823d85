/// <reference lib="dom" />
// Accessibility scan with axe-core on every screen there is (start, connection editor, import, policy
// workspace, overview, topics with the panel open, messages with rows, a message's detail, tenants, the
// consumer groups with a group's detail, the Schemas screen with a subject's detail (the global setup
// starts Apicurio for this spec), the palette, the shortcut list and a dark-scheme pass): no serious or
// critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createConsumerGroup, createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic, sidebar } from './steps';
import { REGISTRY_INFO_ENV, registryInfo, testbedInfo } from './testbed-info';

const bed = testbedInfo();

async function seriousViolations(app: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: app }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) — ${violation.help}: ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} [${(node.failureSummary ?? '').replace(/\s+/g, ' ')}]`).join(' | ')}`);
}

test('axe finds no serious or critical violation on any screen', async ({ app }) => {
  test.setTimeout(420_000);
  const topic = uniqueTopic('e2e-axe');
  await createTopic(bed, { topic, partitions: 2 });
  await produceWithKafkajs(bed, topic, Array.from({ length: 20 }, (_, index) => ({ key: `k-${index}`, partition: index % 2, value: JSON.stringify({ id: index }) })));
  const group = `e2e-axe-${Date.now().toString(36)}`;
  await createConsumerGroup(bed, { groupId: group, topic, consume: 6, protocol: 'classic' });
  const found: string[] = [];
  const scan = scanner(app, found);

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
  await nav.getByRole('button', { name: /^Consumer groups/ }).click();
  await expect(app.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Search groups' }).fill(group);
  const groupRow = app.locator(`[data-group="${group}"]`);
  await expect(groupRow.locator('[data-lag="total"]')).toHaveText('14', { timeout: 30_000 });
  await scan('consumer groups');
  await groupRow.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: group })).toBeVisible();
  await scan('consumer group detail');
  for (const section of ['Schemas', 'Tenants', 'Access', 'Brokers']) {
    await nav.getByRole('button', { name: new RegExp(`^${section}`) }).click();
    await scan(section.toLowerCase());
  }
  // The same screens in the dark scheme (the sidebar's theme switch), for the colours that differ there.
  await app.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
  await nav.getByRole('button', { name: /^Topics/ }).click();
  await selectTopic(app, topic);
  await expect(app.getByRole('tab', { name: 'Partitions (2)' })).toBeVisible();
  await scan('dark: topics with the panel');
  await nav.getByRole('button', { name: /^Consumer groups/ }).click();
  await scan('dark: consumer groups');
  expect(found).toEqual([]);
});

// The Schemas screen needs a registry with subjects: the global setup starts Apicurio for this spec too.
test('axe finds no serious or critical violation on the Schemas screen and a subject\'s detail', async ({ app }) => {
  test.skip(!process.env[REGISTRY_INFO_ENV], `${REGISTRY_INFO_ENV} is not set: no Schema Registry was started for this run, so the Schemas screen has no subjects to scan`);
  test.setTimeout(120_000);
  const registry = registryInfo();
  const subject = `e2e-axe-${Date.now().toString(36)}-value`;
  const schema = { type: 'record', name: 'Axe', namespace: 'com.example.e2e', doc: `axe ${subject}`, fields: [{ name: 'id', type: 'string' }] };
  const response = await fetch(`${registry.url}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  expect(response.ok, await response.text()).toBe(true);
  const found: string[] = [];
  const scan = scanner(app, found);
  await connectToBed(app, 'Bed axe schemas', { registryUrl: registry.url });
  await app.getByRole('navigation', { name: 'Cluster' }).getByRole('button', { name: /^Schemas/ }).click();
  await expect(app.getByRole('heading', { name: 'Schemas' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Search subjects' }).fill(subject);
  const row = app.locator(`[data-subject="${subject}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await scan('schemas');
  await row.focus();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: `Subject ${subject}` });
  await expect(detail.getByTestId('schema-viewer').locator('.cm-content')).toContainText('"name": "id"');
  await scan('subject detail');
  expect(found).toEqual([]);
});

function scanner(app: Page, found: string[]): (screen: string) => Promise<void> {
  return async (screen) => {
    // Colours are only final once an opening transition (a modal's fade-in) has run: axe measured a
    // half-faded shortcut list at 2.98:1 on a loaded machine.
    // Spinners loop forever and are left out.
    await app.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity));
    const violations = await seriousViolations(app, screen);
    for (const violation of violations) console.log(`[axe] ${violation}`);
    found.push(...violations);
  };
}
