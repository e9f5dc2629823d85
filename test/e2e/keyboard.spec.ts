/// <reference lib="dom" />
// Keyboard only: after a connection exists, the walk opens it from the sidebar with Tab and Enter,
// jumps to a topic with the command palette, moves through the topic table with the arrows, closes and
// reopens the panel (Escape, Enter), browses, starts reading, opens a message from the table, steps to
// the next one (J) and goes back (Escape, Alt+←). No click after the setup.
import type { Locator, Page } from '@playwright/test';
import { createConsumerGroup, createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, sidebar } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();
const MESSAGES = 30;

/** Presses Tab until `target` has the focus; fails if it is not reached within `limit` presses. */
async function tabTo(app: Page, target: Locator, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await app.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

/** The data-row-index of the focused element, if it is a table row. */
const focusedRowOf = (app: Page) => () => app.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['rowIndex'] ?? null);

test('keyboard only: open a connection, a topic, browse, open a message, next message, back', async ({ app }) => {
  const topic = uniqueTopic('e2e-keys');
  await createTopic(bed, { topic, partitions: 1 });
  await produceWithKafkajs(bed, topic, Array.from({ length: MESSAGES }, (_, index) => ({ key: `k-${index}`, partition: 0, value: `message ${index}` })));
  test.setTimeout(120_000);
  const focusedRow = focusedRowOf(app);
  // Setup with the mouse: a stored connection. Then the start page, so the walk opens it itself.
  await connectToBed(app, 'Bed keys');
  await app.keyboard.press('Control+K');
  const palette = app.getByRole('dialog', { name: 'Go to…' });
  await expect(palette).toBeVisible();
  await app.keyboard.type('Add a connection');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Add a connection' })).toBeVisible();

  // 1. Open the connection: sidebar entries are in the Tab order.
  const entry = sidebar(app).getByTestId('profile-bed-keys').getByRole('button', { name: /^Bed keys/ });
  await tabTo(app, entry);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // 2. A topic, through the palette: focus lands on its row and the panel opens.
  await app.keyboard.press('Control+K');
  await expect(palette).toBeVisible();
  await app.keyboard.type(topic);
  await expect(palette.getByRole('option', { name: new RegExp(topic) })).toBeVisible({ timeout: 20_000 });
  await app.keyboard.press('Enter');
  const row = app.locator(`[data-topic="${topic}"]`);
  await expect(row).toBeFocused({ timeout: 20_000 });
  const panel = app.getByRole('region', { name: `Topic ${topic}` });
  await expect(panel).toBeVisible();

  // The walk below counts rows: it starts once the listing has finished (every phase), so no late row
  // changes what End means between the key and the count.
  await expect(app.getByTestId('topic-list-loading')).toHaveCount(0, { timeout: 30_000 });
  const rowCount = Number(await app.getByRole('grid', { name: 'Topics' }).getAttribute('aria-rowcount')) - 1;
  // Arrows move the focus between rows (Home goes to the first), Enter opens, Escape closes.
  await app.keyboard.press('Home');
  const first = app.locator('[data-topic][data-row-index="0"]');
  await expect(first).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe('1');
  await app.keyboard.press('End');
  await expect.poll(focusedRow, { message: `End goes to the last of ${rowCount} rows` }).toBe(String(rowCount - 1));
  // Ctrl+F searches; Tab goes on to the (one) matching row.
  await app.keyboard.press('Control+F');
  await expect(app.getByRole('textbox', { name: 'Search topics' })).toBeFocused();
  await app.keyboard.type(topic);
  await tabTo(app, row);
  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(row).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(panel).toBeVisible();

  // 3. Browse: Tab reaches the panel's button.
  await tabTo(app, panel.getByRole('button', { name: 'Browse messages' }));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: `Messages in ${topic}` })).toBeVisible();
  await app.keyboard.press('Control+Enter');
  await expect(app.getByTestId('message-count')).toHaveText(`${MESSAGES} messages`, { timeout: 20_000 });

  // 4. Open a message: Tab into the table, ↓ to the second row, Enter.
  const firstMessage = app.getByTestId('message-row').first();
  await tabTo(app, firstMessage);
  await app.keyboard.press('ArrowDown');
  const second = app.locator('[data-testid="message-row"][data-row-index="1"]');
  await expect(second).toBeFocused();
  await app.keyboard.press('Enter');
  const drawer = app.getByRole('dialog', { name: 'Message 0:1' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('message-position')).toHaveText('2 of 30 in the table');

  // 5. Next message (J), then previous (K).
  await app.keyboard.press('j');
  await expect(app.getByRole('dialog', { name: 'Message 0:2' })).toBeVisible();
  await expect(app.getByRole('dialog', { name: 'Message 0:2' }).getByTestId('payload-value')).toHaveText('message 2');
  await app.keyboard.press('k');
  await expect(app.getByRole('dialog', { name: 'Message 0:1' })).toBeVisible();

  // 6. Back: Escape closes the detail, Alt+← returns to the topic list with the topic's row focused.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: /^Message / })).toBeHidden();
  await app.keyboard.press('Alt+ArrowLeft');
  await expect(app.getByRole('heading', { name: 'Topics' })).toBeVisible();
  await expect(row).toBeFocused();
});

test('the command palette finds a consumer group and opens its detail, focus on it', async ({ app }) => {
  test.setTimeout(90_000);
  const topic = uniqueTopic('e2e-keys-group');
  await createTopic(bed, { topic, partitions: 1 });
  await produceWithKafkajs(bed, topic, Array.from({ length: 5 }, (_, index) => ({ key: `k-${index}`, partition: 0, value: `message ${index}` })));
  const group = `e2e-palette-${Date.now().toString(36)}`;
  await createConsumerGroup(bed, { groupId: group, topic, consume: 2, protocol: 'classic' });
  await connectToBed(app, 'Bed palette group');
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();

  await app.keyboard.press('Control+K');
  const palette = app.getByRole('dialog', { name: 'Go to…' });
  await expect(palette).toBeVisible();
  await app.keyboard.type(group);
  const option = palette.getByRole('option', { name: new RegExp(group) });
  await expect(option).toBeVisible({ timeout: 20_000 });
  await expect(option).toContainText('Consumer groups');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.getByRole('heading', { name: group })).toBeVisible();
  await expect(app.locator(`[data-group-detail="${group}"]`)).toBeFocused({ timeout: 10_000 });
  // Escape goes back to the list, where the group's row has the focus.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  await expect(app.locator(`[data-group="${group}"]`)).toBeFocused({ timeout: 10_000 });
});

test('shortcuts are written where they work: the sidebar, tooltips and the shortcut list', async ({ app }) => {
  await connectToBed(app, 'Bed shortcuts');
  const nav = app.getByRole('navigation', { name: 'Cluster' });
  await expect(nav.getByRole('button', { name: /^Topics/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+2');
  await expect(nav.getByRole('button', { name: /^Topics/ })).toContainText('Alt+2');
  await expect(app.getByRole('button', { name: /^Go to…/ })).toHaveAttribute('aria-keyshortcuts', /^(Control|Meta)\+K$/);
  await app.keyboard.press('Shift+?');
  const list = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('table', { name: 'Message detail shortcuts' })).toContainText('Next message');
  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+2');
  await expect(app.getByRole('heading', { name: 'Topics' })).toBeVisible();
});
