// Pure helpers behind the profile editor: switching protocol or mechanism reshapes the draft, secret
// values are read and written by slot, and check results are sorted to the field they concern.
import type { ProfileIssue } from '../../../../shared/domain/profile/issues';
import type { ProfileDraft, SaslMechanism, SecurityProtocol } from '../../../../shared/domain/profile/profile-schema';
import type { SecretSlot } from '../../../../shared/domain/profile/secret-slots';
import { secretSlotInfo } from '../../../../shared/domain/profile/secrets';
import { profileIdFromName, uniqueProfileId } from '../../../../shared/domain/profile/ids';

type Sasl = NonNullable<ProfileDraft['sasl']>;
type Tls = NonNullable<ProfileDraft['tls']>;

export const usesSasl = (protocol: SecurityProtocol) => protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
export const usesTls = (protocol: SecurityProtocol) => protocol === 'SSL' || protocol === 'SASL_SSL';

export const defaultTls = (): Tls => ({ trust: { kind: 'system' }, identity: null, verifyHostname: true, profile: 'default' });

/** The SASL settings for a mechanism, keeping the user name when moving between PLAIN and SCRAM. */
export function saslFor(mechanism: SaslMechanism, previous: Sasl | null): Sasl {
  switch (mechanism) {
    case 'plain':
    case 'scram-sha-256':
    case 'scram-sha-512':
      return { mechanism, username: previous && 'username' in previous ? previous.username : '' };
    case 'oauthbearer':
      return { mechanism, tokenEndpoint: '', clientId: '', extraParameters: {} };
    case 'aws-msk-iam':
      return { mechanism, region: '', credentials: { source: 'default-chain' } };
    case 'gssapi':
      return { mechanism };
  }
}

/** Changing the protocol adds or drops the SASL and TLS sections it needs, keeping what still applies. */
export function withProtocol(draft: ProfileDraft, protocol: SecurityProtocol): ProfileDraft {
  return {
    ...draft,
    securityProtocol: protocol,
    sasl: usesSasl(protocol) ? (draft.sasl ?? saslFor('scram-sha-512', null)) : null,
    tls: usesTls(protocol) ? (draft.tls ?? defaultTls()) : null,
  };
}

type Node = Record<string, unknown>;

function parentOf(draft: ProfileDraft, slot: SecretSlot): { parent: Node; key: string } | null {
  const path = secretSlotInfo(slot, draft).path;
  let node: unknown = draft;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Node)[key];
  }
  const key = path[path.length - 1];
  return node !== null && typeof node === 'object' && key !== undefined ? { parent: node as Node, key } : null;
}

export function secretValue(draft: ProfileDraft, slot: SecretSlot): string | undefined {
  const found = parentOf(draft, slot);
  const value = found?.parent[found.key];
  return typeof value === 'string' ? value : undefined;
}

/** Returns a copy with the secret set (or removed when undefined); a slot whose section is absent is ignored. */
export function withSecret(draft: ProfileDraft, slot: SecretSlot, value: string | undefined): ProfileDraft {
  const next = structuredClone(draft);
  const found = parentOf(next, slot);
  if (!found) return next;
  if (value === undefined) delete found.parent[found.key];
  else found.parent[found.key] = value;
  return next;
}

/** A message for one field, without the `field: ` prefix the schema check puts in front. */
export function issueFor(issues: readonly ProfileIssue[], field: string, severity: ProfileIssue['severity'] = 'error'): string | undefined {
  const issue = issues.find((candidate) => candidate.severity === severity && candidate.field === field);
  return issue?.message.startsWith(`${field}: `) ? issue.message.slice(field.length + 2) : issue?.message;
}

/** An id for a new profile: its name as a slug, with a suffix when another profile has it. */
export function newProfileId(name: string, taken: readonly string[]): string {
  return uniqueProfileId(profileIdFromName(name, 'profile'), new Set(taken));
}

/** `key=value` lines ↔ the OAuth extra parameters. */
export function parseParameterLines(text: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const separator = line.indexOf('=');
    if (separator <= 0) continue;
    parameters[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return parameters;
}

export const formatParameterLines = (parameters: Record<string, string>) =>
  Object.entries(parameters)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');

/**
 * The draft with the bootstrap server still being typed (no Enter yet) taken as entered: checks,
 * tests and saving use what the field shows. Commas and spaces separate several servers.
 */
export function withTypedServers(draft: ProfileDraft, typed: string): ProfileDraft {
  const pending = typed.split(/[\s,]+/).filter((server) => server !== '' && !draft.bootstrapServers.includes(server));
  return pending.length === 0 ? draft : { ...draft, bootstrapServers: [...draft.bootstrapServers, ...pending] };
}
