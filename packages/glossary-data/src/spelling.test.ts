import { describe, expect, test } from 'vitest';
import { createGlossaryIndex } from './glossary-index.js';
import { glossary } from './index.js';
import { findDiscouraged, fixDiscouraged } from './spelling.js';

const index = createGlossaryIndex(glossary);
const NOTE = [
  'Trained a Lora with Dreambooth; LoRA and DreamBooth are fine.',
  '`--lora_dim` and `lora` in code stay, as does this block:',
  '~~~',
  'train_dreambooth.py --lora',
  '~~~',
  'A lora again.\r\nlast',
].join('\n');

describe('findDiscouraged', () => {
  test('finds discouraged spellings as written, code aside in markdown', () => {
    expect(
      findDiscouraged(index, NOTE, true).map((u) => [u.line, u.character, u.end, u.text, u.preferred, u.id]),
    ).toEqual([
      [0, 10, 14, 'Lora', 'LoRA', 'lora'],
      [0, 20, 30, 'Dreambooth', 'DreamBooth', 'dreambooth'],
      [5, 2, 6, 'lora', 'LoRA', 'lora'],
    ]);
  });

  test('in plain text every line is prose', () => {
    expect(findDiscouraged(index, NOTE, false).map((u) => `${u.line}:${u.text}`)).toEqual([
      '0:Lora',
      '0:Dreambooth',
      '1:lora',
      '1:lora',
      '3:dreambooth',
      '3:lora',
      '5:lora',
    ]);
  });

  test('fixDiscouraged writes the preferred spellings and keeps every line break', () => {
    const fixed = fixDiscouraged(NOTE, findDiscouraged(index, NOTE, true));
    expect(fixed).toBe(
      NOTE.replace('a Lora with Dreambooth', 'a LoRA with DreamBooth').replace('A lora again', 'A LoRA again'),
    );
    expect(findDiscouraged(index, fixed, true)).toEqual([]);
    expect(fixDiscouraged('clean', [])).toBe('clean');
  });
});
