import type { ConnectionOptions } from 'node:tls';
import { toPem } from 'jks-js';
import { tlsProfiles, type TlsProfileName } from '../../../../shared/domain/profile/tls-profiles';
import type { TlsSettings } from './connection-settings';

/** Node's form of a TLS profile (shared/domain/profile/tls-profiles.ts). */
export function nodeTlsProfileOptions(name: TlsProfileName): Pick<ConnectionOptions, 'minVersion' | 'maxVersion' | 'ciphers'> {
  const { minVersion, maxVersion, nodeCiphers } = tlsProfiles[name];
  return { ...(minVersion ? { minVersion } : {}), ...(maxVersion ? { maxVersion } : {}), ...(nodeCiphers ? { ciphers: nodeCiphers } : {}) };
}

/** Node TLS options for a Kafka or diagnostics connection; throws a specific Error for unreadable stores. */
export function buildTlsOptions(settings: TlsSettings): ConnectionOptions {
  const options: ConnectionOptions = { ...nodeTlsProfileOptions(settings.profile), rejectUnauthorized: true };
  switch (settings.trust.kind) {
    case 'system':
      break;
    case 'pem':
      options.ca = settings.trust.pem;
      break;
    case 'pkcs12':
    case 'jks':
      // Node reads PKCS#12 only as a key store (PFX needs a key), so truststores of both kinds become PEM.
      options.ca = storeCertificates(settings.trust.data, settings.trust.password, `${settings.trust.kind.toUpperCase()} truststore`);
      break;
  }
  const identity = settings.identity;
  if (identity?.kind === 'pem') {
    options.cert = identity.certificatePem;
    options.key = identity.keyPem;
    if (identity.passphrase !== undefined) options.passphrase = identity.passphrase;
  } else if (identity?.kind === 'pkcs12') {
    options.pfx = [{ buf: Buffer.from(identity.data), passphrase: identity.password }];
  } else if (identity?.kind === 'jks') {
    const entries = readStore(identity.data, identity.password, 'JKS keystore', identity.keyPassword);
    const withKey = Object.values(entries).find((entry) => entry.key);
    if (!withKey?.key) throw new Error('The JKS keystore holds no private key entry: it cannot identify this client.');
    options.cert = withKey.cert;
    options.key = withKey.key;
  }
  if (!settings.verifyHostname) {
    // The chain is still verified against the trust store; only the host name check is skipped.
    options.checkServerIdentity = () => undefined;
  }
  return options;
}

function storeCertificates(data: Uint8Array, password: string, what: string): string[] {
  const certificates = Object.values(readStore(data, password, what))
    .map((entry) => entry.ca ?? entry.cert)
    .filter((cert): cert is string => Boolean(cert));
  if (certificates.length === 0) throw new Error(`The ${what} holds no certificates.`);
  return certificates;
}

function readStore(data: Uint8Array, password: string, what: string, keyPassword?: string): Record<string, { ca?: string; cert?: string; key?: string }> {
  try {
    return toPem(Buffer.from(data), password, keyPassword);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The ${what} could not be read (wrong password or not that kind of file): ${reason}`);
  }
}
