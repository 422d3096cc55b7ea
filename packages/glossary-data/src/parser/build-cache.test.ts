import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildGlossary, type BuildGlossaryOptions } from './build.js';
import { formatIssue } from './issues.js';
import { serializeGlossary } from './json-document.js';
import { createBuildCache } from './cache.js';

/** What a build says, as text: the document, or its issues. */
const outcome = (options: BuildGlossaryOptions): string => {
  const result = buildGlossary(options);
  return result.glossary ? serializeGlossary(result.glossary) : result.issues.map(formatIssue).join('\n');
};

const source = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../source/${name}`, import.meta.url)), 'utf8');
/** `词条一四五` for 145: a Chinese form with no Latin letters or digits in it. */
const cjk = (n: number): string => `词条${[...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;
const rows = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `| term${i}/${cjk(i)} | 第 ${i} 个术语的解释。 |`);
const workspacePage = [
  '# 我们的术语',
  '',
  '## 黑话',
  '',
  '| 术语 | 解释 |',
  '| --- | --- |',
  ...rows(150),
  '',
  '## 底模 (Base model) {#base-model}',
  '',
  '训练用的模型。',
  '',
].join('\n');

// Lines an edit may write: sound rows, rows that clash, broken rows, headings, text, links.
const line = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map((n) => `| term${n}/${cjk(n)} | 第 ${n} 个术语的解释。 |`),
  fc
    .integer({ min: 0, max: 400 })
    .map(
      (n) =>
        `| new${n} | 新的解释 ${n}，见 [页面](https://example.com/${n}) ([Archive](https://web.archive.org/${n})) |`,
    ),
  fc
    .integer({ min: 0, max: 400 })
    .map((n) => `| bad${n} | 见 **[页面](ftp://example.com/${n})** 与 ![图](https://example.com/${n}.png) |`),
  fc.constantFrom(
    '',
    '| a | b | c |',
    '| empty |  |',
    '| CFG | 撞上内置术语的写法 |',
    '| Base model | 合并进底模一节的一行 |',
    '## 新词 (New word)',
    '## 黑话',
    '### 空的一节',
    '一段正文，在某一节下面。',
    '![图](https://example.com/a.png)',
    '[坏链接](ftp://example.com)',
    '<!-- 注释 -->',
  ),
);
const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), line });

/** Applies edits one by one; after each, a build with the cache must say what a fresh build says. */
function expectCachedBuildsMatch(
  base: BuildGlossaryOptions,
  edits: ReadonlyArray<{ at: number; kind: string; line: string }>,
): void {
  const cache = createBuildCache();
  const lines = base.markdown.split('\n');
  expect(outcome({ ...base, cache })).toBe(outcome(base));
  for (const { at, kind, line: l } of edits) {
    const i = at % (lines.length + 1);
    if (kind === 'insert') lines.splice(i, 0, l);
    else if (kind === 'delete') lines.splice(i, 1);
    else lines[Math.min(i, lines.length - 1)] = l;
    const options = { ...base, markdown: lines.join('\n') };
    expect(outcome({ ...options, cache })).toBe(outcome(options));
  }
}

describe('buildGlossary with a cache', () => {
  test('a workspace-style page, edited any way, builds as it does without a cache', () => {
    const base = { markdown: workspacePage, markdownFile: 'sd-glossary.md', locale: 'und' };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => expectCachedBuildsMatch(base, edits)),
      { numRuns: 40 },
    );
  });

  test('the built-in page and its overlay, edited any way, build as they do without a cache', () => {
    const base = {
      markdown: source('glossary.zh-CN.md'),
      markdownFile: 'glossary.zh-CN.md',
      overlay: source('overlay.json'),
      overlayFile: 'overlay.json',
      locale: 'zh-CN',
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => expectCachedBuildsMatch(base, edits)),
      { numRuns: 25 },
    );
  });

  test('an unchanged row keeps its entry object; a changed one gets a new one', () => {
    const cache = createBuildCache();
    const options = { markdown: workspacePage, markdownFile: 'sd-glossary.md', locale: 'und', cache };
    const first = buildGlossary(options).glossary!;
    const second = buildGlossary({
      ...options,
      markdown: workspacePage.replace('| term7/词条七 | 第 7 个', '| term7/词条七 | 改过的第 7 个'),
    }).glossary!;
    const byId = (id: string) => (g: typeof first) => g.entries.find((e) => e.id === id);
    // Far from the edit (another block of rows, not parsed again): the same object.
    expect(byId('term140')(second)).toBe(byId('term140')(first));
    expect(byId('term7')(second)).not.toBe(byId('term7')(first));
    expect(byId('term7')(second)!.definition.text).toBe('改过的第 7 个术语的解释。');
  });

  test('entries that only moved keep what was checked of them: a clash with one is still found', () => {
    const cache = createBuildCache();
    const options = { markdown: workspacePage, markdownFile: 'sd-glossary.md', locale: 'und', cache };
    const first = buildGlossary(options).glossary!;
    // A row at the top of the table moves every row below it one line down.
    const moved = workspacePage.replace('| term0/', '| top | 顶上的新行 |\n| term0/');
    const second = buildGlossary({ ...options, markdown: moved }).glossary!;
    const term9 = (g: typeof first) => g.entries.find((e) => e.id === 'term9')!;
    expect(term9(second)).not.toBe(term9(first));
    expect(term9(second).sources[0]!.line).toBe(term9(first).sources[0]!.line + 1);
    const clash = buildGlossary({
      ...options,
      markdown: moved.replace('| term149/', '| term9 | 又一个 term9 |\n| term149/'),
    });
    expect(clash.issues.map(formatIssue)).toEqual([
      'sd-glossary.md:157:1: duplicate id "term9" (first used at sd-glossary.md:17)',
      'sd-glossary.md:157:1: form "term9" of "term9" is also a form of "term9" (sd-glossary.md:17); give it to one entry, or declare it in sharedForms',
    ]);
    expect(buildGlossary({ ...options, markdown: moved }).issues).toEqual([]);
  });

  test('a clash that appears and goes away is reported, then gone', () => {
    const cache = createBuildCache();
    const options = { markdown: workspacePage, markdownFile: 'sd-glossary.md', locale: 'und', cache };
    expect(buildGlossary(options).issues).toEqual([]);
    const clash = buildGlossary({
      ...options,
      markdown: workspacePage.replace('| term149/', '| term3 | 又一个 term3 |\n| term149/'),
    });
    expect(clash.issues.map(formatIssue)).toEqual([
      'sd-glossary.md:156:1: duplicate id "term3" (first used at sd-glossary.md:10)',
      'sd-glossary.md:156:1: form "term3" of "term3" is also a form of "term3" (sd-glossary.md:10); give it to one entry, or declare it in sharedForms',
    ]);
    expect(buildGlossary(options).issues).toEqual([]);
  });
});
