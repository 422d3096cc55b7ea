/** The plugin in markdown-it, over the test site's Chinese and English pages: the HTML it renders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getEntry, glossary, localize, lookup } from '@sd-glossary/data';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import sdGlossary, { type SdGlossaryOptions } from '../src/index.js';

const site = (name: string): string => fileURLToPath(new URL(`site/${name}`, import.meta.url));
const read = (name: string): string => readFileSync(site(name), 'utf8');
const render = (markdown: string, options?: SdGlossaryOptions): string =>
  new MarkdownIt().use(sdGlossary, options).render(markdown);

/** A term as markdown-it writes it: the summary in the title, HTML-escaped. */
const abbr = (text: string, id: string, locale?: string): string => {
  const title = localize(getEntry(id)!, locale).summary.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<abbr class="sd-glossary" title="${title}">${text}</abbr>`;
};

describe('markdown-it-sd-glossary', () => {
  test('marks the first use of each term in text; headings, code, inline code and links are left alone', () => {
    expect(render(read('index.md'))).toBe(
      [
        '<h1>CFG 与炸炉</h1>',
        `<p>训练时 ${abbr('CFG', 'cfg')} 太高，模型就${abbr('炸炉', 'overtrained')}了。再说一次：CFG 和炸炉。</p>`,
        '<ul>',
        `<li>列表里的 ${abbr('VAE', 'vae')} 也有解释。</li>`,
        '</ul>',
        '<pre><code class="language-sh">--cfg_scale 7 # 代码里的 CFG 不解释',
        '</code></pre>',
        '<p>行内代码 <code>VAE</code> 和链接 <a href="https://example.com/cfg">CFG 文档</a> 保持原样。</p>',
        '',
      ].join('\n'),
    );
  });

  test('every use, in English, with a workspace-style glossary file before the built-in one', () => {
    const options = { everyUse: true, locale: 'en', glossaries: [site('team-glossary.md')] };
    expect(render(`${read('en.md')}\nCFG again.`, options)).toBe(
      [
        '<h2>Sampling</h2>',
        `<p>Lower the ${abbr('CFG scale', 'cfg', 'en')} when a ${abbr('DreamBooth', 'dreambooth', 'en')} ` +
          // An everyday word in a sentence about SD: the model is a checkpoint.
          `${abbr('model', 'checkpoint', 'en')} ` +
          `${abbr('overfits', lookup('overfits')[0]!.id, 'en')}; ` +
          'our <abbr class="sd-glossary" title="我们的 LoRA 触发词">mytrigger</abbr> word needs it too.</p>',
        `<p>${abbr('CFG', 'cfg', 'en')} again.</p>`,
        '',
      ].join('\n'),
    );
  });

  test('links to a glossary page instead, with the summary as the title', () => {
    expect(render('炸炉了', { link: '/glossary.html' })).toBe(
      `<p><a href="/glossary.html#overtrained" title="${localize(getEntry('overtrained')!).summary}">炸炉</a>了</p>\n`,
    );
    expect(render('VAE', { link: (entry) => `https://example.com/terms/${entry.id}/` })).toMatch(
      /^<p><a href="https:\/\/example\.com\/terms\/vae\/" title="[^"]+">VAE<\/a><\/p>\n$/,
    );
  });

  test('a glossary document, and the built-in one turned off', () => {
    const ours = { ...glossary, entries: [getEntry('vae')!] };
    expect(render('CFG 和 VAE', { glossaries: [ours], builtin: false })).toBe(`<p>CFG 和 ${abbr('VAE', 'vae')}</p>\n`);
  });

  test('each page explains its own first uses', () => {
    const md = new MarkdownIt().use(sdGlossary);
    expect(md.render('CFG')).toBe(`<p>${abbr('CFG', 'cfg')}</p>\n`);
    expect(md.render('CFG')).toBe(`<p>${abbr('CFG', 'cfg')}</p>\n`);
  });

  test('an invalid glossary file: an error that says where', () => {
    const broken = fileURLToPath(new URL('broken-glossary.md', import.meta.url));
    expect(() => new MarkdownIt().use(sdGlossary, { glossaries: [broken] })).toThrow(
      `${broken} is not a valid glossary:\n` + `${broken}:5:1: table row has 3 cells; expected 2 (term | explanation)`,
    );
  });
});
