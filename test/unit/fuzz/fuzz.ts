// Shared set-up of the fuzz tests: one seed for every property (FUZZ_SEED overrides it, and a failure
// prints the seed and path that reproduce it), a case count per property, and a time limit so a slow
// machine runs fewer cases instead of running long. Each property prints how many cases it ran.
import fc from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** FUZZ_SCALE=10 runs ten times as many cases (for a local deep run). */
const scale = Number(process.env.FUZZ_SCALE ?? 1);

export interface FuzzOptions {
  runs?: number;
  /** Stops generating new cases after this long (the cases run so far still count). */
  timeLimitMs?: number;
  /** One case taking longer than this fails the property: a parser must not stall on any input. */
  perCaseMs?: number;
}

export async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => unknown, options: FuzzOptions = {}): Promise<number> {
  const perCaseMs = options.perCaseMs ?? 1_000;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    const started = performance.now();
    await check(value);
    const took = performance.now() - started;
    if (took > perCaseMs) throw new Error(`one case took ${Math.round(took)} ms (bound ${perCaseMs} ms)`);
  });
  const details = await fc.check(property, {
    seed: FUZZ_SEED,
    numRuns: Math.round((options.runs ?? 2_000) * scale),
    interruptAfterTimeLimit: (options.timeLimitMs ?? 4_000) * scale,
    markInterruptAsFailure: false,
    includeErrorInReport: true,
  });
  if (details.failed) throw new Error(`fuzz ${name} failed\n${fc.defaultReportMessage(details)}`);
  console.log(`fuzz ${name}: ${details.numRuns} cases, seed ${FUZZ_SEED}${details.interrupted ? ' (stopped at the time limit)' : ''}`);
  return details.numRuns;
}

/** Text edits that break parsers: quotes, escapes, separators, odd code points, lone surrogates. */
export const hostileTokens = ['"', "'", '\\', '\\\n', '\n', '\r\n', '\r', '=', ':', ';', '{', '}', '[', ']', ',', '#', '!', ' ', '\t', '\u0000', '\u2028', '\u202e', '\u200f', '\uFEFF', '😀', '\uD800', '\uDFFF', 'é', '${X}', '&a', '*a', '<<: *a', '---', '...', '- ', '? ', '|', '>', '!!binary', '!!js/function', '__proto__', 'constructor', 'prototype', '\u001b[31m', '<script>', 'javascript:', '9'.repeat(400), '-1', 'NaN', 'Infinity', 'null', 'true'];

/** A seed text with up to `maxEdits` insertions, deletions, duplications or cuts. */
export function mutatedText(seeds: readonly string[], maxEdits = 10): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'duplicate', 'cut'),
    token: fc.constantFrom(...hostileTokens),
    span: fc.integer({ min: 1, max: 40 }),
  });
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: maxEdits })).map(([seed, edits]) => {
    let text = seed;
    for (const { at, kind, token, span } of edits) {
      const position = Math.floor(at * text.length);
      if (kind === 'insert') text = text.slice(0, position) + token + text.slice(position);
      else if (kind === 'delete') text = text.slice(0, position) + text.slice(position + span);
      else if (kind === 'duplicate') text = text.slice(0, position + span) + text.slice(position, position + span) + text.slice(position + span);
      else text = text.slice(0, position);
    }
    return text;
  });
}

/** Random text of every kind: printable, any code unit (lone surrogates included), graphemes. */
export const anyText = (maxLength = 2_000): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength: maxLength / 4 }), fc.string({ unit: fc.constantFrom(...hostileTokens), maxLength: 60 }));

/** Bytes: random, or a valid encoding cut short, with flipped bytes, or with absurd lengths spliced in. */
export function mutatedBytes(valid: fc.Arbitrary<Uint8Array>, maxLength = 4_096): fc.Arbitrary<Uint8Array> {
  const absurd = [Uint8Array.of(0x7f, 0xff, 0xff, 0xff), Uint8Array.of(0xff, 0xff, 0xff, 0xff), Uint8Array.of(0x80, 0, 0, 0), Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f), Uint8Array.of(0xfe, 0xff, 0xff, 0xff, 0x0f)];
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('flip', 'cut', 'absurd', 'zero'), byte: fc.integer({ min: 0, max: 255 }), which: fc.nat(absurd.length - 1) });
  return fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength }) },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([bytes, edits]) => {
        let out = Uint8Array.from(bytes);
        for (const { at, kind, byte, which } of edits) {
          const position = Math.floor(at * out.length);
          if (kind === 'flip' && out.length > 0) out[Math.min(position, out.length - 1)] = byte;
          else if (kind === 'cut') out = out.slice(0, position);
          else if (kind === 'zero' && out.length > 0) out[Math.min(position, out.length - 1)] = 0;
          else if (kind === 'absurd') {
            const splice = absurd[which]!;
            const next = Uint8Array.from(out);
            next.set(splice.subarray(0, Math.max(0, next.length - position)), position);
            out = next;
          }
        }
        return out;
      }),
    },
  );
}

/** The vitest timeout of one fuzz test: its time limit, the case that was running, and set-up. */
export const FUZZ_TEST_TIMEOUT = 30_000;
