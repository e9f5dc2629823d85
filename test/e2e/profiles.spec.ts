// Connection profiles end to end: the built renderer, main's real handlers, the real keychain (a
// throwaway service inside `npm test`'s private gnome-keyring) and the real Kafka test bed.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { diagnosticStages, type DiagnosticStage } from '../../shared/domain/connection-diagnostics';
import { expect, test } from './fixtures';
import { sidebar } from './steps';
import { testbedInfo } from './testbed-info';

const bed = testbedInfo();

async function choose(app: Page, label: string, option: string) {
  await app.getByRole('combobox', { name: label, exact: true }).click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

async function expectStages(app: Page, expected: Partial<Record<DiagnosticStage, string>>, otherwise: string) {
  for (const stage of diagnosticStages) {
    await expect(app.getByTestId(`stage-${stage}`)).toHaveAttribute('data-status', expected[stage] ?? otherwise, { timeout: 30_000 });
  }
}

async function fillScramProfile(app: Page, name: string, password: string) {
  await sidebar(app).getByRole('button', { name: 'Add a connection' }).click();
  await expect(app.getByRole('heading', { name: 'Add a connection' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  const bootstrap = app.getByRole('combobox', { name: 'Bootstrap servers', exact: true });
  await bootstrap.fill(bed.listeners.saslPlaintext);
  await bootstrap.press('Enter');
  await choose(app, 'Security protocol', 'SASL_PLAINTEXT');
  await expect(app.getByRole('combobox', { name: 'Mechanism', exact: true })).toHaveValue('SCRAM-SHA-512');
  await app.getByRole('textbox', { name: 'Username', exact: true }).fill(bed.users.admin.username);
  await app.getByRole('textbox', { name: /^Password/ }).fill(password);
}

test('a SCRAM-SHA-512 profile made in the editor is saved with its password in the keychain and passes every stage', async ({ app }, testInfo) => {
  await fillScramProfile(app, 'Bed SCRAM', bed.users.admin.password);
  await app.getByRole('button', { name: 'Save connection' }).click();

  await expect(app.getByRole('heading', { name: 'Edit Bed SCRAM' })).toBeVisible();
  await expect(app.getByTestId('secret-state-sasl.password')).toHaveText('set');
  await expect(app.getByRole('textbox', { name: /^Password/ })).toHaveValue('');
  await expect(app.getByTestId('profile-bed-scram')).toContainText('Bed SCRAM');
  // The stored password can be marked for removal and kept again before anything is saved.
  await app.getByRole('button', { name: 'Clear the stored password' }).click();
  await app.getByRole('button', { name: 'Keep the stored password' }).click();
  await expect(app.getByRole('button', { name: 'Clear the stored password' })).toBeVisible();

  await app.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expectStages(app, { tls: 'skipped', 'schema-registry': 'skipped', connect: 'skipped' }, 'passed');
  await expect(app.getByTestId('test-summary')).toContainText('Every stage passed');
  await expect(app.getByTestId('stage-tls-message')).toHaveText('Not used: the profile connects without TLS.');
  await app.screenshot({ path: testInfo.outputPath('profile-editor-scram-passed.png') });
});

test('an OAUTHBEARER profile typed in the editor gets a token from the bed, keeps its fields after saving and passes every stage', async ({ app }) => {
  await sidebar(app).getByRole('button', { name: 'Add a connection' }).click();
  await app.getByRole('textbox', { name: 'Name', exact: true }).fill('Bed OAuth');
  const bootstrap = app.getByRole('combobox', { name: 'Bootstrap servers', exact: true });
  await bootstrap.fill(bed.listeners.oauth);
  await bootstrap.press('Enter');
  await choose(app, 'Security protocol', 'SASL_PLAINTEXT');
  await choose(app, 'Mechanism', 'OAUTHBEARER (OAuth client credentials)');
  await app.getByRole('textbox', { name: 'Token endpoint', exact: true }).fill(bed.oauth.tokenEndpoint);
  await app.getByRole('textbox', { name: 'Client id', exact: true }).fill(bed.oauth.clientId);
  await app.getByRole('textbox', { name: /^Client secret/ }).fill(bed.oauth.clientSecret);
  const scope = app.getByRole('textbox', { name: 'Scope', exact: true });
  await scope.fill('not-this-one');
  await scope.fill('');
  await scope.fill(bed.oauth.scope);
  await app.getByRole('button', { name: 'Save connection' }).click();
  await expect(app.getByRole('heading', { name: 'Edit Bed OAuth' })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'Client id', exact: true })).toHaveValue(bed.oauth.clientId);
  await expect(app.getByRole('textbox', { name: 'Scope', exact: true })).toHaveValue(bed.oauth.scope);

  await app.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expectStages(app, { tls: 'skipped', 'schema-registry': 'skipped', connect: 'skipped' }, 'passed');
});

test('Kpow variables for the SASL_SSL listener are previewed with their secrets, saved and pass every stage', async ({ app }, testInfo) => {
  const kpow = [
    `BOOTSTRAP=${bed.listeners.saslSsl}`,
    'SECURITY_PROTOCOL=SASL_SSL',
    'SASL_MECHANISM=PLAIN',
    `SASL_JAAS_CONFIG=org.apache.kafka.common.security.plain.PlainLoginModule required username="${bed.users.admin.username}" password="${bed.users.admin.password}";`,
    `SSL_TRUSTSTORE_LOCATION=${bed.tls.ca.truststoreP12}`,
    `SSL_TRUSTSTORE_PASSWORD=${bed.tls.password}`,
    'SSL_TRUSTSTORE_TYPE=PKCS12',
  ].join('\n');

  await sidebar(app).getByRole('button', { name: 'Import from properties/env' }).click();
  await expect(app.getByRole('heading', { name: 'Import a connection' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Configuration' }).fill(kpow);
  await app.getByRole('textbox', { name: 'Profile name (optional)' }).fill('Bed SASL_SSL');

  const preview = app.getByTestId('import-preview');
  await expect(preview).toContainText('Kpow environment variables');
  await expect(preview).toContainText('ready to save');
  await expect(app.getByTestId('import-secret-sasl.password')).toContainText('from SASL_JAAS_CONFIG, line 4');
  await expect(app.getByTestId('import-secret-tls.truststorePassword')).toContainText('from SSL_TRUSTSTORE_PASSWORD, line 6');
  await expect(app.getByTestId('import-secret-sasl.password')).toContainText('will be stored in the OS keychain');
  // The preview came from main, which never sends a secret value back, even one the user pasted.
  await expect(preview).not.toContainText(bed.users.admin.password);
  await app.screenshot({ path: testInfo.outputPath('import-preview-kpow.png') });

  await app.getByRole('button', { name: 'Save connection' }).click();
  await expect(app.getByRole('heading', { name: 'Edit Bed SASL_SSL' })).toBeVisible();
  await expect(app.getByTestId('secret-state-sasl.password')).toHaveText('set');
  await expect(app.getByTestId('secret-state-tls.truststorePassword')).toHaveText('set');

  await app.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expectStages(app, { 'schema-registry': 'skipped', connect: 'skipped' }, 'passed');
  await expect(app.getByTestId('test-summary')).toContainText('Every stage passed');
  await app.screenshot({ path: testInfo.outputPath('import-kpow-test-passed.png') });
});

test('a wrong password fails the SASL stage with its reason and skips the later stages', async ({ app }, testInfo) => {
  await fillScramProfile(app, 'Bed wrong password', 'not-the-password');
  // Tested as an unsaved draft: nothing needs to be stored to find out it is wrong.
  await app.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expectStages(app, { dns: 'passed', tcp: 'passed', tls: 'skipped', sasl: 'failed' }, 'skipped');
  await expect(app.getByTestId('stage-sasl-message')).not.toBeEmpty();
  await expect(app.getByTestId('stage-metadata-message')).toHaveText('Not run: an earlier stage failed.');
  await expect(app.getByTestId('test-summary')).toContainText('Failed at “SASL authentication”');
  await app.screenshot({ path: testInfo.outputPath('test-connection-wrong-password.png') });
});

test('a profile is exported with its secrets redacted, with secrets only to a chosen file after its name is typed, and deleted only after its name is typed', async ({ app, dialogAnswers }, testInfo) => {
  await fillScramProfile(app, 'Bed to delete', bed.users.admin.password);
  await app.getByRole('button', { name: 'Save connection' }).click();
  await expect(app.getByRole('heading', { name: 'Edit Bed to delete' })).toBeVisible();

  await app.getByRole('button', { name: 'Actions for Bed to delete' }).click();
  await app.getByRole('menuitem', { name: 'Export as client config…' }).click();
  await expect(app.getByTestId('export-text')).toContainText(`bootstrap.servers=${bed.listeners.saslPlaintext}`);
  await expect(app.getByTestId('export-text')).toContainText('<redacted: set in keychain>');
  await expect(app.getByTestId('export-text')).not.toContainText(bed.users.admin.password);
  await app.getByText('librdkafka', { exact: true }).click();
  await expect(app.getByTestId('export-text')).toContainText('sasl.mechanisms=SCRAM-SHA-512');
  await app.screenshot({ path: testInfo.outputPath('export-redacted.png') });

  // With secrets: main writes the file the (queued) save dialog names; the window never shows the value.
  const withSecrets = testInfo.outputPath('bed-to-delete.librdkafka.conf');
  dialogAnswers.push(withSecrets);
  const saveWithSecrets = app.getByRole('button', { name: 'Save with secrets…' });
  await expect(saveWithSecrets).toBeDisabled();
  await app.getByRole('textbox', { name: 'Type Bed to delete to confirm' }).fill('Bed to delete');
  await saveWithSecrets.click();
  await expect(app.getByText(`Saved to ${withSecrets}.`)).toBeVisible();
  expect(readFileSync(withSecrets, 'utf8')).toContain(`sasl.password=${bed.users.admin.password}`);
  await expect(app.locator('body')).not.toContainText(bed.users.admin.password);
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'Actions for Bed to delete' }).click();
  await app.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = app.getByRole('button', { name: 'Delete profile' });
  await expect(confirm).toBeDisabled();
  await app.getByRole('textbox', { name: /Type the profile name/ }).fill('Bed to delet');
  await expect(confirm).toBeDisabled();
  await app.getByRole('textbox', { name: /Type the profile name/ }).fill('Bed to delete');
  await confirm.click();
  await expect(app.getByTestId('profile-bed-to-delete')).toHaveCount(0);
  await expect(app.getByRole('heading', { name: 'Welcome to Odradek' })).toBeVisible();
});
