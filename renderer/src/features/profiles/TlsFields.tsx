import { Alert, Fieldset, Radio, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import type { ProfileIssue } from '../../../../shared/domain/profile/issues';
import type { ProfileDraft } from '../../../../shared/domain/profile/profile-schema';
import type { TlsProfileName } from '../../../../shared/domain/profile/tls-profiles';
import { issueFor } from './draft-editing';
import type { KeychainStoreFieldFor, SecretFieldFor } from './SecretField';

type KafkaTls = NonNullable<ProfileDraft['tls']>;
/** The part Kafka and Schema Registry TLS share; only Kafka has a TLS profile. */
type Tls = Pick<KafkaTls, 'trust' | 'identity' | 'verifyHostname'> & { profile?: TlsProfileName };
type StoreKind = 'pkcs12' | 'jks';

const trustKinds: { value: Tls['trust']['kind']; label: string }[] = [
  { value: 'system', label: 'System trust store' },
  { value: 'pem-file', label: 'CA certificate file (PEM)' },
  { value: 'pem-text', label: 'CA certificate text (PEM)' },
  { value: 'pkcs12', label: 'PKCS12 truststore' },
  { value: 'jks', label: 'JKS truststore' },
];

const identityKinds = [
  { value: 'none', label: 'None (no client certificate)' },
  { value: 'pem', label: 'PEM certificate and key' },
  { value: 'pkcs12', label: 'PKCS12 keystore' },
  { value: 'jks', label: 'JKS keystore' },
];

const tlsProfileChoices: { value: TlsProfileName; label: string; description: string }[] = [
  { value: 'default', label: 'Default', description: "The runtime's own protocol versions and ciphers." },
  { value: 'modern', label: 'Modern', description: 'TLS 1.3 only; for current brokers.' },
  { value: 'intermediate', label: 'Intermediate', description: 'TLS 1.2 and 1.3 with forward-secret AEAD ciphers (Mozilla intermediate).' },
  { value: 'old', label: 'Old', description: 'Down to TLS 1.0 with CBC and RSA-kex ciphers, for legacy brokers only.' },
];

interface TlsFieldsProps<T extends Tls> {
  /** Where these settings live in the draft: names the issues, the secret slots and the legend. */
  prefix: 'tls' | 'schemaRegistry.tls';
  legend: string;
  tls: T;
  issues: readonly ProfileIssue[];
  showErrors: boolean;
  update(recipe: (tls: T) => void): void;
  secretField: SecretFieldFor;
  storeField: KeychainStoreFieldFor;
}

function trustFor(kind: Tls['trust']['kind']): Tls['trust'] {
  if (kind === 'system') return { kind };
  if (kind === 'pem-text') return { kind, pem: '' };
  if (kind === 'pkcs12') return storeFor('pkcs12', 'file');
  if (kind === 'jks') return storeFor('jks', 'file');
  return { kind, path: '' };
}

function identityFor(kind: string): Tls['identity'] {
  if (kind === 'pem') return { kind, certificate: { source: 'file', path: '' }, key: { source: 'file', path: '' } };
  if (kind === 'pkcs12') return storeFor('pkcs12', 'file');
  if (kind === 'jks') return storeFor('jks', 'file');
  return null;
}

/** An empty PKCS12/JKS store of the given source; its password survives a switch of source. */
function storeFor<Kind extends StoreKind>(kind: Kind, source: string, password?: string) {
  const withPassword = password === undefined ? {} : { password };
  return source === 'keychain' ? { kind, source: 'keychain' as const, ...withPassword } : { kind, path: '', ...withPassword };
}

const storeSources = [
  { value: 'file', label: 'A file path' },
  { value: 'keychain', label: 'Import the file into the keychain' },
];

export function TlsFields<T extends Tls>({ prefix, legend, tls, issues, showErrors, update, secretField, storeField }: TlsFieldsProps<T>) {
  const error = (field: string) => (showErrors ? issueFor(issues, `${prefix}.${field}`) : undefined);
  const trust = tls.trust;
  const identity = tls.identity;
  const hostnameWarning = issueFor(issues, `${prefix}.verifyHostname`, 'warning');
  const profile = tls.profile;
  const server = prefix === 'tls' ? { singular: 'broker', plural: 'brokers' } : { singular: 'Schema Registry', plural: 'Schema Registry servers' };

  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <Select
          label={`Trust (which CA signs the ${server.plural}' certificates)`}
          data={trustKinds}
          value={trust.kind}
          allowDeselect={false}
          onChange={(kind) => kind && update((draft) => void (draft.trust = trustFor(kind as Tls['trust']['kind'])))}
        />
        {trust.kind === 'pem-file' && (
          <TextInput
            label="CA certificate file path"
            value={trust.path}
            error={error('trust.path')}
            onChange={(event) => {
              const path = event.currentTarget.value;
              update((draft) => {
                if (draft.trust.kind === 'pem-file') draft.trust.path = path;
              });
            }}
          />
        )}
        {(trust.kind === 'pkcs12' || trust.kind === 'jks') && (
          <>
            <Select
              label="Truststore from"
              data={storeSources}
              value={trust.source ?? 'file'}
              allowDeselect={false}
              onChange={(source) =>
                source &&
                update((draft) => {
                  if (draft.trust.kind === 'pkcs12') draft.trust = storeFor('pkcs12', source, draft.trust.password);
                  else if (draft.trust.kind === 'jks') draft.trust = storeFor('jks', source, draft.trust.password);
                })
              }
            />
            {trust.source === 'keychain' ? (
              storeField(`${prefix}.truststore`, 'Truststore file')
            ) : (
              <TextInput
                label="Truststore file path"
                value={trust.path}
                error={error('trust.path')}
                onChange={(event) => {
                  const path = event.currentTarget.value;
                  update((draft) => {
                    if ((draft.trust.kind === 'pkcs12' || draft.trust.kind === 'jks') && draft.trust.source !== 'keychain') draft.trust.path = path;
                  });
                }}
              />
            )}
          </>
        )}
        {trust.kind === 'pem-text' && (
          <Textarea
            label="CA certificate (PEM)"
            autosize
            minRows={3}
            value={trust.pem}
            error={error('trust.pem')}
            onChange={(event) => {
              const pem = event.currentTarget.value;
              update((draft) => {
                if (draft.trust.kind === 'pem-text') draft.trust.pem = pem;
              });
            }}
          />
        )}
        {(trust.kind === 'pkcs12' || trust.kind === 'jks') && secretField(`${prefix}.truststorePassword`, 'Truststore password')}

        <Select
          label="Client identity (mutual TLS)"
          data={identityKinds}
          value={identity?.kind ?? 'none'}
          allowDeselect={false}
          onChange={(kind) => kind && update((draft) => void (draft.identity = identityFor(kind)))}
        />
        {identity?.kind === 'pem' && (
          <>
            <Select
              label="Client certificate from"
              data={[
                { value: 'file', label: 'A file' },
                { value: 'text', label: 'Pasted PEM text' },
              ]}
              value={identity.certificate.source}
              allowDeselect={false}
              onChange={(source) =>
                update((draft) => {
                  if (draft.identity?.kind === 'pem') draft.identity.certificate = source === 'text' ? { source: 'text', pem: '' } : { source: 'file', path: '' };
                })
              }
            />
            {identity.certificate.source === 'file' ? (
              <TextInput
                label="Client certificate file path"
                value={identity.certificate.path}
                error={error('identity.certificate.path')}
                onChange={(event) => {
                  const path = event.currentTarget.value;
                  update((draft) => {
                    if (draft.identity?.kind === 'pem' && draft.identity.certificate.source === 'file') draft.identity.certificate.path = path;
                  });
                }}
              />
            ) : (
              <Textarea
                label="Client certificate (PEM)"
                autosize
                minRows={3}
                value={identity.certificate.pem}
                error={error('identity.certificate.pem')}
                onChange={(event) => {
                  const pem = event.currentTarget.value;
                  update((draft) => {
                    if (draft.identity?.kind === 'pem' && draft.identity.certificate.source === 'text') draft.identity.certificate.pem = pem;
                  });
                }}
              />
            )}
            <Select
              label="Private key from"
              data={[
                { value: 'file', label: 'A file' },
                { value: 'text', label: 'Pasted PEM text (kept in the keychain)' },
              ]}
              value={identity.key.source}
              allowDeselect={false}
              onChange={(source) =>
                update((draft) => {
                  if (draft.identity?.kind === 'pem') draft.identity.key = source === 'text' ? { source: 'text' } : { source: 'file', path: '' };
                })
              }
            />
            {identity.key.source === 'file' ? (
              <TextInput
                label="Private key file path"
                value={identity.key.path}
                error={error('identity.key.path')}
                onChange={(event) => {
                  const path = event.currentTarget.value;
                  update((draft) => {
                    if (draft.identity?.kind === 'pem' && draft.identity.key.source === 'file') draft.identity.key.path = path;
                  });
                }}
              />
            ) : (
              secretField(`${prefix}.privateKey`, 'Private key (PEM)', true)
            )}
            {secretField(`${prefix}.keyPassword`, 'Private key passphrase (encrypted keys only)')}
          </>
        )}
        {(identity?.kind === 'pkcs12' || identity?.kind === 'jks') && (
          <>
            <Select
              label="Keystore from"
              data={storeSources}
              value={identity.source ?? 'file'}
              allowDeselect={false}
              onChange={(source) =>
                source &&
                update((draft) => {
                  if (draft.identity?.kind === 'pkcs12') draft.identity = storeFor('pkcs12', source, draft.identity.password);
                  else if (draft.identity?.kind === 'jks') draft.identity = { ...storeFor('jks', source, draft.identity.password), ...(draft.identity.keyPassword === undefined ? {} : { keyPassword: draft.identity.keyPassword }) };
                })
              }
            />
            {identity.source === 'keychain' ? (
              storeField(`${prefix}.keystore`, 'Keystore file')
            ) : (
              <TextInput
                label="Keystore file path"
                value={identity.path}
                error={error('identity.path')}
                onChange={(event) => {
                  const path = event.currentTarget.value;
                  update((draft) => {
                    if ((draft.identity?.kind === 'pkcs12' || draft.identity?.kind === 'jks') && draft.identity.source !== 'keychain') draft.identity.path = path;
                  });
                }}
              />
            )}
            {secretField(`${prefix}.keystorePassword`, 'Keystore password')}
            {identity.kind === 'jks' && secretField(`${prefix}.keyPassword`, 'Key password (when it differs from the keystore password)')}
          </>
        )}

        <Switch
          label={`Verify the ${server.singular} host name`}
          description="Checks that the certificate names the host you connect to."
          checked={tls.verifyHostname}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            update((draft) => void (draft.verifyHostname = checked));
          }}
        />
        {hostnameWarning && (
          <Alert color="orange" variant="light" title="Host-name verification is off">
            {hostnameWarning}
          </Alert>
        )}

        {profile !== undefined && (
          <Radio.Group label="TLS profile" value={profile} onChange={(value) => update((draft) => void (draft.profile = value as TlsProfileName))}>
            <Stack gap={6} mt={4}>
              {tlsProfileChoices.map((choice) => (
                <Radio key={choice.value} value={choice.value} label={choice.label} description={choice.description} />
              ))}
            </Stack>
          </Radio.Group>
        )}
      </Stack>
    </Fieldset>
  );
}
