import * as data from '@sd-glossary/data';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entries, getEntry, localize } from '@sd-glossary/data';
import { describe, expect, test } from 'vitest';
import { at, textOf } from '../../test/cursor.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings.js';
import { builtinGlossary } from '../builtin-glossary.js';
import { attributionOf, entryMarkdown } from './content.js';
import { createLanguageService, MAX_SYMBOL_USES, type RequestContext } from './language-service.js';
import { PIECE_LENGTH, pieceStarts } from './line-matches.js';

const SOURCE = 'file:///glossary/source/glossary.zh-CN.md';
const glossary = { ...builtinGlossary(data), sourceUri: () => SOURCE };
const service = createLanguageService(glossary);
const md: RequestContext = { settings: DEFAULT_SETTINGS, markdown: true };
const plain: RequestContext = { settings: DEFAULT_SETTINGS, markdown: false };
const withSettings = (raw: unknown, markdown = true): RequestContext => ({ settings: parseSettings(raw), markdown });

function hovered(marked: string, languageId = 'markdown'): [string, string] | null {
  const { document, position } = at(marked, languageId);
  const hover = service.hover(document, position, md);
  if (!hover) return null;
  const value = (hover.contents as { value: string }).value;
  return [textOf(document, hover.range!), value.split('\n')[0]!];
}

