import { describe, expect, it } from 'vitest';
import { parseEnvText } from './env-parser';
import { importProfile } from './import-profile';
import { parsePropertiesText } from './properties-parser';
import { SourceText } from './source';

const properties = (text: string) => parsePropertiesText(new SourceText(text)).settings.map((setting) => [setting.key, setting.value.text, setting.line]);
const env = (text: string) => parseEnvText(new SourceText(text));

describe('Java .properties parsing', () => {
  it('reads key=value, key: value and key value; # and ! comments; escapes', () => {
    expect(properties('# comment\n! also a comment\na=1\nb: 2\nc 3\n  d = four \\u00e9\\tx\ne\\:f=g\nempty=')).toEqual([
      ['a', '1', 3],
      ['b', '2', 4],
      ['c', '3', 5],
      ['d', 'four é\tx', 6],
      ['e:f', 'g', 7],
      ['empty', '', 8],
    ]);
  });

  it('joins \\ continuations, dropping the next line’s leading blanks, and keeps positions', () => {
    const source = new SourceText('sasl.jaas.config=Module required \\\n    username="a" \\\r\n  password="b";\nnext=1');
    const [jaas, next] = parsePropertiesText(source).settings;
    expect(jaas?.value.text).toBe('Module required username="a" password="b";');
    const passwordAt = jaas?.value.text.indexOf('password') ?? -1;
    expect(source.position(jaas?.value.offsets[passwordAt] ?? 0)).toEqual({ line: 3, column: 3 });
    expect(next?.line).toBe(4);
  });

  it('an escaped backslash at the end does not continue the line', () => {
    expect(properties('path=C:\\\\\nnext=1')).toEqual([
      ['path', 'C:\\', 1],
      ['next', '1', 2],
    ]);
  });

  it('warns about Windows paths, whose backslashes Java reads as escapes', () => {
    const preview = importProfile('bootstrap.servers=b:9093\nsecurity.protocol=SSL\nssl.truststore.location=C:\\certs\\trust.jks\nssl.keystore.location=C:/certs/key.p12');
    expect(preview.profile.tls?.trust).toMatchObject({ path: 'C:certs\trust.jks' });
    const warnings = preview.issues.filter((issue) => issue.code === 'properties.backslash-in-path');
    expect(warnings.map((issue) => [issue.line, issue.column])).toEqual([[3, 27]]);
    expect(warnings[0]?.message).toContain('Write the path with forward slashes');
  });

  it('reads `# odradek.*` directives from comments', () => {
    expect(parsePropertiesText(new SourceText('# odradek.name=Prod EU\nbootstrap.servers=b:9092')).directives).toEqual([{ name: 'name', value: 'Prod EU', line: 1 }]);
  });
});

describe('environment-variable parsing', () => {
  it('reads KEY=value with quotes and inline comments, export and compose list items', () => {
    const parsed = env('A=1\nB="two words"\nC=\'single\'\nD=plain # comment\nexport E=5\n  - F=6\nG=');
    expect(parsed.settings.map((setting) => [setting.key, setting.value.text])).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'single'],
      ['D', 'plain'],
      ['E', '5'],
      ['F', '6'],
      ['G', ''],
    ]);
  });

  it('reads YAML-ish KEY: value with comments and quoting as in the Gateway docs', () => {
    const parsed = env('KAFKA_A: PLAINTEXT # Change me\nKAFKA_B: "quoted \\"x\\""\nKAFKA_C: \'it\'\'s\'\nKAFKA_D:');
    expect(parsed.settings.map((setting) => [setting.key, setting.value.text])).toEqual([
      ['KAFKA_A', 'PLAINTEXT'],
      ['KAFKA_B', 'quoted "x"'],
      ['KAFKA_C', "it's"],
      ['KAFKA_D', ''],
    ]);
  });

  it('reads --env lines and whole docker run commands with continuations', () => {
    const parsed = env('docker run -d --name kpow \\\n  --env BOOTSTRAP="b:9092" \\\n  -e SASL_MECHANISM=PLAIN \\\n  --env=X=\'a b\' \\\n  --env FROM_SHELL \\\n  factorhouse/kpow:latest\n--env LATER="1"');
    expect(parsed.settings.map((setting) => [setting.key, setting.value.text, setting.line])).toEqual([
      ['BOOTSTRAP', 'b:9092', 2],
      ['SASL_MECHANISM', 'PLAIN', 3],
      ['X', 'a b', 4],
      ['LATER', '1', 7],
    ]);
    expect(parsed.issues.map((issue) => [issue.code, issue.line])).toEqual([['env.value-from-shell', 5]]);
  });

  it('a multi-line unquoted value continued with \\ (as in the WarpStream guide) is one value', () => {
    const parsed = env('SASL_JAAS_CONFIG=Module required \\\na="1" \\\nb="2";');
    expect(parsed.settings[0]?.value.text).toBe('Module required  a="1"  b="2";');
  });

  it('collects lines it does not understand', () => {
    expect(env('services:\n  kpow:\nnot a setting at all').unknownLines.map((line) => line.line)).toEqual([3]);
  });
});

