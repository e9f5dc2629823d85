// A parser for the single JAAS entry Kafka clients take in `sasl.jaas.config`:
//   <LoginModuleClass> <flag> name="value" ... ;
// It recovers from the mistakes people paste (typographic quotes from docs, a missing flag or `;`, an
// unclosed quote) so the rest is still understood, and reports each one with its line and column.
import { makeIssue, type ProfileIssue } from '../issues';
import type { LocatedText, Position } from './source';

export type JaasModuleKind = 'plain' | 'scram' | 'oauthbearer' | 'aws-msk-iam' | 'gssapi';

export const knownLoginModules: Readonly<Record<string, JaasModuleKind>> = {
  'org.apache.kafka.common.security.plain.PlainLoginModule': 'plain',
  'org.apache.kafka.common.security.scram.ScramLoginModule': 'scram',
  'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule': 'oauthbearer',
  'software.amazon.msk.auth.iam.IAMLoginModule': 'aws-msk-iam',
  'com.sun.security.auth.module.Krb5LoginModule': 'gssapi',
};

const controlFlags = ['required', 'requisite', 'sufficient', 'optional'];

export interface JaasOption {
  value: string;
  /** Input offset of the value's first character (for issue positions). */
  offset: number;
}

export interface JaasEntry {
  className: string;
  kind: JaasModuleKind | null;
  flag: string | null;
  options: Map<string, JaasOption>;
}

export interface JaasParse {
  entry: JaasEntry | null;
  issues: ProfileIssue[];
}

const typographicOpening = ['“', '”', '„', '‘', '’', '‚', '″', '«', '»'];
const closingFor = (opening: string): string[] => (opening === '"' ? ['"'] : opening === "'" ? ["'"] : typographicOpening.concat('"'));

/**
 * @param locate maps an input offset to its line and column (a SourceText's `position`).
 * @param key the setting as the user wrote it, named in messages.
 */
