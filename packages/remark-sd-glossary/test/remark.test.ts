/**
 * The plugin in a remark → rehype pipeline, over a small Chinese + English docs folder: the HTML a
 * docs site would publish.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getEntry, glossary, localize, lookup } from '@sd-glossary/data';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkSdGlossary, { type RemarkSdGlossaryOptions } from '../src/index.js';

const docs = (name: string): string => fileURLToPath(new URL(`docs/${name}`, import.meta.url));
const read = (name: string): string => readFileSync(docs(name), 'utf8');

const html = (markdown: string, options: RemarkSdGlossaryOptions = {}): string =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkSdGlossary, options)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  );

/** A term as the HTML has it: the summary in the title, escaped as rehype-stringify escapes attributes. */
const abbr = (text: string, id: string, locale?: string): string => {
  const title = localize(getEntry(id)!, locale)
    .summary.replaceAll('&', '&#x26;')
    .replaceAll('"', '&#x22;')
    .replaceAll("'", '&#x27;');
  return `<abbr class="sd-glossary" title="${title}">${text}</abbr>`;
};

describe('remark-sd-glossary', () => {
  test('marks the first use of each term in text; headings, code, inline code and links are left alone', () => {
    expect(html(read('zh.md'))).toBe(
      [
        '<h1>CFG 与炸炉</h1>',
        `<p>训练时 ${abbr('CFG', 'cfg')} 太高，模型就${abbr('炸炉', 'overtrained')}了。再说一次：CFG 和炸炉。</p>`,
        '<ul>',
        `<li>列表里的 ${abbr('VAE', 'vae')} 也有解释。</li>`,
        '</ul>',
        '<pre><code class="language-sh">--cfg_scale 7 # 代码里的 CFG 不解释',
        '</code></pre>',
        '<p>行内代码 <code>VAE</code> 和链接 <a href="https://example.com/cfg">CFG 文档</a> 保持原样。</p>',
      ].join('\n'),
    );
  });

  test('every use, in English, with a workspace-style glossary file before the built-in one', () => {
    const options = { everyUse: true, locale: 'en', glossaries: [docs('team-glossary.md')] };
    expect(html(`${read('en.md')}\nCFG again.`, options)).toBe(
      [
        '<h2>Sampling</h2>',
        `<p>Lower the ${abbr('CFG scale', 'cfg', 'en')} when a ${abbr('DreamBooth', 'dreambooth', 'en')} ` +
          // An everyday word in a sentence about SD: the model is a checkpoint.
          `${abbr('model', 'checkpoint', 'en')} ` +
          `${abbr('overfits', lookup('overfits')[0]!.id, 'en')}; ` +
          'our <abbr class="sd-glossary" title="我们的 LoRA 触发词">mytrigger</abbr> word needs it too.</p>',
        `<p>${abbr('CFG', 'cfg', 'en')} again.</p>`,
      ].join('\n'),
    );
  });

  test('links to a glossary page instead, with the summary as the title', () => {
    expect(html('炸炉了', { link: '/glossary.html' })).toBe(
      `<p><a href="/glossary.html#overtrained" title="${localize(getEntry('overtrained')!).summary}">炸炉</a>了</p>`,
    );
    expect(html('VAE', { link: (entry) => `https://example.com/terms/${entry.id}/` })).toMatch(
      /^<p><a href="https:\/\/example\.com\/terms\/vae\/" title="[^"]+">VAE<\/a><\/p>$/,
    );
  });

  test('a glossary document, and the built-in one turned off', () => {
    const ours = { ...glossary, entries: [getEntry('vae')!] };
    expect(html('CFG 和 VAE', { glossaries: [ours], builtin: false })).toBe(`<p>CFG 和 ${abbr('VAE', 'vae')}</p>`);
  });

  test('remark-stringify writes the terms back as they were', () => {
    const markdown = read('zh.md');
    const out = unified().use(remarkParse).use(remarkSdGlossary).use(remarkStringify).processSync(markdown);
    expect(String(out)).toBe(markdown.replace('```sh', '```sh').replaceAll('- 列表', '* 列表'));
  });

  test('an invalid glossary file: an error that says where', () => {
    expect(() =>
      unified()
        .use(remarkParse)
        .use(remarkSdGlossary, { glossaries: [docs('broken-glossary.md')] })
        .parse('x'),
    ).toThrow(
      `${docs('broken-glossary.md')} is not a valid glossary:\n` +
        `${docs('broken-glossary.md')}:5:1: table row has 3 cells; expected 2 (term | explanation)`,
    );
  });
});