describe('hover: the term under the cursor, in every format', () => {
  test.each<[string, string, string, string]>([
    ['markdown', 'the ‸CFG scale', 'CFG scale', '**CFG**'],
    ['markdown', '用 db 训练时炸‸炉了', '炸炉', '**炸炉**'],
    ['markdown', '损失函‸数不等于损失', '损失函数', '**损失函数**'],
    ['markdown', '`clip_‸skip`', 'clip_skip', '**CLIP**'],
    ['sd-prompt', '(‸vae:1.2)', 'vae', '**VAE**'],
    ['sd-prompt', '[a:‸cfg:0.5]', 'cfg', '**CFG**'],
    ['sd-prompt', '<lora:sd-‸vae-ft:0.8>', 'vae', '**VAE**'],
    ['sd-prompt', '<hypernet:‸hypernetwork:1>', '<hypernet:hypernetwork:1>', '**hn**'],
    ['sd-prompt', '<lora:‸detail:0.8>', '<lora:detail:0.8>', '**LoRA**'],
    ['sd-prompt', '(vae:1.‸2)', ':1.2)', '**权重系数**'],
    ['sd-prompt', '‸(vae:1.2)', '(', '**权重系数**'],
    ['sd-prompt', '[from:to:0.‸5]', '[from:to:0.5]', '**标签替换**'],
    ['sd-prompt', 'a ‸BREAK b', 'BREAK', '**BREAK**'],
    ['sd-prompt', '__clip_‸skip__', 'clip_skip', '**CLIP**'],
    ['sd-prompt', '{a|‸ckpt}', 'ckpt', '**检查点**'],
    ['sd-prompt', '\\(‸VAE\\)', 'VAE', '**VAE**'],
    ['sd-prompt', 'a BREAK ‸CLIP AND b', 'CLIP', '**CLIP**'],
    ['plaintext', 'Steps: 28, CFG ‸scale: 7, Clip skip: 2', 'CFG scale', '**CFG**'],
    ['plaintext', 'Steps: 28, CFG scale: 7, Clip ‸skip: 2, ENSD: 31337', 'Clip skip', '**CLIP**'],
    ['plaintext', 'Clip skip: 2, ‸ENSD: 31337', 'ENSD', '**ENSD**'],
    ['toml', 'train_‸batch_size = 4', 'batch_size', '**Batch size**'],
    ['toml', 'max_train_‸epochs = 10', 'epochs', '**代次**'],
    ['toml', 'vae = "sd-‸vae-ft-mse"', 'vae', '**VAE**'],
    ['toml', '‸cfg_scale = 7', 'cfg_scale', '**CFG**'],
    ['toml', 'seed = 1 # 炸‸炉 warning', '炸炉', '**炸炉**'],
    ['json', '{"‸cfg_scale": 7}', 'cfg_scale', '**CFG**'],
    ['jsonc', '{"seed": 1} // ‸VAE here', 'VAE', '**VAE**'],
    ['yaml', 'clip_‸skip: 2', 'clip_skip', '**CLIP**'],
    ['ini', '‸ENSD=31337', 'ENSD', '**ENSD**'],
    ['properties', 'model.‸vae=ft-mse', 'vae', '**VAE**'],
    ['python', '# the ‸VAE', 'VAE', '**VAE**'],
  ])('%s: %s', (languageId, marked, text, header) => {
    const result = hovered(marked, languageId);
    expect(result?.[0]).toBe(text);
    expect(result?.[1].startsWith(header)).toBe(true);
  });

  test.each<[string, string]>([
    ['markdown', 'the ‸ CFG'],
    ['markdown', 'CFG‸, VAE'],
    ['markdown', 'hello ‸world'],
    ['markdown', '[paper](https://example.com/‸vae)'],
    ['markdown', 'see https://example.com/sd-‸vae'],
    ['markdown', '<img src="‸vae.png">'],
    ['json', '{"a": ‸cfg}'],
    ['sd-prompt', 'take a ‸break'],
    ['markdown', '(see note:1.‸2)'],
  ])('%s: %s → null', (languageId, marked) => {
    expect(hovered(marked, languageId)).toBeNull();
  });

  test('UTF-16 positions: an emoji before the term does not shift it', () => {
    const { document, position } = at('😀 ‸CFG');
    expect(service.hover(document, position, md)?.range).toEqual({
      start: { line: 0, character: 3 },
      end: { line: 0, character: 6 },
    });
  });

  test('CRLF line breaks', () => {
    const { document, position } = at('a\r\nb ‸VAE\r\nc');
    expect(service.hover(document, position, md)?.range).toEqual({
      start: { line: 1, character: 2 },
      end: { line: 1, character: 5 },
    });
  });

  test('positions past the end, negative or fractional give null', () => {
    const { document } = at('‸VAE');
    for (const position of [
      { line: 1, character: 0 },
      { line: 0, character: 99 },
      { line: -1, character: 0 },
      { line: 0, character: 0.5 },
    ]) {
      expect(service.hover(document, position, md)).toBeNull();
    }
  });

  test('a disabled language or a disabled server gives null', () => {
    const { document, position } = at('‸VAE', 'toml');
    expect(service.hover(document, position, withSettings({ disabledLanguages: ['toml'] }))).toBeNull();
    expect(service.hover(document, position, withSettings({ sdGlossary: { enable: false } }))).toBeNull();
  });
});

