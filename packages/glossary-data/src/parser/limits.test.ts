import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatIssue } from './issues.js';
import { definitionLimits, glossaryLimits, jsonTooDeepAt, pageLimitIssues } from './limits.js';

const check = (text: string): string[] => pageLimitIssues(text, 'p.md').map(formatIssue);
const section = (body: string, heading = 'term'): string => `## ${heading}\n\n${body}\n\n`;
const rows = (n: number, row = (i: number): string => `| t${i} | d |`): string =>
  `## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n${Array.from({ length: n }, (_, i) => row(i)).join('\n')}\n`;

describe('pages a hand-written glossary can be', () => {
  test.each([
    ['the built-in page', readFileSync(new URL('../../source/glossary.zh-CN.md', import.meta.url), 'utf8')],
    ['its English translation', readFileSync(new URL('../../source/glossary.en.md', import.meta.url), 'utf8')],
    [
      'a 2 000-row table with code and links',
      rows(2000, (i) => `| t${i} | 见 \`t${i}\`，[文档](https://e.com/${i}) |`),
    ],
    ['quotes and lists nested 31 deep', section(`${'> '.repeat(31)}a\n\n${nestedList(31)}`)],
    ['a definition of 8 000 characters', section('定'.repeat(7998))],
    ['a cell of 8 000 characters', rows(1, () => `| t | ${'定'.repeat(8000)} |`)],
    ['snake_case names, which emphasis markers cannot open', section('`cfg_scale` or cfg_scale, '.repeat(300))],
    ['escaped pipes, which are no cells', section('a \\| b '.repeat(40))],
    ['a row of three cells, which the parser explains', rows(1, () => '| a | b | c |')],
  ])('%s', (_, page) => {
    expect(check(page)).toEqual([]);
  });
});

