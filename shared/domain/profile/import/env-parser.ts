// Environment-variable style input: `KEY=value` lines (env files), `KEY: value` lines (docker-compose /
// Helm values as in the Conduktor docs), and `docker run ... --env KEY="value"` commands with shell
// quoting and `\` continuations.
import { makeIssue, type ProfileIssue } from '../issues';
import { directivePattern, type Directive, type RawSetting } from './raw-setting';
import { LocatedBuilder, sliceLocated, type SourceText, trimLocated, type LocatedText } from './source';

export interface EnvParse {
  settings: RawSetting[];
  directives: Directive[];
  issues: ProfileIssue[];
  /** Lines that are neither settings nor comments (their text is not kept: it may hold a secret). */
  unknownLines: { line: number }[];
}

/** A pasted `kcat …` (or older `kafkacat …`) command line. */
export const kcatCommandPattern = /^\s*(kcat|kafkacat)\s/m;

const assignmentPattern = /^([A-Za-z_][A-Za-z0-9_.]*)=/;
const yamlPattern = /^([A-Za-z_][A-Za-z0-9_.]*)\s*:(?:\s|$)/;

export function parseEnvText(source: SourceText): EnvParse {
  const result: EnvParse = { settings: [], directives: [], issues: [], unknownLines: [] };
  const { lines } = source;
  let index = 0;
  while (index < lines.length) {
    const startLine = index + 1;
    const first = lines[index] ?? '';
    const directive = directivePattern.exec(first);
    if (directive) {
      result.directives.push({ name: directive[1] ?? '', value: (directive[2] ?? '').trim(), line: startLine });
      index += 1;
      continue;
    }
    const chars = new LocatedBuilder();
    for (;;) {
      const text = lines[index] ?? '';
      const offset = source.lineStart(index);
      const continues = /(^|[^\\])(\\\\)*\\$/.test(text) && index + 1 < lines.length;
      const end = continues ? text.length - 1 : text.length;
      for (let column = 0; column < end; column += 1) chars.push(text[column] ?? '', offset + column);
      index += 1;
      if (!continues) break;
      chars.push(' ', offset + end);
    }
    readLogicalLine(trimLocated(chars.build()), startLine, source, result);
  }
  return result;
}

function readLogicalLine(line: LocatedText, lineNumber: number, source: SourceText, result: EnvParse): void {
  let body = line;
  if (body.text === '' || body.text.startsWith('#')) return;
  const listItem = /^-\s+/.exec(body.text);
  if (listItem) body = sliceLocated(body, listItem[0].length);
  const exported = /^export\s+/.exec(body.text);
  if (exported) body = sliceLocated(body, exported[0].length);

  if (kcatCommandPattern.test(body.text)) {
    readKcatCommand(body, lineNumber, source, result);
    return;
  }
  if (/^(docker|podman)\s/.test(body.text) || /^(-e|--env)(\s|=)/.test(body.text)) {
    readCommand(body, lineNumber, source, result);
    return;
  }
  const assignment = assignmentPattern.exec(body.text);
  if (assignment) {
    const key = assignment[1] ?? '';
    result.settings.push(setting(key, unquoteAssignmentValue(sliceLocated(body, assignment[0].length), source, result), body, source));
    return;
  }
  const yaml = yamlPattern.exec(body.text);
  if (yaml) {
    const key = yaml[1] ?? '';
    result.settings.push(setting(key, yamlScalar(sliceLocated(body, yaml[0].length), source, result), body, source));
    return;
  }
  result.unknownLines.push({ line: lineNumber });
}

function setting(key: string, value: LocatedText, body: LocatedText, source: SourceText): RawSetting {
  const position = source.position(body.offsets[0] ?? 0);
  return { key, value, line: position.line, column: position.column };
}

/** `KEY=value`: the rest of the line, without a surrounding quote pair or an unquoted ` # comment`. */
function unquoteAssignmentValue(raw: LocatedText, source: SourceText, result: EnvParse): LocatedText {
  const value = trimLocated(raw);
  const quote = value.text[0];
  if (quote === '"' || quote === "'") {
    const words = shellWords(value, source, result);
    if (words.length === 1 && words[0]) return words[0];
  }
  const comment = /\s#/.exec(value.text);
  return comment ? trimLocated(sliceLocated(value, 0, comment.index)) : value;
}

/** `KEY: value` as a YAML scalar on one line: quoted ("…" with escapes, '…' with '') or plain with ` # comment`. */
function yamlScalar(raw: LocatedText, source: SourceText, result: EnvParse): LocatedText {
  const value = trimLocated(raw);
  const quote = value.text[0];
  if (quote !== '"' && quote !== "'") {
    const comment = /\s#/.exec(value.text);
    return comment ? trimLocated(sliceLocated(value, 0, comment.index)) : value;
  }
  const out = new LocatedBuilder();
  let position = 1;
  while (position < value.text.length) {
    const char = value.text[position] ?? '';
    const offset = value.offsets[position] ?? 0;
    if (char === quote) {
      if (quote === "'" && value.text[position + 1] === "'") {
        out.push("'", offset);
        position += 2;
        continue;
      }
      return out.build();
    }
    if (quote === '"' && char === '\\' && position + 1 < value.text.length) {
      const next = value.text[position + 1] ?? '';
      out.push({ n: '\n', t: '\t', '"': '"', '\\': '\\' }[next] ?? next, offset);
      position += 2;
      continue;
    }
    out.push(char, offset);
    position += 1;
  }
  result.issues.push(unclosedQuote(quote, value.offsets[0] ?? 0, source));
  return out.build();
}

