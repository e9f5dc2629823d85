// Switching a profile to its failover cluster in Chromium: a Gateway-style KAFKA_MAIN_* / KAFKA_FAILOVER_*
// import makes one profile with a failover cluster; the switch is an explicit, confirmed menu action,
// and the profile list and status bar then say so until the user switches back. (E2E has one bed: its
// PLAINTEXT listener is "main", its SASL listener with other credentials the "failover" cluster; two
// independent brokers are covered by test/integration/profile-failover.test.ts.)
import { expect, test } from './fixtures';
import { sidebar } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

test('a profile is switched to its failover cluster and back only on request, and shows it', async ({ app }) => {
  const env = [
    `KAFKA_MAIN_BOOTSTRAP_SERVERS=${bed.listeners.plaintext}`,
    `KAFKA_FAILOVER_BOOTSTRAP_SERVERS=${bed.listeners.saslPlaintext}`,
    'KAFKA_FAILOVER_SECURITY_PROTOCOL=SASL_PLAINTEXT',
    'KAFKA_FAILOVER_SASL_MECHANISM=SCRAM-SHA-512',
    `KAFKA_FAILOVER_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username="${bed.users.admin.username}" password="${bed.users.admin.password}";`,
    'KAFKA_FAILOVER_GATEWAY_ROLES=failover',
  ].join('\n');
  await sidebar(app).getByRole('button', { name: 'Import from properties/env' }).click();
  await app.getByRole('textbox', { name: 'Configuration' }).fill(env);
  await app.getByRole('textbox', { name: 'Profile name (optional)' }).fill('Bed DR');
  await expect(app.getByTestId('import-preview')).toContainText('ready to save');
  await expect(app.getByTestId('import-secret-failover.sasl.password')).toBeVisible();
  await app.getByRole('button', { name: 'Save connection' }).click();
  await expect(app.getByRole('heading', { name: 'Edit Bed DR' })).toBeVisible();

  const row = app.getByTestId('profile-bed-dr');
  await expect(row).toContainText(bed.listeners.plaintext);
  await row.getByRole('button', { name: /^Bed DR/ }).first().click();
  await expect(app.getByTestId('failover-active')).toHaveCount(0);

  await row.getByRole('button', { name: 'Actions for Bed DR' }).click();
  await app.getByRole('menuitem', { name: 'Switch to the failover cluster…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Switch Bed DR to its failover cluster?' });
  await expect(dialog).toContainText(bed.listeners.saslPlaintext);
  await dialog.getByTestId('confirm-switch-cluster').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(`failover: ${bed.listeners.saslPlaintext}`);
  await expect(row).toContainText('failover');
  await expect(app.getByTestId('failover-active')).toContainText(bed.listeners.saslPlaintext);

  await row.getByRole('button', { name: 'Actions for Bed DR' }).click();
  await app.getByRole('menuitem', { name: 'Switch back to the main cluster…' }).click();
  await app.getByRole('dialog', { name: 'Switch Bed DR to its main cluster?' }).getByTestId('confirm-switch-cluster').click();
  await expect(app.getByTestId('failover-active')).toHaveCount(0);
  await expect(row).toContainText(bed.listeners.plaintext);
});