export function parseJaasConfig(value: LocatedText, locate: (offset: number) => Position, key = 'sasl.jaas.config'): JaasParse {
  const issues: ProfileIssue[] = [];
  const text = value.text;
  const offsetOf = (index: number) => value.offsets[index] ?? (value.offsets[value.offsets.length - 1] ?? 0) + 1;
  const at = (index: number) => ({ ...locate(offsetOf(index)), key });
  let position = 0;
  const skipBlanks = () => {
    while (position < text.length && /\s/.test(text[position] ?? '')) position += 1;
  };
  const readWord = () => {
    const start = position;
    while (position < text.length && /[^\s=;"'“”„‘’‚″«»]/.test(text[position] ?? '')) position += 1;
    return text.slice(start, position);
  };

  const typographic: number[] = [];
  for (let index = 0; index < text.length; index += 1) if (typographicOpening.includes(text[index] ?? '')) typographic.push(index);
  const firstTypographic = typographic[0];
  if (firstTypographic !== undefined) {
    const more = typographic.length > 1 ? ` (and ${typographic.length - 1} more)` : '';
    issues.push(
      makeIssue('error', 'jaas.typographic-quote', `typographic quote ${text[firstTypographic]}${more} in the JAAS config; Java clients only accept straight quotes.`, {
        ...at(firstTypographic),
        fix: 'Replace “ ” ‘ ’ with straight double quotes ("), e.g. clientId="my-client".',
      }),
    );
  }

  skipBlanks();
  if (position >= text.length) {
    issues.push(makeIssue('error', 'jaas.empty', 'the JAAS config is empty.', { ...at(0), fix: 'Paste the whole line, e.g. org.apache.kafka.common.security.plain.PlainLoginModule required username="…" password="…";' }));
    return { entry: null, issues };
  }
  const classStart = position;
  const className = readWord();
  const kind = knownLoginModules[className] ?? null;
  if (!kind) issues.push(unknownModuleIssue(className, at(classStart)));

  skipBlanks();
  const flagStart = position;
  let flag: string | null = null;
  const flagWord = readWord();
  if (controlFlags.includes(flagWord.toLowerCase()) && text[position] !== '=') {
    flag = flagWord.toLowerCase();
  } else {
    position = flagStart;
    issues.push(
      makeIssue('warning', 'jaas.missing-flag', `the login module has no control flag after ${className || 'the class name'}; Java clients reject this.`, {
        ...at(flagStart),
        fix: `Add "required" after the class name: ${className || 'LoginModule'} required ...`,
      }),
    );
  }

  const options = new Map<string, JaasOption>();
  let terminated = false;
  for (;;) {
    skipBlanks();
    if (position >= text.length) break;
    if (text[position] === ';') {
      terminated = true;
      position += 1;
      break;
    }
    const nameStart = position;
    const name = readWord();
    skipBlanks();
    if (name === '' || text[position] !== '=') {
      issues.push(
        // The text found is not quoted back: in a garbled entry it may be part of a password.
        makeIssue('error', 'jaas.expected-option', 'expected name="value" here.', {
          ...at(nameStart),
          fix: 'Write each option as name="value", separated by spaces, and end the entry with ;',
        }),
      );
      position = Math.max(position, nameStart + 1);
      while (position < text.length && !/[\s;]/.test(text[position] ?? '')) position += 1;
      continue;
    }
    position += 1;
    skipBlanks();
    const open = text[position] ?? '';
    if (open === '"' || open === "'" || typographicOpening.includes(open)) {
      const closers = closingFor(open);
      const valueStart = position + 1;
      let end = valueStart;
      let optionValue = '';
      while (end < text.length && !closers.includes(text[end] ?? '')) {
        // Java's tokenizer honours \" and \\ inside straight quotes; exports rely on it for odd passwords.
        if (open === '"' && text[end] === '\\' && end + 1 < text.length) end += 1;
        optionValue += text[end] ?? '';
        end += 1;
      }
      if (end >= text.length) {
        issues.push(
          makeIssue('error', 'jaas.unclosed-quote', `the quote opening the value of ${name} is never closed.`, { ...at(position), fix: `Add the closing quote after the value: ${name}="…"` }),
        );
      }
      options.set(name, { value: optionValue, offset: offsetOf(valueStart) });
      position = Math.min(end + 1, text.length);
    } else {
      const valueStart = position;
      while (position < text.length && !/[\s;]/.test(text[position] ?? '')) position += 1;
      options.set(name, { value: text.slice(valueStart, position), offset: offsetOf(valueStart) });
    }
  }
  if (!terminated) {
    issues.push(makeIssue('warning', 'jaas.missing-semicolon', 'the JAAS config does not end with ";"; Java clients reject it.', { ...at(text.trimEnd().length), fix: 'Add ; at the end of the value.' }));
  } else {
    skipBlanks();
    if (position < text.length) {
      issues.push(
        makeIssue('warning', 'jaas.extra-entry', 'text after the first ";" is ignored: Kafka clients take exactly one login module.', { ...at(position), fix: 'Keep a single login module entry.' }),
      );
    }
  }
  return { entry: { className, kind, flag, options }, issues };
}

function unknownModuleIssue(className: string, location: Position & { key: string }): ProfileIssue {
  const simpleName = className.split('.').pop() ?? className;
  const known = Object.keys(knownLoginModules);
  const sameSimpleName = known.find((name) => name.endsWith(`.${simpleName}`));
  const closest = sameSimpleName ?? known.map((name) => ({ name, distance: editDistance(className, name) })).sort((a, b) => a.distance - b.distance)[0];
  const suggestion = typeof closest === 'string' ? closest : closest && closest.distance <= 4 ? closest.name : undefined;
  return makeIssue('error', 'jaas.unknown-login-module', `unknown JAAS login module '${className}'.`, {
    ...location,
    fix: suggestion
      ? `Did you mean ${suggestion}?`
      : 'Odradek understands PlainLoginModule, ScramLoginModule, OAuthBearerLoginModule and the AWS IAMLoginModule; use the full class name, e.g. org.apache.kafka.common.security.plain.PlainLoginModule.',
  });
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 99;
}
