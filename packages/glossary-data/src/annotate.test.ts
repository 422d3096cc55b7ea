import { describe, expect, test } from 'vitest';
import { createAnnotator, type AnnotatorOptions } from './annotate.js';
import type { Glossary } from './glossary-types.js';
import { getEntry, glossary } from './index.js';

const pieces = (options: AnnotatorOptions, ...texts: string[]) => {
  const annotator = createAnnotator(options);
  return texts.map((text) => annotator.annotate(text).map((a) => [a.text, a.entry.id, a.start, a.end]));
};

describe('createAnnotator', () => {
  test('explains the first use of each entry in a document, across its pieces of text', () => {
    expect(pieces({ glossaries: [glossary] }, '模型炸炉了，CFG 太高', '又炸炉了；CFG Scale 调低', 'VAE')).toEqual([
      [
        ['炸炉', 'overtrained', 2, 4],
        ['CFG', 'cfg', 6, 9],
      ],
      [],
      [['VAE', 'vae', 0, 3]],
    ]);
  });

  test('everyUse explains each use', () => {
    expect(pieces({ glossaries: [glossary], everyUse: true }, 'CFG and cfg scale', 'CFG')).toEqual([
      [
        ['CFG', 'cfg', 0, 3],
        ['cfg scale', 'cfg', 8, 17],
      ],
      [['CFG', 'cfg', 0, 3]],
    ]);
  });

  test('summaries in the chosen language, the source text without one', () => {
    const [zh] = createAnnotator({ glossaries: [glossary] }).annotate('VAE');
    const [en] = createAnnotator({ glossaries: [glossary], locale: 'en' }).annotate('VAE');
    expect(zh!.summary).toBe(getEntry('vae')!.summary);
    expect(en!.summary).toBe(getEntry('vae')!.translations!['en']!.summary);
  });

  test('the glossary listed first wins where two name the same text; longer matches win over it', () => {
    const ours: Glossary = {
      ...glossary,
      entries: [
        { ...getEntry('cfg')!, id: 'our-cfg', summary: '我们固定用 7', forms: [{ ...getEntry('cfg')!.forms[0]! }] },
      ],
    };
    const found = createAnnotator({ glossaries: [ours, glossary], everyUse: true }).annotate('CFG, CFG Scale');
    expect(found.map((a) => [a.text, a.entry.id, a.summary])).toEqual([
      ['CFG', 'our-cfg', '我们固定用 7'],
      ['CFG Scale', 'cfg', getEntry('cfg')!.summary],
    ]);
  });
});