describe('hover content', () => {
  test('markdown: names, definition with its markup, links with archives, source and licence', () => {
    const { document, position } = at('‸VAE');
    const value = (service.hover(document, position, md)!.contents as { value: string }).value;
    const vae = getEntry('vae')!;
    expect(value).toBe(
      [
        '**VAE** · Variational autoencoders · 变分自编码器 · Image Decoder · Autoencoder Decoder · ' +
          'variational autoencoder',
        vae.definition.markdown,
        'A1111 `VAE` · ComfyUI `VAELoader.vae_name` · diffusers `vae` · kohya `--vae`',
        // The book's further section cites its page in the definition; the links line does not repeat it.
        '[变分自编码器](http://www.gwylab.com/note-vae.html) ' +
          '([Archive](https://web.archive.org/web/20221120160430/http://www.gwylab.com/note-vae.html))',
        '— [VAE](https://guide.novelai.dev/advanced/glossary#vae) · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
      ].join('\n\n'),
    );
  });

  test('the CLIP quote and code block stay markdown', () => {
    const { document, position } = at('‸CLIP');
    const value = (service.hover(document, position, md)!.contents as { value: string }).value;
    expect(value).toContain('\n> CLIP 是一个非常先进的神经网络');
    expect(value).toContain('```text\na big cherry tree above a lake with flying petals in the sky.\n```');
  });

  test('a table row names its table in the source line', () => {
    const { document, position } = at('‸炸炉');
    const value = (service.hover(document, position, md)!.contents as { value: string }).value;
    expect(value.split('\n\n').at(-1)).toBe(
      '— [黑话 › 炸炉](https://guide.novelai.dev/advanced/glossary#%E9%BB%91%E8%AF%9D)' +
        ' · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
    );
  });

  test('plain text for clients without markdown', () => {
    const { document, position } = at('‸ENSD');
    const hover = service.hover(document, position, plain)!;
    expect(hover.contents).toEqual({
      kind: 'plaintext',
      value: [
        'ENSD (eta noise seed delta, 噪声种子增量)',
        getEntry('ensd')!.definition.text,
        'A1111 ENSD · ComfyUI — · diffusers — · kohya —',
        '— ENSD https://guide.novelai.dev/advanced/glossary#ensd · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
      ].join('\n\n'),
    });
  });

  test('summary verbosity: one line and the source', () => {
    const { document, position } = at('‸ENSD');
    const hover = service.hover(document, position, withSettings({ hover: { verbosity: 'summary' } }))!;
    expect((hover.contents as { value: string }).value.split('\n\n')).toEqual([
      '**ENSD** · eta noise seed delta · 噪声种子增量',
      '在设置页中的 eta noise seed delta 是 eta 噪声种子增量。',
      '— [ENSD](https://guide.novelai.dev/advanced/glossary#ensd) · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
    ]);
  });

  test('an editorial entry says it is SD Glossary’s and names its sources, in markdown and in plain text', () => {
    const lora = getEntry('lora')!;
    const hover = (marked: string, context: RequestContext): string => {
      const { document, position } = at(marked);
      return (service.hover(document, position, context)!.contents as { value: string }).value;
    };
    expect(hover('a ‸LoRA', md)).toBe(
      [
        '**LoRA** · Low-Rank Adaptation · 低秩适应',
        lora.definition.markdown,
        '— SD Glossary editorial, sources: ' +
          '[LoRA: Low-Rank Adaptation of Large Language Models (arXiv:2106.09685)]' +
          '(https://arxiv.org/abs/2106.09685), ' +
          '[cloneofsimo/lora: Low-rank Adaptation for Fast Text-to-Image Diffusion Fine-tuning]' +
          '(https://github.com/cloneofsimo/lora) · GFDL-1.3-or-later · © 2026 SD Glossary contributors',
      ].join('\n\n'),
    );
    expect(hover('用 ‸炼丹 的比喻', plain).split('\n\n').at(-1)).toBe(
      '— SD Glossary editorial, sources: ' +
        '实战技巧：噪声 https://guide.novelai.dev/guide/prompt-engineering/practice#%E5%99%AA%E5%A3%B0, ' +
        '术语解释：黑话 https://guide.novelai.dev/advanced/glossary#%E9%BB%91%E8%AF%9D' +
        ' · GFDL-1.3-or-later · © 2026 SD Glossary contributors',
    );
    const summary = hover('‸Karras', withSettings({ hover: { verbosity: 'summary' } })).split('\n\n');
    expect(summary).toHaveLength(3);
    expect(summary[0]).toBe('**Karras** · Karras scheduler');
    expect(summary[2]).toMatch(/^— SD Glossary editorial, sources: \[Elucidating .*© 2026 SD Glossary contributors$/);
  });

  test('a workspace glossary’s editorial entry keeps its place and names its sources', () => {
    const lora = getEntry('lora')!;
    const markdown = entryMarkdown(lora, [localize(lora)], 'summary', 'workspace glossary');
    expect(markdown.split('\n\n').at(-1)).toBe(
      '— workspace glossary: source/editorial.zh-CN.md:11 · editorial, sources: ' +
        '[LoRA: Low-Rank Adaptation of Large Language Models (arXiv:2106.09685)](https://arxiv.org/abs/2106.09685), ' +
        '[cloneofsimo/lora: Low-rank Adaptation for Fast Text-to-Image Diffusion Fine-tuning]' +
        '(https://github.com/cloneofsimo/lora)',
    );
  });

  test('the built-in glossary’s attribution names who wrote the editorial entries', () => {
    expect(attributionOf(builtinGlossary(data).index.glossary)).toEqual({
      license: 'GFDL-1.3-or-later',
      holder: '© 2022 StableDiffusionBook',
      editorialHolder: '© 2026 SD Glossary contributors',
    });
  });

  test('a shared form shows every entry', () => {
    const { document, position } = at('an ‸embedding');
    const value = (service.hover(document, position, md)!.contents as { value: string }).value;
    expect(value.split('\n\n---\n\n').map((part) => part.split('\n')[0])).toEqual([
      '**Embeddings** · 嵌入 · embedding',
      '**ti** · emb · 嵌入模型 · Textual Inversion · Embedding',
    ]);
  });
});

describe('completion', () => {
  const complete = (marked: string, invoked = false, context: RequestContext = md, languageId = 'markdown') => {
    const { document, position } = at(marked, languageId);
    return service.completion(document, position, invoked, context);
  };
  const first = (marked: string) => {
    const item = complete(marked)?.items[0];
    return (
      item && [item.label, item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, item.filterText]
    );
  };
  const range = (start: number, end: number) => ({
    start: { line: 0, character: start },
    end: { line: 0, character: end },
  });

  test.each<[string, string, number, number, string]>([
    ['Dream‸', 'DreamBooth', 0, 5, 'Dream'],
    ['use cf‸', 'CFG', 4, 6, 'cf'],
    ['Batch‸', 'Batch size', 0, 5, 'Batch'],
    ['cfg_sc‸', 'CFG Scale', 0, 6, 'cfg_sc'],
    ['炸‸', '炸炉', 0, 1, '炸'],
    ['我用的是炸‸', '炸炉', 4, 5, '炸'],
    ['zl‸', '炸炉', 0, 2, 'zl'],
    ['zhal‸', '炸炉', 0, 4, 'zhal'],
    ['(masterpiece:1.2), va‸', 'VAE', 19, 21, 'va'],
    ['nothing starts with vae_f, so f‸', 'FLUX.1', 30, 31, 'f'],
  ])('%s → %s', (marked, label, start, end, filterText) => {
    expect(first(marked)).toEqual([label, range(start, end), filterText]);
  });

  test('items: summary as detail, headword beside an alias, a plain-text edit, entry id for resolve', () => {
    const item = complete('Dream‸')!.items[0]!;
    expect(item).toEqual({
      label: 'DreamBooth',
      labelDetails: { description: 'db' },
      kind: 14,
      detail: getEntry('dreambooth')!.summary,
      filterText: 'Dream',
      sortText: '0000',
      textEdit: { range: range(0, 5), newText: 'DreamBooth' },
      data: { id: 'dreambooth' },
    });
  });

  test('ranked: exact, then headword prefixes, then other forms, then pinyin', () => {
    const items = complete('d‸')!.items.map((i) => [i.label, i.labelDetails?.description]);
    // One item per entry: DeepSpeed's best match is its headword "ds".
    expect(items.slice(0, 3)).toEqual([
      ['ds', undefined],
      ['db', undefined],
      ['DiT', undefined],
    ]);
    const at = (label: string): number => items.findIndex(([l]) => l === label);
    expect(at('data augmentation')).toBeGreaterThan(at('DPM++ SDE'));
    expect(items[at('data augmentation')]).toEqual(['data augmentation', 'aug']);
    expect(complete('dai‸')!.items.map((i) => i.label)).toEqual(['代次', '代价函数']);
  });

  test('resolve adds the definition as documentation', () => {
    const item = complete('Dream‸')!.items[0]!;
    const resolved = service.resolveCompletion(item, md);
    expect(resolved.documentation).toEqual({
      kind: 'markdown',
      value: expect.stringContaining('**db** · 梦展 · DreamBooth'),
    });
    expect(service.resolveCompletion({ label: 'x', data: { id: 'nope' } }, md)).toEqual({
      label: 'x',
      data: { id: 'nope' },
    });
  });

  test('no noise: nothing inside URLs, nothing on an empty prefix unless invoked', () => {
    expect(complete('https://example.com/cf‸')).toBeNull();
    expect(complete('a ‸')).toBeNull();
    expect(complete('qqqq‸')).toBeNull();
    const all = complete('a ‸', true)!;
    // Every entry, up to the default maxItems (50): there are more.
    expect(all.items).toHaveLength(50);
    expect(all.isIncomplete).toBe(true);
    expect(all.items[0]!.textEdit).toEqual({ range: range(2, 2), newText: all.items[0]!.label });
  });

  test('settings: max items and off', () => {
    expect(complete('c‸', false, withSettings({ completion: { maxItems: 2 } }))!.items).toHaveLength(2);
    expect(complete('c‸', false, withSettings({ completion: { enable: false } }))).toBeNull();
  });
});

describe('definition and symbols', () => {
  test('go to definition opens the source markdown at the entry line', () => {
    const { document, position } = at('a ‸VAE');
    expect(service.definition(document, position, md)).toEqual([
      {
        uri: SOURCE,
        range: {
          start: { line: getEntry('vae')!.sources[0].line - 1, character: 0 },
          end: { line: getEntry('vae')!.sources[0].line - 1, character: 0 },
        },
      },
    ]);
    expect(service.definition(at('a ‸b').document, at('a ‸b').position, md)).toBeNull();
  });

  test('go to definition opens an editorial entry in the editorial markdown beside the page', () => {
    const installed = builtinGlossary(data);
    const lora = getEntry('lora')!;
    expect(installed.sourceUri(lora)).toMatch(/\/source\/editorial\.zh-CN\.md$/);
    expect(installed.sourceUri(getEntry('vae')!)).toMatch(/\/source\/glossary\.zh-CN\.md$/);
    // An entry made of another page of the book opens that page.
    expect(installed.sourceUri(getEntry('seed')!)).toMatch(/\/source\/book\/guide\/configuration\/param-basic\.md$/);
    // A copy of the page alone, under any name (as the VS Code extension ships), has no editorial file beside it.
    const copy = join(mkdtempSync(join(tmpdir(), 'sd-glossary-')), 'page.md');
    writeFileSync(copy, '');
    expect(builtinGlossary(data, copy).sourceUri(getEntry('vae')!)).toBe(pathToFileURL(copy).href);
    expect(builtinGlossary(data, copy).sourceUri(lora)).toBeUndefined();
    expect(builtinGlossary(data, copy).sourceUri(getEntry('seed')!)).toBeUndefined();
  });

  test('document symbols: the terms a kohya config touches, each with its uses', () => {
    const { document } = at(
      '[training]\ntrain_batch_size = 4\nmax_train_epochs = 10\nclip_skip = 2\nvae = "sd-vae-ft-mse"\n‸',
      'toml',
    );
    const symbols = service.documentSymbols(document, md);
    expect(symbols.map((s) => [s.name, s.children!.map((c) => c.name)])).toEqual([
      ['Batch size', ['batch_size']],
      ['代次', ['epochs']],
      ['CLIP', ['clip_skip']],
      ['VAE', ['vae', 'vae']],
    ]);
    expect(service.documentSymbols(document, md, { isCancellationRequested: true })).toEqual([]);
  });

  test('workspace symbols search the glossary', () => {
    expect(service.workspaceSymbols('zl', 10).map((s) => s.name)).toEqual(['炸炉', 'Tensor']);
    expect(service.workspaceSymbols('', 1000)).toHaveLength(entries.length);
    expect(createLanguageService({ ...glossary, sourceUri: () => undefined }).workspaceSymbols('zl', 10)).toEqual([]);
  });
});

describe('settings', () => {
  test.each<[unknown, Partial<Settings>]>([
    [undefined, {}],
    [null, {}],
    [{}, {}],
    [{ sdGlossary: {} }, {}],
    [{ enable: 'yes', completion: { maxItems: -3 }, hover: { verbosity: 'loud' } }, {}],
    [{ sdGlossary: { enable: false } }, { enable: false }],
    [{ completion: { maxItems: 5000 } }, { completion: { enable: true, maxItems: 1000 } }],
    [{ disabledLanguages: ['json', 3] }, { disabledLanguages: ['json'] }],
    [{ locale: 'en' }, { locale: 'en' }],
    [{ sdGlossary: { locale: 'both' } }, { locale: 'both' }],
    [{ locale: 'klingon' }, {}],
    // User glossaries: absolute paths of markdown or JSON files only.
    [
      { userGlossaries: ['/home/me/terms.md', 'C:\\Users\\me\\terms.json', 'relative/terms.md', '/etc/passwd', '', 7] },
      { userGlossaries: ['/home/me/terms.md', 'C:\\Users\\me\\terms.json'] },
    ],
  ])('%j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });
});

describe('languages (sdGlossary.locale and the client’s locale)', () => {
  const hoverWith = (raw: unknown, clientLocale?: string, markdown = true): string[] => {
    const { document, position } = at('‸炸炉');
    const context: RequestContext = {
      settings: parseSettings(raw),
      markdown,
      ...(clientLocale !== undefined && { clientLocale }),
    };
    return (service.hover(document, position, context)!.contents as { value: string }).value.split('\n\n');
  };
  const en = getEntry('overtrained')!.translations!['en']!;
  const zh = getEntry('overtrained')!;

  test('auto, and a client that says nothing or speaks Chinese: the original only', () => {
    expect(hoverWith({})).toEqual(hoverWith({ locale: 'zh-CN' }));
    expect(hoverWith({}, 'zh-cn')[1]).toBe(zh.definition.markdown);
    expect(hoverWith({}, 'zh-cn')).not.toContain(en.definition.markdown);
  });

  test('auto, and an English client: the translation first, labelled, then the original, labelled', () => {
    expect(hoverWith({}, 'en-US').slice(0, 5)).toEqual([
      '**Overfitted training run** · 炸炉',
      '*English · translated by SD Glossary (en)*',
      en.definition.markdown,
      '*原文 · original (zh-CN)*',
      zh.definition.markdown,
    ]);
  });

  test('auto with a language there is no translation for: the original', () => {
    expect(hoverWith({}, 'fr')).toEqual(hoverWith({ locale: 'zh-CN' }));
  });

  test('en: the translation only; both: the original, then the translation', () => {
    expect(hoverWith({ locale: 'en' }, 'zh-cn').slice(0, 3)).toEqual([
      '**Overfitted training run** · 炸炉',
      '*English · translated by SD Glossary (en)*',
      en.definition.markdown,
    ]);
    expect(hoverWith({ locale: 'en' }, 'zh-cn')).not.toContain(zh.definition.markdown);
    expect(hoverWith({ locale: 'both' }).slice(0, 4)).toEqual([
      '**炸炉** · Overfitted training run',
      zh.definition.markdown,
      '*English · translated by SD Glossary (en)*',
      en.definition.markdown,
    ]);
  });

  test('plain text labels the languages too', () => {
    expect(hoverWith({}, 'en', false).slice(0, 3)).toEqual([
      'Overfitted training run (炸炉)',
      '[English · translated by SD Glossary (en)]',
      en.definition.text,
    ]);
  });

  test('completion details follow the choice, and English headwords complete', () => {
    const { document, position } = at('overfit‸');
    const items = service.completion(document, position, false, {
      settings: parseSettings({ locale: 'en' }),
      markdown: true,
    })!.items;
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['overfit', getEntry('overfitting')!.translations!['en']!.summary],
      ['Overfitted training run', en.summary],
    ]);
  });
});

