/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Room for the data: at 1024×680 the messages table shows rows (the browse options are a compact bar,
// the rest folds away and stays folded), and the topic table with its detail panel open keeps its key
// columns readable: no header runs into the next, no number wraps. Set LAYOUT_SHOTS=<dir> to keep the
// screenshots under that directory (messages-1024.png, topics-1024.png).
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

/** Rows wholly inside both the scroller's box and the window: what a person sees without scrolling. */
async function rowsInView(app: Page, scroller: Locator, rows: Locator): Promise<number> {
  const box = await scroller.boundingBox();
  const viewport = app.viewportSize();
  if (!box || !viewport) return 0;
  const top = Math.max(box.y, 0);
  const bottom = Math.min(box.y + box.height, viewport.height);
  let count = 0;
  for (const row of await rows.all()) {
    const rowBox = await row.boundingBox();
    if (rowBox && rowBox.height > 0 && rowBox.y >= top - 1 && rowBox.y + rowBox.height <= bottom + 1) count += 1;
  }
  return count;
}

async function shot(app: Page, name: string, fallback: string) {
  const dir = process.env['LAYOUT_SHOTS'];
  await app.screenshot({ path: dir ? join(dir, name) : fallback });
}

test('the messages table gets the room at 1024×680, and the folded options stay folded', async ({ app }, testInfo) => {
  const topic = uniqueTopic('e2e-layout');
  await createTopic(bed, { topic, partitions: 3 });
  await produceWithKafkajs(
    bed,
    topic,
    Array.from({ length: 120 }, (_, index) => ({ key: `key-${index}`, partition: index % 3, value: JSON.stringify({ id: index, type: 'order', amount: index * 10 }) })),
  );
  await app.setViewportSize({ width: 1024, height: 680 });
  await connectToBed(app, 'Bed layout');
  await selectTopic(app, topic);
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('message-count')).toHaveText('120 messages', { timeout: 20_000 });

  const visible = await rowsInView(app, app.getByTestId('message-table-scroller'), app.getByTestId('message-row'));
  await shot(app, 'messages-1024.png', testInfo.outputPath('messages-1024.png'));
  testInfo.annotations.push({ type: 'rows visible at 1024×680', description: String(visible) });
  console.log(`[layout] message rows visible at 1024x680: ${visible}`);
  await app.setViewportSize({ width: 1360, height: 860 });
  const visibleLarge = await rowsInView(app, app.getByTestId('message-table-scroller'), app.getByTestId('message-row'));
  console.log(`[layout] message rows visible at 1360x860: ${visibleLarge}`);
  await app.setViewportSize({ width: 1024, height: 680 });
  expect(visible).toBeGreaterThanOrEqual(10);
  expect(visibleLarge).toBeGreaterThanOrEqual(18);

  // The filters are one click away; the choice outlives the screen and is stored with the UI state.
  const more = app.getByRole('button', { name: /^Filters/ });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(app.getByRole('textbox', { name: 'JSON field' })).toBeVisible();
  await app.getByRole('button', { name: '← Topics' }).click();
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await expect(app.getByRole('textbox', { name: 'JSON field' })).toBeVisible();
  const stored = await app.evaluate(() => JSON.parse(localStorage.getItem('odradek-ui') ?? '{}') as { state?: { disclosures?: Record<string, boolean> } });
  expect(stored.state?.disclosures?.['messages.filters']).toBe(true);
  // A filter set and folded away is still announced on the bar.
  await app.getByRole('textbox', { name: 'JSON field' }).fill('$.type');
  await app.getByRole('button', { name: /^Filters/ }).click();
  await expect(app.getByRole('textbox', { name: 'JSON field' })).toBeHidden();
  await expect(app.getByRole('button', { name: /^Filters \(1 set\)/ })).toBeVisible();
});

test('at 1024 px the topic table beside the open panel keeps its key columns without overlap or wrapping', async ({ app }, testInfo) => {
  const topic = uniqueTopic('e2e-layout-topics');
  await createTopic(bed, { topic, partitions: 2 });
  await produceWithKafkajs(bed, topic, Array.from({ length: 40 }, (_, index) => ({ partition: index % 2, value: 'x'.repeat(2000) })));
  await app.setViewportSize({ width: 1024, height: 680 });
  await connectToBed(app, 'Bed layout topics');
  await selectTopic(app, topic);
  await expect(app.getByRole('tab', { name: 'Partitions (2)' })).toBeVisible();
  const table = app.getByRole('grid', { name: 'Topics' });
  const row = app.locator(`[data-topic="${topic}"]`);
  await expect(row.getByRole('gridcell').nth(2)).not.toHaveText('…', { timeout: 20_000 });
  await shot(app, 'topics-1024.png', testInfo.outputPath('topics-1024.png'));

  for (const name of ['Name', 'Partitions', 'Messages']) {
    const header = table.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    await expect(header).toBeVisible();
  }
  // Every shown header and cell fits its column on one line; one cut short says so (ellipsis) and
  // carries its full text as a tooltip. Nothing runs into the next column.
  const overflowing = await table.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('[role="columnheader"], [role="row"][data-topic] [role="gridcell"]')]
      .filter((cell) => cell.offsetParent !== null)
      .filter((cell) => {
        const text = cell.querySelector<HTMLElement>('[data-fit]') ?? cell;
        // Wrapped text has line boxes at more than one height.
        const range = document.createRange();
        range.selectNodeContents(text);
        const wraps = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom))).size > 1;
        const cut = text.scrollWidth > cell.clientWidth + 1 || cell.scrollWidth > cell.clientWidth + 1;
        const explained = getComputedStyle(text).textOverflow === 'ellipsis' && (text.title !== '' || cell.title !== '');
        return wraps || (cut && !explained);
      })
      .map((cell) => cell.textContent),
  );
  expect(overflowing).toEqual([]);
});

test('with several connections in a short window every cluster entry stays within reach', async ({ app }) => {
  test.setTimeout(90_000);
  await app.setViewportSize({ width: 1024, height: 680 });
  // Five connections and a selected one: the connection list, the tenant picker and eight entries do not fit.
  for (const index of [1, 2, 3, 4, 5]) await connectToBed(app, `Bed reach ${index}`);
  const nav = app.getByRole('navigation', { name: 'Cluster' });
  const entries = await nav.getByRole('button').allTextContents();
  expect(entries.length).toBeGreaterThanOrEqual(8);
  // Last first: the entries furthest down are the ones that fell out of the window.
  for (const name of ['Brokers', 'Access', 'Tenants', 'Overview']) {
    await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click({ timeout: 10_000 });
    await expect(app.getByRole('heading', { name, exact: true }).first()).toBeVisible();
  }
});
