// A profile as Java client properties (kafka-console-*, Kpow-style tools, Conduktor, any JVM client).
import { GSSAPI_UNSUPPORTED_MESSAGE, type ConnectionProfile } from '../profile-schema';
import { goSuiteToJavaName, tls13CipherSuites, tlsProfiles } from '../tls-profiles';
import { directiveLines, header, jaasValue, keychainStoreNote, propertyValue, secretText, type ExportOptions } from './common';

type Tls = NonNullable<ConnectionProfile['tls']>;

const mechanismNames = { plain: 'PLAIN', 'scram-sha-256': 'SCRAM-SHA-256', 'scram-sha-512': 'SCRAM-SHA-512', oauthbearer: 'OAUTHBEARER', 'aws-msk-iam': 'AWS_MSK_IAM', gssapi: 'GSSAPI' } as const;

const enabledProtocols = { modern: 'TLSv1.3', intermediate: 'TLSv1.2,TLSv1.3', old: 'TLSv1,TLSv1.1,TLSv1.2,TLSv1.3' } as const;

export function exportJavaProperties(profile: ConnectionProfile, options: ExportOptions = {}): string {
  const lines: string[] = [...header(profile, 'Java client'), ...directiveLines(profile), ''];
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) lines.push(`${key}=${propertyValue(value)}`);
  };
  const note = (text: string) => lines.push(`# ${text}`);
  set('bootstrap.servers', profile.bootstrapServers.join(','));
  set('security.protocol', profile.securityProtocol);

  const sasl = profile.sasl;
  if (sasl) {
    set('sasl.mechanism', mechanismNames[sasl.mechanism]);
    const jaas = (className: string, jaasOptions: [string, string | undefined][]) =>
      [className, 'required', ...jaasOptions.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${jaasValue(value ?? '')}`)].join(' ') + ';';
    switch (sasl.mechanism) {
      case 'plain':
      case 'scram-sha-256':
      case 'scram-sha-512':
        set(
          'sasl.jaas.config',
          jaas(sasl.mechanism === 'plain' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule', [
            ['username', sasl.username],
            ['password', secretText(sasl.password, options) ?? ''],
          ]),
        );
        break;
      case 'oauthbearer':
        set('sasl.login.callback.handler.class', 'org.apache.kafka.common.security.oauthbearer.secured.OAuthBearerLoginCallbackHandler');
        set('sasl.oauthbearer.token.endpoint.url', sasl.tokenEndpoint);
        set(
          'sasl.jaas.config',
          jaas('org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule', [
            ['clientId', sasl.clientId],
            ['clientSecret', secretText(sasl.clientSecret, options) ?? ''],
            ['scope', sasl.scope],
            ['audience', sasl.audience],
          ]),
        );
        break;
      case 'aws-msk-iam': {
        const profileName = sasl.credentials.source === 'profile' ? sasl.credentials.profileName : undefined;
        set('sasl.jaas.config', jaas('software.amazon.msk.auth.iam.IAMLoginModule', [['awsProfileName', profileName]]));
        set('sasl.client.callback.handler.class', 'software.amazon.msk.auth.iam.IAMClientCallbackHandler');
        set('aws.region', sasl.region);
        if (sasl.credentials.source === 'static') {
          set('aws.access.key.id', sasl.credentials.accessKeyId);
          set('aws.secret.access.key', secretText(sasl.credentials.secretAccessKey, options));
          set('aws.session.token', secretText(sasl.credentials.sessionToken, options));
        }
        break;
      }
      case 'gssapi':
        note(`${GSSAPI_UNSUPPORTED_MESSAGE}.`);
        set('sasl.kerberos.service.name', sasl.serviceName);
        set(
          'sasl.jaas.config',
          jaas('com.sun.security.auth.module.Krb5LoginModule', [
            ['useKeyTab', sasl.keytabPath === undefined ? undefined : 'true'],
            ['keyTab', sasl.keytabPath],
            ['principal', sasl.principal],
          ]),
        );
        break;
    }
  }
  if (profile.tls) {
    writeTls(profile.tls, 'ssl.', set, note, options);
    const bounds = profile.tls.profile === 'default' ? undefined : enabledProtocols[profile.tls.profile];
    set('ssl.enabled.protocols', bounds);
    const suites = tlsProfiles[profile.tls.profile].goCipherSuites;
    if (suites) set('ssl.cipher.suites', [...suites.map(goSuiteToJavaName), ...tls13CipherSuites].join(','));
  }
  const registry = profile.schemaRegistry;
  if (registry) {
    set('schema.registry.url', registry.urls.join(','));
    if (registry.auth.kind === 'basic') {
      set('basic.auth.credentials.source', 'USER_INFO');
      set('basic.auth.user.info', `${registry.auth.username}:${secretText(registry.auth.password, options) ?? ''}`);
    } else if (registry.auth.kind === 'bearer') {
      set('bearer.auth.credentials.source', 'STATIC_TOKEN');
      set('bearer.auth.token', secretText(registry.auth.token, options) ?? '');
    }
    if (registry.tls) writeTls({ ...registry.tls, profile: 'default' }, 'schema.registry.ssl.', set, note, options);
  }
  return `${lines.join('\n')}\n`;
}

function writeTls(tls: Tls, prefix: string, set: (key: string, value: string | undefined) => void, note: (text: string) => void, options: ExportOptions): void {
  const { trust, identity } = tls;
  switch (trust.kind) {
    case 'system':
      break;
    case 'pem-file':
      set(`${prefix}truststore.type`, 'PEM');
      set(`${prefix}truststore.location`, trust.path);
      break;
    case 'pem-text':
      set(`${prefix}truststore.type`, 'PEM');
      set(`${prefix}truststore.certificates`, trust.pem);
      break;
    case 'pkcs12':
    case 'jks':
      set(`${prefix}truststore.type`, trust.kind.toUpperCase());
      if (trust.source === 'keychain') note(keychainStoreNote(trust.kind, 'truststore', `set ${prefix}truststore.location`));
      else set(`${prefix}truststore.location`, trust.path);
      set(`${prefix}truststore.password`, secretText(trust.password, options));
      break;
  }
  if (identity?.kind === 'pem') {
    if (identity.certificate.source === 'file' || identity.key.source === 'file') {
      note('Java clients expect PEM text (not file paths) in the two keystore lines below; paste the file contents or use a PKCS12 keystore.');
    }
    set(`${prefix}keystore.type`, 'PEM');
    set(`${prefix}keystore.certificate.chain`, identity.certificate.source === 'file' ? identity.certificate.path : identity.certificate.pem);
    set(`${prefix}keystore.key`, identity.key.source === 'file' ? identity.key.path : secretText(identity.key.pem, options));
    set(`${prefix}key.password`, secretText(identity.keyPassword, options));
  } else if (identity) {
    set(`${prefix}keystore.type`, identity.kind.toUpperCase());
    if (identity.source === 'keychain') note(keychainStoreNote(identity.kind, 'keystore', `set ${prefix}keystore.location`));
    else set(`${prefix}keystore.location`, identity.path);
    set(`${prefix}keystore.password`, secretText(identity.password, options));
    if (identity.kind === 'jks') set(`${prefix}key.password`, secretText(identity.keyPassword, options));
  }
  if (!tls.verifyHostname) set(`${prefix}endpoint.identification.algorithm`, '');
}
