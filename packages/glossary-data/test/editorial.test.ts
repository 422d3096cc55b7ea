/** The editorial page: SD Glossary's own entries beside the book's, each citing its primary sources. */
import { describe, expect, test } from 'vitest';
import { buildGlossary, formatIssue, validateGlossaryJson, type BuildGlossaryOptions } from '../src/parser/index.js';

const PAGE = '# 术语\n\n## 炸炉\n\n指训练过程中过度拟合。\n';
const EDITORIAL = [
  '# 编辑条目',
  '',
  '## LoRA (Low-Rank Adaptation)',
  '',
  '一种微调方法。',
  '',
  '来源：[LoRA paper](https://arxiv.org/abs/2106.09685)、[cloneofsimo/lora](https://github.com/cloneofsimo/lora)',
  '',
].join('\n');
/** The page's English translation, and the English text of the editorial entry after it. */
const PAGE_EN = '# T\n\n## Overfitted training run {#zha-lu}\n\nOverfitting.\n';
const EDITORIAL_EN = '\n## LoRA {#lora}\n\nA fine-tuning method.\n';
const english = (markdown: string): NonNullable<BuildGlossaryOptions['translations']> => [
  { locale: 'en', markdown, file: 'p.en.md', notice: 'ours' },
];

/** Builds a page and an editorial page; issues come back formatted. */
function build(editorial: string, more: Partial<BuildGlossaryOptions> = {}): ReturnType<typeof buildGlossary> {
  return buildGlossary({
    markdown: PAGE,
    markdownFile: 'p.md',
    locale: 'zh-CN',
    source: { title: '术语', url: 'https://guide.novelai.dev/advanced/glossary', file: 'p.md' },
    editorial: { markdown: editorial, file: 'e.md' },
    ...more,
  });
}
const issues = (editorial: string, more: Partial<BuildGlossaryOptions> = {}): string[] =>
  build(editorial, more).issues.map(formatIssue);