describe('pages past a limit: an issue where it is passed', () => {
  const NESTED = 'quotes, lists or emphasis nested deeper than 32 levels; glossary text is read up to 32';
  const MARKUP = 'pieces of markup (| [ ] * _ ~ ` < & @ \\ and web addresses)';
  const CHARS = 'more than 8,000 characters; definitions are read up to 8,000';
  const SECTION = 'the text of this section (its tables aside) has';
  const ENTRIES = 'the page has more than 3,000 entries (headings and table rows); glossary pages are read up to 3,000';
  const BLOCKS =
    'the page has more than 500 quotes and lists (each level of nesting counting), ' +
    'footnotes and underlined headings; glossary pages are read up to 500';
  test.each([
    ['quotes nested 33 deep', section(`${'>'.repeat(33)} a`), [`p.md:3:1: ${NESTED}`]],
    ['quotes nested 20 000 deep', section(`${'>'.repeat(20_000)} a`), [`p.md:3:1: ${NESTED}`]],
    ['lists nested 40 deep by indentation', section(nestedList(40)), [`p.md:35:1: ${NESTED}`]],
    ['emphasis nested 40 deep', section(`${'*a _'.repeat(20)}x${'_ a*'.repeat(20)}`), [`p.md:3:65: ${NESTED}`]],
    ['strong emphasis nested 40 deep', section(`${'**a '.repeat(40)}x${' a**'.repeat(40)}`), [`p.md:3:65: ${NESTED}`]],
    [
      'a row of 30 000 cells',
      rows(1, () => `|${' x |'.repeat(30_000)}`),
      [
        'p.md:5:1: a line of 30,000 table cells; a glossary table has two (| term | explanation |), ' +
          'and lines are read up to 16',
      ],
    ],
    [
      'a cell of 8 001 characters',
      rows(2, (i) => `| t${i} | ${'定'.repeat(8000 + i)} |`),
      [`p.md:6:8: a table cell has ${CHARS}`],
    ],
    [
      'a section of 8 001 characters, its table aside',
      `${rows(1)}\n${'定'.repeat(8001)}\n`,
      [`p.md:1:1: ${SECTION} ${CHARS}`],
    ],
    [
      '1 001 pieces of markup in a definition',
      section('[a] '.repeat(500) + '**b**'),
      [`p.md:1:1: ${SECTION} more than 1,000 ${MARKUP}; definitions are read up to 1,000`],
    ],
    [
      '20 001 pieces of markup in a page',
      rows(2000, (i) => `| t${i} | [a] [b] [c] [d] |`),
      [
        `p.md:1822:21: more than 20,000 ${MARKUP} in the page; ` +
          'glossary pages are read up to 20,000 (a table row has three "|")',
      ],
    ],
    ['3 001 entries: a heading and 3 000 rows', rows(3000), [`p.md:3004:1: ${ENTRIES}`]],
    ['3 001 headings', Array.from({ length: 3001 }, (_, i) => `## t${i}\nd\n`).join(''), [`p.md:6001:1: ${ENTRIES}`]],
    ['501 separate lists', section('x\n\n- a\n\n'.repeat(501)), [`p.md:2005:1: ${BLOCKS}`]],
    [
      '17 sections with lists nested 30 deep',
      Array.from({ length: 17 }, (_, i) => section(nestedList(30), `t${i}`)).join(''),
      [`p.md:551:1: ${BLOCKS}`],
    ],
    ['501 separate quotes', section('x\n\n> a\n\n'.repeat(501)), [`p.md:2005:1: ${BLOCKS}`]],
    ['501 underlined headings', 'h\n---\n\nd\n\n'.repeat(501), [`p.md:2502:1: ${BLOCKS}`]],
    ['501 footnote definitions', section('[^a]: b\n\n'.repeat(501)), [`p.md:1003:1: ${BLOCKS}`]],
    [
      '20 001 lines',
      Array.from({ length: 6 }, (_, i) => `## t${i}\n${'d\n'.repeat(3500)}`).join(''),
      ['p.md:20001:1: the page has more than 20,000 lines; glossary pages are read up to 20,000'],
    ],
    [
      '500 011 characters',
      section('定'.repeat(500_000)),
      ['p.md:1:1: the page has 500,011 characters; glossary pages are read up to 500,000'],
    ],
  ])('%s', (_, page, issues) => {
    expect(check(page)).toEqual(issues);
  });

  test('a page past many limits gets at most twenty issues', () => {
    expect(check(rows(40, (i) => `| t${i} | ${'定'.repeat(8001)} |`))).toHaveLength(20);
  });
});

describe('definitionLimits', () => {
  test('counts the markup of a definition and passes one within the limits', () => {
    expect(definitionLimits('**CFG** scale, see [docs](https://e.com) and `cfg_scale`')).toEqual({
      problems: [],
      markup: 9,
    });
  });

  test.each([
    ['定'.repeat(8001), '8,001 characters; definitions are read up to 8,000'],
    [
      '[a] '.repeat(501),
      'more than 1,000 pieces of markup (| [ ] * _ ~ ` < & @ \\ and web addresses); definitions are read up to 1,000',
    ],
    [`${'>'.repeat(40)} a`, 'quotes, lists or emphasis nested deeper than 32 levels; glossary text is read up to 32'],
  ])('refuses %#', (markdown, problem) => {
    expect(definitionLimits(markdown).problems).toEqual([problem]);
  });
});

test('jsonTooDeepAt finds the bracket that opens one level too many, strings aside', () => {
  expect(jsonTooDeepAt(`{"a": "${'['.repeat(100)}"}`)).toBe(-1);
  expect(jsonTooDeepAt('['.repeat(glossaryLimits.jsonNesting))).toBe(-1);
  expect(jsonTooDeepAt('['.repeat(100_000))).toBe(glossaryLimits.jsonNesting);
});

/** A list nested `depth` deep by indentation, one item per level. */
function nestedList(depth: number): string {
  return Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- a`).join('\n');
}
