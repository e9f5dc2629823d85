// Consumer groups end to end: groups made on the bed by Kafka's own console consumer (classic and
// KIP-848 protocol), the streamed list with lag, keyboard use, a group's detail with its lag chart drawn by
// uPlot, an offset reset through preview and typed confirmation (refused once because the ends moved,
// then previewed again) checked against the committed offsets Kafka then holds, and the refusals shown
// ahead of time (active members, a read-only profile).
import { adminClient, createConsumerGroup, createTopic, produceWithKafkajs, startConsoleConsumer, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed } from './steps';
import { testbedInfo } from './testbed-info';
import type { Page } from '@playwright/test';

const bed = testbedInfo();
const MESSAGES = 20;

async function topicWithMessages(prefix: string): Promise<string> {
  const topic = uniqueTopic(prefix);
  await createTopic(bed, { topic, partitions: 2 });
  await produceWithKafkajs(
    bed,
    topic,
    Array.from({ length: MESSAGES }, (_, index) => ({ key: `k-${index}`, value: `v-${index}`, partition: index % 2 })),
  );
  return topic;
}

async function committedOffsets(groupId: string, topic: string): Promise<Record<number, number>> {
  const admin = await adminClient(bed);
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries((offsets?.partitions ?? []).map((entry) => [entry.partition, Number(entry.offset)]));
  } finally {
    await admin.disconnect();
  }
}

async function openGroups(app: Page, search: string): Promise<void> {
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Consumer groups', { exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Search groups' }).fill(search);
}

