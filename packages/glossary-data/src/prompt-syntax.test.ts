import { describe, expect, test } from 'vitest';
import { createGlossaryIndex, findTerms, glossary } from './index.js';

const hits = (text: string): string[][] => findTerms(text, { prompt: true }).map((m) => [m.text, m.ids.join('+')]);

describe('prompt syntax names its entries', () => {
  test.each([
    ['<lora:add_detail:0.8>', [['<lora:add_detail:0.8>', 'lora']]],
    ['<lyco:style:1>', [['<lyco:style:1>', 'lycoris']]],
    ['<hypernet:anime:0.5>', [['<hypernet:anime:0.5>', 'hypernetwork']]],
    ['embedding:EasyNegative', [['embedding:EasyNegative', 'textual-inversion']]],
    ['(best quality:1.2)', [['(best quality:1.2)', 'emphasis']]],
    ['{smile}', [['{smile}', 'emphasis']]],
    ['[fantasy:cyberpunk:16]', [['[fantasy:cyberpunk:16]', 'prompt-editing']]],
    ['[to:0.5]', [['[to:0.5]', 'prompt-editing']]],
    ['[from::10]', [['[from::10]', 'prompt-editing']]],
    ['[cat|dog]', [['[cat|dog]', 'alternating-words']]],
    ['__season__', [['__season__', 'wildcards']]],
    ['{summer|winter}', [['{summer|winter}', 'wildcards']]],
    ['a cat AND a dog', [['AND', 'composable-diffusion']]],
    ['1girl BREAK sky', [['BREAK', 'break']]],
  ])('%s', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  test('a term inside a construct keeps its place; the construct is the rest', () => {
    expect(hits('(lora:1.1)')).toEqual([
      ['(', 'emphasis'],
      ['lora', 'lora'],
      [':1.1)', 'emphasis'],
    ]);
  });

  test('nothing of it outside a prompt, and lower-case words are no keywords', () => {
    expect(findTerms('(see note:1.2) and [a|b]')).toEqual([]);
    expect(hits('and then break')).toEqual([]);
  });

  test('a glossary without the entries names none', () => {
    const other = createGlossaryIndex({ ...glossary, entries: glossary.entries.filter((e) => e.id === 'cfg') });
    expect(other.findTerms('(CFG:1.2) <lora:x:1>', { prompt: true }).map((m) => m.text)).toEqual(['CFG']);
  });
});
