declare module 'jks-js' {
  /**
   * Reads a JKS or PKCS#12 store into PEM text per alias: `ca` for trusted certificate entries, `cert`
   * (the chain) and `key` for private key entries.
   */
  export function toPem(keystore: Buffer, keystorePassword: string, keyPassword?: string): Record<string, { ca?: string; cert?: string; key?: string }>;
}
