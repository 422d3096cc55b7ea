/**
 * The dictionary in the real cspell CLI, as a user sets it up: a config that imports
 * `@sd-glossary/cspell-dict/cspell-ext.json`, run over a Chinese and English training note.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// cspell's package exports its bin for `import` only; pnpm links the package here.
const CSPELL = fileURLToPath(new URL('../node_modules/cspell/bin.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url));

/** The unknown or flagged words cspell reports in the note, once each, in order. */
function unknownWords(config: string): string[] {
  const args = ['lint', '--no-progress', '--no-summary', '--no-cache', '--words-only', '--unique'];
  const result = spawnSync(process.execPath, [CSPELL, ...args, '--config', config, 'note.md'], {
    cwd: FIXTURES,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(result.stdout ? 1 : 0);
  return result.stdout.split('\n').filter(Boolean);
}

test('without the dictionary, cspell reports the jargon as unknown words', () => {
  expect(unknownWords('cspell.without.json')).toEqual([
    'ckpt',
    'ENSD',
    'hypernetwork',
    'bitsandbytes',
    'inpainting',
    'LAION',
    'trainning',
  ]);
});

test('with the dictionary imported, only the real misspelling is left', () => {
  expect(unknownWords('cspell.with.json')).toEqual(['trainning']);
});

test('cspell never checks Chinese: a flagged Chinese word is not reported, a flagged English one is', () => {
  // cspell blanks out Han, kana and hangul before it splits a text into words, so 炸炉 and 废丹 in the
  // note are never unknown, with or without a dictionary; the word list leaves them out.
  expect(unknownWords('cspell.flag-cjk.json')).toEqual([
    'ckpt',
    'ENSD',
    'hypernetwork',
    'epoch',
    'bitsandbytes',
    'inpainting',
    'LAION',
    'trainning',
  ]);
});
