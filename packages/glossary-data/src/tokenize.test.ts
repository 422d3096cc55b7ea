import { describe, expect, test } from 'vitest';
import { CJK, DIGIT, LOWER, SEPARATOR, UPPER, charKind, classify, formKeys, singulars, tokenize } from './tokenize.js';

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
    ['txt2img', ['txt2img']],
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
  ])('%s', (form, keys) => {
    expect(formKeys(form)).toEqual(keys);
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
