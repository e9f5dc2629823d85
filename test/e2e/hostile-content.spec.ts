// Hostile message content: values carrying HTML, script, event-handler attributes, `javascript:` links,
// ANSI escapes, bidi controls and a 10 MB single line are browsed and opened in the detail. Nothing runs
// (a flag every payload would set stays unset, no dialog opens), nothing navigates, the text shows as
// text, and the page still answers the keyboard within seconds after the 10 MB value is loaded in full.
import { createTopic, produceWithKafkajs, uniqueTopic } from '../../testbed/helpers';
import { expect, test } from './fixtures';
import { connectToBed, selectTopic } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();
const PWN = "window.__pwned='";
// `detail` when the detail shows it otherwise (control bytes make a value binary: hex in the list, base64 in the detail).
const HOSTILE: { key: string; value: string; shows: string; detail?: string }[] = [
  { key: 'script', value: `<script>${PWN}script'</script><b>bold</b>`, shows: '<script>' },
  { key: 'img', value: `<img src=x onerror="${PWN}img'">`, shows: '<img src=x onerror=' },
  { key: 'svg', value: `<svg onload="${PWN}svg'"><a href="javascript:${PWN}svg-link'">x</a></svg>`, shows: '<svg onload=' },
  { key: 'link', value: `<a href="javascript:${PWN}link'">click me</a> javascript:${PWN}bare'`, shows: '<a href="javascript:' },
  { key: 'iframe', value: `<iframe src="javascript:${PWN}iframe'"></iframe><meta http-equiv="refresh" content="0;url=about:blank">`, shows: '<iframe src=' },
  { key: 'ansi', value: '\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u001b[2J after-ansi', shows: '1b 5b 33 31 6d 72 65 64', detail: 'G1szMW1yZWQbWzBt' },
  // Direction controls are shown as code points, so the value cannot read as "userexe.png".
  { key: 'bidi', value: 'user\u202Egnp.exe\u202C \u2066isolated\u2069 \u200Fend-bidi', shows: 'user⟨U+202E⟩gnp.exe⟨U+202C⟩ ⟨U+2066⟩isolated⟨U+2069⟩ ⟨U+200F⟩end-bidi' },
];
const BIG_MB = 10;
const BIG_TAIL = `<img src=x onerror="${PWN}big'">BIG-END`;

test('hostile values render as inert text in the list and the detail, nothing runs or navigates, the page stays responsive', async ({ app }) => {
  test.setTimeout(120_000);
  const topic = uniqueTopic('e2e-hostile');
  await createTopic(bed, { topic, partitions: 1, configs: { 'max.message.bytes': String(16 * 1024 * 1024) } });
  await produceWithKafkajs(bed, topic, HOSTILE.map(({ key, value }) => ({ key, value })));
  await produceWithKafkajs(bed, topic, [{ key: 'big', value: 'A'.repeat(BIG_MB * 1024 * 1024) + BIG_TAIL }]);

  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pwned = () => app.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

  await connectToBed(app, 'Bed hostile');
  const url = app.url();
  await selectTopic(app, topic);
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('message-count')).toHaveText(`${HOSTILE.length + 1} messages`, { timeout: 30_000 });

  const rows = app.getByTestId('message-row');
  for (const [index, { shows }] of HOSTILE.entries()) await expect(rows.nth(index)).toContainText(shows);
  // No payload became markup: no element any payload names exists inside the rows.
  await expect(rows.locator('script, img, svg, iframe, a, b, meta')).toHaveCount(0);

  // Each hostile value opened in the detail shows the same text, still inert.
  for (const [index, { key, shows, detail }] of HOSTILE.entries()) {
    await rows.nth(index).click();
    const drawer = app.getByRole('dialog', { name: /^Message \d+:\d+$/ });
    await expect(drawer.getByTestId('payload-key')).toHaveText(key);
    await expect(drawer.getByTestId('payload-value')).toContainText(detail ?? shows);
    await expect(drawer.getByTestId('payload-value').locator('script, img, svg, iframe, a, b, meta')).toHaveCount(0);
    await app.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }

  // The 10 MB line: a preview first, then the whole value on request; its tail is text too.
  await rows.nth(HOSTILE.length).click();
  const big = app.getByRole('dialog', { name: /^Message \d+:\d+$/ });
  await expect(big.getByTestId('payload-value')).not.toContainText('BIG-END');
  await big.getByRole('button', { name: 'Load full message' }).click();
  await expect(big.getByTestId('payload-value')).toContainText('BIG-END', { timeout: 30_000 });
  await expect(big.getByTestId('payload-value').locator('img')).toHaveCount(0);
  // Still responsive: a keyboard action right after the 10 MB render answers within a few seconds.
  const started = Date.now();
  await app.keyboard.press('Escape');
  await expect(big).toBeHidden({ timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);

  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(app.url()).toBe(url);
});
