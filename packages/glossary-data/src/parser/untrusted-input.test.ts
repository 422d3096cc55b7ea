/**
 * What a language server relies on when it reads a workspace's glossary: whatever the file holds,
 * `buildGlossary` and `sanitizeMarkdown` answer, with issues at positions or safe text, and soon.
 * The time bounds are generous on purpose: each input here took seconds, minutes or a crash before.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildGlossary } from './build.js';
import { formatIssue } from './issues.js';
import { sanitizeMarkdown } from './sanitize.js';
import { hostilePage as page } from '../../test/hostile-markdown.js';

const SECONDS = 1000;
const build = (markdown: string): ReturnType<typeof buildGlossary> =>
  buildGlossary({ markdown, markdownFile: 'p.md', locale: 'und' });

/** Runs `fn` and returns its result with how long it took, in milliseconds. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = fn();
  return { result, ms: performance.now() - start };
}

const table = '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n';
const wideRow = (cells: number): string => `|${' x |'.repeat(cells)}\n`;

describe('hostile pages: an issue where a limit is passed, within 2 s', () => {
  test.each([
    ['quotes nested 20 000 deep', `## a\n\n${'>'.repeat(20_000)} x\n`, 'p.md:3:1: quotes, lists or emphasis nested'],
    ['lists nested 10 000 deep', `## a\n\n${'- '.repeat(10_000)}x\n`, 'p.md:3:1: quotes, lists or emphasis nested'],
    [
      '12 KB of nested emphasis',
      `## a\n\n${'*a _'.repeat(1500)}x${'_ a*'.repeat(1500)}\n`,
      'p.md:1:1: the text of this section (its tables aside) has more than 1,000 pieces of markup',
    ],
    [
      'a 30 000-column table',
      `## 黑话\n\n${wideRow(30_000)}${wideRow(30_000).replace(/x/g, '-')}${wideRow(30_000)}`,
      'p.md:3:1: a line of 30,000 table cells',
    ],
    ['a row of 30 000 cells', table + wideRow(30_000), 'p.md:5:1: a line of 30,000 table cells'],
    ['200 KB of emphasis markers', `## a\n\n${'*_'.repeat(100_000)}\n`, 'p.md:1:1: the text of this section'],
    ['a 1.2 MB cell', `${table}| a | ${'word '.repeat(240_000)}|\n`, 'p.md:1:1: the page has 1,200,041 characters'],
  ])('%s', (_, page, issue) => {
    const { result, ms } = timed(() => build(page));
    expect(result.glossary).toBeUndefined();
    expect(formatIssue(result.issues[0]!)).toMatch(new RegExp(`^${escapeRegExp(issue)}`));
    expect(ms).toBeLessThan(2 * SECONDS);
  });
});

describe('whatever the page, buildGlossary and sanitizeMarkdown answer without throwing, within 5 s', () => {
  test('buildGlossary', () => {
    fc.assert(
      fc.property(page, (markdown) => {
        const { result, ms } = timed(() => build(markdown));
        expect(result.glossary !== undefined || result.issues.length > 0).toBe(true);
        expect(ms).toBeLessThan(5 * SECONDS);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }, 120_000);

  test('sanitizeMarkdown', () => {
    fc.assert(
      fc.property(page, (markdown) => {
        const { result, ms } = timed(() => sanitizeMarkdown(markdown));
        expect(typeof result.markdown).toBe('string');
        expect(ms).toBeLessThan(5 * SECONDS);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }, 120_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
