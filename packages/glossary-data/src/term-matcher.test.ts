import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findTerms } from './index.js';
import { createTermMatcher } from './term-matcher.js';
import { CJK, classify, foldWidthText, tokenize } from './tokenize.js';

const hits = (text: string): Array<[string, string]> => findTerms(text).map((m) => [m.text, m.ids.join('+')]);

describe('built-in terms in running text', () => {
  test.each<[string, Array<[string, string]>]>([
    ['cfg_scale = 7', [['cfg_scale', 'cfg']]],
    [
      'CFG scale: 7, Clip skip: 2, ENSD: 31337',
      [
        ['CFG scale', 'cfg'],
        ['Clip skip', 'clip'],
        ['ENSD', 'ensd'],
      ],
    ],
    ['clip_skip = 2', [['clip_skip', 'clip']]],
    // ComfyUI's text-encoding node: the book calls CLIP's text half ClipText.
    ['CLIPTextEncode', [['CLIPText', 'text-encoder']]],
    ['VAEDecode', [['VAE', 'vae']]],
    // `sd` is an everyday form, and here part of a name.
    ['sd-vae-ft-mse', [['vae', 'vae']]],
    ['train_batch_size = 4', [['batch_size', 'batch-size']]],
    ['batchSize', [['batchSize', 'batch-size']]],
    ['max_train_epochs = 10', [['epochs', 'epoch']]],
    [
      'two VAEs and three checkpoints',
      [
        ['VAEs', 'vae'],
        ['checkpoints', 'checkpoint'],
      ],
    ],
    [
      'DreamBooth, dreambooth, Dream-Booth',
      [
        ['DreamBooth', 'dreambooth'],
        ['dreambooth', 'dreambooth'],
        ['Dream-Booth', 'dreambooth'],
      ],
    ],
    ['NovelAI leaked', [['NovelAI', 'novelai']]],
    ['Classifier Free Guidance Scale', [['Classifier Free Guidance Scale', 'cfg']]],
    ['an embedding file', [['embedding', 'embeddings+textual-inversion']]],
    ['Aesthetic Embeddings', [['Aesthetic Embeddings', 'aesthetic-embeddings']]],
    [
      'txt2img and img2img',
      [
        ['txt2img', 'txt2img'],
        ['img2img', 'img2img'],
      ],
    ],
    [
      '8bit Adam',
      [
        ['8bit', 'bitsandbytes'],
        ['Adam', 'optimizer'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  test.each([
    'html',
    'mongodb',
    'extension',
    'tiny',
    'naive',
    'clipboard',
    'August',
    'emblem',
    'hyper detailed',
    'file.ext',
    'classes',
  ])('%s stays clean', (text) => {
    expect(findTerms(text)).toEqual([]);
  });

  test('Chinese forms match as substrings, longest first', () => {
    expect(hits('损失函数不等于损失，炸炉了就是过度拟合')).toEqual([
      ['损失函数', 'loss-function'],
      ['损失', 'loss'],
      ['炸炉', 'overtrained'],
      ['过度拟合', 'overfitting'],
    ]);
  });

  test('Latin right after Chinese, with no space', () => {
    expect(hits('用db训练的模型炸炉了')).toEqual([
      ['db', 'dreambooth'],
      ['炸炉', 'overtrained'],
    ]);
  });

  test('offsets are UTF-16 code units: an emoji before a term does not shift it', () => {
    const [match] = findTerms('😀 CFG');
    expect(match).toEqual({ start: 3, end: 6, text: 'CFG', ids: ['cfg'] });
  });

  test('a multi-word term does not span a comma or a newline', () => {
    expect(hits('batch, size')).toEqual([]);
    expect(hits('CFG\nscale')).toEqual([['CFG', 'cfg']]);
  });
});

describe('createTermMatcher', () => {
  test('shared forms carry every id, in the order given', () => {
    const matcher = createTermMatcher([
      { text: 'Foo Bar', id: 'a' },
      { text: 'foo', id: 'b' },
      { text: 'foo', id: 'c' },
    ]);
    expect(matcher.findAll('foo_bar foo')).toEqual([
      { start: 0, end: 7, text: 'foo_bar', ids: ['a'] },
      { start: 8, end: 11, text: 'foo', ids: ['b', 'c'] },
    ]);
  });

  test('long tokens and long texts (buffers grow)', () => {
    const long = 'supercalifragilisticexpialidociousness';
    const matcher = createTermMatcher([
      { text: long, id: 'long' },
      { text: 'cfg', id: 'cfg' },
    ]);
    expect(matcher.findAll(`a ${long.toUpperCase()} b`)).toEqual([
      { start: 2, end: 2 + long.length, text: long.toUpperCase(), ids: ['long'] },
    ]);
    const many = matcher.findAll('cfg '.repeat(1000));
    expect(many).toHaveLength(1000);
    expect(many[999]).toEqual({ start: 3996, end: 3999, text: 'cfg', ids: ['cfg'] });
    expect(matcher.findAll('cfg')).toHaveLength(1);
  });

  test('forms mixing Chinese and Latin letters are skipped', () => {
    expect(createTermMatcher([{ text: 'eta 噪声', id: 'x' }]).findAll('eta 噪声')).toEqual([]);
  });
});

describe('full-width and ASCII punctuation are alike', () => {
  const matcher = createTermMatcher([
    { text: '局部重绘，一种', id: 'zh-full' },
    { text: '提示词组合,念咒', id: 'zh-ascii' },
    { text: 'aug (augmentaion)', id: 'latin-ascii' },
    { text: 'Steps：28', id: 'latin-full' },
    { text: '（嵌入）', id: 'edges' },
  ]);
  const found = (text: string): Array<[string, string]> => matcher.findAll(text).map((m) => [m.text, m.ids.join('+')]);

  test.each<[string, Array<[string, string]>]>([
    // A form with full-width punctuation, in text with either.
    ['局部重绘，一种方法', [['局部重绘，一种', 'zh-full']]],
    ['局部重绘,一种方法', [['局部重绘,一种', 'zh-full']]],
    ['局部重绘, 一种方法', [['局部重绘, 一种', 'zh-full']]],
    ['局部重绘 ，一种方法', [['局部重绘 ，一种', 'zh-full']]],
    // And the reverse: an ASCII form, full-width text.
    ['提示词组合，念咒', [['提示词组合，念咒', 'zh-ascii']]],
    ['提示词组合, 念咒', [['提示词组合, 念咒', 'zh-ascii']]],
    ['aug（augmentaion）', [['aug（augmentaion', 'latin-ascii']]],
    ['aug (augmentaion)', [['aug (augmentaion', 'latin-ascii']]],
    ['AUG(augmentaion)', [['AUG(augmentaion', 'latin-ascii']]],
    ['Steps: 28, Sampler: Euler a', [['Steps: 28', 'latin-full']]],
    ['Steps：28', [['Steps：28', 'latin-full']]],
    // Punctuation at a form's ends is not part of it.
    ['（嵌入）', [['嵌入', 'edges']]],
    ['嵌入', [['嵌入', 'edges']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    '局部重绘一种', // the form's comma is missing
    '局部重绘。一种', // another mark is not a comma
    '局部重绘,\n一种', // a term does not span a line break
    '局部重绘,    一种', // nor a long run of spaces
    'aug augmentaion',
    'aug, augmentaion',
    'Steps 28',
  ])('%j: no match', (text) => {
    expect(matcher.findAll(text)).toEqual([]);
  });

  test('the built-in terms: full-width text reads as the same text in ASCII', () => {
    const full = 'CFG scale：7，Clip skip：2（ENSD：31337）；炸炉，废丹';
    const strip = (t: string): unknown[] => findTerms(t).map(({ start, end, ids }) => [start, end, ids]);
    expect(strip(full)).toEqual(strip(foldWidthText(full)));
    expect(hits(full)).toEqual([
      ['CFG scale', 'cfg'],
      ['Clip skip', 'clip'],
      ['ENSD', 'ensd'],
      ['炸炉', 'overtrained'],
      ['废丹', 'failed-training'],
    ]);
  });

  test('property: folding full-width punctuation to ASCII changes no hit', () => {
    const unit = fc.constantFrom(
      ...['局', '部', '重', '绘', '一', '种', '提', '示', '词', '组', '合', '念', '咒', '嵌', '入'],
      ...['aug', 'augmentaion', 'Steps', '28', ' ', '  ', '\n'],
      ...[',', '，', '(', '（', ')', '）', ':', '：', ';', '；', '　', '。'],
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        const strip = (t: string): unknown[] => matcher.findAll(t).map(({ start, end, ids }) => [start, end, ids]);
        expect(strip(text)).toEqual(strip(foldWidthText(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties', () => {
  const matcher = createTermMatcher([
    { text: 'CFG', id: 'cfg' },
    { text: 'CFG Scale', id: 'cfg' },
    { text: 'a', id: 'a' },
    { text: 'ab', id: 'ab' },
    { text: '损失', id: 'loss' },
    { text: '损失函数', id: 'loss-function' },
  ]);
  const alphabet = fc.constantFrom(
    'a',
    'b',
    'A',
    'B',
    'C',
    'F',
    'G',
    'c',
    'f',
    'g',
    's',
    ' ',
    '_',
    '-',
    '.',
    ',',
    '\n',
    '损',
    '失',
    '函',
    '数',
    '😀',
    'é',
    '1',
  );
  const texts = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: alphabet, maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
  );

  test('never throws; hits are in bounds, ordered, non-overlapping and equal to their text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        let last = 0;
        for (const m of findTerms(text).concat(matcher.findAll(text))) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.ids.length).toBeGreaterThan(0);
        }
        for (const m of matcher.findAll(text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('Latin hits start and end on token boundaries; CJK hits are all CJK', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = tokenize(text);
        const starts = new Set(tokens.map((t) => t.start));
        const ends = new Set(tokens.map((t) => t.end));
        for (const m of matcher.findAll(text)) {
          if (classify(text.charCodeAt(m.start)) === CJK) {
            for (let i = m.start; i < m.end; i++) expect(classify(text.charCodeAt(i))).toBe(CJK);
          } else {
            expect(starts.has(m.start)).toBe(true);
            expect(ends.has(m.end)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
