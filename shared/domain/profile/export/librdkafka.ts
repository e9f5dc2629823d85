// A profile as a librdkafka configuration file (kcat -F, confluent-kafka clients). What librdkafka cannot
// express (AWS MSK IAM, JKS stores, PEM given as text, Schema Registry) is written as comments.
import { GSSAPI_UNSUPPORTED_MESSAGE, type ConnectionProfile } from '../profile-schema';
import { tlsProfiles } from '../tls-profiles';
import { directiveLines, header, keychainStoreNote, secretText, type ExportOptions } from './common';

const mechanismNames = { plain: 'PLAIN', 'scram-sha-256': 'SCRAM-SHA-256', 'scram-sha-512': 'SCRAM-SHA-512', oauthbearer: 'OAUTHBEARER', gssapi: 'GSSAPI' } as const;

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export function exportLibrdkafkaConfig(profile: ConnectionProfile, options: ExportOptions = {}): string {
  const lines: string[] = [...header(profile, 'librdkafka / kcat'), ...directiveLines(profile), ''];
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) lines.push(`${key}=${oneLine(value)}`);
  };
  const note = (text: string) => lines.push(`# ${text}`);
  /** Settings librdkafka would reject, kept as comments Odradek reads back. */
  const keep = (key: string, value: string | undefined) => {
    if (value !== undefined) lines.push(`# odradek.property.${key}=${oneLine(value)}`);
  };
  const directive = (name: string, value: string | undefined) => {
    if (value !== undefined) lines.push(`# odradek.${name}=${oneLine(value)}`);
  };

  set('bootstrap.servers', profile.bootstrapServers.join(','));
  set('security.protocol', profile.securityProtocol.toLowerCase());
  const sasl = profile.sasl;
  if (sasl?.mechanism === 'aws-msk-iam') {
    note('librdkafka has no AWS_MSK_IAM mechanism; Odradek signs IAM authentication itself.');
    directive('sasl.mechanism', 'AWS_MSK_IAM');
    directive('sasl.aws.region', sasl.region);
    if (sasl.credentials.source === 'profile') directive('sasl.aws.profile', sasl.credentials.profileName);
    if (sasl.credentials.source === 'static') note('Static AWS keys are not written to librdkafka configs; the profile uses the default credential chain after import.');
  } else if (sasl) {
    set('sasl.mechanisms', mechanismNames[sasl.mechanism]);
    switch (sasl.mechanism) {
      case 'plain':
      case 'scram-sha-256':
      case 'scram-sha-512':
        set('sasl.username', sasl.username);
        set('sasl.password', secretText(sasl.password, options));
        break;
      case 'oauthbearer':
        set('sasl.oauthbearer.method', 'oidc');
        set('sasl.oauthbearer.client.id', sasl.clientId);
        set('sasl.oauthbearer.client.secret', secretText(sasl.clientSecret, options));
        set('sasl.oauthbearer.token.endpoint.url', sasl.tokenEndpoint);
        set('sasl.oauthbearer.scope', sasl.scope);
        directive('sasl.oauth.audience', sasl.audience);
        break;
      case 'gssapi':
        note(`${GSSAPI_UNSUPPORTED_MESSAGE}.`);
        set('sasl.kerberos.service.name', sasl.serviceName);
        set('sasl.kerberos.principal', sasl.principal);
        set('sasl.kerberos.keytab', sasl.keytabPath);
        break;
    }
  }

  const tls = profile.tls;
  if (tls) {
    switch (tls.trust.kind) {
      case 'system':
        break;
      case 'pem-file':
        set('ssl.ca.location', tls.trust.path);
        break;
      case 'pem-text':
        note('The CA certificate is stored as text in Odradek: save it to a file and set ssl.ca.location.');
        break;
      case 'pkcs12':
      case 'jks':
        note(`librdkafka cannot read a ${tls.trust.kind.toUpperCase()} truststore${tls.trust.source === 'keychain' ? ' (imported into the keychain)' : ` (${oneLine(tls.trust.path)})`}: export the CA as PEM and set ssl.ca.location.`);
        break;
    }
    const identity = tls.identity;
    if (identity?.kind === 'pem') {
      if (identity.certificate.source === 'file') set('ssl.certificate.location', identity.certificate.path);
      else note('The client certificate is stored as text in Odradek: save it to a file and set ssl.certificate.location.');
      if (identity.key.source === 'file') set('ssl.key.location', identity.key.path);
      else note('The private key is stored as text in Odradek: save it to a file and set ssl.key.location.');
      set('ssl.key.password', secretText(identity.keyPassword, options));
    } else if (identity?.kind === 'pkcs12') {
      if (identity.source === 'keychain') note(keychainStoreNote('pkcs12', 'keystore', 'set ssl.keystore.location'));
      else set('ssl.keystore.location', identity.path);
      set('ssl.keystore.password', secretText(identity.password, options));
    } else if (identity?.kind === 'jks') {
      note(`librdkafka cannot read a JKS keystore${identity.source === 'keychain' ? ' (imported into the keychain)' : ` (${oneLine(identity.path)})`}: convert it to PKCS12 and set ssl.keystore.location.`);
    }
    if (!tls.verifyHostname) set('ssl.endpoint.identification.algorithm', 'none');
    set('ssl.cipher.suites', tlsProfiles[tls.profile].openSslCiphers);
  }

  const registry = profile.schemaRegistry;
  if (registry) {
    note('Schema Registry (kept for Odradek; pass to kcat with -r and -X as needed):');
    keep('schema.registry.url', registry.urls.join(','));
    if (registry.auth.kind === 'basic') {
      keep('basic.auth.credentials.source', 'USER_INFO');
      keep('basic.auth.user.info', `${registry.auth.username}:${secretText(registry.auth.password, options) ?? ''}`);
    } else if (registry.auth.kind === 'bearer') {
      keep('bearer.auth.credentials.source', 'STATIC_TOKEN');
      keep('bearer.auth.token', secretText(registry.auth.token, options) ?? '');
    }
    if (registry.tls) note('Schema Registry TLS settings are not exported to librdkafka configs.');
  }
  return `${lines.join('\n')}\n`;
}
