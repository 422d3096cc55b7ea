/**
 * The last resort behind the limits: should a text they let through still nest deeper than the stack
 * allows, remark fails with a RangeError, and that is an issue at the first line of the file (or safe
 * plain text, for `sanitizeMarkdown`), not an exception. Here remark overflows the stack on any text
 * that says OVERFLOW, and reads everything else as usual.
 */
import type * as Unified from 'unified';
import { describe, expect, test, vi } from 'vitest';
import { buildGlossary } from './build.js';
import { formatIssue } from './issues.js';
import { sanitizeMarkdown } from './sanitize.js';

vi.mock('unified', async (original) => {
  const actual = await original<typeof Unified>();
  const overflow = (depth: number): number => overflow(depth + 1) + 1;
  return {
    ...actual,
    unified: () => {
      const processor = actual.unified();
      const parse = processor.parse.bind(processor);
      processor.parse = ((file) => (String(file).includes('OVERFLOW') ? overflow(0) : parse(file))) as typeof parse;
      return processor;
    },
  };
});

const CANNOT_READ =
  'the page cannot be read (Maximum call stack size exceeded): it nests quotes, lists or emphasis too deeply';

describe('a stack overflow while reading', () => {
  test('in the page: an issue at its first line', () => {
    const result = buildGlossary({ markdown: '## CFG\n\nOVERFLOW\n', markdownFile: 'p.md', locale: 'und' });
    expect(result.glossary).toBeUndefined();
    expect(result.issues.map(formatIssue)).toEqual([`p.md:1:1: ${CANNOT_READ}`]);
  });

  test('in a translation: an issue at its first line', () => {
    const result = buildGlossary({
      markdown: '## CFG\n\nscale\n',
      markdownFile: 'p.md',
      locale: 'und',
      translations: [{ locale: 'en', markdown: '## CFG {#cfg}\n\nOVERFLOW\n', file: 'en.md', notice: 'test' }],
    });
    expect(result.glossary).toBeUndefined();
    expect(result.issues.map(formatIssue)).toEqual([`en.md:1:1: ${CANNOT_READ}`]);
  });

  test('in sanitizeMarkdown: the text alone, every markup character escaped', () => {
    expect(sanitizeMarkdown('[x](command:evil) <b> OVERFLOW')).toEqual({
      markdown: '\\[x\\]\\(command\\:evil\\) \\<b\\> OVERFLOW',
      dropped: ['all formatting: the markdown cannot be read (Maximum call stack size exceeded)'],
    });
  });
});
