import { describe, expect, test } from 'vitest';
import {
  CJK,
  DIGIT,
  LOWER,
  SEPARATOR,
  UPPER,
  charKind,
  classify,
  foldWidth,
  foldWidthText,
  formKeys,
  singulars,
  tokenize,
} from './tokenize.js';

describe('classify', () => {
  test.each([
    ['A', UPPER],
    ['z', LOWER],
    ['7', DIGIT],
    ['_', SEPARATOR],
    ['é', LOWER],
    ['ж', LOWER],
    ['炸', CJK],
    ['カ', CJK],
    ['한', CJK],
    ['，', SEPARATOR],
    ['。', SEPARATOR],
    ['\uD83D', SEPARATOR],
  ])('%s', (char, cls) => {
    expect(classify(char.charCodeAt(0))).toBe(cls);
  });
});

describe('tokenize', () => {
  test.each([
    ['cfg_scale', ['cfg', 'scale']],
    ['CFG scale', ['cfg', 'scale']],
    ['batchSize', ['batch', 'size']],
    ['CLIPTextEncode', ['clip', 'text', 'encode']],
    ['VAEDecode', ['vae', 'decode']],
    ['VAEs', ['vaes']],
    ['LoRAs', ['lo', 'ras']],
    ['sd-vae-ft-mse', ['sd', 'vae', 'ft', 'mse']],
    ['txt2img', ['txt', '2', 'img']],
    ['AdamW8bit', ['adam', 'w', '8', 'bit']],
    ['SDXL1', ['sdxl', '1']],
    ['naïve', ['naïve']],
    ['用db训练', ['db']],
    ['', []],
  ])('%s', (text, tokens) => {
    expect(tokenize(text).map((t) => t.folded)).toEqual(tokens);
  });

  test('offsets are UTF-16 and skip emoji', () => {
    expect(tokenize('😀CFG')).toEqual([{ start: 2, end: 5, folded: 'cfg' }]);
  });
});

describe('formKeys', () => {
  test.each([
    ['DreamBooth', ['dream booth', 'dreambooth']],
    ['Batch size', ['batch size', 'batchsize']],
    ['cfg', ['cfg']],
    ['炸 炉', ['炸炉']],
    ['---', []],
    // Full-width and ASCII punctuation give the same key.
    ['局部重绘，一种', ['局部重绘,一种']],
    ['局部重绘, 一种', ['局部重绘,一种']],
    ['文本转图像（txt2img）', ['文本转图像(txt2img)']],
  ])('%s', (form, keys) => {
    expect(formKeys(form)).toEqual(keys);
  });
});

describe('foldWidth', () => {
  test.each([
    ['，', ','],
    ['（', '('],
    ['）', ')'],
    ['：', ':'],
    ['；', ';'],
    ['！', '!'],
    ['～', '~'],
    ['\u3000', ' '],
    ['。', '。'], // no ASCII twin (NFKC keeps it too)
    ['、', '、'],
    [',', ','],
    ['炸', '炸'],
  ])('%j → %j', (full, ascii) => {
    expect(String.fromCharCode(foldWidth(full.charCodeAt(0)))).toBe(ascii);
    expect(full.normalize('NFKC')).toBe(ascii);
  });

  test('foldWidthText keeps length and offsets', () => {
    const text = '过度拟合，但（炸炉）：';
    expect(foldWidthText(text)).toBe('过度拟合,但(炸炉):');
    expect(foldWidthText(text)).toHaveLength(text.length);
  });
});

describe('singulars', () => {
  test.each([
    ['epochs', ['epoch']],
    ['batches', ['batch', 'batche']],
    ['entries', ['entry', 'entrie']],
    ['vaes', ['vae']],
    ['class', []],
    ['ds', []],
    ['cfg', []],
  ])('%s', (token, out) => {
    expect(singulars(token)).toEqual(out);
  });
});

describe('charKind', () => {
  test.each([
    ['a', 'latin'],
    ['7', 'latin'],
    ['é', 'latin'],
    ['炸', 'cjk'],
    ['_', 'separator'],
    ['，', 'separator'],
  ])('%s', (char, kind) => {
    expect(charKind(char.charCodeAt(0))).toBe(kind);
  });

  test('past the end of a string', () => {
    expect(charKind(''.charCodeAt(0))).toBe('separator');
  });
});
