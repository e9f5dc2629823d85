// Kafka Connect end to end against the real distributed worker the global setup starts: a profile with a
// Connect cluster added through the profile editor, the connectors list (a source made on the Node side
// through Connect's REST API, and a sink whose task fails because its directory does not exist), the
// failing connector opened by keyboard with its task's trace, and a connector created through the form
// generated from the worker's validation (errors shown in place; Create enabled only once it passes).
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed } from './steps';
import { connectInfo, testbedInfo } from './testbed-info';

const bed = testbedInfo();
const connect = connectInfo();
const run = Date.now().toString(36);
const topic = `e2e-connect-${run}`;
const source = `e2e-source-${run}`;
const broken = `e2e-broken-${run}`;
const created = `e2e-created-${run}`;

async function rest(path: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${connect.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}

test.beforeAll(async () => {
  await createTopic(bed, { topic });
  await rest(`/connectors/${source}/config`, 'PUT', { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector', 'tasks.max': '1', file: join(connect.filesDir, `${run}.txt`), topic });
  await rest(`/connectors/${broken}/config`, 'PUT', { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', 'tasks.max': '1', file: join(connect.filesDir, 'missing-dir', 'out.txt'), topics: topic });
});

test.afterAll(async () => {
  for (const name of [source, broken, created]) await rest(`/connectors/${name}`, 'DELETE').catch(() => undefined);
});

async function openConnect(app: Page, name: string): Promise<void> {
  await connectToBed(app, name, { connectUrl: connect.url });
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Connect', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Connect', exact: true })).toBeVisible();
  await app.getByRole('textbox', { name: 'Filter connectors' }).fill(run);
}

test("the connectors list, and a failed task's trace opened by keyboard", async ({ app }) => {
  await openConnect(app, 'Bed connect list');
  const sourceRow = app.locator(`[data-connector="${source}"]`);
  await expect(sourceRow).toBeVisible({ timeout: 30_000 });
  await expect(sourceRow).toContainText('source');
  await expect(sourceRow).toContainText('FileStreamSourceConnector');
  const brokenRow = app.locator(`[data-connector="${broken}"]`);
  await expect(brokenRow).toContainText('1 failed', { timeout: 30_000 });
  // Keyboard: into the table, down to the broken connector, Enter opens it.
  await sourceRow.focus();
  const rows = [broken, source].sort();
  if (rows[0] === source) await app.keyboard.press('ArrowDown');
  else await brokenRow.focus();
  await expect(brokenRow).toBeFocused();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('region', { name: `Connector ${broken}` });
  await expect(detail.getByTestId('task-0')).toContainText('FAILED', { timeout: 20_000 });
  await expect(detail.getByLabel('Task 0 failure trace')).toContainText('missing-dir');
  await app.keyboard.press('Escape');
});

test('creating a connector through the validated form', async ({ app }) => {
  await openConnect(app, 'Bed connect create');
  await app.getByRole('button', { name: 'New connector' }).click();
  const dialog = app.getByRole('dialog', { name: 'New connector' });
  await dialog.getByRole('textbox', { name: 'Connector name' }).fill(created);
  await dialog.getByLabel('Plugin', { exact: true }).click();
  await app.getByRole('option', { name: /FileStreamSinkConnector/ }).click();
  // The worker's validation: `topics` (or topics.regex) is required for a sink and there is no file yet.
  const status = dialog.getByRole('status');
  await expect(status).toContainText(/Validation found \d+ error/, { timeout: 20_000 });
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: /^topics( · |$)/ }).fill(topic);
  await expect(status).toContainText('Not validated in its current form');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await expect(status).toContainText('Validation passed.', { timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: `Connector ${created}` })).toBeVisible();
  expect(await rest(`/connectors/${created}/config`, 'GET')).toMatchObject({ 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', topics: topic, name: created });
});
