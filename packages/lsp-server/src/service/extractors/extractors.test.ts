import { describe, expect, test } from 'vitest';
import { extractorFor } from './index.js';
import { subtract } from './regions.js';

/** The text of each region, for readable expectations. */
const read = (languageId: string, line: string): string[] =>
  extractorFor(languageId)(line).map((r) => line.slice(r.start, r.end));

describe('extractors', () => {
  test.each<[string, string, string[]]>([
    ['json', '{"cfg_scale": 7, "vae": "ft-mse"}', ['cfg_scale', 'vae', 'ft-mse']],
    ['json', '{"a\\"b": "c"} // note', ['a\\"b', 'c', ' note']],
    ['jsonc', '/* VAE */ {"x": 1}', [' VAE ', 'x']],
    ['json', '{"unterminated', ['unterminated']],
    ['json', '{"url": "https://example.com/vae"}', ['url']],
    ['markdown', 'see [the paper](https://arxiv.org/abs/2207.12598 "CFG") now', ['see [the paper', ' now']],
    ['markdown', '[cfg]: https://example.com/cfg', []],
    ['markdown', 'a <span class="vae">VAE</span> b', ['a ', 'VAE', ' b']],
    ['markdown', 'auto <https://example.com> link', ['auto ', ' link']],
    ['toml', 'vae = "x" # https://example.com', ['vae = "x" # ']],
    ['sd-prompt', '(vae:1.2), <lora:x:0.8>', ['(vae:1.2), <lora:x:0.8>']],
    ['unknown-language', 'anything', ['anything']],
  ])('%s: %s', (languageId, line, regions) => {
    expect(read(languageId, line)).toEqual(regions);
  });

  test('subtract', () => {
    expect(
      subtract(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [{ start: 5, end: 25 }],
      ),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 25, end: 30 },
    ]);
    expect(subtract([{ start: 0, end: 10 }], [])).toEqual([{ start: 0, end: 10 }]);
  });
});
