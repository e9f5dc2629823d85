// A walk through the seeded demo world as a user takes it: the first-run card, topics, an Avro message
// decoded, the compacted topic's policy, the groups in their states with a lag chart, the subjects, the
// ACLs of both principals, a tenant view and the policy workspace. The E2E spec (demo.spec.ts) asserts
// every seeded object on the way; `npm run screenshots` takes the same walk and keeps a PNG at each
// stop, so the README's pictures are what the app shows.
import { expect, type Page } from '@playwright/test';
import { ANALYST_USER, DEMO_GROUPS, DEMO_PROFILE_NAME, DEMO_SCHEMAS, DEMO_TOPICS, DEMO_USER } from '../../demo/plan';

export type Shot = 'topics' | 'messages-avro' | 'groups' | 'group-lag-chart' | 'tenant-view' | 'policy-workspace';

export interface TourOptions {
  /** The file dialogs' next answers (the bridge's queued dialogs). */
  dialogAnswers: string[];
  tenancyFile: string;
  /** Where the Overview's "Capture snapshot…" writes the snapshot the policy workspace previews with. */
  snapshotFile: string;
  shoot(name: Shot): Promise<void>;
  /** Lag samples (5 s apart) the chart must hold before its picture; the README's wants a line, the spec two points. */
  minLagPoints?: number;
}

const cluster = (app: Page) => app.getByRole('navigation', { name: 'Cluster' });
const section = (app: Page, label: string) => cluster(app).getByText(label, { exact: true }).click();

