import type { ConnectionOptions } from 'node:tls';
import { toPem } from 'jks-js';
import type { TlsProfileName, TlsSettings } from './connection-settings';

/** Protocol bounds and cipher suites per TLS profile, mirroring the WarpStream agent's Mozilla-based profiles. */
export const tlsProfileOptions: Record<TlsProfileName, Pick<ConnectionOptions, 'minVersion' | 'maxVersion' | 'ciphers'>> = {
  modern: { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' },
  intermediate: {
    minVersion: 'TLSv1.2',
    ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-CHACHA20-POLY1305',
      'ECDHE-RSA-CHACHA20-POLY1305',
      // TLS 1.3 suites are configured separately by OpenSSL; listing them keeps 1.3 allowed.
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
    ].join(':'),
  },
  old: {
    minVersion: 'TLSv1',
    ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-CHACHA20-POLY1305',
      'ECDHE-RSA-CHACHA20-POLY1305',
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-SHA',
      'ECDHE-RSA-AES256-SHA',
      'AES128-GCM-SHA256',
      'AES256-GCM-SHA384',
      'AES128-SHA256',
      'AES128-SHA',
      'AES256-SHA',
      'DES-CBC3-SHA',
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      // OpenSSL 3 hides TLS 1.0/1.1 and SHA-1 suites below security level 1.
      '@SECLEVEL=0',
    ].join(':'),
  },
  default: {},
};

/** Node TLS options for a Kafka or diagnostics connection; throws a specific Error for unreadable stores. */
export function buildTlsOptions(settings: TlsSettings): ConnectionOptions {
  const options: ConnectionOptions = { ...tlsProfileOptions[settings.profile], rejectUnauthorized: true };
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
