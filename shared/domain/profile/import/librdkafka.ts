// librdkafka / kcat configuration (`-F file` or `-X key=value`) → profile draft.
import type { ProfileDraft, SecurityProtocol } from '../profile-schema';
import { tlsProfiles, tlsProfileNames, type TlsProfileName } from '../tls-profiles';
import { GSSAPI_UNSUPPORTED_MESSAGE } from '../profile-schema';
import { mskRegionFromHost } from '../presets';
import type { ImportContext } from './context';
import { inferSecurityProtocol, readBootstrap, readSchemaRegistry, readSecurityProtocol, saslMechanismsByKafkaName } from './shared-readers';

type DraftTls = NonNullable<ProfileDraft['tls']>;

/** Keys that only librdkafka uses: their presence tells a kcat config from a Java one. */
export const librdkafkaOnlyKeys = [
  'sasl.mechanisms',
  'sasl.username',
  'sasl.password',
  'sasl.oauthbearer.method',
  'sasl.oauthbearer.client.id',
  'sasl.oauthbearer.client.secret',
  'ssl.ca.location',
  'ssl.ca.pem',
  'ssl.certificate.location',
  'ssl.certificate.pem',
  'ssl.key.location',
  'ssl.key.pem',
  'enable.ssl.certificate.verification',
  'metadata.broker.list',
];

export function readLibrdkafkaSettings(ctx: ImportContext, draft: ProfileDraft): void {
  readBootstrap(ctx, ctx.take('bootstrap.servers') ?? ctx.take('metadata.broker.list'), draft);
  const protocolSetting = ctx.take('security.protocol');
  const saslPresent = ['sasl.mechanisms', 'sasl.mechanism', 'sasl.username'].some((key) => ctx.has(key));
  const tlsPresent = ['ssl.ca.location', 'ssl.ca.pem', 'ssl.certificate.location', 'ssl.keystore.location'].some((key) => ctx.has(key));
  const protocol: SecurityProtocol = readSecurityProtocol(ctx, protocolSetting) ?? inferSecurityProtocol(ctx, saslPresent, tlsPresent, protocolSetting === undefined);
  draft.securityProtocol = protocol;
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL') draft.sasl = readSasl(ctx, draft);
  if (protocol === 'SSL' || protocol === 'SASL_SSL') draft.tls = readTls(ctx);
  readSchemaRegistry(ctx, draft, () => null);
}

function readSasl(ctx: ImportContext, draft: ProfileDraft): ProfileDraft['sasl'] {
  const mechanismSetting = ctx.take('sasl.mechanisms') ?? ctx.take('sasl.mechanism') ?? ctx.take('odradek.sasl.mechanism');
  const mechanism = ctx.choice(mechanismSetting, saslMechanismsByKafkaName, 'sasl.mechanisms', 'sasl.mechanism');
  if (!mechanism) {
    if (!mechanismSetting) ctx.error('sasl.no-mechanism', 'the security protocol uses SASL but sasl.mechanisms is not set.', undefined, 'Add sasl.mechanisms (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER).', 'sasl.mechanism');
    return null;
  }
  switch (mechanism) {
    case 'plain':
    case 'scram-sha-256':
    case 'scram-sha-512': {
      const userSetting = ctx.take('sasl.username');
      const username = ctx.plain(userSetting, 'SASL username', 'sasl.username');
      if (username === undefined) ctx.error('sasl.no-username', 'sasl.username is missing.', mechanismSetting, 'Add sasl.username=… and sasl.password=….', 'sasl.username');
      return { mechanism, username: username ?? '', password: ctx.secret(ctx.take('sasl.password'), 'sasl.password', 'SASL password') };
    }
    case 'oauthbearer': {
      const method = ctx.take('sasl.oauthbearer.method');
      if (method && ctx.text(method)?.toLowerCase() !== 'oidc') ctx.warn('sasl.oauth-method', `sasl.oauthbearer.method=${ctx.text(method)} is not supported; Odradek uses the OIDC client-credentials flow.`, method, 'Set sasl.oauthbearer.method=oidc with a client id, secret and token endpoint.', 'sasl');
      const endpoint = ctx.take('sasl.oauthbearer.token.endpoint.url');
      const clientId = ctx.take('sasl.oauthbearer.client.id');
      if (!endpoint) ctx.error('sasl.no-token-endpoint', 'OAUTHBEARER needs sasl.oauthbearer.token.endpoint.url.', mechanismSetting, 'Add the identity provider token endpoint URL.', 'sasl.tokenEndpoint');
      if (!clientId) ctx.error('sasl.missing-option', 'OAUTHBEARER needs sasl.oauthbearer.client.id.', mechanismSetting, 'Add the OAuth client id.', 'sasl.clientId');
      const sasl: Extract<NonNullable<ProfileDraft['sasl']>, { mechanism: 'oauthbearer' }> = {
        mechanism,
        tokenEndpoint: ctx.plain(endpoint, 'OAuth token endpoint', 'sasl.tokenEndpoint') ?? '',
        clientId: ctx.plain(clientId, 'OAuth client id', 'sasl.clientId') ?? '',
        clientSecret: ctx.secret(ctx.take('sasl.oauthbearer.client.secret'), 'sasl.clientSecret', 'OAuth client secret'),
        extraParameters: {},
      };
      const scope = ctx.text(ctx.take('sasl.oauthbearer.scope'));
      if (scope) sasl.scope = scope;
      const audience = ctx.text(ctx.take('odradek.sasl.oauth.audience'));
      if (audience) sasl.audience = audience;
      for (const setting of ctx.takeMatching((key) => key.startsWith('odradek.sasl.oauth.extra.'))) {
        sasl.extraParameters[setting.key.slice('odradek.sasl.oauth.extra.'.length)] = setting.value.text.trim();
      }
      return sasl;
    }
    case 'aws-msk-iam': {
      const region = ctx.text(ctx.take('odradek.sasl.aws.region')) || draft.bootstrapServers.map((address) => mskRegionFromHost(address.split(':')[0] ?? '')).find(Boolean) || '';
      if (!region) ctx.error('sasl.no-aws-region', 'AWS MSK IAM needs the AWS region.', mechanismSetting, 'Set the region in the profile (e.g. eu-west-1).', 'sasl.region');
      const profileName = ctx.text(ctx.take('odradek.sasl.aws.profile'));
      return { mechanism, region, credentials: profileName ? { source: 'profile', profileName } : { source: 'default-chain' } };
    }
    case 'gssapi': {
      ctx.error('sasl.gssapi-unsupported', `${GSSAPI_UNSUPPORTED_MESSAGE}.`, mechanismSetting, undefined, 'sasl.mechanism');
      const sasl: Extract<NonNullable<ProfileDraft['sasl']>, { mechanism: 'gssapi' }> = { mechanism };
      const principal = ctx.text(ctx.take('sasl.kerberos.principal'));
      if (principal) sasl.principal = principal;
      const serviceName = ctx.text(ctx.take('sasl.kerberos.service.name'));
      if (serviceName) sasl.serviceName = serviceName;
      const keytab = ctx.text(ctx.take('sasl.kerberos.keytab'));
      if (keytab) sasl.keytabPath = keytab;
      return sasl;
    }
  }
}

