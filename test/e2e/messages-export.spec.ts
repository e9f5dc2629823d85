// Message export end to end: browse a topic, filter it, export the result to JSON Lines and a whole range
// to CSV through the queued save dialog, and read the files back.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import kafkajs from 'kafkajs';
import { parseMessageJsonlLine } from '../../shared/domain/messages/message-jsonl';
import type { Page } from '@playwright/test';
import { createTopic, kafkaConfig, produceMessages, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

/** Adds a PLAINTEXT profile through the UI and opens the messages screen of `topic` with it. */
async function openMessages(app: Page, options: { profile: string; topic: string; withoutExport?: boolean }) {
  await connectToBed(app, options.profile, { withoutExport: options.withoutExport === true });
  await selectTopic(app, options.topic);
  await app.getByRole('button', { name: 'Browse messages' }).click();
}
const MESSAGES = 30;
const isPaid = (index: number) => index % 3 === 0;
const PAID = Array.from({ length: MESSAGES }, (_, index) => index).filter(isPaid).length;

test('browse, filter and export the result to JSON Lines and a whole range to CSV', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'file dialogs are answered from a queue only in the Chromium project');
  const topic = uniqueTopic('e2e-export');
  await createTopic(bed, { topic, partitions: 2 });
  const producer = new kafkajs.Kafka({ ...kafkaConfig(bed, 'plaintext'), clientId: 'e2e-export' }).producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      ...Array.from({ length: MESSAGES }, (_, index) => ({
        partition: index % 2,
        key: `order-${index}`,
        value: JSON.stringify({ id: index, status: isPaid(index) ? 'paid' : 'open' }),
        headers: { source: 'e2e' },
      })),
      { partition: 0, key: Buffer.from([0xff, 0x00]), value: Buffer.from([0xc3, 0x28]) },
    ],
  });
  await producer.disconnect();
  const dir = mkdtempSync(join(tmpdir(), 'odradek-e2e-export-'));

  await openMessages(app, { profile: 'Bed export', topic });

  const count = app.getByTestId('message-count');
  // The text filter sits in the folded part of the compact browse bar (remembered open or closed): unfold it.
  const filters = app.getByRole('button', { name: /^Filters/ });
  if ((await filters.getAttribute('aria-expanded')) !== 'true') await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await app.getByRole('textbox', { name: 'Contains' }).fill('"paid"');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(count).toHaveText(`${PAID} messages`, { timeout: 20_000 });

  // The current result: the filtered browse, to JSON Lines.
  const jsonlPath = join(dir, 'paid.jsonl');
  dialogAnswers.push(jsonlPath);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: `Export messages from ${topic}` });
  await dialog.getByRole('button', { name: 'Choose file and export' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText(`Wrote ${PAID} messages`, { timeout: 20_000 });
  await expect(dialog.getByTestId('export-result')).toContainText(jsonlPath);
  await app.screenshot({ path: testInfo.outputPath('export-finished.png') });
  const lines = readFileSync(jsonlPath, 'utf8').trimEnd().split('\n').map(parseMessageJsonlLine);
  expect(lines).toHaveLength(PAID);
  for (const line of lines) {
    expect(line).toMatchObject({ topic, keyEncoding: 'utf8', valueEncoding: 'utf8', headers: [{ key: 'source', value: 'e2e', encoding: 'utf8' }] });
    expect(JSON.parse(line.value!)).toMatchObject({ status: 'paid' });
  }
  expect(lines.map((line) => line.key).sort()).toEqual(Array.from({ length: MESSAGES }, (_, index) => index).filter(isPaid).map((index) => `order-${index}`).sort());

  // A whole range, filters off, to CSV: every message, the binary one in base64.
  const csvPath = join(dir, 'all.csv');
  dialogAnswers.push(csvPath);
  await dialog.getByText('Whole range', { exact: true }).click();
  // The finished result belonged to the old options: changing them clears it (issue 17).
  await expect(dialog.getByTestId('export-result')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Only messages matching the filters in the browse options' }).uncheck();
  await dialog.getByText('CSV', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Choose file and export' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText(`Wrote ${MESSAGES + 1} messages`, { timeout: 20_000 });
  const rows = parseCsv(readFileSync(csvPath), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(MESSAGES + 1);
  expect(rows.find((row) => row.key_encoding === 'base64')).toMatchObject({ key: '/wA=', value: 'wyg=', value_encoding: 'base64', headers: '[]' });
  expect(readdirSync(dir).sort()).toEqual(['all.csv', 'paid.jsonl']);
});

test('a profile that may not export data shows Export… disabled with the reason', async ({ app }) => {
  const topic = uniqueTopic('e2e-export-denied');
  await createTopic(bed, { topic, partitions: 1 });

  await openMessages(app, { profile: 'Bed no export', topic, withoutExport: true });

  const exportButton = app.getByRole('button', { name: 'Export…' });
  await expect(exportButton).toBeDisabled();
  await exportButton.hover({ force: true });
  await expect(app.getByRole('tooltip')).toHaveText("Profile 'Bed no export' does not allow 'export-data'.");
});

test('cancelling a large export shows progress, then leaves no file', async ({ app, dialogAnswers }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'file dialogs are answered from a queue only in the Chromium project');
  const topic = uniqueTopic('e2e-export-cancel');
  await createTopic(bed, { topic, partitions: 2 });
  // Large enough that the export is still running when Cancel is pressed (it writes tens of MB a second).
  await produceMessages(bed, { topic, count: 400_000, size: 1024 });
  const dir = mkdtempSync(join(tmpdir(), 'odradek-e2e-export-'));
  await openMessages(app, { profile: 'Bed cancel', topic });

  dialogAnswers.push(join(dir, 'big.jsonl'));
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: `Export messages from ${topic}` });
  await dialog.getByText('Whole range', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Choose file and export' }).click();
  await expect(dialog.getByTestId('export-progress')).toContainText(/Written [1-9][\d,]* messages · [\d.]+ [KM]B/, { timeout: 20_000 });
  await app.screenshot({ path: testInfo.outputPath('export-progress.png') });
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByText('Export cancelled; no file was left behind.')).toBeVisible();
  // Main removes the partial file once its write loop sees the cancel.
  await expect.poll(() => readdirSync(dir)).toEqual([]);
});
