import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LargeBodyDecoder } from './large-body.js';

/** What the decoder must agree with: the whole body decoded as UTF-8, then parsed. */
function reference(body: Buffer): { value: unknown } | { error: true } {
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { error: true };
  }
}

/** Decodes a body fed in the given pieces, with strings long from `longStringBytes` on. */
function decode(body: Buffer, cuts: readonly number[], longStringBytes: number): { value: unknown } | { error: true } {
  const decoder = new LargeBodyDecoder(body.length, longStringBytes);
  let at = 0;
  for (const cut of [...cuts]
    .filter((c) => c < body.length)
    .sort((a, b) => a - b)
    .concat(body.length)) {
    decoder.write(body.subarray(at, cut));
    at = cut;
  }
  expect(decoder.remaining).toBe(0);
  try {
    return { value: decoder.end() };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return { error: true };
  }
}

const piecesOf = (body: Buffer) => fc.array(fc.nat({ max: Math.max(0, body.length - 1) }), { maxLength: 12 });

describe('LargeBodyDecoder', () => {
  test('a didOpen: the text comes back whole, keys and small values as they were', () => {
    const text = `# 炸炉\nCFG scale: 7 😀 "quoted" \\ back\tslash\u0001\n`.repeat(50);
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///a.md', languageId: 'markdown', version: 1, text } },
    };
    const body = Buffer.from(JSON.stringify(message));
    expect(decode(body, [1, 100, 101, 2000], 64)).toEqual({ value: message });
  });

  test('long keys stay keys', () => {
    const key = 'k'.repeat(100);
    const body = Buffer.from(JSON.stringify({ [key]: 'v'.repeat(100), list: ['x'.repeat(100), { [key]: 1 }] }));
    expect(decode(body, [], 8)).toEqual({ value: { [key]: 'v'.repeat(100), list: ['x'.repeat(100), { [key]: 1 }] } });
  });

  test('agrees with JSON.parse on any JSON, cut anywhere', () => {
    const bodies = fc
      .jsonValue()
      .map((v) => Buffer.from(JSON.stringify({ jsonrpc: '2.0', params: v })))
      .chain((body) => fc.tuple(fc.constant(body), piecesOf(body), fc.integer({ min: 1, max: 40 })));
    fc.assert(
      fc.property(bodies, ([body, cuts, longStringBytes]) => {
        expect(decode(body, cuts, longStringBytes)).toEqual(reference(body));
      }),
      { numRuns: 1000 },
    );
  });

  test('agrees with toString("utf8") on invalid UTF-8, and with JSON.parse on bad escapes and control characters', () => {
    // Raw string contents: any byte but a quote, plus backslash sequences good and bad.
    const content = fc.array(
      fc.oneof(
        fc
          .integer({ min: 0x00, max: 0xff })
          .filter((b) => b !== 0x22 && b !== 0x5c)
          .map((b) => [b]),
        fc
          .constantFrom('\\n', '\\"', '\\\\', '\\u00e9', '\\ud83d\\ude00', '\\ud83d', '\\x', '\\u12g4', '\\')
          .map((s) => [...Buffer.from(s)]),
        fc.constantFrom('é', '炸', '😀').map((s) => [...Buffer.from(s)]),
      ),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(
        content,
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.nat({ max: 120 }), { maxLength: 8 }),
        (parts, longStringBytes, cuts) => {
          const body = Buffer.concat([
            Buffer.from('{"jsonrpc":"2.0","text":"'),
            Buffer.from(parts.flat()),
            Buffer.from('","n":1}'),
          ]);
          expect(decode(body, cuts, longStringBytes)).toEqual(reference(body));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a body cut short inside a long string is an error', () => {
    const body = Buffer.from('{"jsonrpc":"2.0","text":"abcdefghijklmnop');
    expect(decode(body, [5], 4)).toEqual({ error: true });
  });
});
