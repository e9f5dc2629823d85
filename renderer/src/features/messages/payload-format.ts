// How a decoded key, value or header can be shown: JSON pretty-printed or as a tree, text as written,
// and any of them as base64 or hex.
import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';
import { base64ToBytes, bytesToBase64 } from '../../../../shared/domain/decoders';
import type { DecodedPayloadRow } from '../../../../shared/domain/messages/browse-request';

export type PayloadView = 'pretty' | 'tree' | 'text' | 'base64' | 'hex';

export const viewLabels: Record<PayloadView, string> = { pretty: 'Pretty JSON', tree: 'Tree', text: 'Text', base64: 'Base64', hex: 'Hex' };

export function availableViews(payload: DecodedPayloadRow): PayloadView[] {
  // A preview is cut off mid-document, and a bare scalar has nothing to expand: no tree for either.
  if (payload.kind === 'json') return !payload.truncated && /^\s*[[{]/.test(payload.text) ? ['pretty', 'tree', 'text', 'base64', 'hex'] : ['pretty', 'text', 'base64', 'hex'];
  if (payload.kind === 'text') return ['text', 'base64', 'hex'];
  return ['base64', 'hex'];
}

export function renderPayload(payload: DecodedPayloadRow, view: PayloadView): string {
  // Binary payloads arrive as base64 of their bytes; text and JSON as the text itself.
  const bytes = () => payloadBytes(payload);
  switch (view) {
    case 'pretty':
    case 'tree':
      return prettyJson(payload.text);
    case 'text':
      return payload.text;
    case 'base64':
      return payload.kind === 'binary' ? payload.text : bytesToBase64(bytes());
    case 'hex':
      return hexDump(bytes());
  }
}

/**
 * Re-indents JSON text without parsing it into numbers, so int64 ids keep every digit; a cut-off
 * (truncated) document is indented as far as it goes.
 */
export function prettyJson(text: string, indent = '  '): string {
  let out = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  const newline = () => `\n${indent.repeat(depth)}`;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '{' || char === '[') {
      const closer = char === '{' ? '}' : ']';
      const next = nextSignificant(text, index + 1);
      if (text[next] === closer) {
        out += char + closer;
        index = next;
      } else {
        depth++;
        out += char + newline();
      }
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1);
      out += newline() + char;
    } else if (char === ',') {
      out += char + newline();
    } else if (char === ':') {
      out += ': ';
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Parses JSON for the tree view. Integers beyond 2^53 become bigints so ids keep every digit (plain
 * JSON.parse would round them); other numbers stay numbers.
 */
export function parseJsonTree(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseLossless(text, null, (digits) => (isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number(digits))) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function nextSignificant(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}


export { formatBytes } from '../../components/format';

/** One line for the table: whitespace collapsed so JSON previews read as one row. */
export function previewLine(payload: DecodedPayloadRow | null, maxChars = 200): string {
  if (payload === null) return '';
  const text = payload.kind === 'binary' ? (payload.hexPreview ?? payload.text) : payload.text;
  const line = text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text;
  return showDirectionControls(line.replace(/\s+/g, ' ').slice(0, maxChars));
}

// Bidi embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9).
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * For display only (copy keeps the exact text): direction controls shown as `⟨U+202E⟩`, so a value cannot
 * reorder what is shown around it (`user\u202Egnp.exe` would otherwise read as "userexe.png").
 */
export function showDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** The zone timestamps are written in: the machine's IANA name and offset now, or UTC. */
export function timeZoneName(zone: 'local' | 'utc', at: number = Date.now()): string {
  if (zone === 'utc') return 'UTC';
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${name}, ${utcOffset(at)}`;
}

/** The machine's offset from UTC at `epochMs`, as "UTC+01:00" (it changes with daylight saving time). */
export function utcOffset(epochMs: number): string {
  const minutes = -new Date(epochMs).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Time to the millisecond, sortable as text, in the machine's zone or UTC. */
export function formatTimestamp(epochMs: number, zone: 'local' | 'utc' = 'local'): string {
  const date = new Date(epochMs);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  if (zone === 'utc') {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** The bytes a payload view shows as hex: binary payloads arrive as base64, text and JSON as text. */
export function payloadBytes(payload: DecodedPayloadRow): Uint8Array {
  return payload.kind === 'binary' ? base64ToBytes(payload.text) : new TextEncoder().encode(payload.text);
}

/**
 * A classic hex dump: the offset of each 16-byte line (hex), the bytes in two groups of eight, and
 * the printable ASCII characters ('.' for the rest), so a byte is found by offset and by eye.
 */
export function hexDump(bytes: Uint8Array, width = 16): string {
  const lines: string[] = [];
  const offsetDigits = Math.max(8, (bytes.length - 1).toString(16).length);
  for (let start = 0; start < bytes.length; start += width) {
    const chunk = bytes.subarray(start, start + width);
    const hex: string[] = [];
    for (let index = 0; index < width; index++) {
      hex.push(index < chunk.length ? chunk[index]!.toString(16).padStart(2, '0') : '  ');
      if (index === width / 2 - 1) hex.push('');
    }
    const ascii = Array.from(chunk, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${start.toString(16).padStart(offsetDigits, '0')}  ${hex.join(' ')}  |${ascii}|`);
  }
  return lines.join('\n');
}
