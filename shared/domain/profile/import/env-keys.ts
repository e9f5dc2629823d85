// Translating environment-variable names to Kafka client property names: Kpow's variables and
// Conduktor Gateway's `KAFKA_*` convention (prefix dropped, `_` → `.`, lower case).
import type { ImportContext, Setting } from './context';
import type { RawSetting } from './raw-setting';

export interface TranslatedSettings {
  settings: Setting[];
  ignored: { setting: RawSetting; reason: string }[];
}

const kpowNames: Readonly<Record<string, string>> = {
  BOOTSTRAP: 'bootstrap.servers',
  SECURITY_PROTOCOL: 'security.protocol',
  ENVIRONMENT_NAME: 'odradek.name',
  REPLICATION_FACTOR: 'odradek.topicDefaults.replicationFactor',
  NUM_PARTITIONS: 'odradek.topicDefaults.partitions',
  SCHEMA_REGISTRY_NAME: 'odradek.schemaRegistry.name',
  SCHEMA_REGISTRY_URL: 'schema.registry.url',
  SCHEMA_REGISTRY_AUTH: 'basic.auth.credentials.source',
  SCHEMA_REGISTRY_USER: 'schema.registry.basic.auth.username',
  SCHEMA_REGISTRY_PASSWORD: 'schema.registry.basic.auth.password',
  SCHEMA_REGISTRY_OBSERVATION_VERSION: 'odradek.schemaRegistry.observation',
};

/**
 * Kpow's Kafka Connect variables. `CONNECT_REST_URL` is the first Connect cluster of the profile and
 * `CONNECT_REST_URL_2`, `CONNECT_NAME_2`, … the second and on (a comma-separated URL list is one
 * cluster's fail-over URLs). They become `odradek.connect.<n>.<field>` for readConnectClusters.
 */
const kpowConnectFields: Readonly<Record<string, string>> = {
  CONNECT_REST_URL: 'urls',
  CONNECT_NAME: 'name',
  CONNECT_AUTH: 'auth',
  CONNECT_BASIC_AUTH_USER: 'username',
  CONNECT_BASIC_AUTH_PASS: 'password',
  CONNECT_BASIC_AUTH_PASSWORD: 'password',
  CONNECT_BEARER_TOKEN: 'token',
  CONNECT_SSL_CA_LOCATION: 'caFile',
  CONNECT_SSL_CERTIFICATE_LOCATION: 'clientCertFile',
  CONNECT_SSL_KEY_LOCATION: 'clientKeyFile',
  CONNECT_SSL_KEY_PASSWORD: 'keyPassword',
  CONNECT_READ_ONLY: 'readOnly',
};

function kpowConnectKey(name: string): string | null {
  const match = /^(CONNECT_[A-Z_]+?)(?:_(\d+))?$/.exec(name);
  const field = match ? kpowConnectFields[match[1]!] : undefined;
  if (!match || !field) return null;
  return `odradek.connect.${match[2] ?? '1'}.${field}`;
}

const dotted = (name: string) => name.toLowerCase().replace(/_/g, '.');
const asSetting = (raw: RawSetting, key: string): Setting => ({ key, sourceKey: raw.key, value: raw.value, line: raw.line, column: raw.column });

export function translateKpowEnv(raw: readonly RawSetting[]): TranslatedSettings {
  const result: TranslatedSettings = { settings: [], ignored: [] };
  for (const setting of raw) {
    const name = setting.key.toUpperCase();
    const direct = kpowNames[name];
    const connect = kpowConnectKey(name);
    if (direct) result.settings.push(asSetting(setting, direct));
    else if (connect) result.settings.push(asSetting(setting, connect));
    else if (name.startsWith('CONNECT_')) result.ignored.push({ setting, reason: 'A Kpow Connect setting Odradek does not read; set it in the profile’s Connect cluster.' });
    else if (/^LICEN[SC]E/.test(name)) result.ignored.push({ setting, reason: 'Kpow licence keys are not connection settings.' });
    else if (/_\d+$/.test(name)) result.ignored.push({ setting, reason: `Belongs to cluster ${/_(\d+)$/.exec(name)?.[1]} of a multi-cluster Kpow configuration; import that cluster as its own profile.` });
    else if (name.startsWith('SCHEMA_REGISTRY_SSL_')) result.settings.push(asSetting(setting, `schema.registry.${dotted(name.slice('SCHEMA_REGISTRY_'.length))}`));
    else if (/^(SASL|SSL)_/.test(name)) result.settings.push(asSetting(setting, dotted(name)));
    else result.ignored.push({ setting, reason: 'A Kpow setting, not a Kafka connection setting.' });
  }
  return result;
}

export interface GatewayClusters extends TranslatedSettings {
  /** The backing cluster the profile connects to (`main` in a failover set-up), null when unnamed. */
  backingCluster: string | null;
  /** The failover cluster's settings (prefix dropped), when the input names one. */
  failover: { name: string; settings: Setting[] } | null;
}

