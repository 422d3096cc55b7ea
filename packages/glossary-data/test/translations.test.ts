/** The English translation: complete, and faithful in what can be checked mechanically. */
import { describe, expect, test } from 'vitest';
import { entries, getEntry, glossary, localize, search } from '../src/index.js';

const codeSpans = (markdown: string): string[] => [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).sort();
const fences = (markdown: string): string[] =>
  [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => `${m[1]}:${m[2]}`);
const listItems = (markdown: string): number => markdown.split('\n').filter((l) => /^\s*[-*+] /.test(l)).length;
const quoteLines = (markdown: string): number => markdown.split('\n').filter((l) => l.startsWith('>')).length;
const urls = (markdown: string): string[] =>
  [...markdown.matchAll(/https?:\/\/[^\s)<>]+(?:\([^\s)]*\))?[^\s)<>*]*/g)].map((m) => m[0]).sort();

describe('the English translation', () => {
  test('is declared, with its notice', () => {
    expect(glossary.translations).toEqual([expect.objectContaining({ locale: 'en', file: 'source/glossary.en.md' })]);
    expect(glossary.translations![0]!.notice).toContain('GNU Free Documentation License');
  });

  test.each(entries.map((e) => [e.id, e] as const))(
    '%s: translated, with the original’s links, code, lists and quotes',
    (_, entry) => {
      const en = entry.translations?.['en'];
      expect(en).toBeDefined();
      expect(en!.headword).toMatch(/^[\x20-\x7E]+$/);
      // Chinese only where the original's code is (a UI label such as `Batch Count（生成批次）`), kept as it is.
      const prose = en!.definition.markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]+`/g, '');
      expect(prose).not.toMatch(/\p{Script=Han}{3,}/u);
      for (const [original, translated] of [
        [entry.definition, en!.definition],
        ...(entry.gloss ? [[entry.gloss, en!.gloss!]] : []),
      ] as const) {
        expect(codeSpans(translated.markdown)).toEqual(codeSpans(original.markdown));
        expect(fences(translated.markdown)).toEqual(fences(original.markdown));
        expect(listItems(translated.markdown)).toBe(listItems(original.markdown));
        expect(quoteLines(translated.markdown)).toBe(quoteLines(original.markdown));
        expect(urls(translated.markdown)).toEqual(urls(original.markdown));
      }
    },
  );

  test('explains the jargon instead of transliterating it', () => {
    expect(getEntry('overtrained')!.translations!['en']!.headword).toBe('Overfitted training run');
    expect(getEntry('overtrained')!.translations!['en']!.definition.text).toContain('overfits');
    expect(getEntry('failed-training')!.translations!['en']!.headword).toBe('Failed training run');
  });
});

describe('localize', () => {
  test.each<[string | undefined, string, boolean]>([
    [undefined, 'zh-CN', false],
    ['zh-CN', 'zh-CN', false],
    ['zh-TW', 'zh-CN', false],
    ['en', 'en', true],
    ['en-US', 'en', true],
    ['EN', 'en', true],
    ['fr', 'zh-CN', false],
  ])('%s → %s', (locale, expected, translated) => {
    const text = localize(getEntry('overtrained')!, locale);
    expect([text.locale, text.translated]).toEqual([expected, translated]);
    expect(text.headword).toBe(translated ? 'Overfitted training run' : '炸炉');
  });

  test('carries the gloss of merged entries', () => {
    expect(localize(getEntry('ldm')!, 'en').gloss?.text).toBe('Latent Diffusion Model');
    expect(localize(getEntry('ldm')!).gloss?.text).toBe('Latent Diffusion Model 潜在扩散模型');
  });
});

test('search finds entries by their English headword: overfit → 过拟合 and 炸炉', () => {
  expect(search('overfit').map((r) => [r.entry.headword, r.form])).toEqual([
    ['过拟合', 'overfit'],
    ['炸炉', 'Overfitted training run'],
  ]);
});
