// The import preview: pasted text in, an understood profile (secrets separated) plus everything that
// was ignored, warned about or wrong, each tied to its line. Pure: nothing is saved here.
import { checkProfile } from '../checks';
import { profileIdFromName } from '../ids';
import { hasErrors, makeIssue, type ProfileIssue } from '../issues';
import { emptyProfileDraft, type ConnectionProfile, type ProfileDraft } from '../profile-schema';
import { applyVendorPreset, detectVendorPreset } from '../presets';
import type { SecretValues } from '../secret-slots';
import { splitSecrets } from '../secrets';
import { containsPlaceholder, ImportContext, type IgnoredSetting, type SecretField, type Setting } from './context';
import { detectImportFormat, type ImportFormat } from './detect';
import { kcatCommandPattern, parseEnvText } from './env-parser';
import { recordIgnored, translateClusterConfig, translateGatewayEnv, translateKpowEnv } from './env-keys';
import { handledElsewhereReasons, readJavaClientSettings } from './java-client';
import { readLibrdkafkaSettings } from './librdkafka';
import { parsePropertiesText } from './properties-parser';
import type { Directive, RawSetting } from './raw-setting';
import { readConnectClusters, readOdradekSettings } from './shared-readers';
import { SourceText } from './source';
import { gatewayTokenStatus, withGatewayToken } from '../gateway-token';

export interface ImportOptions {
  format?: ImportFormat | 'auto';
  /** The id to give the profile; otherwise one is derived from its name. */
  id?: string;
  /** Overrides any name found in the input. */
  name?: string;
  /** The time a Gateway token's expiry is judged against (tests); now by default. */
  now?: Date;
}

export interface ImportPreview {
  format: ImportFormat;
  /** Why this format was chosen (detected or requested). */
  formatReason: string;
  /** The understood profile; secrets appear only as `{slot, state}`. May be incomplete: see issues. */
  profile: ConnectionProfile;
  /** The secret values found, to be stored in the keychain when the user confirms. */
  secrets: SecretValues;
  /** Where each secret came from. */
  secretFields: SecretField[];
  ignored: IgnoredSetting[];
  /** Errors, warnings and notes, in input order where they have a line. */
  issues: ProfileIssue[];
  /** True when there are no errors: the profile can be saved as it is. */
  ok: boolean;
}

/** Pasted configs are small; the limit keeps a mistaken paste (a log file, a binary) from stalling the UI. */
export const MAX_IMPORT_LENGTH = 256 * 1024;

const clientTuningPrefixes = ['acks', 'linger.', 'batch.', 'compression.', 'key.', 'value.', 'group.', 'auto.', 'enable.auto', 'client.', 'retries', 'retry.', 'request.', 'session.', 'heartbeat.', 'max.', 'fetch.', 'delivery.', 'metadata.', 'socket.', 'reconnect.', 'connections.', 'receive.', 'send.', 'buffer.', 'isolation.', 'partition.', 'transactional.', 'queue.', 'statistics.', 'debug', 'log.'];

export function importProfile(text: string, options: ImportOptions = {}): ImportPreview {
  try {
    return importUnchecked(text, options);
  } catch (error) {
    // A bug must not take the import dialog down; it is reported like any other problem.
    const draft = emptyProfileDraft(options.id ?? 'imported-profile', options.name ?? 'Imported profile');
    const { profile, secrets } = splitSecrets(draft);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      format: options.format && options.format !== 'auto' ? options.format : 'properties',
      formatReason: 'import failed',
      profile,
      secrets,
      secretFields: [],
      ignored: [],
      issues: [makeIssue('error', 'import.internal', `The import failed unexpectedly (${reason}).`, { fix: 'Please report this with the pasted text (remove secrets first).' })],
      ok: false,
    };
  }
}

