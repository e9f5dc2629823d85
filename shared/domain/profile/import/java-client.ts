// Java client properties (also what Kpow and Conduktor Gateway variables translate to) → profile draft.
import { GSSAPI_UNSUPPORTED_MESSAGE, type ProfileDraft, type SaslMechanism, type SecurityProtocol } from '../profile-schema';
import { mskRegionFromHost } from '../presets';
import { tlsProfiles, type TlsProfileName } from '../tls-profiles';
import { REDACTED_SECRET } from '../secrets';
import { isPlaceholder, type ImportContext, type Setting } from './context';
import { parseJaasConfig, type JaasModuleKind, type JaasOption } from './jaas';
import { inferSecurityProtocol, readBootstrap, readSchemaRegistry, readSecurityProtocol, saslMechanismsByKafkaName } from './shared-readers';

type DraftSasl = NonNullable<ProfileDraft['sasl']>;
type DraftTls = NonNullable<ProfileDraft['tls']>;
type DraftTrust = DraftTls['trust'];
type DraftIdentity = NonNullable<DraftTls['identity']>;
type TlsPrefix = 'tls' | 'schemaRegistry.tls';

const moduleFor: Record<SaslMechanism, JaasModuleKind> = {
  plain: 'plain',
  'scram-sha-256': 'scram',
  'scram-sha-512': 'scram',
  oauthbearer: 'oauthbearer',
  'aws-msk-iam': 'aws-msk-iam',
  gssapi: 'gssapi',
};

const mechanismName = (mechanism: SaslMechanism) => Object.entries(saslMechanismsByKafkaName).find(([, value]) => value === mechanism)?.[0] ?? mechanism;

/** Settings that Java clients need but Odradek does not, with the reason shown to the user. */
export const handledElsewhereReasons: Readonly<Record<string, string>> = {
  'sasl.login.callback.handler.class': 'Odradek fetches OAuth client-credentials tokens itself; no callback handler class is needed.',
  'sasl.client.callback.handler.class': 'Odradek signs AWS MSK IAM authentication itself; no callback handler class is needed.',
  'ssl.client.auth': 'A broker-side setting: a client presents its certificate whenever a keystore or client certificate is set.',
  'ssl.keymanager.algorithm': 'Java key manager tuning, not needed by Odradek.',
  'ssl.trustmanager.algorithm': 'Java trust manager tuning, not needed by Odradek.',
  'client.dns.lookup': 'Odradek resolves bootstrap names itself.',
  'gateway.roles': 'Conduktor Gateway failover role, not a client setting.',
};

export function readJavaClientSettings(ctx: ImportContext, draft: ProfileDraft): void {
  readBootstrap(ctx, ctx.take('bootstrap.servers'), draft);
  const protocolSetting = ctx.take('security.protocol');
  const saslPresent = ctx.has('sasl.mechanism') || ctx.has('sasl.jaas.config');
  const tlsPresent = ['ssl.truststore.location', 'ssl.keystore.location', 'ssl.truststore.certificates', 'ssl.keystore.key'].some((key) => ctx.has(key));
  const protocol: SecurityProtocol = readSecurityProtocol(ctx, protocolSetting) ?? inferSecurityProtocol(ctx, saslPresent, tlsPresent, protocolSetting === undefined);
  draft.securityProtocol = protocol;

  const usesSasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
  if (usesSasl) draft.sasl = readSasl(ctx, draft);
  else ignoreAll(ctx, (key) => key.startsWith('sasl.') || key.startsWith('aws.'), `security.protocol is ${protocol}, which does not use SASL.`, protocolSetting);

  if (usesTls) {
    const tls = readTlsStores(ctx, 'ssl.', 'tls');
    draft.tls = { ...tls, profile: readTlsProfile(ctx) };
  } else {
    ignoreAll(ctx, (key) => key.startsWith('ssl.') && !(key in handledElsewhereReasons), `security.protocol is ${protocol}, which does not use TLS.`, protocolSetting);
  }
  readSchemaRegistry(ctx, draft, (prefix) => (ctx.remaining().some((setting) => setting.key.startsWith(prefix)) ? readTlsStores(ctx, prefix, 'schemaRegistry.tls') : null));
}