describe('terms and describe (Search Terms, Insert Term)', () => {
  const items = service.terms(md);

  test('one item per entry, headword as label, summary as detail', () => {
    expect(items).toHaveLength(glossary.index.entries.length);
    expect(items.find((i) => i.id === 'overtrained')).toEqual({
      id: 'overtrained',
      label: '炸炉',
      description: 'zhalu · zl',
      detail: getEntry('overtrained')!.summary,
    });
  });

  test('aliases, English names and pinyin are in the description, so a picker’s filter finds them', () => {
    expect(items.find((i) => i.id === 'dreambooth')!.description).toBe('梦展 · DreamBooth · mengzhan · mz');
  });

  test('the detail follows the language; the English headword is searchable too', () => {
    const english = service.terms(withSettings({ locale: 'en' })).find((i) => i.id === 'overtrained');
    expect(english).toEqual({
      id: 'overtrained',
      label: '炸炉',
      description: 'Overfitted training run · zhalu · zl',
      detail: getEntry('overtrained')!.translations!['en']!.summary,
    });
  });

  test('describe: the full hover markdown, even for a client that asked for plain summaries', () => {
    const summaryPlain = { settings: parseSettings({ hover: { verbosity: 'summary' } }), markdown: false };
    const markdown = service.describe('vae', summaryPlain)!;
    expect(markdown.split('\n\n')[0]).toBe(
      '**VAE** · Variational autoencoders · 变分自编码器 · Image Decoder · Autoencoder Decoder · variational autoencoder',
    );
    expect(markdown).toContain(
      '[变分自编码器](http://www.gwylab.com/note-vae.html) ' +
        '([Archive](https://web.archive.org/web/20221120160430/http://www.gwylab.com/note-vae.html))',
    );
    expect(markdown.endsWith('GFDL-1.3-or-later · © 2022 StableDiffusionBook')).toBe(true);
    expect(service.describe('no-such-term', md)).toBeUndefined();
  });
});

