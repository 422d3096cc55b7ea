import { describe, expect, test } from 'vitest';
import { createBook, type BookPageInput } from './book.js';

const page: BookPageInput = {
  path: 'guide/params',
  file: 'source/book/guide/params.md',
  url: 'https://guide.example/guide/params',
  markdown: [
    '---',
    'outline: [2, 3]',
    '---',
    '',
    '# 调参基础',
    '',
    '## 常用参数介绍',
    '',
    '-   Seed：随机数的起点。保持这个值不变，',
    '    可以多次生成相同的图像。',
    '-   Width：图像的宽度，像素。',
    '',
    '## Samplers 采样器',
    '',
    '`Euler a` 富有创造力。',
    '',
    '::: tip 提示',
    '`DDIM` 收敛快，见 [论文](https://arxiv.org/abs/2010.02502)。',
    ':::',
    '',
    '![效果](../assets/x.webp){width=10 height=10}',
    '',
    '### 细节 {#details}',
    '',
    '更多。',
    '',
  ].join('\n'),
};
const at = { file: 'overlay.json', line: 7, column: 3 };
const book = createBook([page]);

describe('createBook', () => {
  test('a whole section: its blocks up to the next heading, VitePress syntax rewritten, then the citation', () => {
    const excerpt = book.excerpt({ page: 'guide/params', anchor: 'samplers-采样器' }, at);
    if ('message' in excerpt) throw new Error(excerpt.message);
    const url = 'https://guide.example/guide/params#samplers-%E9%87%87%E6%A0%B7%E5%99%A8';
    expect(excerpt.definition.markdown).toBe(
      '`Euler a` 富有创造力。\n\n提示\n\n`DDIM` 收敛快，见 [论文](https://arxiv.org/abs/2010.02502)。\n\n' +
        '效果 `../assets/x.webp`\n\n' +
        `— [调参基础 › Samplers 采样器](<${url}>)`,
    );
    expect(excerpt.definition.text).toBe(
      'Euler a 富有创造力。\n\n提示\n\nDDIM 收敛快，见 论文。\n\n效果 ../assets/x.webp\n\n— 调参基础 › Samplers 采样器',
    );
    expect(excerpt.links.map((l) => [l.title, l.url])).toEqual([
      ['论文', 'https://arxiv.org/abs/2010.02502'],
      ['调参基础 › Samplers 采样器', url],
    ]);
    expect(excerpt.source).toMatchObject({ heading: 'Samplers 采样器', anchor: 'samplers-采样器' });
    expect(excerpt.source.at).toEqual({ file: page.file, line: 13, column: 1 });
    expect(excerpt.url).toBe(url);
  });

  test('list items named by how they start: their text without the marker or its indentation', () => {
    const excerpt = book.excerpt({ page: 'guide/params', anchor: '常用参数介绍', blocks: ['Seed：', 'Width'] }, at);
    if ('message' in excerpt) throw new Error(excerpt.message);
    expect(excerpt.definition.markdown.split('\n\n— ')[0]).toBe(
      'Seed：随机数的起点。保持这个值不变，\n可以多次生成相同的图像。\n\nWidth：图像的宽度，像素。',
    );
    expect(excerpt.source.at.line).toBe(9);
  });

  test('an explicit {#id} is the anchor; a subsection is a section of its own', () => {
    const excerpt = book.excerpt({ page: 'guide/params', anchor: 'details' }, at);
    if ('message' in excerpt) throw new Error(excerpt.message);
    expect(excerpt.definition.text).toBe('更多。\n\n— 调参基础 › 细节');
  });

  test.each([
    [{ page: 'guide/nope', anchor: 'x' }, 'no book page "guide/nope" (the build has: guide/params)'],
    [{ page: 'guide/params', anchor: 'seed' }, 'source/book/guide/params.md has no heading with the anchor "seed"'],
    [
      { page: 'guide/params', anchor: '常用参数介绍', blocks: ['Height'] },
      '"常用参数介绍" in source/book/guide/params.md has no list item or paragraph starting "Height"',
    ],
  ])('%j is an issue at the selector: %s', (selector, message) => {
    expect(book.excerpt(selector, at)).toEqual({ ...at, message });
  });
});