export async function demoTour(app: Page, options: TourOptions): Promise<void> {
  const { dialogAnswers, shoot } = options;
  // The start screen offers the running demo (main read the discovery file; its processes live).
  const card = app.getByRole('region', { name: 'Local demo' });
  await expect(card).toContainText('running', { timeout: 20_000 });
  await expect(card).toContainText('live traffic');
  await card.getByRole('button', { name: `Open ${DEMO_PROFILE_NAME}` }).click();

  // Topics: every seeded one, the internal-looking one once internal topics are shown.
  await section(app, 'Topics');
  for (const topic of DEMO_TOPICS.filter((candidate) => !candidate.name.startsWith('_'))) {
    await expect(app.locator(`[data-topic="${topic.name}"]`)).toBeVisible({ timeout: 30_000 });
  }
  await app.getByRole('checkbox', { name: 'Hide internal topics' }).uncheck();
  await expect(app.locator('[data-topic="__demo-heartbeats"]')).toBeVisible();
  await app.getByRole('checkbox', { name: 'Hide internal topics' }).check();
  // The compacted topic: its cleanup policy is an override on the topic.
  await app.locator('[data-topic="customers.profiles"]').click();
  await app.getByRole('tab', { name: 'Configuration' }).click();
  await expect(app.locator('[data-config="cleanup.policy"]')).toContainText('compact', { timeout: 20_000 });
  await app.locator('[data-topic="shop.orders"]').click();
  await expect(app.getByRole('button', { name: 'Browse messages' })).toBeVisible();
  await shoot('topics');

  // Messages: the newest orders, one opened with its Avro value decoded through the registry.
  await app.getByRole('button', { name: 'Browse messages' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('message-row').first()).toBeVisible({ timeout: 30_000 });
  await app.getByTestId('message-row').first().click();
  const message = app.getByRole('dialog', { name: /^Message \d+:\d+$/ });
  const value = message.getByRole('group', { name: 'Value' });
  await expect(value.getByTestId('decoded-schema')).toContainText('Avro', { timeout: 20_000 });
  await expect(value.getByTestId('decoded-schema')).toContainText('shop.orders-value');
  await expect(message.getByTestId('payload-value')).toContainText('"orderId"');
  await shoot('messages-avro');
  await app.keyboard.press('Escape');

  // Consumer groups: one per state; the slow one's lag over time.
  await section(app, 'Consumer groups');
  await expect(app.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
  for (const group of DEMO_GROUPS) await expect(app.locator(`[data-group="${group.id}"]`)).toBeVisible({ timeout: 30_000 });
  const row = (id: string) => app.locator(`[data-group="${id}"]`);
  await expect(row('orders-fulfilment')).toContainText('Stable', { timeout: 30_000 });
  await expect(row('tx-settlement')).toContainText('Stable');
  await expect(row('legacy-reporting')).toContainText('Empty');
  await expect(row('tx-audit-archiver')).toContainText('Empty');
  // KIP-848: the consumer group type, with its live member.
  await expect(row('inventory-projector').getByRole('cell').nth(1)).toHaveText('consumer', { timeout: 30_000 });
  await expect(row('legacy-reporting').locator('[data-lag="total"]')).not.toHaveText(/^(0|…|—)$/, { timeout: 30_000 });
  await shoot('groups');
  await row('tx-settlement').click();
  await expect(app.getByRole('heading', { name: 'tx-settlement' })).toBeVisible();
  await app.getByRole('tab', { name: 'Lag over time' }).click();
  const chart = app.getByTestId('lag-chart').first();
  await expect(chart.locator('canvas')).toBeVisible({ timeout: 30_000 });
  // Two samples at least (5 s apart), so the chart has a line rather than a dot.
  const minPoints = Math.max(2, options.minLagPoints ?? 2);
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 + minPoints * 6000 })
    .toBeGreaterThanOrEqual(minPoints);
  await shoot('group-lag-chart');
  await app.keyboard.press('Escape');

  // Schemas: the three subjects the demo registered.
  await section(app, 'Schemas');
  for (const schema of DEMO_SCHEMAS) await expect(app.locator(`[data-subject="${schema.subject}"]`)).toBeVisible({ timeout: 30_000 });

  // Access: the ACLs of both seeded principals (the profile signs in as the demo's SCRAM user).
  await section(app, 'Access');
  await expect(app.getByRole('heading', { name: 'Access' })).toBeVisible();
  const acls = app.getByRole('table', { name: 'ACLs' });
  await expect(acls).toContainText(`User:${DEMO_USER}`, { timeout: 30_000 });
  await expect(acls).toContainText(`User:${ANALYST_USER}`);

  // A snapshot for the policy workspace, captured from the Overview while the whole cluster shows.
  await section(app, 'Overview');
  dialogAnswers.push(options.snapshotFile);
  await app.getByRole('button', { name: 'Capture snapshot…' }).click();
  await expect(app.getByText(`to ${options.snapshotFile}`)).toBeVisible({ timeout: 30_000 });

  // The demo's tenancy file: two tenants; inside Transactions only tx- topics show.
  const tenant = app.getByRole('region', { name: 'Tenant', exact: true });
  dialogAnswers.push(options.tenancyFile);
  await tenant.getByRole('button', { name: 'Attach policy file…' }).click();
  await expect(app.getByRole('heading', { name: 'Choose a tenant' })).toBeVisible({ timeout: 20_000 });
  const tenants = app.getByRole('list', { name: 'Tenants' });
  await expect(tenants.locator('[data-tenant="Shop and platform"]')).toBeVisible();
  await tenants.getByRole('button', { name: 'Enter Transactions' }).click();
  await section(app, 'Topics');
  await expect(app.locator('[data-topic="tx-payments"]')).toBeVisible({ timeout: 30_000 });
  await expect(app.locator('[data-topic="tx-audit"]')).toBeVisible();
  await expect(app.getByTestId('topic-count')).toHaveText(/^2 topics$/, { timeout: 30_000 });
  await shoot('tenant-view');
  // Leave the profile as the demo made it: whole cluster, no file attached.
  await section(app, 'Tenants');
  await app.getByRole('button', { name: 'Detach from this connection' }).click();
  await expect(app.getByTestId('tenancy-status')).not.toContainText('Transactions', { timeout: 20_000 });

  // The policy workspace over the same file and the captured snapshot.
  await app.getByRole('button', { name: 'Offline policy workspace' }).click();
  await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
  dialogAnswers.push(options.tenancyFile);
  await app.getByRole('button', { name: 'Open…' }).click();
  await expect(app.locator('.cm-content')).toContainText('name: "Transactions"');
  dialogAnswers.push(options.snapshotFile);
  await app.getByRole('button', { name: 'Open snapshot…' }).click();
  await app.getByRole('tab', { name: 'Preview' }).click();
  await expect(app.getByText('Shop and platform').first()).toBeVisible({ timeout: 20_000 });
  await shoot('policy-workspace');
}
