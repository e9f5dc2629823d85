// Readers used by more than one input format: bootstrap servers, security protocol, Schema Registry
// (Confluent serializer keys) and the `odradek.*` settings that carry Odradek-only fields.
import { checkBootstrapAddress, splitBootstrapList } from '../bootstrap';
import { connectSecretSlot } from '../secret-slots';
import { guessEnvironmentTag, defaultEnvironmentColours, environmentTags, profileActions, vendorPresetIds, type ProfileDraft, type SaslMechanism, type SecurityProtocol } from '../profile-schema';
import { parseTlsProfileName } from '../tls-profiles';
import { containsPlaceholder, type ImportContext, type Setting } from './context';

const protocols: Record<string, SecurityProtocol> = { PLAINTEXT: 'PLAINTEXT', SSL: 'SSL', SASL_PLAINTEXT: 'SASL_PLAINTEXT', SASL_SSL: 'SASL_SSL' };

/** SASL mechanisms as Kafka clients (Java and librdkafka alike) name them in `sasl.mechanism(s)`. */
export const saslMechanismsByKafkaName: Readonly<Record<string, SaslMechanism>> = {
  PLAIN: 'plain',
  'SCRAM-SHA-256': 'scram-sha-256',
  'SCRAM-SHA-512': 'scram-sha-512',
  OAUTHBEARER: 'oauthbearer',
  AWS_MSK_IAM: 'aws-msk-iam',
  GSSAPI: 'gssapi',
};

export function readBootstrap(ctx: ImportContext, setting: Setting | undefined, draft: ProfileDraft): void {
  if (!setting) {
    ctx.error('input.no-bootstrap', 'no bootstrap servers were found.', undefined, 'Add bootstrap.servers=host:port (BOOTSTRAP for Kpow, KAFKA_BOOTSTRAP_SERVERS for Gateway).', 'bootstrapServers');
    return;
  }
  const addresses = splitBootstrapList(setting.value.text);
  if (addresses.length === 0) ctx.error('input.no-bootstrap', `${setting.sourceKey} is empty.`, setting, 'Give at least one host:port.', 'bootstrapServers');
  for (const address of addresses) {
    if (containsPlaceholder(address)) {
      ctx.error('input.placeholder', `the bootstrap server is still the placeholder '${address}'.`, setting, 'Replace it with your broker or virtual-cluster address, e.g. broker-1.example.com:9092.', 'bootstrapServers');
      continue;
    }
    const check = checkBootstrapAddress(address);
    if (!check.ok) ctx.error('input.bad-bootstrap', check.reason, setting, undefined, 'bootstrapServers');
  }
  draft.bootstrapServers = addresses;
}

export function readSecurityProtocol(ctx: ImportContext, setting: Setting | undefined): SecurityProtocol | undefined {
  const raw = ctx.text(setting)?.toUpperCase();
  if (setting && raw?.startsWith('DELEGATED_')) {
    const clientSide = raw.slice('DELEGATED_'.length) as SecurityProtocol;
    ctx.error('input.gateway-protocol', `${raw} is a Conduktor Gateway listener protocol, not one a client uses.`, setting, `Clients connect with ${clientSide}; Odradek used that.`, 'securityProtocol');
    return protocols[clientSide];
  }
  return ctx.choice(setting, protocols, 'the security protocol', 'securityProtocol');
}

/**
 * When the input names no protocol (or an unusable one, already reported), we guess from what else is
 * configured; Java clients would use PLAINTEXT.
 * @param missing whether the protocol was absent (worth its own warning) rather than invalid.
 */
export function inferSecurityProtocol(ctx: ImportContext, hasSasl: boolean, hasTls: boolean, missing: boolean): SecurityProtocol {
  if (!hasSasl && !hasTls) return 'PLAINTEXT';
  const guess: SecurityProtocol = hasSasl ? 'SASL_SSL' : 'SSL';
  if (missing) {
    ctx.warn('input.no-security-protocol', `no security protocol is set (clients then use PLAINTEXT), but SASL or TLS settings are present; Odradek assumed ${guess}.`, undefined, 'Set security.protocol explicitly.', 'securityProtocol');
  }
  return guess;
}

