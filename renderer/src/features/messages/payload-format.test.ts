import { describe, expect, it } from 'vitest';
import type { DecodedPayloadRow } from '../../../../shared/domain/messages/browse-request';
import { availableViews, formatTimestamp, hexDump, parseJsonTree, prettyJson, previewLine, renderPayload, showDirectionControls, timeZoneName } from './payload-format';

const payload = (kind: DecodedPayloadRow['kind'], text: string): DecodedPayloadRow => ({ kind, text, size: text.length, truncated: false });

describe('payload formatting', () => {
  it('pretty-prints JSON keeping big integers, escaped quotes and empty containers intact', () => {
    expect(prettyJson('{"id":12345678901234567890,"s":"a \\"b\\", {c}","e":[],"o":{ },"l":[1,{"x":null}]}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "s": "a \\"b\\", {c}",\n  "e": [],\n  "o": {},\n  "l": [\n    1,\n    {\n      "x": null\n    }\n  ]\n}',
    );
  });

  it('indents a cut-off document as far as it goes', () => {
    expect(prettyJson('{"a":[1,2')).toBe('{\n  "a": [\n    1,\n    2');
  });

  it('offers views by kind and renders base64 and hex from text or binary', () => {
    expect(availableViews(payload('json', '{}'))).toEqual(['pretty', 'tree', 'text', 'base64', 'hex']);
    expect(availableViews(payload('json', '42'))).toEqual(['pretty', 'text', 'base64', 'hex']);
    expect(availableViews({ ...payload('json', '{"a":[1,'), truncated: true })).toEqual(['pretty', 'text', 'base64', 'hex']);
    expect(availableViews(payload('binary', '3q2+7w=='))).toEqual(['base64', 'hex']);
    expect(renderPayload(payload('text', 'hi'), 'base64')).toBe('aGk=');
    expect(renderPayload(payload('text', 'hi'), 'hex')).toBe(`00000000  68 69${'   '.repeat(14)}   |hi|`);
    expect(renderPayload(payload('binary', '3q2+7w=='), 'hex')).toMatch(/^00000000 {2}de ad be ef .*\|\.{4}\|$/);
    expect(renderPayload(payload('binary', '3q2+7w=='), 'base64')).toBe('3q2+7w==');
  });

  it('parses JSON for the tree keeping integers past 2^53 exact, and reports broken JSON', () => {
    expect(parseJsonTree('{"id":12345678901234567890,"n":7,"f":1.5,"l":[{"x":null}]}')).toEqual({
      ok: true,
      value: { id: 12345678901234567890n, n: 7, f: 1.5, l: [{ x: null }] },
    });
    expect(parseJsonTree('{"a":')).toMatchObject({ ok: false, error: expect.stringMatching(/./) });
  });

  it('collapses whitespace in table previews and shows hex for binary', () => {
    expect(previewLine(payload('json', '{\n  "a": 1\n}'))).toBe('{ "a": 1 }');
    expect(previewLine({ ...payload('binary', '3q2+7w=='), hexPreview: 'de ad be ef' })).toBe('de ad be ef');
    expect(previewLine(null)).toBe('');
  });

  it('dumps hex with offsets, two groups of eight and an ASCII column', () => {
    const bytes = new TextEncoder().encode('key-1 {"id":1}\n\u0000tail');
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  6b 65 79 2d 31 20 7b 22  69 64 22 3a 31 7d 0a 00  |key-1 {"id":1}..|',
      `00000010  74 61 69 6c${'   '.repeat(12)}   |tail|`,
    ]);
    expect(hexDump(new Uint8Array(0))).toBe('');
  });

  it('writes timestamps in UTC or the local zone, and names the zone', () => {
    expect(formatTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 6), 'utc')).toBe('2026-01-02 03:04:05.006');
    expect(timeZoneName('utc')).toBe('UTC');
    expect(timeZoneName('local')).toMatch(/^.+, UTC[+-]\d{2}:\d{2}$/);
  });
});

describe('direction controls', () => {
  it('are shown as code points in the list and the detail, so a value cannot reorder what is shown', () => {
    expect(showDirectionControls('user\u202Egnp.exe\u202C \u2066x\u2069 \u200F\u061C')).toBe('user⟨U+202E⟩gnp.exe⟨U+202C⟩ ⟨U+2066⟩x⟨U+2069⟩ ⟨U+200F⟩⟨U+061C⟩');
    expect(previewLine(payload('text', 'a\u202Eb'))).toBe('a⟨U+202E⟩b');
    // Other text, including right-to-left scripts, is left as it is.
    expect(showDirectionControls('שלום مرحبا <b>x</b>')).toBe('שלום مرحبا <b>x</b>');
  });
});
