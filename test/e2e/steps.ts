// Steps several specs take the same way a user does: a connection to the test bed through the editor,
// and a topic picked from the topics list.
import { expect, type Page } from '@playwright/test';
import { testbedInfo } from './testbed-info';

export interface BedConnectionOptions {
  readOnly?: boolean;
  /** Untick the `export-data` action in the profile's safety settings. */
  withoutExport?: boolean;
  /** A Schema Registry URL (observation left on auto). */
  registryUrl?: string;
  /** One Connect cluster with this REST URL, no authentication. */
  connectUrl?: string;
}

/** The sidebar: connections, the start actions and the cluster's screens (all buttons, in the Tab order). */
export const sidebar = (app: Page) => app.getByRole('navigation', { name: 'Connections and navigation' });

/** Adds a PLAINTEXT connection named `name` to the bed and opens it. */
export async function connectToBed(app: Page, name: string, options: BedConnectionOptions = {}): Promise<void> {
  await sidebar(app).getByRole('button', { name: 'Add a connection' }).click();
  await app.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  const bootstrap = app.getByRole('combobox', { name: 'Bootstrap servers', exact: true });
  await bootstrap.fill(testbedInfo().listeners.plaintext);
  await bootstrap.press('Enter');
  if (options.registryUrl) {
    await app.getByRole('switch', { name: 'Use a Schema Registry' }).check();
    const urls = app.getByRole('combobox', { name: 'Schema Registry URLs', exact: true });
    await urls.fill(options.registryUrl);
    await urls.press('Enter');
  }
  if (options.connectUrl) {
    await app.getByRole('button', { name: 'Add a Connect cluster' }).click();
    const urls = app.getByRole('combobox', { name: 'Connect REST URLs', exact: true });
    await urls.fill(options.connectUrl);
    await urls.press('Enter');
  }
  if (options.readOnly) await app.getByRole('switch', { name: 'Read-only', exact: true }).check();
  if (options.withoutExport) await app.getByRole('checkbox', { name: 'Export data' }).uncheck();
  await app.getByRole('button', { name: 'Save connection' }).click();
  const entry = app.getByTestId(`profile-${name.toLowerCase().replaceAll(' ', '-')}`);
  await expect(entry).toBeVisible();
  await entry.getByText(name).click();
}

/** Opens the Topics section, searches for `topic` and selects its row (the list streams in, so allow time). */
export async function selectTopic(app: Page, topic: string): Promise<void> {
  await app.getByRole('navigation', { name: 'Cluster' }).getByText('Topics', { exact: true }).click();
  await app.getByRole('textbox', { name: 'Search topics' }).fill(topic);
  await app.locator(`[data-topic="${topic}"]`).click({ timeout: 20_000 });
}
