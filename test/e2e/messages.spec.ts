// Message browsing end to end: JSON messages with keys produced on the Node side, a PLAINTEXT profile
// added through the UI, browsing from the beginning, a JSON-field filter, a message's detail, a refused
// regex, an empty result, live tail, and loading a cut-off message in full.
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();
const MESSAGES = 50;
// Every third message is a payment, the rest are orders.
const isPayment = (index: number) => index % 3 === 0;
const ORDERS = Array.from({ length: MESSAGES }, (_, index) => index + 1).filter((index) => !isPayment(index)).length;

test('browse from the beginning, filter by a JSON field, open a message, see refusals and empty results, live tail', async ({ app }, testInfo) => {
  const topic = uniqueTopic('e2e-messages');
  await createTopic(bed, { topic, partitions: 2 });
  await produceWithKafkajs(
    bed,
    topic,
    Array.from({ length: MESSAGES }, (_, position) => {
      const index = position + 1;
      return { key: `key-${index}`, partition: index % 2, value: JSON.stringify({ id: index, type: isPayment(index) ? 'payment' : 'order', amount: index * 10, meta: { source: 'e2e' } }) };
    }),
  );

  await connectToBed(app, 'Bed messages');
  await selectTopic(app, topic);
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await expect(app.getByRole('heading', { name: `Messages in ${topic}` })).toBeVisible();

  const count = app.getByTestId('message-count');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(count).toHaveText(`${MESSAGES} messages`, { timeout: 20_000 });
  await expect(app.getByText('Read to the end of the range.')).toBeVisible();
  await expect(app.getByTestId('browse-progress')).toContainText(`matched ${MESSAGES}`);

  // The filters fold away under the compact bar; open them (the choice is remembered).
  await app.getByRole('button', { name: /^Filters/ }).click();
  await app.getByRole('textbox', { name: 'JSON field' }).fill('$.type');
  await app.getByRole('textbox', { name: 'Field value' }).fill('"order"');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(count).toHaveText(`${ORDERS} messages`, { timeout: 20_000 });
  await expect(app.getByTestId('browse-progress')).toContainText(`scanned ${MESSAGES} · matched ${ORDERS}`);
  await app.screenshot({ path: testInfo.outputPath('messages-filtered.png') });

  const first = app.getByTestId('message-row').first();
  await expect(first).toContainText('"type":"order"');
  await first.click();
  const drawer = app.getByRole('dialog', { name: /^Message \d+:\d+$/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('payload-value')).toContainText('"type": "order",\n  "amount":');
  await expect(drawer.getByTestId('payload-key')).toHaveText(/^key-\d+$/);
  // The tree opens two levels, so the nested key shows; collapsing to the top hides it.
  await drawer.getByRole('group', { name: 'Value' }).getByText('Tree', { exact: true }).click();
  const tree = drawer.getByTestId('payload-value-tree');
  await expect(tree.getByText('source:')).toBeVisible();
  await expect(tree.getByText('"e2e"')).toBeVisible();
  await tree.getByRole('button', { name: 'Collapse to top' }).click();
  await expect(tree.getByText('source:')).toBeHidden();
  await tree.getByRole('button', { name: 'Expand all' }).click();
  await expect(tree.getByText('source:')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('messages-detail.png') });

  await drawer.getByRole('group', { name: 'Key' }).getByText('Hex', { exact: true }).click();
  // Hex is a dump: offset, the bytes, and the ASCII column.
  await expect(drawer.getByTestId('payload-key')).toHaveText(/^00000000 {2}6b 65 79 2d .*\|key-\d+\|$/);
  await app.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Main refuses what its linear regex engine cannot run (nested repetition now runs on it); the reason is shown as it comes.
  await app.getByRole('button', { name: 'Reset' }).click();
  await app.getByText('Regex', { exact: true }).click();
  await app.getByRole('textbox', { name: 'Regular expression' }).fill('(?=a)b');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByRole('alert')).toContainText('Lookahead and lookbehind are not allowed');

  await app.getByText('Substring', { exact: true }).click();
  await app.getByRole('textbox', { name: 'Contains' }).fill('no message says this');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('empty-result')).toHaveText(/^No messages matched — [0-9,]+ scanned; widen the filters or start earlier\.$/, { timeout: 20_000 });

  // Live tail from the beginning: the existing messages, then new ones as they are produced.
  await app.getByRole('button', { name: 'Reset' }).click();
  await app.getByRole('switch', { name: 'Live tail' }).check();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(count).toHaveText(`${MESSAGES} messages`, { timeout: 20_000 });
  await produceWithKafkajs(bed, topic, [1, 2, 3].map((index) => ({ key: `late-${index}`, value: JSON.stringify({ id: MESSAGES + index, type: 'order' }) })));
  await expect(count).toHaveText(`${MESSAGES + 3} messages`, { timeout: 20_000 });
  await app.getByRole('button', { name: 'Pause' }).click();
  await expect(app.getByRole('button', { name: 'Resume' })).toBeVisible();
  await app.getByRole('button', { name: 'Stop' }).click();
  await expect(app.getByText('Stopped.', { exact: true })).toBeVisible();

  // A value beyond the 16 KB preview arrives cut; the detail loads it in full on request.
  await produceWithKafkajs(bed, topic, [{ key: 'late-big', value: JSON.stringify({ type: 'order', blob: 'x'.repeat(40_000), tail: 'END' }) }]);
  await app.getByRole('button', { name: 'Reset' }).click();
  await app.getByRole('textbox', { name: 'Contains' }).fill('"blob"');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(count).toHaveText('1 message', { timeout: 20_000 });
  await app.getByTestId('message-row').click();
  const big = app.getByRole('dialog', { name: /^Message \d+:\d+$/ });
  await expect(big.getByTestId('payload-value')).not.toContainText('END');
  await big.getByRole('button', { name: 'Load full message' }).click();
  await expect(big.getByTestId('payload-value')).toContainText('"tail": "END"');
  await expect(big.getByText('This is a preview')).toBeHidden();
});