function ignoreAll(ctx: ImportContext, predicate: (key: string) => boolean, reason: string, protocolSetting: Setting | undefined): void {
  const unused = ctx.takeMatching(predicate);
  for (const setting of unused) ctx.ignore(setting, reason);
  const first = unused[0];
  if (first) {
    const names = unused.map((setting) => setting.sourceKey).join(', ');
    ctx.warn('input.settings-unused-by-protocol', `${names} ${unused.length === 1 ? 'is' : 'are'} ignored: ${reason}`, protocolSetting ?? first, 'Set the security protocol that matches them (e.g. SASL_SSL), or remove them.', 'securityProtocol');
  }
}

function readSasl(ctx: ImportContext, draft: ProfileDraft): DraftSasl | null {
  const mechanismSetting = ctx.take('sasl.mechanism');
  const jaasSetting = ctx.take('sasl.jaas.config');
  let mechanism = ctx.choice(mechanismSetting, saslMechanismsByKafkaName, 'sasl.mechanism', 'sasl.mechanism');
  const jaas = jaasSetting ? parseJaasConfig(jaasSetting.value, (offset) => ctx.source.position(offset), jaasSetting.sourceKey) : null;
  ctx.issues.push(...(jaas?.issues ?? []));
  const entry = jaas?.entry ?? null;

  if (!mechanism) {
    if (entry?.kind) {
      mechanism = entry.kind === 'scram' ? 'scram-sha-256' : entry.kind === 'aws-msk-iam' ? 'aws-msk-iam' : (entry.kind as SaslMechanism);
      ctx.warn('sasl.no-mechanism', `no sasl.mechanism is set (Java clients then use GSSAPI); Odradek inferred ${mechanismName(mechanism)} from the JAAS login module.`, jaasSetting, `Set sasl.mechanism=${mechanismName(mechanism)} explicitly${entry.kind === 'scram' ? ' (or SCRAM-SHA-512)' : ''}.`, 'sasl.mechanism');
    } else if (!mechanismSetting) {
      ctx.error('sasl.no-mechanism', 'the security protocol uses SASL but no sasl.mechanism is set.', undefined, 'Add sasl.mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER or AWS_MSK_IAM) and sasl.jaas.config.', 'sasl.mechanism');
      return null;
    } else return null;
  }
  if (entry?.kind && entry.kind !== moduleFor[mechanism]) {
    ctx.error('sasl.jaas-mismatch', `sasl.mechanism is ${mechanismName(mechanism)} but the JAAS config uses ${entry.className.split('.').pop()}.`, jaasSetting, `Use the login module for ${mechanismName(mechanism)}, or change sasl.mechanism to match the JAAS config.`, 'sasl.mechanism');
  }

  const used = new Set<string>();
  const option = (...names: string[]): (JaasOption & { name: string }) | undefined => {
    for (const name of names) {
      const found = entry?.options.get(name);
      if (found) {
        used.add(name);
        return { ...found, name };
      }
    }
    return undefined;
  };
  const plainOption = (what: string, field: string, ...names: string[]) => {
    const found = option(...names);
    return found && jaasSetting ? ctx.plain(jaasSetting, what, field, found.value, found.offset) : undefined;
  };
  const secretOption = (slot: Parameters<ImportContext['secret']>[1], what: string, ...names: string[]) => {
    const found = option(...names);
    return found && jaasSetting ? ctx.secret(jaasSetting, slot, what, found.value, found.offset) : undefined;
  };
  const missing = (what: string, example: string, field: string) =>
    ctx.error('sasl.missing-option', `the JAAS config has no ${what}.`, jaasSetting ?? mechanismSetting, `Add ${example} to sasl.jaas.config.`, field);

  let sasl: DraftSasl;
  switch (mechanism) {
    case 'plain':
    case 'scram-sha-256':
    case 'scram-sha-512': {
      if (!jaasSetting) ctx.error('sasl.no-jaas', `${mechanismName(mechanism)} needs a username and password in sasl.jaas.config.`, mechanismSetting, `Add sasl.jaas.config=${mechanism === 'plain' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule'} required username="…" password="…";`, 'sasl');
      const username = plainOption('SASL username', 'sasl.username', 'username');
      if (jaasSetting && username === undefined) missing('username', 'username="…"', 'sasl.username');
      sasl = { mechanism, username: username ?? '', password: secretOption('sasl.password', 'SASL password', 'password') };
      break;
    }
    case 'oauthbearer': {
      const endpointSetting = ctx.take('sasl.oauthbearer.token.endpoint.url');
      const tokenEndpoint = endpointSetting ? ctx.plain(endpointSetting, 'OAuth token endpoint', 'sasl.tokenEndpoint') : plainOption('OAuth token endpoint', 'sasl.tokenEndpoint', 'oauth.token.endpoint.uri');
      if (tokenEndpoint === undefined) ctx.error('sasl.no-token-endpoint', 'OAUTHBEARER needs the identity provider token endpoint.', jaasSetting ?? mechanismSetting, 'Add sasl.oauthbearer.token.endpoint.url=https://… (or oauth.token.endpoint.uri="…" in the JAAS config).', 'sasl.tokenEndpoint');
      const clientId = plainOption('OAuth client id', 'sasl.clientId', 'clientId', 'oauth.client.id');
      if (clientId === undefined) missing('client id', 'clientId="…"', 'sasl.clientId');
      sasl = {
        mechanism,
        tokenEndpoint: tokenEndpoint ?? '',
        clientId: clientId ?? '',
        clientSecret: secretOption('sasl.clientSecret', 'OAuth client secret', 'clientSecret', 'oauth.client.secret'),
        extraParameters: {},
      };
      const scope = plainOption('OAuth scope', 'sasl.scope', 'scope', 'oauth.scope');
      if (scope) sasl.scope = scope;
      const audience = plainOption('OAuth audience', 'sasl.audience', 'audience', 'oauth.audience');
      if (audience) sasl.audience = audience;
      for (const setting of ctx.takeMatching((key) => key.startsWith('odradek.sasl.oauth.extra.'))) {
        sasl.extraParameters[setting.key.slice('odradek.sasl.oauth.extra.'.length)] = setting.value.text.trim();
      }
      break;
    }
    case 'aws-msk-iam': {
      const regionSetting = ctx.take('aws.region') ?? ctx.take('odradek.sasl.aws.region');
      const region = ctx.text(regionSetting) || draft.bootstrapServers.map((address) => mskRegionFromHost(address.split(':')[0] ?? '')).find(Boolean);
      if (!region) ctx.error('sasl.no-aws-region', 'AWS MSK IAM needs the AWS region, and none could be read from the bootstrap host.', mechanismSetting, 'Set the region in the profile (e.g. eu-west-1).', 'sasl.region');
      const accessKey = ctx.take('aws.access.key.id');
      const secretKey = ctx.take('aws.secret.access.key');
      const sessionToken = ctx.take('aws.session.token');
      const profileName = plainOption('AWS profile name', 'sasl.credentials.profileName', 'awsProfileName');
      const roleArn = option('awsRoleArn');
      if (roleArn && jaasSetting) ctx.warn('sasl.aws-role-unsupported', 'awsRoleArn (assume role) is not supported; Odradek signs with the credentials source chosen in the profile.', jaasSetting, 'Use a named AWS profile that assumes the role (role_arn in ~/.aws/config).', 'sasl.credentials', roleArn.offset);
      const credentials: Extract<DraftSasl, { mechanism: 'aws-msk-iam' }>['credentials'] = accessKey
        ? {
            source: 'static',
            accessKeyId: ctx.plain(accessKey, 'AWS access key id', 'sasl.credentials.accessKeyId') ?? '',
            secretAccessKey: ctx.secret(secretKey, 'sasl.secretAccessKey', 'AWS secret access key'),
            sessionToken: ctx.secret(sessionToken, 'sasl.sessionToken', 'AWS session token'),
          }
        : profileName
          ? { source: 'profile', profileName }
          : { source: 'default-chain' };
      sasl = { mechanism, region: region ?? '', credentials };
      break;
    }
    case 'gssapi': {
      ctx.error('sasl.gssapi-unsupported', `${GSSAPI_UNSUPPORTED_MESSAGE}.`, mechanismSetting ?? jaasSetting, undefined, 'sasl.mechanism');
      sasl = { mechanism };
      const principal = option('principal')?.value;
      if (principal) sasl.principal = principal;
      const keytab = option('keyTab')?.value;
      if (keytab) sasl.keytabPath = keytab;
      const serviceName = ctx.text(ctx.take('sasl.kerberos.service.name'));
      if (serviceName) sasl.serviceName = serviceName;
      for (const name of ['useKeyTab', 'storeKey', 'useTicketCache']) option(name);
      break;
    }
  }
  if (jaasSetting) {
    for (const name of entry?.options.keys() ?? []) {
      if (!used.has(name)) ctx.ignored.push({ key: `${jaasSetting.sourceKey} ${name}`, line: jaasSetting.line, reason: `JAAS option '${name}' is not used by Odradek's ${mechanismName(mechanism)} support.` });
    }
  }
  return sasl;
}

