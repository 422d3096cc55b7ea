import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { LineDocument } from './line-document.js';

const lines = (d: LineDocument): string[] => Array.from({ length: d.lineCount }, (_, i) => d.lineAt(i));
const reference = (d: TextDocument): string[] => d.getText().split(/\r\n|\r|\n/);

describe('LineDocument', () => {
  test('splits at \\n, \\r\\n and \\r', () => {
    expect(lines(new LineDocument('u', 'md', 1, 'a\r\nb\nc\rd'))).toEqual(['a', 'b', 'c', 'd']);
    expect(lines(new LineDocument('u', 'md', 1, ''))).toEqual(['']);
  });

  test('an edit inside a line, across lines, a full replacement', () => {
    const d = new LineDocument('u', 'md', 1, 'one\ntwo\nthree');
    d.update([{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, text: 'W' }], 2);
    expect(lines(d)).toEqual(['one', 'tWo', 'three']);
    d.update([{ range: { start: { line: 0, character: 2 }, end: { line: 2, character: 1 } }, text: 'X\nY' }], 3);
    expect(lines(d)).toEqual(['onX', 'Yhree']);
    d.update([{ text: 'new\r\ntext' }], 4);
    expect(lines(d)).toEqual(['new', 'text']);
    expect(d.version).toBe(4);
  });

  test('positions past the end are clamped; a reversed range is put right', () => {
    const d = new LineDocument('u', 'md', 1, 'ab\ncd');
    d.update([{ range: { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } }, text: '!' }], 2);
    expect(lines(d)).toEqual(['ab', 'cd!']);
    d.update([{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 0 } }, text: '' }], 3);
    expect(lines(d)).toEqual(['', 'cd!']);
  });

  test('pasting many lines', () => {
    const d = new LineDocument('u', 'md', 1, 'a\nb');
    d.update(
      [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n'.repeat(50_000) }],
      2,
    );
    expect(d.lineCount).toBe(50_002);
    expect(d.lineAt(50_001)).toBe('b');
  });

  test('agrees with the protocol’s reference TextDocument on random edits', () => {
    // Long enough texts to span several 64-line blocks.
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '\n', '\n', '\n', '\r', '\r\n', '炸', '😀', ' '),
      maxLength: 400,
    });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(500), fc.nat(500), text), { maxLength: 12 }), (initial, edits) => {
        let ref = TextDocument.create('u', 'md', 1, initial);
        const doc = new LineDocument('u', 'md', 1, initial);
        edits.forEach(([a, b, insert], i) => {
          const length = ref.getText().length;
          const [from, to] = [Math.min(a, length), Math.min(b, length)].sort((x, y) => x - y);
          const range = { start: ref.positionAt(from!), end: ref.positionAt(to!) };
          ref = TextDocument.update(ref, [{ range, text: insert }], i + 2);
          doc.update([{ range, text: insert }], i + 2);
          expect(lines(doc)).toEqual(reference(ref));
        });
      }),
      { numRuns: 3000 },
    );
  });

  test('stays in agreement over long edit sequences on longer texts (blocks split, kept and joined again)', () => {
    const text = (maxLength: number) =>
      fc.string({ unit: fc.constantFrom('a', '\n', '\n', '\r', '\r\n', '炸', ' '), maxLength });
    fc.assert(
      fc.property(
        text(3000),
        fc.array(fc.tuple(fc.nat(3000), fc.nat(40), text(60)), { maxLength: 60 }),
        (initial, edits) => {
          let ref = TextDocument.create('u', 'md', 1, initial);
          const doc = new LineDocument('u', 'md', 1, initial);
          edits.forEach(([at, length, insert], i) => {
            const size = ref.getText().length;
            const range = {
              start: ref.positionAt(Math.min(at, size)),
              end: ref.positionAt(Math.min(at + length, size)),
            };
            ref = TextDocument.update(ref, [{ range, text: insert }], i + 2);
            doc.update([{ range, text: insert }], i + 2);
          });
          expect(lines(doc)).toEqual(reference(ref));
        },
      ),
      { numRuns: 300 },
    );
  });
});
