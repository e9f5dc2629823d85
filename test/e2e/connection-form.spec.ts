// The connection form as a new user meets it (issue 17): what to fix is listed under its count from the
// start, a bootstrap server counts as typed (no Enter), the test's results stay after saving, and Connect
// opens the saved connection.
import { expect, test } from './fixtures';
import { testbedInfo } from './testbed-info';

test('bootstrap as typed, what to fix listed, results kept after saving, Connect opens the cluster', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Connections and navigation' }).getByRole('button', { name: 'Add a connection' }).click();
  const checks = app.getByText('to fix', { exact: false }).first();
  await expect(checks).toBeVisible();
  // Listed before any save attempt: the missing name and bootstrap server.
  await expect(app.getByText('Give at least one bootstrap server (host:port).').first()).toBeVisible();

  await app.getByRole('textbox', { name: 'Name', exact: true }).fill('Bed typed');
  // Typed, never Enter: the field's text is the server.
  await app.getByRole('combobox', { name: 'Bootstrap servers', exact: true }).fill(testbedInfo().listeners.plaintext);
  await expect(app.getByText('ready to save')).toBeVisible();

  await app.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(app.getByTestId('test-summary')).toContainText('Every stage passed', { timeout: 20_000 });

  await app.getByRole('button', { name: 'Save connection' }).click();
  await expect(app.getByRole('heading', { name: 'Edit Bed typed' })).toBeVisible();
  // The stored server is the one that was typed, and the results are still there.
  await expect(app.getByTestId('test-summary')).toContainText('Every stage passed');
  await expect(app.getByRole('main').getByText(testbedInfo().listeners.plaintext, { exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Overview' })).toBeVisible();
});
