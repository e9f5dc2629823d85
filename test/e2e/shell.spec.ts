import { expect, test } from './fixtures';
import { sidebar } from './steps';

test('the shell opens with the start page, switches theme and navigates by keyboard', async ({ app }, testInfo) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Odradek' })).toBeVisible();
  await expect(sidebar(app).getByRole('button', { name: 'Add a connection' })).toBeVisible();
  await expect(sidebar(app).getByRole('button', { name: 'Import from properties/env' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Open a policy file offline' })).toBeVisible();
  await expect(app.getByTestId('connection-state')).toHaveText('No connection selected');
  // The status bar's version comes from main through the contract: proof the bridge answers.
  await expect(app.getByText(/^Odradek \d+\.\d+\.\d+/)).toBeVisible();

  const html = app.locator('html');
  await app.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot({ path: testInfo.outputPath('shell-dark.png') });

  await app.getByText('Light', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await app.screenshot({ path: testInfo.outputPath('shell-light.png') });

  await app.getByRole('button', { name: 'Open a policy file offline' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Offline policy workspace' })).toBeVisible();
});