function readTls(ctx: ImportContext): DraftTls {
  const caLocation = ctx.take('ssl.ca.location');
  const caPem = ctx.take('ssl.ca.pem');
  let trust: DraftTls['trust'] = { kind: 'system' };
  if (caPem) trust = { kind: 'pem-text', pem: caPem.value.text.trim() };
  else if (caLocation && ctx.text(caLocation) !== 'probe') trust = { kind: 'pem-file', path: ctx.plain(caLocation, 'CA certificate path', 'tls.trust.path') ?? '' };

  const keystore = ctx.take('ssl.keystore.location');
  const keystorePassword = ctx.take('ssl.keystore.password');
  const certificateLocation = ctx.take('ssl.certificate.location');
  const certificatePem = ctx.take('ssl.certificate.pem');
  const keyLocation = ctx.take('ssl.key.location');
  const keyPem = ctx.take('ssl.key.pem');
  const keyPassword = ctx.take('ssl.key.password');
  let identity: DraftTls['identity'] = null;
  if (keystore) {
    identity = { kind: 'pkcs12', path: ctx.plain(keystore, 'keystore path', 'tls.identity.path') ?? '', password: ctx.secret(keystorePassword, 'tls.keystorePassword', 'keystore password') };
  } else if (certificateLocation || certificatePem || keyLocation || keyPem) {
    if (!certificateLocation && !certificatePem) ctx.error('tls.no-certificate', 'a client key is set without its certificate.', keyLocation ?? keyPem, 'Add ssl.certificate.location.', 'tls.identity');
    if (!keyLocation && !keyPem) ctx.error('tls.no-key', 'a client certificate is set without its private key.', certificateLocation ?? certificatePem, 'Add ssl.key.location.', 'tls.identity');
    identity = {
      kind: 'pem',
      certificate: certificatePem ? { source: 'text', pem: certificatePem.value.text.trim() } : { source: 'file', path: ctx.plain(certificateLocation, 'client certificate path', 'tls.identity.certificate') ?? '' },
      key: keyPem ? { source: 'text', pem: ctx.secret(keyPem, 'tls.privateKey', 'private key') } : { source: 'file', path: ctx.plain(keyLocation, 'private key path', 'tls.identity.key') ?? '' },
      keyPassword: ctx.secret(keyPassword, 'tls.keyPassword', 'private key passphrase'),
    };
  }
  if (!keystore && keystorePassword) ctx.ignore(keystorePassword, 'No ssl.keystore.location was given.');
  if (identity?.kind !== 'pem' && keyPassword) ctx.ignore(keyPassword, 'No PEM private key was given.');

  const identification = ctx.take('ssl.endpoint.identification.algorithm');
  const verifyHostname = ctx.text(identification)?.toLowerCase() !== 'none';
  const verification = ctx.take('enable.ssl.certificate.verification');
  if (verification && /^false$/i.test(ctx.text(verification) ?? '')) {
    ctx.warn('tls.verification-off', 'certificate verification is turned off here; Odradek always verifies the certificate chain.', verification, 'Add the cluster CA instead (ssl.ca.location).', 'tls.trust');
  }
  const suites = ctx.take('ssl.cipher.suites');
  let profile: TlsProfileName = 'default';
  if (suites) {
    const text = ctx.text(suites) ?? '';
    const match = tlsProfileNames.find((name) => tlsProfiles[name].openSslCiphers === text);
    if (match) profile = match;
    else ctx.warn('tls.custom-cipher-suites', 'the cipher suite list does not match a TLS profile; Odradek uses the default TLS settings.', suites, 'Pick a TLS profile (modern, intermediate, old) in the profile.', 'tls.profile');
  }
  return { trust, identity, verifyHostname, profile };
}
