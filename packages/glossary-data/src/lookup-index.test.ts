import { describe, expect, test } from 'vitest';
import { getEntry, lookup } from './index.js';

const ids = (surface: string): string[] => lookup(surface).map((e) => e.id);

describe('lookup', () => {
  test.each([
    ['CFG', ['cfg']],
    ['cfg', ['cfg']],
    ['cfg_scale', ['cfg']],
    ['CFG Scale', ['cfg']],
    ['cfgScale', ['cfg']],
    ['cfg-scale', ['cfg']],
    ['dreambooth', ['dreambooth']],
    ['Dream Booth', ['dreambooth']],
    ['dreamBooth', ['dreambooth']],
    ['VAEs', ['vae']],
    ['checkpoints', ['checkpoint']],
    ['batch_size', ['batch-size']],
    ['炸炉', ['overtrained']],
    [' 炸 炉 ', ['overtrained']],
    ['损失', ['loss']],
    ['损失函数', ['loss-function']],
    ['embedding', ['embeddings', 'textual-inversion']],
    ['Embeddings', ['embeddings']],
    ['hyper', ['hypernetwork']],
    ['ext', ['aesthetic-embeddings']],
  ])('%s', (surface, expected) => {
    expect(ids(surface)).toEqual(expected);
  });

  test.each(['', '   ', 'nothing', 'html', '炸', 'cfgs scale'])('%j finds nothing', (surface) => {
    expect(lookup(surface)).toEqual([]);
  });

  test('results are copies: changing one does not change the index', () => {
    lookup('cfg').pop();
    expect(ids('cfg')).toEqual(['cfg']);
  });
});

describe('getEntry', () => {
  test('by id', () => {
    expect(getEntry('overtrained')?.headword).toBe('炸炉');
  });
  test('unknown id', () => {
    expect(getEntry('nope')).toBeUndefined();
  });
});
