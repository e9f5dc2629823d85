// What every exporter shares: how a secret is written (its value only when the caller passes it, after
// the user confirmed), the `# odradek.*` lines that carry Odradek-only fields, and value escaping.
import type { ConnectionProfile } from '../profile-schema';
import type { SecretRef, SecretValues } from '../secret-slots';
import { REDACTED_SECRET } from '../secrets';

export interface ExportOptions {
  /** Secret values to write in clear. Without them every set secret is written as REDACTED_SECRET. */
  secrets?: SecretValues;
}

/** The text to write for a secret, or undefined when it has no value at all. */
export function secretText(ref: SecretRef, options: ExportOptions): string | undefined {
  const value = options.secrets?.[ref.slot];
  if (value !== undefined && value !== '') return value;
  return ref.state === 'set' ? REDACTED_SECRET : undefined;
}

/** A PKCS12 or JKS store imported into the keychain has no file an exported config could point to. */
export function keychainStoreNote(kind: 'pkcs12' | 'jks', store: 'truststore' | 'keystore', instead: string): string {
  return `The ${kind.toUpperCase()} ${store} is imported into Odradek's keychain and has no file path: save the original file and ${instead}.`;
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export function directiveLines(profile: ConnectionProfile): string[] {
  const lines = [
    `odradek.id=${profile.id}`,
    `odradek.name=${oneLine(profile.name)}`,
    `odradek.environment.tag=${profile.environment.tag}`,
    `odradek.environment.colour=${profile.environment.colour}`,
    `odradek.vendor=${profile.vendor.preset}`,
  ];
  if (profile.vendor.preset === 'conduktor-gateway') {
    if (profile.vendor.virtualCluster) lines.push(`odradek.vendor.virtualCluster=${oneLine(profile.vendor.virtualCluster)}`);
    lines.push(`odradek.vendor.prefixSeparator=${oneLine(profile.vendor.prefixSeparator)}`);
  }
  if (profile.topicDefaults.replicationFactor !== null) lines.push(`odradek.topicDefaults.replicationFactor=${profile.topicDefaults.replicationFactor}`);
  if (profile.topicDefaults.partitions !== null) lines.push(`odradek.topicDefaults.partitions=${profile.topicDefaults.partitions}`);
  lines.push(`odradek.safety.readOnly=${profile.safety.readOnly}`, `odradek.safety.allowedActions=${profile.safety.allowedActions.join(',')}`);
  if (profile.tls) lines.push(`odradek.tls.profile=${profile.tls.profile}`);
  if (profile.schemaRegistry) {
    if (profile.schemaRegistry.name) lines.push(`odradek.schemaRegistry.name=${oneLine(profile.schemaRegistry.name)}`);
    lines.push(`odradek.schemaRegistry.observation=${profile.schemaRegistry.observation}`);
  }
  if (profile.sasl?.mechanism === 'oauthbearer') {
    for (const [name, value] of Object.entries(profile.sasl.extraParameters)) lines.push(`odradek.sasl.oauth.extra.${name}=${oneLine(value)}`);
  }
  return lines.map((line) => `# ${line}`);
}

/** A `.properties` value: backslashes, line breaks and leading blanks escaped so Properties#load reads it back. */
export function propertyValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/^ /, '\\ ');
}

/** A JAAS option value in straight double quotes. */
export function jaasValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function header(profile: ConnectionProfile, tool: string): string[] {
  return [`# ${tool} settings for the Odradek profile "${oneLine(profile.name)}".`, '# Lines starting with "# odradek." are read back by Odradek and ignored by other tools.'];
}
