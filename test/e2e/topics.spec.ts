// Topic management end to end: a PLAINTEXT profile on the real bed, the streamed topic list, search,
// creating a topic, cloning it (with the warning main returns) and deleting it with the typed confirmation.
import { expect, test } from './fixtures';
import { connectToBed } from './steps';

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
