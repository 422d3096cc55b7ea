import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { cacheState, createBuildCache } from './cache.js';
import { parseMarkdownTree } from './markdown-tree.js';

// The oracle: one parse of the whole text, as the parser did before it cut pages into blocks.
const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Asserts that a block-by-block parse gives the tree a whole parse gives (compared at once: the tree shares nodes with the cache). */
function expectSameTree(actual: Root, text: string): void {
  const expected = whole.parse(text);
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const pages = [
  here('../../source/glossary.zh-CN.md'),
  here('../../source/glossary.en.md'),
  ...readdirSync(here('../../test/fixtures')).flatMap((name) =>
    readdirSync(here(`../../test/fixtures/${name}`))
      .filter((file) => file.endsWith('.md'))
      .map((file) => here(`../../test/fixtures/${name}/${file}`)),
  ),
];

const rows = (n: number, from = 0): string[] =>
  Array.from(
    { length: n },
    (_, i) =>
      `| term${from + i}/词条${from + i} | 第 ${from + i} 个解释，含 \`code\` 与 [链接](https://example.com/${i}) |`,
  );

describe('parseMarkdownTree', () => {
  test.each(pages)('%s parses as a whole parse does, cold and from the cache', (path) => {
    const text = readFileSync(path, 'utf8');
    const cache = createBuildCache();
    expectSameTree(parseMarkdownTree(text, cache), text);
    expectSameTree(parseMarkdownTree(text, cache), text);
  });

  test('a long table is cut into blocks of rows that join into one table', () => {
    const text = ['## 黑话', '', '| 术语 | 解释 |', '| --- | --- |', ...rows(300), '', 'after the table', ''].join(
      '\n',
    );
    const cache = createBuildCache();
    const tree = parseMarkdownTree(text, cache);
    expectSameTree(tree, text);
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'table', 'paragraph']);
    expect(cacheState(cache).blocks.size).toBeGreaterThan(4);
  });

  test('an edit re-parses only the block it touched, and later blocks move to their new place', () => {
    const lines = ['## 黑话', '', '| 术语 | 解释 |', '| --- | --- |', ...rows(300)];
    const cache = createBuildCache();
    parseMarkdownTree(lines.join('\n'), cache);
    const before = new Set([...cacheState(cache).blocks.values()].map((b) => b.tree));
    lines.splice(100, 0, '| inserted/插入 | 新的一行 |');
    const text = lines.join('\n');
    expectSameTree(parseMarkdownTree(text, cache), text);
    const reused = [...cacheState(cache).blocks.values()].filter((b) => before.has(b.tree)).length;
    // The blocks before the edit and after it (now moved one line down) came from the cache: one
    // block changed, or two when the new row ends a block.
    expect(cacheState(cache).blocks.size).toBeGreaterThan(5);
    expect(reused).toBeGreaterThanOrEqual(cacheState(cache).blocks.size - 2);
  });

  test('the cache keeps the blocks of the last parse only', () => {
    const cache = createBuildCache();
    parseMarkdownTree(['## a', '', 'one', '', '## b', '', 'two'].join('\n'), cache);
    parseMarkdownTree(['## c', '', 'three'].join('\n'), cache);
    expect([...cacheState(cache).blocks.keys()]).toEqual(['## c\n\nthree']);
  });

  test('two equal sections each get their own nodes', () => {
    const text = ['## same', '', 'text', '', '## same', '', 'text', ''].join('\n');
    const cache = createBuildCache();
    const tree = parseMarkdownTree(text, cache);
    expectSameTree(tree, text);
    expect(tree.children[0]).not.toBe(tree.children[2]);
  });

  // Lines that open, close or continue every construct a cut could cut through.
  const line = fc.oneof(
    fc.constantFrom(
      '',
      '   ',
      '# Title',
      '## 术语 (Term) {#term}',
      '### Sub',
      '#### Deep',
      '#nospace',
      '  ## indented heading',
      'Paragraph with `code`, **bold** and [a link](https://example.com).',
      '中文段落，含 CFG 与 炸炉。',
      'Setext',
      '===',
      '---',
      '***',
      '| 术语 | 解释 |',
      '| --- | --- |',
      '|:--|--:|',
      '| a | b | c |',
      '| only |',
      'no pipe row',
      '```',
      '```js',
      '````',
      '~~~',
      '```not`a fence',
      '    indented code',
      '> quote',
      '> ## quoted heading',
      '- item',
      '  - nested',
      '  continued',
      '1. one',
      '<!--',
      '-->',
      '<!-- one-line comment -->',
      '<div>',
      '</div>',
      '<script>',
      '</script>',
      '<?php',
      '?>',
      '<![CDATA[',
      ']]>',
      'title: front matter',
      '[ref]: https://example.com/ref',
      '[^1]: a footnote',
      'see [ref] and [^1]',
    ),
    fc.integer({ min: 0, max: 999 }).map((n) => `| term${n} | 解释 ${n} |`),
  );
  const tableRun = fc.integer({ min: 60, max: 200 }).map((n) => ['| 术语 | 解释 |', '| --- | --- |', ...rows(n)]);
  const page = fc
    .tuple(
      fc.array(fc.oneof({ weight: 12, arbitrary: line.map((l) => [l]) }, { weight: 1, arbitrary: tableRun }), {
        maxLength: 40,
      }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
    )
    .map(([parts, eol, finalEol]) => parts.flat().join(eol) + (finalEol ? eol : ''));

  test('any page parses as a whole parse does', () => {
    fc.assert(
      fc.property(page, (text) => {
        expectSameTree(parseMarkdownTree(text, createBuildCache()), text);
      }),
      { numRuns: 200 },
    );
  });

  test('a page edited line by line parses, each time, as a whole parse does', () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), line });
    fc.assert(
      fc.property(page, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => {
        const cache = createBuildCache();
        const lines = text.split('\n');
        expectSameTree(parseMarkdownTree(text, cache), text);
        for (const { at, kind, line: l } of edits) {
          const i = at % (lines.length + 1);
          if (kind === 'insert') lines.splice(i, 0, l);
          else if (kind === 'delete') lines.splice(i, 1);
          else lines[Math.min(i, lines.length - 1)] = l;
          const next = lines.join('\n');
          expectSameTree(parseMarkdownTree(next, cache), next);
        }
      }),
      { numRuns: 60 },
    );
  });
});
