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

export async function generateTlsMaterial(dir: string): Promise<TlsMaterial> {
  mkdirSync(dir, { recursive: true });
  const password = `test-${randomBytes(6).toString('hex')}`;
  const pass = `pass:${password}`;
  const openssl = (...args: string[]) => tool('openssl', args, dir);
  const keytool = (...args: string[]) => tool('keytool', args, dir);

  // `openssl ca` (rather than `x509 -req`) because it can backdate: the expired certificate needs that.
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = testbed',
      '[testbed]',
      'dir = .',
      'database = index.txt',
      'new_certs_dir = issued',
      'serial = serial',
      'default_md = sha256',
      'default_days = 7',
      'policy = any',
      'copy_extensions = copy',
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

  await openssl(
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '7',
    '-subj', '/CN=Odradek Test CA', '-keyout', 'ca.key', '-out', 'ca.crt',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  );

  const issue = async (name: string, cn: string, extensions: string, dates: string[] = []) => {
    await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
    await openssl(
      'ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.crt', '-keyfile', 'ca.key',
      '-extensions', extensions, '-in', `${name}.csr`, '-out', `${name}.crt`, '-notext', ...dates,
    );
  };
  await issue('broker', 'localhost', 'server');
  await issue('client', CLIENT_CERT_CN, 'client');
  await issue('client-expired', CLIENT_CERT_CN, 'client', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
  await issue('wrong-host', 'wrong-host.invalid', 'wrong_host');

  const p12 = (name: string) =>
    openssl('pkcs12', '-export', '-in', `${name}.crt`, '-inkey', `${name}.key`, '-certfile', 'ca.crt',
      '-name', name, '-out', `${name}.p12`, '-passout', pass);
  await Promise.all([
    p12('broker'),
    p12('client'),
    p12('wrong-host'),
    openssl('pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', 'client.key', '-out', 'client-encrypted.key', '-passout', pass),
  ]);
  // keytool is a JVM start each; run them side by side.
  await Promise.all([
    keytool('-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.crt',
      '-keystore', 'truststore.p12', '-storetype', 'PKCS12', '-storepass', password),
    keytool('-importcert', '-noprompt', '-alias', 'ca', '-file', 'ca.crt',
      '-keystore', 'truststore.jks', '-storetype', 'JKS', '-storepass', password),
    keytool('-importkeystore', '-noprompt', '-srckeystore', 'client.p12', '-srcstoretype', 'PKCS12',
      '-srcstorepass', password, '-destkeystore', 'client.jks', '-deststoretype', 'JKS',
      '-deststorepass', password, '-destkeypass', password),
  ]);

  const file = (name: string) => path.join(dir, name);
  return {
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
}
