// A profile as a runnable kafkajs snippet (TypeScript/ESM) for people wiring their own scripts. Strings are
// emitted with JSON.stringify so any value is a valid literal.
import { GSSAPI_UNSUPPORTED_MESSAGE, type ConnectionProfile } from '../profile-schema';
import { tlsProfiles } from '../tls-profiles';
import { keychainStoreNote, secretText, type ExportOptions } from './common';

type Tls = NonNullable<ConnectionProfile['tls']>;

const literal = (value: string | undefined) => JSON.stringify(value ?? '');
const readFile = (path: string) => `readFileSync(${literal(path)}, 'utf8')`;

export function exportKafkajsSnippet(profile: ConnectionProfile, options: ExportOptions = {}): string {
  const imports = new Set<string>(["import { Kafka } from 'kafkajs';"]);
  const config: string[] = [`  clientId: 'odradek-export',`, `  brokers: ${JSON.stringify(profile.bootstrapServers)},`];
  const notes: string[] = [];

  if (profile.tls) {
    const tls = tlsOptions(profile.tls, options, notes);
    if (tls.some((line) => line.includes('readFileSync'))) imports.add("import { readFileSync } from 'node:fs';");
    config.push(tls.length === 0 ? '  ssl: true,' : `  ssl: {\n${tls.map((line) => `    ${line}`).join('\n')}\n  },`);
  }

  const sasl = profile.sasl;
  if (sasl) {
    switch (sasl.mechanism) {
      case 'plain':
      case 'scram-sha-256':
      case 'scram-sha-512':
        config.push(`  sasl: { mechanism: '${sasl.mechanism}', username: ${literal(sasl.username)}, password: ${literal(secretText(sasl.password, options))} },`);
        break;
      case 'oauthbearer': {
        const form: [string, string | undefined][] = [
          ['grant_type', 'client_credentials'],
          ['client_id', sasl.clientId],
          ['client_secret', secretText(sasl.clientSecret, options) ?? ''],
          ['scope', sasl.scope],
          ['audience', sasl.audience],
          ...Object.entries(sasl.extraParameters),
        ];
        const body = form.filter(([, value]) => value !== undefined).map(([name, value]) => `${JSON.stringify(name)}: ${literal(value)}`).join(', ');
        config.push(
          '  sasl: {',
          "    mechanism: 'oauthbearer',",
          '    // OAuth client credentials: fetch an access token from the identity provider.',
          '    oauthBearerProvider: async () => {',
          `      const response = await fetch(${literal(sasl.tokenEndpoint)}, {`,
          "        method: 'POST',",
          "        headers: { 'content-type': 'application/x-www-form-urlencoded' },",
          `        body: new URLSearchParams({ ${body} }),`,
          '      });',
          '      const { access_token } = (await response.json()) as { access_token: string };',
          '      return { value: access_token };',
          '    },',
          '  },',
        );
        break;
      }
      case 'aws-msk-iam': {
        const { credentials, region } = sasl;
        const [fn, args] =
          credentials.source === 'profile'
            ? ['generateAuthTokenFromProfile', `{ region: ${literal(region)}, awsProfileName: ${literal(credentials.profileName)} }`]
            : credentials.source === 'static'
              ? [
                  'generateAuthTokenFromCredentialsProvider',
                  `{ region: ${literal(region)}, awsCredentialsProvider: async () => ({ accessKeyId: ${literal(credentials.accessKeyId)}, secretAccessKey: ${literal(secretText(credentials.secretAccessKey, options))}${secretText(credentials.sessionToken, options) === undefined ? '' : `, sessionToken: ${literal(secretText(credentials.sessionToken, options))}`} }) }`,
                ]
              : ['generateAuthToken', `{ region: ${literal(region)} }`];
        imports.add(`import { ${fn} } from 'aws-msk-iam-sasl-signer-js';`);
        config.push(
          '  sasl: {',
          "    // AWS MSK IAM rides on OAUTHBEARER in kafkajs: the signer produces the token.",
          "    mechanism: 'oauthbearer',",
          `    oauthBearerProvider: async () => ({ value: (await ${fn}(${args})).token }),`,
          '  },',
        );
        break;
      }
      case 'gssapi':
        notes.push(`${GSSAPI_UNSUPPORTED_MESSAGE}.`);
        break;
    }
  }

  const lines = [
    `// kafkajs client for the Odradek profile ${JSON.stringify(profile.name)}.`,
    ...notes.map((note) => `// ${note}`),
    ...[...imports].sort(),
    '',
    'export const kafka = new Kafka({',
    ...config,
    '});',
  ];
  if (profile.schemaRegistry) {
    lines.push('', `// Schema Registry: ${profile.schemaRegistry.urls.join(', ')} (auth: ${profile.schemaRegistry.auth.kind}); use @kafkajs/confluent-schema-registry.`);
  }
  return `${lines.join('\n')}\n`;
}

function tlsOptions(tls: Tls, options: ExportOptions, notes: string[]): string[] {
  const lines: string[] = [];
  const { trust, identity } = tls;
  if (trust.kind === 'pem-file') lines.push(`ca: [${readFile(trust.path)}],`);
  else if (trust.kind === 'pem-text') lines.push(`ca: [${literal(trust.pem)}],`);
  else if (trust.kind === 'pkcs12' && trust.source === 'keychain') notes.push(keychainStoreNote('pkcs12', 'truststore', 'pass it as ssl.pfx'));
  else if (trust.kind === 'pkcs12') lines.push(`pfx: readFileSync(${literal(trust.path)}),`, `passphrase: ${literal(secretText(trust.password, options))},`);
  else if (trust.kind === 'jks') notes.push(`Node cannot read the JKS truststore${trust.source === 'keychain' ? '' : ` ${trust.path}`}: export its CA certificate as PEM and pass it as ssl.ca.`);
  if (identity?.kind === 'pem') {
    lines.push(`cert: ${identity.certificate.source === 'file' ? readFile(identity.certificate.path) : literal(identity.certificate.pem)},`);
    lines.push(`key: ${identity.key.source === 'file' ? readFile(identity.key.path) : literal(secretText(identity.key.pem, options))},`);
    const passphrase = secretText(identity.keyPassword, options);
    if (passphrase !== undefined) lines.push(`passphrase: ${literal(passphrase)},`);
  } else if (identity?.kind === 'pkcs12' && identity.source === 'keychain') {
    notes.push(keychainStoreNote('pkcs12', 'keystore', 'pass it as ssl.pfx'));
  } else if (identity?.kind === 'pkcs12') {
    lines.push(`pfx: readFileSync(${literal(identity.path)}),`, `passphrase: ${literal(secretText(identity.password, options))},`);
  } else if (identity?.kind === 'jks') {
    notes.push(`Node cannot read the JKS keystore${identity.source === 'keychain' ? '' : ` ${identity.path}`}: convert it to PKCS12 (keytool -importkeystore) and pass it as ssl.pfx.`);
  }
  const profile = tlsProfiles[tls.profile];
  if (profile.minVersion) lines.push(`minVersion: '${profile.minVersion}',`);
  if (profile.maxVersion) lines.push(`maxVersion: '${profile.maxVersion}',`);
  if (profile.nodeCiphers) lines.push(`ciphers: ${literal(profile.nodeCiphers)},`);
  if (!tls.verifyHostname) lines.push('// Host-name verification is off for this profile; the certificate chain is still checked.', 'checkServerIdentity: () => undefined,');
  return lines;
}
