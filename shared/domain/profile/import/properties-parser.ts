// Java `.properties` parsing (java.util.Properties#load rules): `\` continues a line and the next line's
// leading blanks are dropped, `#`/`!` start comments, keys end at `=`, `:` or blank, `\` escapes.
// Written here rather than taken from npm because issues must name the line and column of any character
// inside a value, which the available parsers do not track.
import { directivePattern, type Directive, type RawSetting } from './raw-setting';
import { LocatedBuilder, type SourceText } from './source';

export interface PropertiesParse {
  settings: RawSetting[];
  directives: Directive[];
}

const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/**
 * @param javaEscapes false for librdkafka/kcat files, which take each line literally (`key=value`, no
 *   `\` escapes or continuations).
 */
export function parsePropertiesText(source: SourceText, javaEscapes = true): PropertiesParse {
  const settings: RawSetting[] = [];
  const directives: Directive[] = [];
  const { lines } = source;
  let index = 0;
  while (index < lines.length) {
    const first = lines[index] ?? '';
    const startLine = index;
    const trimmed = first.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) {
      const directive = directivePattern.exec(first);
      if (directive) directives.push({ name: directive[1] ?? '', value: (directive[2] ?? '').trim(), line: index + 1 });
      index += 1;
      continue;
    }
    if (!javaEscapes) {
      settings.push(literalKeyValue(first, source.lineStart(index), source, index + 1));
      index += 1;
      continue;
    }
    // Join the logical line, remembering the input offset of every character.
    const chars = new LocatedBuilder();
    let lineText = first;
    let lineOffset = source.lineStart(index);
    let skipLeading = false;
    for (;;) {
      let column = 0;
      if (skipLeading) while (column < lineText.length && /[ \t\f]/.test(lineText[column] ?? '')) column += 1;
      const trailingBackslashes = /\\*$/.exec(lineText)?.[0].length ?? 0;
      const continues = trailingBackslashes % 2 === 1 && index + 1 < lines.length;
      const end = continues ? lineText.length - 1 : lineText.length;
      for (; column < end; column += 1) chars.push(lineText[column] ?? '', lineOffset + column);
      if (!continues) break;
      index += 1;
      lineText = lines[index] ?? '';
      lineOffset = source.lineStart(index);
      skipLeading = true;
    }
    index += 1;
    const logical = chars.build();
    settings.push(splitKeyValue(logical.text, logical.offsets, source, startLine + 1));
  }
  return { settings, directives };
}

function splitKeyValue(text: string, offsets: number[], source: SourceText, line: number): RawSetting {
  let position = 0;
  while (position < text.length && /[ \t\f]/.test(text[position] ?? '')) position += 1;
  const keyStart = position;
  let key = '';
  while (position < text.length) {
    const char = text[position] ?? '';
    if (char === '\\') {
      const [decoded, used] = decodeEscape(text, position);
      key += decoded;
      position += used;
      continue;
    }
    if (char === '=' || char === ':' || /[ \t\f]/.test(char)) break;
    key += char;
    position += 1;
  }
  while (position < text.length && /[ \t\f]/.test(text[position] ?? '')) position += 1;
  if (text[position] === '=' || text[position] === ':') position += 1;
  while (position < text.length && /[ \t\f]/.test(text[position] ?? '')) position += 1;
  const value = new LocatedBuilder();
  while (position < text.length) {
    const offset = offsets[position] ?? 0;
    if (text[position] === '\\') {
      const [decoded, used] = decodeEscape(text, position);
      value.push(decoded, offset);
      position += used;
    } else {
      value.push(text[position] ?? '', offset);
      position += 1;
    }
  }
  const column = source.position(offsets[keyStart] ?? source.lineStart(line - 1)).column;
  return { key, value: value.build(), line, column };
}

function literalKeyValue(line: string, lineOffset: number, source: SourceText, lineNumber: number): RawSetting {
  const separator = /\s*[=:]\s*|\s+/.exec(line.trimStart());
  const keyStart = line.length - line.trimStart().length;
  const keyEnd = separator ? keyStart + separator.index : line.length;
  const valueStart = separator ? keyEnd + separator[0].length : line.length;
  const value = line.slice(valueStart);
  return {
    key: line.slice(keyStart, keyEnd),
    value: { text: value, offsets: Array.from({ length: value.length }, (_, offset) => lineOffset + valueStart + offset) },
    line: lineNumber,
    column: source.position(lineOffset + keyStart).column,
  };
}

function decodeEscape(text: string, position: number): [string, number] {
  const next = text[position + 1];
  if (next === undefined) return ['', 1];
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) {
    return [String.fromCharCode(parseInt(text.slice(position + 2, position + 6), 16)), 6];
  }
  return [escapes[next] ?? next, 2];
}