function importUnchecked(input: string, options: ImportOptions): ImportPreview {
  const tooLong = input.length > MAX_IMPORT_LENGTH;
  // A byte-order mark from a Windows editor would otherwise become part of the first key.
  const text = (tooLong ? input.slice(0, MAX_IMPORT_LENGTH) : input).replace(/^\uFEFF/, ' ');
  const guess = options.format && options.format !== 'auto' ? { format: options.format, reason: `requested format ${options.format}` } : detectImportFormat(text);
  const source = new SourceText(text);
  const preIssues: ProfileIssue[] = [];
  if (tooLong) preIssues.push(makeIssue('error', 'input.too-long', `The input is longer than ${MAX_IMPORT_LENGTH / 1024} KB; only the beginning was read.`, { fix: 'Paste only the connection settings.' }));

  let settings: Setting[];
  let directives: Directive[];
  let translatedIgnored: { setting: RawSetting; reason: string }[] = [];
  let gatewayCluster: string | null = null;
  let failoverCluster: { name: string; settings: Setting[] } | null = null;
  const kcatCommand = guess.format === 'librdkafka' && kcatCommandPattern.test(text);
  if (guess.format === 'kpow-env' || guess.format === 'gateway-env' || guess.format === 'gateway-cluster-config' || kcatCommand) {
    const parsed = parseEnvText(source);
    preIssues.push(...parsed.issues);
    for (const unknown of parsed.unknownLines) {
      preIssues.push(makeIssue('warning', 'input.unknown-line', 'this line is not a KEY=value, KEY: value or --env setting and was skipped.', { line: unknown.line, fix: 'Write settings as KEY=value, KEY: value or --env KEY="value".' }));
    }
    directives = parsed.directives;
    if (kcatCommand) {
      settings = parsed.settings.map((setting) => ({ ...setting, sourceKey: setting.key }));
    } else if (guess.format === 'kpow-env') {
      ({ settings, ignored: translatedIgnored } = translateKpowEnv(parsed.settings));
    } else {
      const translate = guess.format === 'gateway-cluster-config' ? translateClusterConfig : translateGatewayEnv;
      ({ settings, ignored: translatedIgnored, backingCluster: gatewayCluster, failover: failoverCluster } = translate(parsed.settings));
    }
  } else {
    const parsed = parsePropertiesText(source, guess.format !== 'librdkafka');
    directives = parsed.directives;
    for (const setting of parsed.settings) {
      // Java reads `\t`, `\n`… as control characters and drops other backslashes, so C:\certs breaks.
      const backslash = /\\[A-Za-z]/.exec(source.lines[setting.line - 1] ?? '');
      if (guess.format === 'librdkafka' || !/\.(location|keytab)$/.test(setting.key) || !backslash) continue;
      preIssues.push(
        makeIssue('warning', 'properties.backslash-in-path', `backslashes in .properties values are escapes, so this path is read as '${setting.value.text}'.`, {
          line: setting.line,
          column: backslash.index + 1,
          key: setting.key,
          fix: 'Write the path with forward slashes (C:/certs/truststore.jks) or double each backslash.',
        }),
      );
    }
    settings = parsed.settings.map((setting) => ({ key: setting.key, sourceKey: setting.key, value: setting.value, line: setting.line, column: setting.column }));
  }
  const directiveSettings: Setting[] = directives.map((directive) => {
    const offset = source.lineStart(directive.line - 1);
    // `odradek.property.<key>` carries a setting the exported-to tool would reject (kcat and Schema Registry keys).
    const key = directive.name.startsWith('property.') ? directive.name.slice('property.'.length) : `odradek.${directive.name}`;
    return { key, sourceKey: `odradek.${directive.name}`, value: { text: directive.value, offsets: Array.from({ length: directive.value.length }, () => offset) }, line: directive.line, column: 1 };
  });

  const ctx = new ImportContext(source, [...settings, ...directiveSettings]);
  ctx.issues.push(...preIssues);
  recordIgnored(ctx, translatedIgnored);
  if (guess.format === 'gateway-env' || guess.format === 'gateway-cluster-config') {
    const what = guess.format === 'gateway-env' ? 'These KAFKA_* variables are' : 'This cluster-config file is';
    ctx.info(
      'gateway.backing-cluster',
      `${what} how Conduktor Gateway connects to its backing Kafka cluster${gatewayCluster ? ` ('${gatewayCluster}')` : ''}${failoverCluster ? ` and its failover cluster ('${failoverCluster.name}')` : ''}; the profile connects to ${failoverCluster ? 'those clusters' : 'that cluster'} directly.`,
      undefined,
      "To go through the Gateway instead, use the Gateway's host and its client settings (a .properties file).",
    );
  }

  const draft = emptyProfileDraft(options.id ?? 'imported-profile', options.name ?? 'Imported profile');
  if (guess.format === 'librdkafka') readLibrdkafkaSettings(ctx, draft);
  else readJavaClientSettings(ctx, draft);
  if (failoverCluster) readFailoverCluster(ctx, source, failoverCluster, draft);

  const firstServer = draft.bootstrapServers[0];
  if (!options.name && !ctx.has('odradek.name') && firstServer && !containsPlaceholder(firstServer)) draft.name = `Imported ${firstServer.replace(/:\d+$/, '')}`;
  const explicitVendor = ctx.has('odradek.vendor');
  readConnectClusters(ctx, draft);
  readOdradekSettings(ctx, draft, options.name);
  if (options.id) draft.id = options.id;
  else if (draft.id === 'imported-profile') draft.id = profileIdFromName(draft.name);

  const preset = explicitVendor ? draft.vendor.preset : detectVendorPreset(draft.bootstrapServers, [draft.name, draft.schemaRegistry?.name ?? '']);
  const withPreset = withGatewayToken(applyPresetKeepingImported(draft, preset));
  if (withPreset.gatewayToken) {
    const status = gatewayTokenStatus(withPreset.gatewayToken, options.now ?? new Date());
    const prefilled = withPreset.vendor.preset === 'conduktor-gateway' && withPreset.vendor.virtualCluster === withPreset.gatewayToken.virtualCluster;
    const note = prefilled ? ` The profile's virtual cluster was set to '${status.virtualCluster}' from the token.` : '';
    ctx.add(status.state === 'expired' ? 'warning' : status.state === 'expiring' ? 'warning' : 'info', `gateway.token-${status.state}`, `the SASL password is a Conduktor Gateway token. ${status.message}${note}`, undefined, undefined, 'sasl.password');
  }

  for (const setting of ctx.remaining()) ctx.ignore(setting, reasonForUnknown(setting.key));
  const { profile, secrets } = splitSecrets(withPreset);
  const importIssues = ctx.issues;
  // The import already explained these problems with their lines; the profile check would only repeat them.
  const fieldsWithImportErrors = importIssues.filter((issue) => issue.severity === 'error' && issue.field).map((issue) => issue.field ?? '');
  const importCodes = new Set(importIssues.map((issue) => issue.code));
  const profileIssues = checkProfile(withPreset).filter(
    (issue) => !importCodes.has(issue.code) && !(issue.code === 'profile.invalid' && fieldsWithImportErrors.some((field) => issue.field?.startsWith(field))),
  );
  const issues = dedupe([...importIssues, ...profileIssues]).sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return {
    format: guess.format,
    formatReason: guess.reason,
    profile,
    secrets,
    secretFields: ctx.secretFields.sort((a, b) => a.line - b.line),
    ignored: ctx.ignored.sort((a, b) => a.line - b.line),
    issues,
    ok: !hasErrors(issues),
  };
}

