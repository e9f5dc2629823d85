import { describe, expect, it } from 'vitest';
import { parseJaasConfig } from './jaas';
import { locate, SourceText } from './source';

/** Parses a JAAS value given as the whole input text, so positions are lines/columns of `text`. */
function parse(text: string) {
  const source = new SourceText(text);
  return parseJaasConfig(locate(text, 0), (offset) => source.position(offset));
}

describe('parseJaasConfig', () => {
  it('reads Plain, Scram and OAuthBearer entries in both option spellings', () => {
    expect(parse('org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cret";')).toMatchObject({
      entry: { kind: 'plain', flag: 'required' },
      issues: [],
    });
    const scram = parse('org.apache.kafka.common.security.scram.ScramLoginModule required username="bob" password="p";').entry;
    expect(scram?.kind).toBe('scram');
    const oauth = parse('org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="id" clientSecret="s" scope=".default";').entry;
    expect(Object.fromEntries([...(oauth?.options ?? [])].map(([name, option]) => [name, option.value]))).toEqual({ clientId: 'id', clientSecret: 's', scope: '.default' });
    const strimzi = parse('org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required oauth.client.id="id" oauth.client.secret="s" oauth.token.endpoint.uri="https://idp/token" oauth.audience="kafka";').entry;
    expect(strimzi?.options.get('oauth.token.endpoint.uri')?.value).toBe('https://idp/token');
    expect(strimzi?.options.get('oauth.audience')?.value).toBe('kafka');
  });

  it('recognises the AWS IAM and Kerberos modules', () => {
    expect(parse('software.amazon.msk.auth.iam.IAMLoginModule required;').entry?.kind).toBe('aws-msk-iam');
    expect(parse('com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab="/k" principal="p@R";').entry).toMatchObject({ kind: 'gssapi' });
  });

  it('honours escaped quotes and backslashes inside values', () => {
    const entry = parse('org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="q\\"uo\\\\te";').entry;
    expect(entry?.options.get('password')?.value).toBe('q"uo\\te');
  });

  it('typographic quotes: error with line, column and the fix, values still read', () => {
    const result = parse('org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required\nclientId=“abc” clientSecret=“def”;');
    const issue = result.issues.find((candidate) => candidate.code === 'jaas.typographic-quote');
    expect(issue).toMatchObject({ severity: 'error', line: 2, column: 10 });
    expect(issue?.message).toBe('Line 2, column 10 (sasl.jaas.config): typographic quote “ (and 3 more) in the JAAS config; Java clients only accept straight quotes. Replace “ ” ‘ ’ with straight double quotes ("), e.g. clientId="my-client".');
    expect(result.entry?.options.get('clientId')?.value).toBe('abc');
    expect(result.entry?.options.get('clientSecret')?.value).toBe('def');
  });

  it('unknown login module: error naming it and suggesting the closest known one', () => {
    const result = parse('org.apache.kafka.common.security.plain.PlainLoginModul required username="a" password="b";');
    const issue = result.issues.find((candidate) => candidate.code === 'jaas.unknown-login-module');
    expect(issue).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(issue?.message).toContain("unknown JAAS login module 'org.apache.kafka.common.security.plain.PlainLoginModul'");
    expect(issue?.message).toContain('Did you mean org.apache.kafka.common.security.plain.PlainLoginModule?');
    const foreign = parse('com.example.MyLoginModule required;').issues[0];
    expect(foreign?.message).toContain('Odradek understands PlainLoginModule, ScramLoginModule, OAuthBearerLoginModule');
  });

  it('missing ";": warning at the end of the value with the fix', () => {
    const result = parse('org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b"');
    const issue = result.issues.find((candidate) => candidate.code === 'jaas.missing-semicolon');
    expect(issue).toMatchObject({ severity: 'warning', line: 1, column: 91 });
    expect(issue?.message).toContain('Add ; at the end of the value.');
    expect(result.entry?.options.get('password')?.value).toBe('b');
  });

  it('missing "required": warning with the fix, options still read', () => {
    const result = parse('org.apache.kafka.common.security.plain.PlainLoginModule username="a" password="b";');
    const issue = result.issues.find((candidate) => candidate.code === 'jaas.missing-flag');
    expect(issue).toMatchObject({ severity: 'warning', line: 1, column: 57 });
    expect(issue?.message).toContain('Add "required" after the class name');
    expect(result.entry?.options.get('username')?.value).toBe('a');
  });

  it('unbalanced quote: error at the opening quote', () => {
    const result = parse('org.apache.kafka.common.security.plain.PlainLoginModule required\nusername="a" password="b;');
    const issue = result.issues.find((candidate) => candidate.code === 'jaas.unclosed-quote');
    expect(issue).toMatchObject({ severity: 'error', line: 2, column: 23 });
    expect(issue?.message).toContain('the quote opening the value of password is never closed. Add the closing quote');
  });

  it('text after the entry and garbage options are reported, not thrown', () => {
    expect(parse('org.apache.kafka.common.security.plain.PlainLoginModule required; other.Module required;').issues.map((issue) => issue.code)).toEqual(['jaas.extra-entry']);
    expect(parse('org.apache.kafka.common.security.plain.PlainLoginModule required "oops" x=1;').issues.map((issue) => issue.code)).toContain('jaas.expected-option');
    expect(parse('   ').issues.map((issue) => issue.code)).toEqual(['jaas.empty']);
  });
});