export function translateGatewayEnv(raw: readonly RawSetting[]): GatewayClusters {
  const result: GatewayClusters = { settings: [], ignored: [], backingCluster: null, failover: null };
  const kafka: { raw: RawSetting; key: string }[] = [];
  for (const setting of raw) {
    const name = setting.key.toUpperCase();
    if (name.startsWith('KAFKA_')) kafka.push({ raw: setting, key: dotted(name.slice('KAFKA_'.length)) });
    else if (name.startsWith('GATEWAY_')) result.ignored.push({ setting, reason: 'Configures the Gateway itself (how clients reach it, its own features), not its connection to Kafka.' });
    else result.ignored.push({ setting, reason: 'Not a KAFKA_ variable, so not part of the Gateway’s Kafka connection.' });
  }
  // Failover setups name each backing cluster: KAFKA_MAIN_BOOTSTRAP_SERVERS, KAFKA_FAILOVER_BOOTSTRAP_SERVERS.
  const clusters = kafka.map(({ key }) => /^([a-z0-9-]+)\.bootstrap\.servers$/.exec(key)?.[1]).filter((name): name is string => name !== undefined);
  const roles = new Map(kafka.map(({ raw: setting, key }) => [/^([a-z0-9-]+)\.gateway\.roles$/.exec(key)?.[1], setting.value.text.trim().toLowerCase()] as const).filter(([name]) => name !== undefined));
  const isFailover = (name: string) => (roles.get(name) ?? '').split(',').map((role) => role.trim()).includes('failover') || (!roles.has(name) && name === 'failover');
  const unnamed = kafka.some(({ key }) => key === 'bootstrap.servers');
  const chosen = unnamed ? null : (clusters.find((name) => name === 'main') ?? clusters.find((name) => !isFailover(name)) ?? clusters[0] ?? null);
  const failoverName = unnamed ? null : (clusters.find((name) => name !== chosen && isFailover(name)) ?? null);
  result.backingCluster = chosen;
  if (failoverName) result.failover = { name: failoverName, settings: [] };
  for (const { raw: setting, key } of kafka) {
    const owner = clusters.find((name) => key.startsWith(`${name}.`));
    if (owner === undefined) result.settings.push(asSetting(setting, key));
    else if (owner === chosen) result.settings.push(asSetting(setting, key.slice(owner.length + 1)));
    else if (owner === failoverName && result.failover) result.failover.settings.push(asSetting(setting, key.slice(owner.length + 1)));
    else result.ignored.push({ setting, reason: `Belongs to the Gateway's '${owner}' backing cluster, which is neither the main nor the failover cluster; import it as its own profile.` });
  }
  return result;
}

/**
 * Gateway's cluster-config file (GATEWAY_BACKEND_KAFKA_SELECTOR): `config:`, then one block of Java client
 * properties per backing cluster, the failover one marked `gateway.roles: failover`. Read from the
 * `key: value` lines in order, so it works whether or not the indentation survived a copy from the docs.
 */
export function translateClusterConfig(raw: readonly RawSetting[]): GatewayClusters {
  const sections: { name: string; settings: Setting[]; header: RawSetting }[] = [];
  const ignored: TranslatedSettings['ignored'] = [];
  for (const setting of raw) {
    const isHeader = setting.value.text.trim() === '' && !setting.key.includes('.');
    if (isHeader && setting.key === 'config' && sections.length === 0) continue;
    if (isHeader) {
      sections.push({ name: setting.key, settings: [], header: setting });
      continue;
    }
    const section = sections[sections.length - 1];
    if (!section) ignored.push({ setting, reason: 'Stands outside a cluster block (main:, failover:), so it belongs to no backing cluster.' });
    else section.settings.push(asSetting(setting, setting.key));
  }
  const roleOf = (section: (typeof sections)[number]) => section.settings.find((setting) => setting.key === 'gateway.roles')?.value.text.trim().toLowerCase() ?? '';
  const isFailover = (section: (typeof sections)[number]) => roleOf(section).split(',').map((role) => role.trim()).includes('failover') || (roleOf(section) === '' && section.name === 'failover');
  const main = sections.find((section) => section.name === 'main') ?? sections.find((section) => !isFailover(section)) ?? sections[0];
  const failover = sections.find((section) => section !== main && isFailover(section)) ?? null;
  for (const section of sections) {
    if (section === main || section === failover) continue;
    for (const setting of section.settings) ignored.push({ setting, reason: `Belongs to the Gateway's '${section.name}' backing cluster, which is neither the main nor the failover cluster; import it as its own profile.` });
  }
  return {
    settings: main?.settings ?? [],
    ignored,
    backingCluster: main?.name ?? null,
    failover: failover ? { name: failover.name, settings: failover.settings } : null,
  };
}

export function recordIgnored(ctx: ImportContext, ignored: TranslatedSettings['ignored']): void {
  for (const { setting, reason } of ignored) ctx.ignored.push({ key: setting.key, line: setting.line, reason });
}
