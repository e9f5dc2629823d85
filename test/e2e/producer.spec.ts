// Producing end to end: a JSON message with a header typed into the Produce dialog of a topic, seen
// again by browsing; re-produced from its detail to another topic; a JSON Lines file produced with a
// bad line reported by number; and a read-only profile, whose producer actions are disabled with the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchRecord } from '../../electron/main/services/messages/fetch-message';
import { systemClock } from '../../electron/main/services/ports';
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

test('produce a message, browse it, re-produce it to another topic, produce a JSON Lines file', async ({ app, dialogAnswers }, testInfo) => {
  const topic = uniqueTopic('e2e-produce');
  const copies = uniqueTopic('e2e-produce-copies');
  await createTopic(bed, { topic, partitions: 2 });
  await createTopic(bed, { topic: copies });

  await connectToBed(app, 'Bed producer');
  await selectTopic(app, topic);

  await app.getByRole('button', { name: 'Produce…', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: `Produce to ${topic}` });
  await dialog.getByRole('textbox', { name: 'Key' }).fill('order-7');
  await dialog.getByText('JSON', { exact: true }).click();
  const value = dialog.getByRole('textbox', { name: 'Value' });
  await value.fill('{"id": 7, "total": }');
  await expect(dialog.getByText(/Not valid JSON: .* at line 1, column 20\./)).toBeVisible();
  await value.fill('{"id": 7, "total": 12.5}');
  await dialog.getByRole('button', { name: 'Add header' }).click();
  await dialog.getByRole('textbox', { name: 'Header 1 name' }).fill('source');
  await dialog.getByRole('textbox', { name: 'Header 1 value' }).fill('e2e');
  await dialog.getByRole('combobox', { name: 'Partition' }).click();
  await app.getByRole('option', { name: 'Partition 1' }).click();
  await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText(`ProducedWritten to partition 1 of '${topic}' at offset 0.`, { timeout: 20_000 });
  await app.screenshot({ path: testInfo.outputPath('produce-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('message-count')).toHaveText('1 message', { timeout: 20_000 });
  const row = app.getByTestId('message-row').first();
  await expect(row).toContainText('{"id": 7, "total": 12.5}');
  await row.click();
  const drawer = app.getByRole('dialog', { name: 'Message 1:0' });
  await expect(drawer.getByTestId('payload-key')).toHaveText('order-7');
  await expect(drawer.getByTestId('payload-source')).toHaveText('e2e');

  await drawer.getByRole('button', { name: 'Re-produce…' }).click();
  const reproduce = app.getByRole('dialog', { name: 'Re-produce message 1:0' });
  await expect(reproduce.getByRole('textbox', { name: 'Target topic' })).toHaveValue(topic);
  await reproduce.getByRole('textbox', { name: 'Target topic' }).fill(copies);
  await reproduce.getByRole('combobox', { name: 'Partition', exact: true }).click();
  await app.getByRole('option', { name: 'From the key (default partitioner)' }).click();
  await reproduce.getByRole('button', { name: 'Re-produce', exact: true }).click();
  await expect(reproduce.getByRole('status')).toHaveText(`Re-producedWritten to partition 0 of '${copies}' at offset 0.`, { timeout: 20_000 });
  // Read back group-less, as the app browses: a consumer group would create __consumer_offsets, which other specs do not expect.
  const copy = await fetchRecord({ name: 'e2e', bootstrapServers: bed.listeners.plaintext.split(','), tls: null, sasl: null }, { topic: copies, partition: 0, offset: '0' }, { clock: systemClock });
  expect([copy?.key?.toString(), copy?.value?.toString(), copy?.headers.map((header) => [header.key, header.value?.toString()])]).toEqual(['order-7', '{"id": 7, "total": 12.5}', [['source', 'e2e']]]);
  await reproduce.getByRole('button', { name: 'Close' }).click();
  await expect(reproduce).toBeHidden();
  await app.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const dir = mkdtempSync(join(tmpdir(), 'odradek-e2e-produce-'));
  try {
    const file = join(dir, 'orders.jsonl');
    writeFileSync(file, ['{"key": "a", "value": {"n": 1}}', '{"key": "b", "vaule": 2}', '{"key": "c", "value": "three"}'].join('\n'));
    await app.getByRole('button', { name: '← Topics' }).click();
    await app.getByRole('textbox', { name: 'Search topics' }).fill(copies);
    await app.locator(`[data-topic="${copies}"]`).click({ timeout: 20_000 });
    await app.getByRole('button', { name: 'Produce from file…' }).click();
    const fileDialog = app.getByRole('dialog', { name: `Produce to ${copies} from a file` });
    dialogAnswers.push(file);
    await fileDialog.getByRole('button', { name: 'Choose file and produce…' }).click();
    await expect(fileDialog.getByRole('status')).toContainText('2 records produced', { timeout: 20_000 });
    await expect(fileDialog.getByRole('list', { name: 'Skipped lines' })).toHaveText('Line 2: unknown field "vaule"');
    await app.screenshot({ path: testInfo.outputPath('produce-file.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a read-only profile shows the producer actions disabled with the reason', async ({ app }) => {
  const topic = uniqueTopic('e2e-produce-read-only');
  await createTopic(bed, { topic });
  await produceWithKafkajs(bed, topic, [{ key: 'k', value: 'stored' }]);

  await connectToBed(app, 'Bed read only', { readOnly: true });
  await selectTopic(app, topic);

  for (const name of ['Produce…', 'Produce from file…']) await expect(app.getByRole('button', { name, exact: true })).toBeDisabled();
  await app.getByRole('button', { name: 'Produce…', exact: true }).hover({ force: true });
  await expect(app.getByRole('tooltip')).toHaveText("Profile 'Bed read only' is read-only.");

  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await app.getByTestId('message-row').first().click();
  await expect(app.getByRole('dialog', { name: 'Message 0:0' }).getByRole('button', { name: 'Re-produce…' })).toBeDisabled();
});
