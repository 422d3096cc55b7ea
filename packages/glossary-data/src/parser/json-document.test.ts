import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { GlossaryEntry } from '../glossary-types.js';
import { formatIssue } from './issues.js';
import { validateGlossaryJson } from './json-document.js';

const builtIn = readFileSync(new URL('../../glossary.json', import.meta.url), 'utf8');
const check = (text: string): string[] => validateGlossaryJson(text, 'g.json').issues.map(formatIssue);

/** A valid entry, its definition given. */
function entry(id: string, definition: string): GlossaryEntry {
  return {
    id,
    headword: id,
    category: 'jargon',
    forms: [{ text: id, kind: 'headword', origin: 'page' }],
    summary: id,
    definition: { markdown: definition, text: definition },
    links: [],
    seeAlso: [],
    sources: [{ file: 'g.md', line: 1, heading: 'h', anchor: 'h' }],
  };
}
const documentOf = (entries: GlossaryEntry[]): string =>
  JSON.stringify({ $schema: 'x', locale: 'en', entries }, null, 2);

describe('validateGlossaryJson', () => {
  test('a byte order mark before the JSON does not make a valid document invalid', () => {
    expect(check(`\uFEFF${builtIn}`)).toEqual([]);
  });

  test('positions after a byte order mark are those an editor shows', () => {
    expect(check('\uFEFF{"entries": [}')).toEqual(['g.json:1:14: invalid JSON: value expected']);
  });

  test('JSON nested 100 000 deep is an issue where it passes 64 levels, not a crash', () => {
    expect(check('['.repeat(100_000))).toEqual([
      'g.json:1:65: JSON nested deeper than 64 levels; glossary files are read up to 64',
    ]);
  });

  test('64 000 entries that fail the schema: the first hundred errors and a note, within 2 s', () => {
    const start = performance.now();
    const issues = check(`{"$schema": "x", "locale": "en", "entries": [${'1,'.repeat(63_999)}1]}`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(issues).toHaveLength(101);
    expect(issues[0]).toBe('g.json:1:46: schema: /entries/0: must be object');
    expect(issues[100]).toBe('g.json:1:244: more schema errors after this one; the first 100 are shown');
  });

  test('a document over 4 000 000 characters is refused unread', () => {
    expect(check(' '.repeat(4_000_001))).toEqual([
      'g.json:1:1: the document has 4,000,001 characters; glossary documents are read up to 4,000,000',
    ]);
  });

  test('a definition past the limits: an issue at its markdown', () => {
    const text = documentOf([entry('ok', 'fine'), entry('long', '定'.repeat(8001)), entry('deep', '>'.repeat(40))]);
    expect(check(text)).toEqual([
      `g.json:${lineOf(text, '定')}:21: the definition of "long": 8,001 characters; definitions are read up to 8,000`,
      `g.json:${lineOf(text, '>>>')}:21: the definition of "deep": quotes, lists or emphasis nested deeper ` +
        'than 32 levels; glossary text is read up to 32',
    ]);
  });

  test('definitions together past the markup of a page: an issue where they pass it', () => {
    // 700 pieces each: the 29th passes 20 000.
    const entries = Array.from({ length: 30 }, (_, i) => entry(`e${i}`, '[a] '.repeat(350)));
    const text = documentOf(entries);
    expect(check(text)).toEqual([
      `g.json:${lineOf(text, '"markdown": "[a]', 28)}:21: ` +
        'the definitions up to here have more than 20,000 pieces of markup ' +
        '(| [ ] * _ ~ ` < & @ \\ and web addresses); glossary documents are read up to that',
    ]);
  });
});

/** The 1-based line of the `nth` line (0-based) that holds `text`. */
function lineOf(source: string, text: string, nth = 0): number {
  return source.split('\n').flatMap((line, i) => (line.includes(text) ? [i + 1] : []))[nth]!;
}