describe('an editorial page', () => {
  test('gives entries marked editorial, with their sources as references and no published address', () => {
    const { glossary, issues: found } = build(EDITORIAL, { translations: english(PAGE_EN + EDITORIAL_EN) });
    expect(found).toEqual([]);
    const [lora, page] = [
      glossary!.entries.find((e) => e.id === 'lora')!,
      glossary!.entries.find((e) => e.id !== 'lora')!,
    ];
    expect(lora).toMatchObject({
      headword: 'LoRA',
      category: 'concept',
      origin: 'editorial',
      definition: { markdown: '一种微调方法。', text: '一种微调方法。' },
      links: [],
      references: [
        { title: 'LoRA paper', url: 'https://arxiv.org/abs/2106.09685' },
        { title: 'cloneofsimo/lora', url: 'https://github.com/cloneofsimo/lora' },
      ],
      sources: [{ file: 'e.md', line: 3, heading: 'LoRA (Low-Rank Adaptation)', anchor: 'lora-low-rank-adaptation' }],
      translations: { en: { headword: 'LoRA', summary: 'A fine-tuning method.' } },
    });
    expect(lora.sources[0].url).toBeUndefined();
    expect(lora.forms.map((f) => [f.text, f.origin])).toEqual([
      ['LoRA', 'editorial'],
      ['Low-Rank Adaptation', 'editorial'],
    ]);
    expect(page.origin).toBeUndefined();
    expect(page.references).toBeUndefined();
    expect(page.sources[0].url).toBe('https://guide.novelai.dev/advanced/glossary#%E7%82%B8%E7%82%89');
    expect(glossary!.translations).toEqual([{ locale: 'en', file: 'p.en.md', notice: 'ours' }]);
  });

  test('"Sources:" and a half-width colon end a section as well', () => {
    const text = '## LoRA\n\n一种微调方法。\n\nSources: [LoRA paper](https://arxiv.org/abs/2106.09685)\n';
    expect(build(text).glossary?.entries.find((e) => e.id === 'lora')?.references).toHaveLength(1);
    expect(build(text.replace('Sources:', '来源:')).issues).toEqual([]);
  });

  test.each([
    [
      'a section without a 来源 line',
      '## LoRA\n\n一种微调方法。\n',
      ['e.md:1:1: editorial entry "LoRA" cites no source: end it with a line "来源：[title](https://…)"'],
    ],
    [
      'a 来源 line that is not the last paragraph',
      '## LoRA\n\n来源：[LoRA paper](https://arxiv.org/abs/2106.09685)\n\n一种微调方法。\n',
      ['e.md:1:1: editorial entry "LoRA" cites no source: end it with a line "来源：[title](https://…)"'],
    ],
    [
      'a 来源 line without a link',
      '## LoRA\n\n一种微调方法。\n\n来源：LoRA 论文\n',
      ['e.md:5:1: the 来源 line of "LoRA" has no http(s) link: cite the paper or the project\'s docs'],
    ],
    [
      'a 来源 line whose only link is not http(s)',
      '## LoRA\n\n一种微调方法。\n\n来源：[论文](ftp://example.com/lora.pdf)\n',
      [
        'e.md:5:1: the 来源 line of "LoRA" has no http(s) link: cite the paper or the project\'s docs',
        'e.md:5:4: link "论文" points to "ftp://example.com/lora.pdf", which is not an http(s) URL',
      ],
    ],
    [
      'a 来源 line and nothing else',
      '## LoRA\n\n来源：[LoRA paper](https://arxiv.org/abs/2106.09685)\n',
      ['e.md:1:1: "LoRA" has no definition: write its explanation above its 来源 line'],
    ],
    [
      'a table',
      '## 黑话\n\n| 词 | 解释 |\n| --- | --- |\n| 炼丹 | 训练模型 |\n',
      [
        'e.md:3:1: an editorial page gives each term a section ending with its "来源：" line; ' +
          'a table row cannot cite sources',
      ],
    ],
    [
      'the headword of a page entry',
      '## 炸炉\n\n过拟合。\n\n来源：[术语解释](https://guide.novelai.dev/advanced/glossary)\n',
      ['e.md:1:1: editorial entry "炸炉" has the headword of a page entry (p.md:3)'],
    ],
  ])('%s is an error at its file:line:col', (_, text, expected) => {
    expect(issues(text)).toEqual(expected);
  });

  test('a translation covers the editorial entries too, and misses none', () => {
    expect(issues(EDITORIAL, { translations: english(PAGE_EN + EDITORIAL_EN) })).toEqual([]);
    expect(issues(EDITORIAL, { translations: english(PAGE_EN) })).toEqual([
      'e.md:3:1: no en translation of "lora" in p.en.md',
    ]);
  });

  test('is held to the page’s limits', () => {
    const long = `## LoRA\n\n${'长'.repeat(8001)}\n\n来源：[LoRA paper](https://arxiv.org/abs/2106.09685)\n`;
    expect(issues(long)).toEqual([
      'e.md:1:1: the text of this section (its tables aside) has more than 8,000 characters; ' +
        'definitions are read up to 8,000',
    ]);
  });
});

describe('a JSON document', () => {
  const entry = (extra: object): object => ({
    id: 'lora',
    headword: 'LoRA',
    category: 'concept',
    forms: [{ text: 'LoRA', kind: 'headword', origin: 'editorial' }],
    summary: '一种微调方法。',
    definition: { markdown: '一种微调方法。', text: '一种微调方法。' },
    links: [],
    seeAlso: [],
    sources: [{ file: 'e.md', line: 3, heading: 'LoRA', anchor: 'lora' }],
    ...extra,
  });
  const check = (extra: object): string[] =>
    validateGlossaryJson(
      JSON.stringify({ $schema: 'x', locale: 'zh-CN', entries: [entry(extra)] }, null, 2),
      'g.json',
    ).issues.map((i) => i.message);

  test('an editorial entry without references, and references on a page entry, are errors', () => {
    expect(check({ origin: 'editorial' })).toEqual([
      'editorial entry "LoRA" cites no source: give it at least one reference',
    ]);
    expect(check({ references: [{ title: 'p', url: 'https://arxiv.org/abs/2106.09685' }] })).toEqual([
      '"LoRA" has references, which only an editorial entry has',
    ]);
    expect(
      check({ origin: 'editorial', references: [{ title: 'p', url: 'https://arxiv.org/abs/2106.09685' }] }),
    ).toEqual([]);
    expect(check({ origin: 'editorial', references: [] })).toEqual([
      expect.stringMatching(/^schema: \/entries\/0\/references: must NOT have fewer than 1 items?$/),
    ]);
  });
});
