// Topic management end to end: a PLAINTEXT profile on the real bed, the streamed topic list, search,
// creating a topic, cloning it (with the warning main returns) and deleting it with the typed confirmation.
import AxeBuilder from '@axe-core/playwright';
import { adminClient, createTopic, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

test('list, search, create and delete a topic with typed confirmation', async ({ app }, testInfo) => {
  const topic = `e2e-topic-${Date.now().toString(36)}`;
  await connectToBed(app, 'Bed topics');
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Topics', { exact: true }).click();

  await expect(app.getByRole('heading', { name: 'Topics' })).toBeVisible();
  await expect(app.getByTestId('topic-count')).toHaveText(/^(\d+ of )?\d+ topics?$/);
  const search = app.getByRole('textbox', { name: 'Search topics' });
  await search.fill('no-topic-is-called-this');
  await expect(app.getByTestId('topic-count')).toHaveText(/^0 of \d+ topics?$/);
  await search.fill('');

  await app.getByRole('button', { name: 'Create topic' }).click();
  const create = app.getByRole('dialog', { name: 'Create topic' });
  await create.getByRole('textbox', { name: 'Name' }).fill(topic);
  await create.getByRole('textbox', { name: 'Partitions' }).fill('3');
  await create.getByRole('textbox', { name: 'Replication factor' }).fill('1');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();

  // Creating fills the search with the new name; the refreshed list shows just that topic.
  await expect(search).toHaveValue(topic);
  const row = app.locator(`[data-topic="${topic}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(app.getByTestId('topic-count')).toHaveText(/^1 of \d+ topics?$/);
  await expect(row).toContainText('3');
  await row.click();
  await expect(app.getByRole('tab', { name: 'Partitions (3)' })).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('topics-created.png') });

  // Cloning into a name with '.' succeeds, and the dialog stays to show the warning main returned.
  const cloneName = `e2e.clone-${Date.now().toString(36)}`;
  await app.getByRole('button', { name: 'Clone', exact: true }).click();
  const clone = app.getByRole('dialog', { name: `Clone ${topic}` });
  await clone.getByRole('textbox', { name: 'New topic' }).fill(cloneName);
  await clone.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(clone.getByRole('status')).toContainText(`Topic ${cloneName} was created, with a warning`);
  await expect(clone.getByRole('status')).toContainText("Metric names turn '.' into '_'");
  await clone.getByRole('button', { name: 'Done' }).click();
  await expect(clone).toBeHidden();

  await app.getByRole('button', { name: 'Delete', exact: true }).click();
  const remove = app.getByRole('dialog', { name: `Delete topic ${topic}?` });
  await expect(remove).toContainText('3 partitions');
  const confirm = remove.getByRole('button', { name: 'Delete topic' });
  await expect(confirm).toBeDisabled();
  await remove.getByRole('textbox').fill(topic.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await remove.getByRole('textbox').fill(topic);
  await confirm.click();
  await expect(remove).toBeHidden();
  await expect(row).toBeHidden({ timeout: 20_000 });
  await expect(app.getByTestId('topic-count')).toHaveText(/^0 of \d+ topics?$/);
});

/** retention.ms of `topic` as the broker describes it, and whether the topic overrides it. */
async function brokerRetention(topic: string): Promise<{ value: string; override: boolean }> {
  const admin = await adminClient(testbedInfo());
  try {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }] });
    const entry = resources[0]?.configEntries.find((config) => config.configName === 'retention.ms');
    if (!entry) throw new Error(`the broker did not describe retention.ms of ${topic}`);
    return { value: entry.configValue, override: !entry.isDefault };
  } finally {
    await admin.disconnect();
  }
}

test('edit retention.ms through the typed form: an out-of-range value is refused in place, a valid one reaches the broker, reset takes it back', async ({ app }, testInfo) => {
  const topic = uniqueTopic('e2e-config');
  await createTopic(testbedInfo(), { topic, partitions: 1 });
  await connectToBed(app, 'Bed config');
  await selectTopic(app, topic);

  await app.getByRole('button', { name: 'Edit configuration' }).click();
  const dialog = app.getByRole('dialog', { name: `Configuration of ${topic}` });
  await expect(dialog.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  // Every field (switches, selects, numbers, lists) passes an axe scan before the filter narrows them.
  await expect(dialog.locator('[data-config-field]')).toHaveCount(33);
  const axe = await new AxeBuilder({ page: app }).include(`[data-config-field]`).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  await dialog.getByRole('textbox', { name: 'Filter keys' }).fill('retention.ms');
  await expect(dialog.locator('[data-config-field]')).toHaveCount(3);
  const field = dialog.locator('[data-config-field="retention.ms"]');
  const input = field.getByRole('textbox');
  await expect(field).toContainText('-1 (unlimited), or at least 0 ms.');
  await expect(input).toHaveAttribute('placeholder', /^default: \d+$/);

  // Out of range: the error sits under the field, and nothing can be reviewed.
  await input.fill('-5');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toContainText('retention.ms must be between -1 and 9223372036854775807');
  await expect(dialog.getByRole('status')).toContainText('1 value to fix before review: retention.ms.');
  const review = dialog.getByRole('button', { name: /^Review/ });
  await expect(review).toBeDisabled();

  // A valid value, by keyboard: the value in words beside it, and the review lists only this key.
  await input.fill('');
  await input.press('Control+a');
  await app.keyboard.type('259200000');
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(field).toContainText('= 3 days.');
  // Tab goes on to the key's own buttons (Undo, then Reset to default).
  await input.press('Tab');
  await expect(field.getByRole('button', { name: 'Undo the change to retention.ms' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(field.getByRole('button', { name: 'Reset retention.ms to default' })).toBeFocused();
  await expect(review).toHaveText('Review 1 change(s)');
  await app.screenshot({ path: testInfo.outputPath('config-form.png') });

  // The raw editor shows the same draft.
  await dialog.getByRole('tab', { name: 'Raw (key=value)' }).click();
  await expect(dialog.getByRole('textbox', { name: /^Overrides/ })).toHaveValue('retention.ms=259200000');
  await dialog.getByRole('tab', { name: 'Form' }).click();

  await review.press('Enter');
  const changes = dialog.getByRole('table', { name: 'Changes to apply' });
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes).toContainText('3 days (259200000)');
  await dialog.getByRole('button', { name: 'Apply 1 change(s)' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => brokerRetention(topic), { timeout: 15_000 }).toEqual({ value: '259200000', override: true });

  // The configuration tab reads the new value in words.
  await app.getByRole('tab', { name: 'Configuration' }).click();
  await expect(app.locator('[data-config="retention.ms"]')).toContainText('3 days', { timeout: 15_000 });

  // Reset to default removes the override on the broker.
  await app.getByRole('button', { name: 'Edit configuration' }).click();
  await dialog.getByRole('button', { name: 'Reset retention.ms to default' }).click();
  await dialog.getByRole('button', { name: 'Review 1 change(s)' }).click();
  await expect(dialog.getByRole('table', { name: 'Changes to apply' })).toContainText('reset to default');
  await dialog.getByRole('button', { name: 'Apply 1 change(s)' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await brokerRetention(topic)).override, { timeout: 15_000 }).toBe(false);
});