/**
 * The failover cluster's block, read like the main one in a context of its own (its keys repeat the
 * main's), then kept as the profile's failover cluster; its secrets go to the `failover.*` slots.
 */
function readFailoverCluster(ctx: ImportContext, source: SourceText, failover: { name: string; settings: Setting[] }, draft: ProfileDraft): void {
  const own = new ImportContext(source, failover.settings);
  const role = own.take('gateway.roles');
  if (role) own.ignore(role, `Marks '${failover.name}' as the Gateway's failover cluster; Odradek imported it as this profile's failover cluster.`);
  const cluster = emptyProfileDraft('failover', 'failover');
  readJavaClientSettings(own, cluster);
  for (const setting of own.remaining()) own.ignore(setting, reasonForUnknown(setting.key));
  draft.failover = { bootstrapServers: cluster.bootstrapServers, securityProtocol: cluster.securityProtocol, sasl: cluster.sasl, tls: cluster.tls };
  if (cluster.schemaRegistry) own.warn('failover.schema-registry', 'a failover cluster has no Schema Registry of its own in a profile; the main cluster\'s registry settings apply.', undefined, 'Check the Schema Registry settings after switching.');
  const label = `failover cluster '${failover.name}'`;
  for (const issue of own.issues) ctx.issues.push({ ...issue, message: `${issue.message} (${label})`, ...(issue.field ? { field: `failover.${issue.field}` } : {}) });
  ctx.ignored.push(...own.ignored.map((entry) => ({ ...entry, reason: entry.reason })));
  ctx.secretFields.push(...own.secretFields.map((field) => ({ ...field, slot: `failover.${field.slot}` as SecretField['slot'] })));
}

/** A preset's defaults apply only where the input said nothing (the input wins over the preset). */
function applyPresetKeepingImported(draft: ProfileDraft, preset: ProfileDraft['vendor']['preset']): ProfileDraft {
  if (draft.vendor.preset === preset) return draft;
  const applied = applyVendorPreset(draft, preset);
  return { ...applied, securityProtocol: draft.securityProtocol, sasl: draft.sasl, tls: draft.tls };
}

function reasonForUnknown(key: string): string {
  const known = handledElsewhereReasons[key];
  if (known) return known;
  if (key.startsWith('odradek.')) return 'Not an Odradek profile field.';
  if (clientTuningPrefixes.some((prefix) => key.startsWith(prefix))) return 'Producer/consumer tuning, not part of a connection profile.';
  return 'Not a connection setting Odradek uses.';
}

function dedupe(issues: ProfileIssue[]): ProfileIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
