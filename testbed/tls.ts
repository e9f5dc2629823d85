// Per-run TLS material made with openssl and keytool: a CA, broker and client certificates as PEM,
// PKCS12 and JKS, plus the broken variants diagnostics tests need.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TlsMaterial } from './types';

const run = promisify(execFile);

export const CLIENT_CERT_CN = 'odradek-client';

async function tool(command: string, args: string[], cwd: string): Promise<void> {
  try {
    await run(command, args, { cwd });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr ?? String(error)}`);
  }
}

export interface GeneratedTls {
  /** Paths and password, known at once so broker configs can be written while the files are made. */
  material: TlsMaterial;
  /** Everything a broker reads: the CA, PEMs and PKCS12 keystores (openssl only). */
  brokerFiles: Promise<void>;
  /** Also the JKS stores and the PKCS12 truststore, which need keytool (a JVM each). */
  all: Promise<void>;
}

export function generateTlsMaterial(dir: string): GeneratedTls {
  const password = `test-${randomBytes(6).toString('hex')}`;
  const file = (name: string) => path.join(dir, name);
  const material: TlsMaterial = {
    dir,
    password,
    ca: { cert: file('ca.crt'), key: file('ca.key'), truststoreP12: file('truststore.p12'), truststoreJks: file('truststore.jks') },
    broker: { cert: file('broker.crt'), key: file('broker.key'), keystoreP12: file('broker.p12') },
    client: {
      cert: file('client.crt'),
      key: file('client.key'),
      encryptedKey: file('client-encrypted.key'),
      keystoreP12: file('client.p12'),
      keystoreJks: file('client.jks'),
      principal: `User:${CLIENT_CERT_CN}`,
    },
    expiredClient: { cert: file('client-expired.crt'), key: file('client-expired.key') },
    wrongHost: { cert: file('wrong-host.crt'), key: file('wrong-host.key'), keystoreP12: file('wrong-host.p12') },
  };
  const brokerFiles = makeOpensslFiles(dir, password);
  const all = brokerFiles.then(() => makeKeytoolStores(dir, password));
  // Callers await these later; until then a failure must not surface as an unhandled rejection.
  brokerFiles.catch(() => undefined);
  all.catch(() => undefined);
  return { material, brokerFiles, all };
}

async function makeOpensslFiles(dir: string, password: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pass = `pass:${password}`;
  const openssl = (...args: string[]) => tool('openssl', args, dir);

  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      // `openssl ca` is only needed to backdate the expired certificate.
      '[ca]',
      'default_ca = testbed',
      '[testbed]',
      'dir = .',
      'database = index.txt',
      'new_certs_dir = issued',
      'serial = serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '[server]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth, clientAuth',
      'subjectAltName = DNS:localhost, IP:127.0.0.1',
      '[wrong_host]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = DNS:wrong-host.invalid',
      '[client]',
      'basicConstraints = CA:FALSE',
      'keyUsage = digitalSignature, keyEncipherment',
      'extendedKeyUsage = clientAuth',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), `${randomBytes(8).toString('hex')}\n`);
  mkdirSync(path.join(dir, 'issued'), { recursive: true });

  const names = ['broker', 'client', 'client-expired', 'wrong-host'] as const;
  const subjects: Record<(typeof names)[number], string> = {
    broker: 'localhost',
    client: CLIENT_CERT_CN,
    'client-expired': CLIENT_CERT_CN,
    'wrong-host': 'wrong-host.invalid',
  };
  await Promise.all([
    openssl(
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '7',
      '-subj', '/CN=Odradek Test CA', '-keyout', 'ca.key', '-out', 'ca.crt',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ),
    ...names.map((name) =>
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${subjects[name]}`, '-keyout', `${name}.key`, '-out', `${name}.csr`),
    ),
  ]);
  const sign = (name: string, extensions: string) =>
    openssl(
      'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', `0x${randomBytes(8).toString('hex')}`,
      '-days', '7', '-sha256', '-extfile', 'ca.cnf', '-extensions', extensions, '-out', `${name}.crt`,
    );
  const p12 = (name: string) =>
    openssl('pkcs12', '-export', '-in', `${name}.crt`, '-inkey', `${name}.key`, '-certfile', 'ca.crt',
      '-name', name, '-out', `${name}.p12`, '-passout', pass);
  await Promise.all([
    sign('broker', 'server').then(() => p12('broker')),
    sign('wrong-host', 'wrong_host').then(() => p12('wrong-host')),
    sign('client', 'client').then(() => p12('client')),
    openssl(
      'ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.crt', '-keyfile', 'ca.key', '-extensions', 'client',
      '-in', 'client-expired.csr', '-out', 'client-expired.crt', '-notext', '-startdate', '20200101000000Z', '-enddate', '20200102000000Z',
    ),
    openssl('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', 'client.key', '-out', 'client-encrypted.key', '-passout', pass),
  ]);
}

async function makeKeytoolStores(dir: string, password: string): Promise<void> {
  const keytool = (...args: string[]) => tool('keytool', args, dir);
  await Promise.all([
    keytool('-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.crt',
      '-keystore', 'truststore.p12', '-storetype', 'PKCS12', '-storepass', password),
    keytool('-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.crt',
      '-keystore', 'truststore.jks', '-storetype', 'JKS', '-storepass', password),
    keytool('-importkeystore', '-noprompt', '-srckeystore', 'client.p12', '-srcstoretype', 'PKCS12',
      '-srcstorepass', password, '-destkeystore', 'client.jks', '-deststoretype', 'JKS',
      '-deststorepass', password, '-destkeypass', password),
  ]);
}
