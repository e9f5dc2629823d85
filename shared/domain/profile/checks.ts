// Everything wrong or risky about a profile in one list: schema violations, general security warnings
// and the vendor preset's checks.
import { makeIssue, type ProfileIssue } from './issues';
import { connectionProfileSchema, profileDraftSchema, type ConnectionProfile, type ProfileDraft } from './profile-schema';
import { vendorPresets } from './presets';

export function checkProfile(profile: ConnectionProfile | ProfileDraft, options: { stored?: boolean } = {}): ProfileIssue[] {
  const schema = options.stored ? connectionProfileSchema : profileDraftSchema;
  const parsed = schema.safeParse(profile);
  const issues: ProfileIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.');
        const code = issue.message.startsWith('Kerberos') ? 'sasl.gssapi-unsupported' : 'profile.invalid';
        return makeIssue('error', code, field ? `${field}: ${issue.message}` : issue.message, { field });
      });
  if (profile.tls && !profile.tls.verifyHostname) {
    issues.push(
      makeIssue('warning', 'tls.hostname-verification-off', 'Host-name verification is off: any server with a certificate from a trusted CA can pose as this cluster.', {
        fix: 'Turn it back on unless you connect through an address the certificate does not name.',
        field: 'tls.verifyHostname',
      }),
    );
  }
  if (profile.schemaRegistry?.tls && !profile.schemaRegistry.tls.verifyHostname) {
    issues.push(
      makeIssue('warning', 'schema-registry.hostname-verification-off', 'Schema Registry host-name verification is off.', {
        fix: 'Turn it back on unless the certificate does not name the registry host.',
        field: 'schemaRegistry.tls.verifyHostname',
      }),
    );
  }
  if (profile.securityProtocol === 'SASL_PLAINTEXT' && profile.sasl?.mechanism === 'plain') {
    issues.push(
      makeIssue('warning', 'sasl.plain-without-tls', 'SASL PLAIN over SASL_PLAINTEXT sends the password unencrypted.', { fix: 'Use SASL_SSL if the cluster offers it.', field: 'securityProtocol' }),
    );
  }
  for (const url of profile.schemaRegistry?.urls ?? []) {
    if (url.startsWith('http://') && profile.schemaRegistry?.auth.kind !== 'none') {
      issues.push(makeIssue('warning', 'schema-registry.credentials-over-http', `Schema Registry credentials would be sent unencrypted to ${url}.`, { fix: 'Use an https:// URL.', field: 'schemaRegistry.urls' }));
    }
  }
  return [...issues, ...vendorPresets[profile.vendor.preset].check(profile)];
}