test('list groups with lag, open one by keyboard, see its lag chart, reset its offsets through a preview', async ({ app }, testInfo) => {
  // Two console-consumer JVMs, two watch samples 5 s apart and six previews: more than the default minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  const topic = await topicWithMessages('e2e-groups');
  const suffix = Date.now().toString(36);
  const classic = `e2e-classic-${suffix}`;
  const modern = `e2e-kip848-${suffix}`;
  await createConsumerGroup(bed, { groupId: classic, topic, consume: 6, protocol: 'classic' });
  await createConsumerGroup(bed, { groupId: modern, topic, consume: 4, protocol: 'consumer' });

  await connectToBed(app, 'Bed groups');
  await openGroups(app, suffix);
  await expect(app.getByTestId('group-count')).toHaveText(/^2( of \d+)? groups/, { timeout: 20_000 });

  const classicRow = app.locator(`[data-group="${classic}"]`);
  const modernRow = app.locator(`[data-group="${modern}"]`);
  // Lag streams in after the rows; once known it is the real figure (never a placeholder 0).
  await expect(classicRow.locator('[data-lag="total"]')).toHaveText(String(MESSAGES - 6), { timeout: 30_000 });
  await expect(modernRow.locator('[data-lag="total"]')).toHaveText(String(MESSAGES - 4), { timeout: 30_000 });
  await expect(classicRow.getByRole('cell').nth(1)).toHaveText('classic');
  await expect(modernRow.getByRole('cell').nth(1)).toHaveText('consumer');
  await expect(classicRow.getByRole('cell').nth(5)).toHaveText('1');
  await app.screenshot({ path: testInfo.outputPath('groups-list.png') });

  // Sorting by total lag, worst first, puts the KIP-848 group (more lag) on top.
  await app.getByRole('columnheader', { name: 'Total lag' }).click();
  await expect(app.getByRole('columnheader', { name: /Total lag/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(app.locator('[data-group]').first()).toHaveAttribute('data-group', modern);

  // Keyboard: ArrowDown in the search box focuses the first row, ArrowDown again the next, Enter opens it,
  // Escape comes back to it.
  await app.getByRole('textbox', { name: 'Search groups' }).press('ArrowDown');
  await expect(app.locator('[data-group]').first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(classicRow).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: classic })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(classicRow).toBeFocused();
  await app.keyboard.press('Enter');

  const before = await committedOffsets(classic, topic);
  expect(Object.values(before).reduce((sum, value) => sum + value, 0)).toBe(6);
  const partitions = app.getByRole('table', { name: 'Committed offsets' });
  for (const [partition, offset] of Object.entries(before)) {
    await expect(partitions.locator(`[data-partition="${topic}:${partition}"] [data-cell="committed"]`)).toHaveText(String(offset), { timeout: 20_000 });
  }

  await app.getByRole('tab', { name: 'Lag over time' }).click();
  const chart = app.getByTestId('lag-chart').first();
  await expect(chart.locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(chart).toHaveAttribute('data-series', /^[1-9]\d*$/);
  await expect(chart).toHaveAttribute('data-points', /^[1-9]\d*$/);
  // The topic's write rate against the group's consumption needs two of this screen's samples (5 s apart).
  const rates = app.getByRole('figure', { name: `${topic} write rate against the consumption rate of ${classic}` });
  await expect(rates.locator('canvas')).toBeVisible({ timeout: 30_000 });
  await expect(rates).toHaveAttribute('data-series', '2');
  await expect(rates).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(chart).toHaveAttribute('data-points', /^([2-9]|\d{2,})$/);
  await expect(app.getByRole('table', { name: 'Lag health per partition' }).locator('[data-partition-health]')).toHaveCount(2);
  await app.screenshot({ path: testInfo.outputPath('group-lag-chart.png') });

  await app.getByRole('button', { name: 'Reset offsets…' }).click();
  const dialog = app.getByRole('dialog', { name: `Reset offsets of ${classic}` });
  const preview = dialog.getByRole('table', { name: 'Offset reset preview' });
  const previewTargets = async (mode: string, fill?: () => Promise<void>) => {
    await dialog.getByText(mode, { exact: true }).click();
    await fill?.();
    await dialog.getByRole('button', { name: /^Preview( again)?$/ }).click();
    await expect(preview.locator('[data-reset-row]')).toHaveCount(2, { timeout: 20_000 });
    return Promise.all([0, 1].map(async (partition) => Number(await preview.locator(`[data-reset-row="${topic}:${partition}"]`).getAttribute('data-target'))));
  };
  // Every mode previews through main (changing the mode drops the shown table); the bed's records are minutes old.
  expect(await previewTargets('Earliest')).toEqual([0, 0]);
  expect(await previewTargets('Latest')).toEqual([MESSAGES / 2, MESSAGES / 2]);
  const offsetInputs = async () => {
    await dialog.getByRole('textbox', { name: `New offset for ${topic} partition 0` }).fill('3');
    await dialog.getByRole('textbox', { name: `New offset for ${topic} partition 1` }).fill('99');
  };
  expect(await previewTargets('Offset per partition', offsetInputs)).toEqual([3, MESSAGES / 2]);
  await expect(preview.locator(`[data-reset-row="${topic}:1"]`)).toContainText('99 is past the end (10); set to the end.');
  expect(await previewTargets('Time ago', () => dialog.getByRole('textbox', { name: 'How long ago' }).fill('1'))).toEqual([0, 0]);
  const anHourAgo = new Date(Date.now() - 3_600_000);
  const local = (value: number) => String(value).padStart(2, '0');
  const dateTime = `${anHourAgo.getFullYear()}-${local(anHourAgo.getMonth() + 1)}-${local(anHourAgo.getDate())}T${local(anHourAgo.getHours())}:${local(anHourAgo.getMinutes())}`;
  expect(await previewTargets('Date & time', () => dialog.getByLabel('Date and time (local)').fill(dateTime))).toEqual([0, 0]);
  expect(await committedOffsets(classic, topic)).toEqual(before);

  await dialog.getByText('Shift ±N', { exact: true }).click();
  await expect(preview).toBeHidden();
  await dialog.getByRole('textbox', { name: 'Shift by' }).fill('-2');
  await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(preview.locator('[data-reset-row]')).toHaveCount(Object.keys(before).length, { timeout: 20_000 });
  const ends: Record<number, number> = {};
  for (const [partition, offset] of Object.entries(before)) {
    const row = preview.locator(`[data-reset-row="${topic}:${partition}"]`);
    await expect(row).toHaveAttribute('data-current', String(offset));
    await expect(row).toHaveAttribute('data-target', String(Math.max(0, offset - 2)));
    ends[Number(partition)] = Number(await row.getAttribute('data-end'));
  }
  // Nothing changed by the preview.
  expect(await committedOffsets(classic, topic)).toEqual(before);

  const apply = dialog.getByRole('button', { name: /^Apply \d+ offsets?$/ });
  await expect(apply).toBeDisabled();
  const confirmation = dialog.getByRole('textbox', { name: `Type the group id (${classic}) to apply this table` });
  await confirmation.fill(classic.slice(0, -1));
  await expect(apply).toBeDisabled();
  await confirmation.fill(classic);
  await app.screenshot({ path: testInfo.outputPath('group-reset-preview.png') });

  // Records written after the preview move the ends: main refuses the stale table and nothing changes.
  await produceWithKafkajs(bed, topic, [{ value: 'late-0', partition: 0 }, { value: 'late-1', partition: 1 }]);
  await apply.click();
  const moved = dialog.getByRole('alert').filter({ hasText: 'The partitions moved since this preview' });
  await expect(moved).toContainText('Ends moved since the preview', { timeout: 20_000 });
  await expect(apply).toBeDisabled();
  expect(await committedOffsets(classic, topic)).toEqual(before);
  await moved.getByRole('button', { name: 'Re-preview' }).click();
  await expect(moved).toBeHidden();
  // The new table is confirmed afresh.
  await expect(confirmation).toHaveValue('');
  const previewed: Record<number, number> = {};
  for (const [partition, offset] of Object.entries(before)) {
    const row = preview.locator(`[data-reset-row="${topic}:${partition}"]`);
    await expect(row).toHaveAttribute('data-end', String(ends[Number(partition)]! + 1));
    await expect(row).toHaveAttribute('data-current', String(offset));
    previewed[Number(partition)] = Number(await row.getAttribute('data-target'));
    expect(previewed[Number(partition)]).toBe(Math.max(0, offset - 2));
  }
  await confirmation.fill(classic);
  await apply.click();
  await expect(dialog.getByRole('status')).toContainText('Offsets committed', { timeout: 20_000 });
  await expect(dialog.getByRole('status')).toContainText('now resume at the offsets previewed (read back from Kafka after the commit)');
  // What Kafka holds now is exactly the table that was confirmed.
  expect(await committedOffsets(classic, topic)).toEqual(previewed);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('resetting or deleting a KIP-848 group with an active member is disabled ahead of time with the reason', async ({ app }, testInfo) => {
  const topic = await topicWithMessages('e2e-groups-refusals');
  const groupId = `e2e-active-${Date.now().toString(36)}`;
  // A KIP-848 member, so the members table shows its epoch and target assignment too.
  const consumer = startConsoleConsumer(bed, { groupId, topic, protocol: 'consumer' });
  try {
    await connectToBed(app, 'Bed groups active');
    await openGroups(app, groupId);
    const row = app.locator(`[data-group="${groupId}"]`);
    // The console consumer takes a few seconds to start its JVM and join.
    await expect(async () => {
      await app.getByRole('button', { name: 'Refresh' }).click();
      await expect(row.getByRole('cell').nth(4)).toHaveText('1', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await row.click();
    const reset = app.getByRole('button', { name: 'Reset offsets…' });
    await expect(reset).toBeDisabled();
    await expect(reset).toHaveAttribute('data-disabled-reason', new RegExp(`^${groupId} has 1 active member .*Stop the consumers first\\.$`));
    await expect(app.getByRole('button', { name: 'Delete group…' })).toBeDisabled();
    await expect(app.getByRole('tab', { name: 'Members (1)' })).toBeVisible();
    await app.getByRole('tab', { name: 'Members (1)' }).click();
    const members = app.getByRole('table', { name: 'Members' });
    await expect(members.getByRole('row')).toHaveCount(2);
    await expect(members.getByRole('columnheader', { name: 'Target assignment' })).toBeVisible();
    const member = members.locator('[data-member]');
    // Both partitions of the topic are the one member's, now and as the coordinator's target.
    await expect(member.getByRole('cell').nth(4)).toHaveText(`${topic} 0-1`, { timeout: 20_000 });
    await expect(member.getByRole('cell').nth(5)).toHaveText(`${topic} 0-1`);
    await expect(member.getByRole('cell').nth(6)).toHaveText(/^[1-9]\d*$/);
    await app.screenshot({ path: testInfo.outputPath('group-kip848-member.png') });
  } finally {
    await consumer.stop();
  }
});

test('a read-only profile shows the group actions disabled with the reason', async ({ app }) => {
  const topic = await topicWithMessages('e2e-groups-read-only');
  const groupId = `e2e-read-only-${Date.now().toString(36)}`;
  await createConsumerGroup(bed, { groupId, topic, consume: 1 });
  await connectToBed(app, 'Bed groups read only', { readOnly: true });
  await openGroups(app, groupId);
  await app.locator(`[data-group="${groupId}"]`).click({ timeout: 20_000 });
  const reset = app.getByRole('button', { name: 'Reset offsets…' });
  await expect(reset).toBeDisabled();
  await reset.hover({ force: true });
  await expect(app.getByRole('tooltip')).toHaveText("Profile 'Bed groups read only' is read-only.");
  await expect(app.getByRole('button', { name: 'Delete offsets…' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Delete group…' })).toBeDisabled();
});

test('delete a topic’s committed offsets, then the group, each behind the typed group id', async ({ app }) => {
  const topic = await topicWithMessages('e2e-groups-delete');
  const groupId = `e2e-delete-${Date.now().toString(36)}`;
  await createConsumerGroup(bed, { groupId, topic, consume: 3 });
  await connectToBed(app, 'Bed groups delete');
  await openGroups(app, groupId);
  await app.locator(`[data-group="${groupId}"]`).click({ timeout: 20_000 });

  await app.getByRole('button', { name: 'Delete offsets…' }).click();
  const offsets = app.getByRole('dialog', { name: `Delete committed offsets of ${groupId}` });
  const deleteOffsets = offsets.getByRole('button', { name: 'Delete offsets' });
  await expect(deleteOffsets).toBeDisabled();
  await offsets.getByRole('textbox', { name: `Type the group id (${groupId}) to confirm` }).fill(groupId);
  await deleteOffsets.click();
  await expect(offsets.getByRole('status')).toContainText(`${groupId} no longer has committed offsets for ${topic}.`, { timeout: 20_000 });
  expect(Object.values(await committedOffsets(groupId, topic)).every((offset) => offset < 0)).toBe(true);
  await offsets.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('button', { name: 'Delete group…' }).click();
  const remove = app.getByRole('dialog', { name: `Delete group ${groupId}?` });
  const confirm = remove.getByRole('button', { name: 'Delete group' });
  await remove.getByRole('textbox').fill(groupId.toUpperCase());
  await expect(confirm).toBeDisabled();
  await remove.getByRole('textbox').fill(groupId);
  await confirm.click();
  await expect(remove.getByRole('status')).toContainText(`${groupId} and its committed offsets are gone.`, { timeout: 20_000 });
  await remove.getByRole('button', { name: 'Back to groups' }).click();
  await expect(app.getByTestId('group-count')).toHaveText(/^0( of \d+)? groups/, { timeout: 20_000 });
  const admin = await adminClient(bed);
  try {
    expect((await admin.listGroups()).groups.map((group) => group.groupId)).not.toContain(groupId);
  } finally {
    await admin.disconnect();
  }
});