/** Confluent serializer keys (`schema.registry.url`, `basic.auth.*`, `bearer.auth.*`) and Kpow's SCHEMA_REGISTRY_*. */
export function readSchemaRegistry(ctx: ImportContext, draft: ProfileDraft, readTls: (prefix: string) => NonNullable<ProfileDraft['schemaRegistry']>['tls']): void {
  const urlSetting = ctx.take('schema.registry.url');
  const sourceSetting = ctx.take('basic.auth.credentials.source');
  const userInfo = ctx.take('basic.auth.user.info') ?? ctx.take('schema.registry.basic.auth.user.info');
  const user = ctx.take('schema.registry.basic.auth.username');
  const password = ctx.take('schema.registry.basic.auth.password');
  const bearerSource = ctx.take('bearer.auth.credentials.source');
  const bearerToken = ctx.take('bearer.auth.token');
  const tls = readTls('schema.registry.ssl.');
  if (!urlSetting) {
    for (const orphan of [sourceSetting, userInfo, user, password, bearerSource, bearerToken]) if (orphan) ctx.ignore(orphan, 'Schema Registry setting without a Schema Registry URL.');
    return;
  }
  const urls = ctx.text(urlSetting)?.split(',').map((url) => url.trim()).filter(Boolean) ?? [];
  for (const url of urls) {
    if (containsPlaceholder(url)) ctx.error('input.placeholder', `the Schema Registry URL is still the placeholder '${url}'.`, urlSetting, 'Replace it with the registry URL, e.g. https://registry.example.com:8081.', 'schemaRegistry.urls');
    else if (!/^https?:\/\//i.test(url)) ctx.error('input.bad-url', `'${url}' is not an http(s) URL.`, urlSetting, 'Write it as https://host:port.', 'schemaRegistry.urls');
  }
  let auth: NonNullable<ProfileDraft['schemaRegistry']>['auth'] = { kind: 'none' };
  const credentialsSource = ctx.text(sourceSetting)?.toUpperCase();
  if (bearerToken || ctx.text(bearerSource)?.toUpperCase() === 'STATIC_TOKEN') {
    auth = { kind: 'bearer', token: ctx.secret(bearerToken, 'schemaRegistry.token', 'Schema Registry bearer token') };
  } else if (userInfo || user || password || credentialsSource === 'USER_INFO') {
    let username = user ? ctx.plain(user, 'Schema Registry user', 'schemaRegistry.auth.username') : undefined;
    let secret = password ? ctx.secret(password, 'schemaRegistry.password', 'Schema Registry password') : undefined;
    if (userInfo) {
      const text = userInfo.value.text.trim();
      const colon = text.indexOf(':');
      if (colon < 0) ctx.error('input.bad-user-info', `${userInfo.sourceKey} must be user:password.`, userInfo, 'Write it as basic.auth.user.info=<user>:<password>.', 'schemaRegistry.auth');
      username = ctx.plain(userInfo, 'Schema Registry user', 'schemaRegistry.auth.username', colon < 0 ? text : text.slice(0, colon));
      secret = colon < 0 ? undefined : ctx.secret(userInfo, 'schemaRegistry.password', 'Schema Registry password', text.slice(colon + 1));
    }
    if (!username) ctx.error('input.no-registry-user', 'Basic (USER_INFO) Schema Registry auth needs a user.', sourceSetting ?? urlSetting, 'Add SCHEMA_REGISTRY_USER or basic.auth.user.info=user:password.', 'schemaRegistry.auth.username');
    auth = { kind: 'basic', username: username ?? '', password: secret };
  } else if (credentialsSource === 'SASL_INHERIT' || credentialsSource === 'URL') {
    ctx.warn('input.registry-auth-source', `basic.auth.credentials.source=${credentialsSource} is not supported; the registry was imported without credentials.`, sourceSetting, 'Enter the registry user and password in the profile.', 'schemaRegistry.auth');
  } else if (sourceSetting && credentialsSource !== undefined && credentialsSource !== '' && credentialsSource !== 'NONE') {
    ctx.warn('input.registry-auth-source', `unknown Schema Registry auth '${credentialsSource}'.`, sourceSetting, 'Use USER_INFO (basic) or a bearer token.', 'schemaRegistry.auth');
  }
  if (bearerSource && !bearerToken) ctx.ignore(bearerSource, 'No bearer.auth.token was given.');
  draft.schemaRegistry = { urls, auth, tls, observation: 'auto' };
}

const truthy = (text: string) => /^(true|yes|1|on)$/i.test(text.trim());

/** Odradek-only fields: `# odradek.*` lines in our exports, and Kpow variables that map onto them. */
export function readOdradekSettings(ctx: ImportContext, draft: ProfileDraft, nameOverride?: string): void {
  const take = (name: string) => ctx.take(`odradek.${name}`);
  const name = take('name');
  if (name && ctx.text(name)) draft.name = ctx.plain(name, 'profile name', 'name') ?? draft.name;
  if (nameOverride) draft.name = nameOverride;
  const id = take('id');
  if (id && ctx.text(id)) draft.id = ctx.text(id) ?? draft.id;
  const tag = take('environment.tag');
  const tagValue = ctx.choice(tag, Object.fromEntries(environmentTags.map((value) => [value.toUpperCase(), value])), 'environment tag', 'environment.tag');
  draft.environment.tag = tagValue ?? guessEnvironmentTag(draft.name);
  const colour = take('environment.colour');
  draft.environment.colour = ctx.text(colour) || defaultEnvironmentColours[draft.environment.tag];
  const vendor = ctx.choice(take('vendor'), Object.fromEntries(vendorPresetIds.map((value) => [value.toUpperCase(), value])), 'vendor', 'vendor');
  if (vendor === 'conduktor-gateway') draft.vendor = { preset: vendor, prefixSeparator: '.' };
  else if (vendor) draft.vendor = { preset: vendor };
  const virtualCluster = take('vendor.virtualCluster');
  const separator = take('vendor.prefixSeparator');
  if (draft.vendor.preset === 'conduktor-gateway') {
    const cluster = ctx.text(virtualCluster);
    if (cluster) draft.vendor.virtualCluster = cluster;
    const separatorText = separator?.value.text;
    if (separatorText) draft.vendor.prefixSeparator = separatorText;
  }
  for (const [field, key] of [
    ['replicationFactor', 'topicDefaults.replicationFactor'],
    ['partitions', 'topicDefaults.partitions'],
  ] as const) {
    const setting = take(key);
    const text = ctx.text(setting);
    if (!setting || !text) continue;
    const number = Number(text);
    if (Number.isInteger(number) && number >= 1) draft.topicDefaults[field] = number;
    else ctx.error('input.bad-number', `${setting.sourceKey} '${text}' is not a whole number of at least 1.`, setting, 'Use e.g. 1 or 3.', `topicDefaults.${field}`);
  }
  const readOnly = take('safety.readOnly');
  if (readOnly) draft.safety.readOnly = truthy(readOnly.value.text);
  const actions = take('safety.allowedActions');
  if (actions) {
    const listed = actions.value.text.split(',').map((action) => action.trim()).filter(Boolean);
    const unknown = listed.filter((action) => !(profileActions as readonly string[]).includes(action));
    if (unknown.length > 0) ctx.warn('input.unknown-action', `unknown actions ${unknown.join(', ')} were dropped.`, actions, `Known actions: ${profileActions.join(', ')}.`, 'safety.allowedActions');
    draft.safety.allowedActions = profileActions.filter((action) => listed.includes(action));
  }
  const tlsProfile = take('tls.profile');
  if (tlsProfile && draft.tls) {
    const profile = parseTlsProfileName(tlsProfile.value.text);
    if (profile) draft.tls.profile = profile;
    else ctx.error('input.invalid-choice', `TLS profile '${tlsProfile.value.text.trim()}' is unknown.`, tlsProfile, 'Use modern, intermediate, old or default.', 'tls.profile');
  }
  const registryName = take('schemaRegistry.name');
  const observation = take('schemaRegistry.observation');
  if (draft.schemaRegistry) {
    const nameText = ctx.text(registryName);
    if (nameText) draft.schemaRegistry.name = nameText;
    const observed = ctx.choice(observation, { AUTO: 'auto', V2: 'v2', '2': 'v2', V1: 'v1', '1': 'v1' } as const, 'Schema Registry observation version', 'schemaRegistry.observation');
    if (observed) draft.schemaRegistry.observation = observed;
  } else {
    for (const orphan of [registryName, observation]) if (orphan) ctx.ignore(orphan, 'No Schema Registry URL was given.');
  }
}

/**
 * The Connect clusters from `odradek.connect.<n>.<field>` (Kpow's CONNECT_* variables, numbered
 * CONNECT_REST_URL_2 for the second cluster): ids `connect-1`, `connect-2`, … in number order.
 */
export function readConnectClusters(ctx: ImportContext, draft: ProfileDraft): void {
  const settings = ctx.takeMatching((key) => /^odradek\.connect\.\d+\./.test(key));
  const byNumber = new Map<number, Map<string, Setting>>();
  for (const setting of settings) {
    const [, number, field] = /^odradek\.connect\.(\d+)\.(.+)$/.exec(setting.key) ?? [];
    const fields = byNumber.get(Number(number)) ?? new Map<string, Setting>();
    fields.set(field ?? '', setting);
    byNumber.set(Number(number), fields);
  }
  for (const number of [...byNumber.keys()].sort((a, b) => a - b)) {
    const fields = byNumber.get(number)!;
    const id = `connect-${number}`;
    const field = (name: string) => `connect.${id}.${name}`;
    const urlSetting = fields.get('urls');
    if (!urlSetting) {
      for (const orphan of fields.values()) ctx.ignore(orphan, `No CONNECT_REST_URL${number === 1 ? '' : `_${number}`} was given for this Connect cluster.`);
      continue;
    }
    const urls = urlSetting.value.text.split(',').map((url) => url.trim()).filter(Boolean);
    for (const url of urls) {
      if (containsPlaceholder(url)) ctx.error('input.placeholder', `the Connect REST URL is still the placeholder '${url}'.`, urlSetting, 'Replace it with the worker URL, e.g. http://connect.example.com:8083.', field('urls'));
      else if (!/^https?:\/\/[^\s/?#]+/i.test(url)) ctx.error('input.bad-url', `${urlSetting.sourceKey} '${url}' is not an http:// or https:// URL.`, urlSetting, 'Use e.g. http://connect.example.com:8083.', field('urls'));
    }
    if (urls.length === 0) ctx.error('input.no-connect-url', `${urlSetting.sourceKey} is empty.`, urlSetting, 'Give the Connect REST URL.', field('urls'));
    const name = ctx.text(fields.get('name'))?.trim() || (number === 1 ? 'Connect' : `Connect ${number}`);
    const authText = ctx.text(fields.get('auth'))?.trim().toUpperCase();
    const user = fields.get('username');
    const password = fields.get('password');
    const token = fields.get('token');
    let auth: ProfileDraft['connect'][number]['auth'] = { kind: 'none' };
    if (authText === 'BEARER' || (authText === undefined && token)) {
      auth = { kind: 'bearer', token: ctx.secret(token, connectSecretSlot(id, 'token'), `Connect ${name} bearer token`) };
      if (!token) ctx.error('input.no-connect-token', `CONNECT_AUTH=BEARER needs CONNECT_BEARER_TOKEN for Connect cluster ${name}.`, fields.get('auth'), 'Add the token, or enter it in the profile.', field('auth'));
    } else if (authText === 'BASIC' || (authText === undefined && (user || password))) {
      const username = ctx.plain(user, `Connect ${name} user`, field('auth.username'));
      auth = { kind: 'basic', username: username ?? '', password: ctx.secret(password, connectSecretSlot(id, 'password'), `Connect ${name} password`) };
      if (!username) ctx.error('input.no-connect-user', `Basic Connect auth needs CONNECT_BASIC_AUTH_USER for Connect cluster ${name}.`, fields.get('auth') ?? password, 'Add the user.', field('auth.username'));
    } else if (authText !== undefined && authText !== 'NONE' && authText !== '') {
      ctx.error('input.connect-auth', `CONNECT_AUTH '${authText}' is not supported.`, fields.get('auth'), 'Use BASIC, BEARER or NONE.', field('auth'));
    }
    const caFile = ctx.text(fields.get('caFile'))?.trim() || null;
    const clientCertFile = ctx.text(fields.get('clientCertFile'))?.trim() || null;
    const clientKeyFile = ctx.text(fields.get('clientKeyFile'))?.trim() || null;
    const keyPassword = fields.get('keyPassword');
    const usesTls = urls.some((url) => url.toLowerCase().startsWith('https://')) || caFile !== null || clientCertFile !== null;
    draft.connect.push({
      id,
      name,
      urls,
      auth,
      tls: usesTls ? { caFile, clientCertFile, clientKeyFile, keyPassword: keyPassword ? ctx.secret(keyPassword, connectSecretSlot(id, 'tls.keyPassword'), `Connect ${name} key passphrase`) : undefined, verifyHostname: true } : null,
      readOnly: ['TRUE', '1', 'YES'].includes(ctx.text(fields.get('readOnly'))?.trim().toUpperCase() ?? ''),
    });
  }
}