describe('librdkafka import', () => {
  it('reads a kcat config with PEM files and a key passphrase', () => {
    const preview = importProfile(
      ['bootstrap.servers=kafka-1:9093,kafka-2:9093', 'security.protocol=sasl_ssl', 'sasl.mechanisms=SCRAM-SHA-256', 'sasl.username=svc', 'sasl.password=pa\\ss', 'ssl.ca.location=/etc/ca.pem', 'ssl.certificate.location=/etc/client.pem', 'ssl.key.location=/etc/client.key', 'ssl.key.password=kp', 'enable.ssl.certificate.verification=false', 'linger.ms=5'].join('\n'),
    );
    expect(preview.format).toBe('librdkafka');
    expect(preview.profile).toMatchObject({
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'scram-sha-256', username: 'svc' },
      tls: { trust: { kind: 'pem-file', path: '/etc/ca.pem' }, identity: { kind: 'pem', certificate: { source: 'file', path: '/etc/client.pem' }, key: { source: 'file', path: '/etc/client.key' } } },
    });
    expect(preview.secrets).toEqual({ 'sasl.password': 'pa\\ss', 'tls.keyPassword': 'kp' });
    expect(preview.issues.find((issue) => issue.code === 'tls.verification-off')?.line).toBe(10);
    expect(preview.ignored).toEqual([{ key: 'linger.ms', line: 11, reason: 'Producer/consumer tuning, not part of a connection profile.' }]);
  });

  it('reads a pasted kcat command line', () => {
    const preview = importProfile("kcat -b b-1.example.com:9096,b-2.example.com:9096 \\\n  -X security.protocol=SASL_SSL -X sasl.mechanisms=SCRAM-SHA-512 \\\n  -X sasl.username=svc -X 'sasl.password=pa ss' -t orders -C -o beginning -r https://sr:8081 -F ~/.config/kcat.conf");
    expect(preview.format).toBe('librdkafka');
    expect(preview.profile).toMatchObject({ bootstrapServers: ['b-1.example.com:9096', 'b-2.example.com:9096'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'scram-sha-512', username: 'svc' }, schemaRegistry: { urls: ['https://sr:8081'] } });
    expect(preview.secrets).toEqual({ 'sasl.password': 'pa ss' });
    expect(preview.secretFields).toEqual([{ slot: 'sasl.password', key: 'sasl.password', line: 3 }]);
    expect(preview.issues.find((issue) => issue.code === 'kcat.config-file')?.message).toContain('Paste the contents of that file as well.');
  });

  it('OAUTHBEARER with OIDC', () => {
    const preview = importProfile('bootstrap.servers=b:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=OAUTHBEARER\nsasl.oauthbearer.method=oidc\nsasl.oauthbearer.client.id=cid\nsasl.oauthbearer.client.secret=cs\nsasl.oauthbearer.token.endpoint.url=https://idp/token\nsasl.oauthbearer.scope=kafka');
    expect(preview.profile.sasl).toMatchObject({ mechanism: 'oauthbearer', clientId: 'cid', tokenEndpoint: 'https://idp/token', scope: 'kafka' });
    expect(preview.secrets).toEqual({ 'sasl.clientSecret': 'cs' });
  });
});

describe('input quirks', () => {
  it('ignores a byte-order mark', () => {
    expect(importProfile('\uFEFFbootstrap.servers=b:9092').profile.bootstrapServers).toEqual(['b:9092']);
  });

  it('keeps keystore and truststore types, locations and passwords apart', () => {
    const preview = importProfile('bootstrap.servers=b:9093\nsecurity.protocol=SSL\nssl.truststore.location=/t.p12\nssl.truststore.password=tp\nssl.keystore.location=/k.jks\nssl.keystore.type=JKS\nssl.keystore.password=kp\nssl.key.password=xp');
    expect(preview.profile.tls).toMatchObject({ trust: { kind: 'pkcs12', path: '/t.p12' }, identity: { kind: 'jks', path: '/k.jks' } });
    expect(preview.secrets).toEqual({ 'tls.truststorePassword': 'tp', 'tls.keystorePassword': 'kp', 'tls.keyPassword': 'xp' });
  });
});