const storeTypes = { JKS: 'jks', PKCS12: 'pkcs12', PEM: 'pem' } as const;

function typeFromPath(path: string): 'jks' | 'pkcs12' | 'pem' | undefined {
  if (/\.(p12|pfx|pkcs12)$/i.test(path)) return 'pkcs12';
  if (/\.(pem|crt|cer|key)$/i.test(path)) return 'pem';
  if (/\.(jks|keystore|truststore)$/i.test(path)) return 'jks';
  return undefined;
}

const looksLikePem = (text: string) => text.includes('-----BEGIN');

/** `ssl.*` (or `schema.registry.ssl.*`) truststore, keystore and host-name verification. */
export function readTlsStores(ctx: ImportContext, prefix: string, slots: TlsPrefix): Omit<DraftTls, 'profile'> {
  const take = (name: string) => ctx.take(`${prefix}${name}`);
  const field = slots === 'tls' ? 'tls' : 'schemaRegistry.tls';

  const storeType = (setting: Setting | undefined, location: string | undefined, what: string) => {
    const declared = ctx.choice(setting, storeTypes, `${what} type`, `${field}.${what}`);
    const fromPath = location ? typeFromPath(location) : undefined;
    if (declared && fromPath && fromPath !== 'pem' && declared !== fromPath && setting) {
      ctx.info('tls.type-differs-from-name', `the ${what} file name suggests ${fromPath.toUpperCase()} but its type is ${declared.toUpperCase()}; Odradek follows the type.`, setting, undefined, `${field}.${what}`);
    }
    return declared ?? fromPath ?? 'jks';
  };

  let trust: DraftTrust = { kind: 'system' };
  const trustType = take('truststore.type');
  const trustLocation = take('truststore.location');
  const trustPassword = take('truststore.password');
  const trustCertificates = take('truststore.certificates');
  const trustPath = ctx.plain(trustLocation, 'truststore path', `${field}.trust.path`);
  const trustKind = storeType(trustType, trustPath, 'truststore');
  if (trustCertificates) {
    const text = trustCertificates.value.text.trim();
    trust = looksLikePem(text) ? { kind: 'pem-text', pem: text } : { kind: 'pem-file', path: ctx.plain(trustCertificates, 'CA certificate path', `${field}.trust.path`) ?? '' };
    if (!looksLikePem(text)) ctx.info('tls.pem-path', `${trustCertificates.sourceKey} holds a file path; Java expects the PEM text itself there, Odradek reads the file.`, trustCertificates);
  } else if (trustPath !== undefined && trustKind === 'pem') {
    trust = { kind: 'pem-file', path: trustPath };
  } else if (trustPath !== undefined) {
    const password = ctx.secret(trustPassword, `${slots}.truststorePassword`, 'truststore password');
    trust = trustKind === 'pkcs12' ? { kind: 'pkcs12', path: trustPath, password } : { kind: 'jks', path: trustPath, password };
  }
  if (trustPassword && (trust.kind === 'system' || trust.kind === 'pem-file' || trust.kind === 'pem-text')) ctx.ignore(trustPassword, 'A PEM CA or the system trust store has no password.');

  let identity: DraftIdentity | null = null;
  const keyType = take('keystore.type');
  const keyLocation = take('keystore.location');
  const keyStorePassword = take('keystore.password');
  const keyPassword = take('key.password');
  const pemKey = take('keystore.key');
  const pemChain = take('keystore.certificate.chain');
  const keyPath = ctx.plain(keyLocation, 'keystore path', `${field}.identity.path`);
  const keyKind = storeType(keyType, keyPath, 'keystore');
  if (pemKey || pemChain || (keyKind === 'pem' && keyPath)) {
    const keyText = pemKey?.value.text.trim() ?? '';
    const chainText = pemChain?.value.text.trim() ?? '';
    for (const setting of [pemChain, pemKey]) {
      const text = setting?.value.text.trim() ?? '';
      if (setting && text !== '' && !looksLikePem(text) && text !== REDACTED_SECRET && !isPlaceholder(text)) {
        ctx.info('tls.pem-path', `${setting.sourceKey} holds a file path; Java expects the PEM text itself there, Odradek reads the file.`, setting);
      }
    }
    if (!pemChain) ctx.error('tls.no-certificate', 'a PEM client key is set without its certificate.', pemKey ?? keyLocation, `Add ${prefix}keystore.certificate.chain with the client certificate.`, `${field}.identity`);
    if (!pemKey && !keyPath) ctx.error('tls.no-key', 'a PEM client certificate is set without its private key.', pemChain, `Add ${prefix}keystore.key with the private key.`, `${field}.identity`);
    identity = {
      kind: 'pem',
      certificate: looksLikePem(chainText) ? { source: 'text', pem: chainText } : { source: 'file', path: ctx.plain(pemChain, 'client certificate path', `${field}.identity.certificate`) ?? '' },
      key:
        pemKey && (looksLikePem(keyText) || keyText === REDACTED_SECRET || isPlaceholder(keyText))
          ? { source: 'text', pem: ctx.secret(pemKey, `${slots}.privateKey`, 'private key') }
          : { source: 'file', path: (pemKey ? ctx.plain(pemKey, 'private key path', `${field}.identity.key`) : keyPath) ?? '' },
      keyPassword: ctx.secret(keyPassword, `${slots}.keyPassword`, 'private key passphrase'),
    };
  } else if (keyPath !== undefined) {
    const password = ctx.secret(keyStorePassword, `${slots}.keystorePassword`, 'keystore password');
    if (keyKind === 'jks') identity = { kind: 'jks', path: keyPath, password, keyPassword: ctx.secret(keyPassword, `${slots}.keyPassword`, 'key password') };
    else {
      identity = { kind: 'pkcs12', path: keyPath, password };
      if (keyPassword) ctx.ignore(keyPassword, 'A PKCS12 keystore is opened with the keystore password; a separate key password is not used.');
    }
  } else {
    for (const orphan of [keyStorePassword, keyPassword, keyType]) if (orphan) ctx.ignore(orphan, 'No keystore location was given.');
  }

  const identification = take('endpoint.identification.algorithm');
  let verifyHostname = true;
  if (identification) {
    const value = identification.value.text.trim().toLowerCase();
    if (value === '' || value === 'none') verifyHostname = false;
    else if (value !== 'https') ctx.warn('tls.unknown-identification', `endpoint identification '${value}' is unknown; host names will be verified.`, identification, 'Use https (verify) or an empty value (do not verify).', `${field}.verifyHostname`);
  }
  return { trust, identity, verifyHostname };
}

const javaVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** `ssl.enabled.protocols` sets the lowest version; with `ssl.cipher.suites` that gives one of our TLS profiles. */
function readTlsProfile(ctx: ImportContext): TlsProfileName {
  const enabled = ctx.take('ssl.enabled.protocols');
  const suites = ctx.take('ssl.cipher.suites');
  const protocol = ctx.take('ssl.protocol');
  if (protocol && enabled) ctx.ignore(protocol, 'ssl.enabled.protocols is set too and decides which TLS versions are allowed.');
  else if (protocol) {
    // Written by hand (the seed's Gateway clients say TLSv1.3), it states the version the cluster is
    // expected to speak: the profile holds to it rather than silently allowing older ones.
    const version = ctx.text(protocol) ?? '';
    const fromProtocol: TlsProfileName | undefined = version === 'TLSv1.3' ? 'modern' : version === 'TLSv1.2' ? 'intermediate' : undefined;
    if (fromProtocol && !suites) {
      ctx.info(
        'tls.protocol-profile',
        `ssl.protocol ${version} chose the '${fromProtocol}' TLS profile (${fromProtocol === 'modern' ? 'TLS 1.3 only' : 'TLS 1.2 or newer'}); a Java client would still fall back to older versions the broker offers.`,
        protocol,
        fromProtocol === 'modern' ? "Choose the 'intermediate' profile if the cluster also has to be reached over TLS 1.2." : undefined,
        'tls.profile',
      );
      return fromProtocol;
    }
    if (fromProtocol) ctx.ignore(protocol, 'ssl.cipher.suites is set too; the TLS profile comes from ssl.cipher.suites.');
    else if (/^(TLS|SSL)$/i.test(version)) ctx.ignore(protocol, `'${version}' lets Java pick any version it supports, which is what the default TLS profile does.`);
    else ctx.warn('tls.unknown-protocol', `ssl.protocol '${version}' is not a TLS version Odradek can use; the default TLS profile applies.`, protocol, 'Use TLSv1.2 or TLSv1.3.', 'tls.profile');
  }
  if (!enabled && !suites) return 'default';
  const versions = (ctx.text(enabled) ?? '').split(',').map((version) => version.trim()).filter(Boolean);
  const unknown = versions.filter((version) => !javaVersions.includes(version));
  if (unknown.length > 0 && enabled) ctx.warn('tls.unknown-protocol', `unknown TLS versions ${unknown.join(', ')}.`, enabled, 'Use TLSv1.2 and/or TLSv1.3.', 'tls.profile');
  const lowest = javaVersions.find((version) => versions.includes(version));
  const profile: TlsProfileName = lowest === 'TLSv1.3' ? 'modern' : lowest === 'TLSv1.2' ? 'intermediate' : lowest ? 'old' : 'default';
  if (suites) {
    const listed = (ctx.text(suites) ?? '').split(',').map((suite) => suite.trim().replace(/_CHACHA20_POLY1305_SHA256$/, '_CHACHA20_POLY1305')).filter((suite) => suite && !suite.startsWith('TLS_AES_') && !suite.startsWith('TLS_CHACHA20_'));
    const expected = tlsProfiles[profile].goCipherSuites ?? [];
    const matches = listed.length === expected.length && listed.every((suite, index) => suite === expected[index]);
    if (!matches) ctx.warn('tls.custom-cipher-suites', `the cipher suite list does not match a TLS profile; Odradek uses the '${profile}' profile's suites.`, suites, 'Check that the profile is acceptable for your cluster.', 'tls.profile');
  }
  return profile;
}
