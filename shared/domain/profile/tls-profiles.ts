// TLS profiles mirroring the WarpStream agent's Mozilla-based ones (-tlsProfile / WARPSTREAM_TLS_PROFILE),
// as client-side protocol bounds and OpenSSL cipher strings (what Node's tls and librdkafka take).

export const tlsProfileNames = ['default', 'modern', 'intermediate', 'old'] as const;
export type TlsProfileName = (typeof tlsProfileNames)[number];

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** Go crypto/tls suite names (as the WarpStream docs list them) → OpenSSL names. */
export const goToOpenSslCipherSuites = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: 'ECDHE-ECDSA-AES128-SHA256',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: 'ECDHE-RSA-AES128-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_CBC_SHA256: 'AES128-SHA256',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: 'DES-CBC3-SHA',
} as const;

export type GoCipherSuite = keyof typeof goToOpenSslCipherSuites;

/** TLS 1.3 suites: OpenSSL and IANA use the same names; every WarpStream profile allows all three. */
export const tls13CipherSuites = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'] as const;

export interface TlsProfileSettings {
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  /** TLS ≤ 1.2 suites in Go/IANA-style names, in preference order; absent = the runtime's defaults. */
  goCipherSuites?: readonly GoCipherSuite[];
  /** The same suites as one OpenSSL cipher list (librdkafka `ssl.cipher.suites`). */
  openSslCiphers?: string;
  /**
   * For Node's `tls` `ciphers` option: the list plus the TLS 1.3 suites (Node caps the maximum version at
   * TLS 1.2 when the string names none), and for `old` `@SECLEVEL=0`, without which OpenSSL 3 refuses
   * TLS 1.0/1.1 and the SHA-1 suites.
   */
  nodeCiphers?: string;
}

const intermediateSuites: readonly GoCipherSuite[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
];

const oldSuites: readonly GoCipherSuite[] = [
  ...intermediateSuites,
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
];

const toOpenSsl = (suites: readonly GoCipherSuite[]): string => suites.map((suite) => goToOpenSslCipherSuites[suite]).join(':');

const withTls13 = (list: string) => [list, ...tls13CipherSuites].join(':');

export const tlsProfiles: Readonly<Record<TlsProfileName, TlsProfileSettings>> = {
  default: {},
  modern: { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' },
  intermediate: {
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    goCipherSuites: intermediateSuites,
    openSslCiphers: toOpenSsl(intermediateSuites),
    nodeCiphers: withTls13(toOpenSsl(intermediateSuites)),
  },
  old: {
    minVersion: 'TLSv1',
    maxVersion: 'TLSv1.3',
    goCipherSuites: oldSuites,
    openSslCiphers: toOpenSsl(oldSuites),
    nodeCiphers: `${withTls13(toOpenSsl(oldSuites))}:@SECLEVEL=0`,
  },
};

/**
 * Java (JSSE) names the two CHACHA20 suites with a `_SHA256` suffix that Go omits; all other names match.
 */
export function goSuiteToJavaName(suite: GoCipherSuite): string {
  return suite.endsWith('_CHACHA20_POLY1305') ? `${suite}_SHA256` : suite;
}

/** Accepts the WarpStream spelling `golang-default` as well as our `default`. */
export function parseTlsProfileName(text: string): TlsProfileName | undefined {
  const normalised = text.trim().toLowerCase();
  if (normalised === 'golang-default') return 'default';
  return (tlsProfileNames as readonly string[]).includes(normalised) ? (normalised as TlsProfileName) : undefined;
}