describe('long lines and large answers', () => {
  const line = 'masterpiece, (cherry tree:1.2), CFG scale 7, 炸炉, '.repeat(4_000);

  test('a long line is read in pieces cut after a space or comma, each near PIECE_LENGTH', () => {
    const starts = pieceStarts(line);
    expect(starts.length).toBeGreaterThan(line.length / PIECE_LENGTH);
    for (let k = 1; k < starts.length; k++) {
      expect(starts[k]! - starts[k - 1]!).toBeLessThanOrEqual(PIECE_LENGTH);
      expect(' ,').toContain(line[starts[k]! - 1]);
    }
    expect(pieceStarts('x'.repeat(PIECE_LENGTH))).toEqual([0]);
    expect(pieceStarts('x'.repeat(PIECE_LENGTH + 1))).toEqual([0, PIECE_LENGTH]);
  });

  test('hover and completion far into a long line answer at the right place', () => {
    const far = line.lastIndexOf('CFG');
    const { document, position } = at(`${line.slice(0, far)}‸${line.slice(far)}`, 'sd-prompt');
    const hover = service.hover(document, position, md)!;
    expect(hover.range).toEqual({ start: { line: 0, character: far }, end: { line: 0, character: far + 9 } });
    const typed = at(`${line.slice(0, far)}zl‸`, 'sd-prompt');
    const items = service.completion(typed.document, typed.position, true, md)!.items;
    expect(items[0]!.label).toBe('炸炉');
    expect(items[0]!.textEdit).toEqual({
      range: { start: { line: 0, character: far }, end: { line: 0, character: far + 2 } },
      newText: '炸炉',
    });
  });

  test('document symbols list at most MAX_SYMBOL_USES uses, from the top', () => {
    const { document } = at(`‸${line}`, 'sd-prompt');
    const symbols = service.documentSymbols(document, md);
    const uses = symbols.flatMap((s) => s.children!);
    expect(uses).toHaveLength(MAX_SYMBOL_USES);
    expect(uses.map((u) => u.range.start.character).sort((a, b) => a - b)[0]).toBe(line.indexOf('('));
  });
});
