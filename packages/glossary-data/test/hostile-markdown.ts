/** Random glossary pages made of pieces that have crashed or stalled markdown readers, for property tests. */
import fc from 'fast-check';

const piece = fc.constantFrom(
  '>',
  '> ',
  '- ',
  '  - ',
  '1. ',
  '*',
  '_',
  '**',
  '~~',
  '*a _',
  '_ a*',
  '[',
  ']',
  '(',
  ')',
  '[a](',
  '![',
  '|',
  ' x |',
  '| a | b |\n',
  '| --- | --- |\n',
  '`',
  '<',
  '<!--',
  '&#x3C;',
  '&amp;',
  '\\',
  '\\*',
  'www.',
  'http://a.b ',
  '[^a]: ',
  '---\n',
  '## 炸炉\n',
  '\n',
  '\n\n',
  ' ',
  'a',
  '炸炉',
  '过拟合 (Overfitting)',
);
/** A piece, or one repeated up to 5 000 times. */
const run = fc.tuple(piece, fc.integer({ min: 1, max: 5000 })).map(([text, times]) => text.repeat(times));
/** A page: a heading, then up to eight pieces and runs. */
export const hostilePage = fc
  .array(fc.oneof(run, piece), { minLength: 1, maxLength: 8 })
  .map((parts) => `## 术语\n\n${parts.join('')}`);