function unclosedQuote(quote: string, offset: number, source: SourceText): ProfileIssue {
  const { line, column } = source.position(offset);
  return makeIssue('error', 'syntax.unclosed-quote', `the ${quote} opened here is never closed.`, { line, column, fix: `Add the closing ${quote} at the end of the value.` });
}

/** Shell word splitting with quote removal (no expansion): enough for pasted `docker run` commands. */
function shellWords(text: LocatedText, source: SourceText, result: EnvParse): LocatedText[] {
  const words: LocatedText[] = [];
  const pending: { word: LocatedBuilder | null } = { word: null };
  let quote: '"' | "'" | null = null;
  let quoteOffset = 0;
  const current = () => (pending.word ??= new LocatedBuilder());
  for (let position = 0; position < text.text.length; position += 1) {
    const char = text.text[position] ?? '';
    const offset = text.offsets[position] ?? 0;
    if (quote === "'") {
      if (char === "'") quote = null;
      else current().push(char, offset);
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && /["\\$`]/.test(text.text[position + 1] ?? '')) {
        position += 1;
        current().push(text.text[position] ?? '', text.offsets[position] ?? offset);
      } else current().push(char, offset);
    } else if (char === '"' || char === "'") {
      quote = char;
      quoteOffset = offset;
      current();
    } else if (char === '\\' && position + 1 < text.text.length) {
      position += 1;
      current().push(text.text[position] ?? '', text.offsets[position] ?? offset);
    } else if (/\s/.test(char)) {
      if (pending.word) words.push(pending.word.build());
      pending.word = null;
    } else current().push(char, offset);
  }
  if (quote) result.issues.push(unclosedQuote(quote, quoteOffset, source));
  if (pending.word) words.push(pending.word.build());
  return words;
}

function readCommand(command: LocatedText, lineNumber: number, source: SourceText, result: EnvParse): void {
  const words = shellWords(command, source, result);
  const settingsBefore = result.settings.length;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    if (!word) continue;
    let assignment: LocatedText | undefined;
    if (word.text === '-e' || word.text === '--env') {
      index += 1;
      assignment = words[index];
    } else if (word.text.startsWith('--env=')) assignment = sliceLocated(word, '--env='.length);
    if (!assignment) continue;
    const equals = assignment.text.indexOf('=');
    const position = source.position(assignment.offsets[0] ?? 0);
    if (equals <= 0) {
      result.issues.push(
        makeIssue('warning', 'env.value-from-shell', `--env ${assignment.text} takes its value from your shell, which Odradek cannot see.`, {
          line: position.line,
          key: assignment.text,
          fix: `Write it as --env ${assignment.text}="value".`,
        }),
      );
      continue;
    }
    result.settings.push({ key: assignment.text.slice(0, equals), value: sliceLocated(assignment, equals + 1), line: position.line, column: position.column });
  }
  if (result.settings.length === settingsBefore && words.length > 0) result.unknownLines.push({ line: lineNumber });
}

/** kcat flags that take a value but say nothing about the connection (topic, partition, offset…). */
const kcatFlagsWithValue = new Set(['-t', '-p', '-o', '-c', '-f', '-K', '-k', '-s', '-G', '-D', '-m', '-z', '-l', '-H', '-d', '-T', '-a', '-i', '-S']);

/** `kcat -b brokers -X key=value … -r registry`: the connection settings of a kcat command. */
function readKcatCommand(command: LocatedText, lineNumber: number, source: SourceText, result: EnvParse): void {
  const words = shellWords(command, source, result);
  const add = (key: string, value: LocatedText | undefined, at: LocatedText) => {
    if (!value) return;
    const position = source.position(at.offsets[0] ?? 0);
    result.settings.push({ key, value, line: position.line, column: position.column });
  };
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index];
    if (!word) continue;
    const flag = word.text.slice(0, 2);
    const attached = word.text.length > 2 ? sliceLocated(word, 2) : undefined;
    const value = () => attached ?? words[(index += 1)];
    if (flag === '-b') add('bootstrap.servers', value(), word);
    else if (flag === '-r') add('schema.registry.url', value(), word);
    else if (flag === '-X') {
      const assignment = value();
      const equals = assignment?.text.indexOf('=') ?? -1;
      if (assignment && equals > 0) add(assignment.text.slice(0, equals), sliceLocated(assignment, equals + 1), assignment);
    } else if (flag === '-F') {
      const file = value();
      result.issues.push(
        makeIssue('info', 'kcat.config-file', `the settings in ${file?.text ?? 'the -F file'} were not read.`, { line: lineNumber, fix: 'Paste the contents of that file as well.' }),
      );
    } else if (kcatFlagsWithValue.has(flag) && !attached) index += 1;
  }
}
