import { describe, expect, test } from 'vitest';
import { findTerms, isInfotext } from './index.js';

const hits = (text: string, sd?: boolean): string[][] =>
  findTerms(text, sd === undefined ? undefined : { sd }).map((m) => [m.text, m.ids.join('+')]);

describe('everyday words are terms only where the text is about SD', () => {
  test.each([
    'Follow these steps to install the app.',
    'The seed of a plant grows in spring.',
    'The file size is 2 MB.',
    'Increase the strength of the mixture.',
    'Open the db connection, then the ti file.',
    'SD card full',
    '这份种子名单和尺寸表',
  ])('ordinary prose: %s', (text) => {
    expect(hits(text)).toEqual([]);
  });

  test.each([
    [
      'Set steps to 30 and CFG to 7.',
      [
        ['steps', 'sampling-steps'],
        ['CFG', 'cfg'],
      ],
    ],
    [
      '用 db 训练的模型炸炉了',
      [
        ['db', 'dreambooth'],
        ['炸炉', 'overtrained'],
      ],
    ],
    [
      '把种子固定，再调 CFG',
      [
        ['种子', 'seed'],
        ['CFG', 'cfg'],
      ],
    ],
  ])('a sentence that also names another term: %s', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  test('only the sentence with the other term counts', () => {
    expect(hits('Follow these steps. Then raise the CFG.')).toEqual([['CFG', 'cfg']]);
  });

  test('an A1111 infotext line', () => {
    const line = 'Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234, Size: 512x768';
    expect(isInfotext(line)).toBe(true);
    expect(isInfotext('Negative prompt: lowres, bad anatomy')).toBe(true);
    expect(isInfotext('Steps: first, open the box')).toBe(false);
    expect(hits(line).map(([text]) => text)).toEqual([
      'Steps',
      'Sampler',
      'DPM++ 2M',
      'Schedule type',
      'Karras',
      'CFG scale',
      'Seed',
      'Size',
    ]);
  });

  test('beside another form of its own entry: the page’s short forms', () => {
    expect(hits('hn / hyper')).toEqual([
      ['hn', 'hypernetwork'],
      ['hyper', 'hypernetwork'],
    ]);
    expect(hits('美学/ext')).toEqual([
      ['美学', 'aesthetic-embeddings'],
      ['ext', 'aesthetic-embeddings'],
    ]);
    expect(hits('file.ext and hn')).toEqual([]);
  });

  test('an everyday word inside a name is part of the name, even in SD text', () => {
    expect(hits('"beta_end": 0.012, "scheduler": "beta"', true)).toEqual([
      ['scheduler', 'sampler+schedule-type'],
      ['beta', 'beta-scheduler'],
    ]);
    expect(hits('CheckpointLoaderSimple strength_model sd-vae', true)).toEqual([
      ['Checkpoint', 'checkpoint'],
      ['vae', 'vae'],
    ]);
    expect(hits('种子固定为 1234，CFG 为 7')).toEqual([
      ['种子', 'seed'],
      ['CFG', 'cfg'],
    ]);
  });

  test('a text said to be about SD (a prompt file, an SD config) has them everywhere', () => {
    expect(hits('steps = 30', true)).toEqual([['steps', 'sampling-steps']]);
    expect(hits('steps = 30', false)).toEqual([]);
    expect(findTerms('seed: 42')[0]).toBeUndefined();
    expect(findTerms('seed: 42', { sd: true })[0]).toMatchObject({ text: 'seed', ids: ['seed'], context: true });
  });
});

describe('a term inside a longer ordinary word', () => {
  test.each([
    ['嵌入式系统', []],
    ['嵌入模型', [['嵌入模型', 'textual-inversion']]],
    ['把输出图像保存', []],
    ['迭代器', []],
    ['迭代次数', [['迭代', 'iteration']]],
    ['修补程序', []],
  ])('Chinese: %s', (text, expected) => {
    expect(hits(text, true)).toEqual(expected);
  });

  test('Latin: a change between letters and digits splits a token, a letter run stays whole', () => {
    expect(hits('AdamW8bit')).toEqual([
      ['AdamW', 'optimizer'],
      ['8bit', 'bitsandbytes'],
    ]);
    expect(hits('UNet2DConditionModel')).toEqual([['UNet', 'unet']]);
    expect(hits('dpm_2 and DPM 2')).toEqual([
      ['dpm_2', 'dpm2'],
      ['DPM 2', 'dpm2'],
    ]);
    expect(hits('bitsandbytes8')).toEqual([['bitsandbytes', 'bitsandbytes']]);
    expect(hits('myvae')).toEqual([]);
  });
});
