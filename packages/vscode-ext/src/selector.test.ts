import { describe, expect, test } from 'vitest';
import { DEFAULT_LANGUAGES, documentSelector } from './selector.js';

describe('documentSelector', () => {
  test('the defaults: every served language, on disk and unsaved', () => {
    const selector = documentSelector(undefined);
    expect(selector).toHaveLength(DEFAULT_LANGUAGES.length * 2);
    expect(selector.slice(0, 2)).toEqual([
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ]);
  });

  test.each<[unknown, string[]]>([
    [
      ['toml', 'toml', 'yaml'],
      ['toml', 'yaml'],
    ],
    [['markdown', 3, '', null], ['markdown']],
    [[], []],
    ['markdown', [...DEFAULT_LANGUAGES]],
    [null, [...DEFAULT_LANGUAGES]],
  ])('%j', (setting, languages) => {
    expect([...new Set(documentSelector(setting).map((f) => f.language))]).toEqual(languages);
  });
});
