declare module 'jks-js' {
  /** Reads a JKS keystore into PEM text per alias: `cert` for certificates, `key` for private key entries. */
  export function toPem(keystore: Buffer, keystorePassword: string, keyPassword?: string): Record<string, { cert?: string; key?: string }>;
}
