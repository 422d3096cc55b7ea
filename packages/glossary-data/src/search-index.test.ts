import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { GlossaryEntry } from './glossary-types.js';
import { glossary, search } from './index.js';
import { createSearchIndex } from './search-index.js';
import { formKeys, hasCjk } from './tokenize.js';

const top = (query: string, n = 3): Array<[string, string, string]> =>
  search(query, { limit: n }).map((r) => [r.entry.id, r.form, r.matchedBy]);

describe('search', () => {
  test.each<[string, [string, string, string]]>([
    ['Dream', ['dreambooth', 'DreamBooth', 'english']],
    ['cf', ['cfg', 'CFG', 'headword']],
    ['Batch', ['batch-size', 'Batch size', 'headword']],
    ['batch s', ['batch-size', 'Batch size', 'headword']],
    ['炸', ['overtrained', '炸炉', 'headword']],
    ['zl', ['overtrained', '炸炉', 'initials']],
    ['zhal', ['overtrained', '炸炉', 'pinyin']],
    ['ZHAL', ['overtrained', '炸炉', 'pinyin']],
    ['sunshi', ['loss', '损失', 'pinyin']],
  ])('%s → %j first', (query, first) => {
    expect(top(query)[0]).toEqual(first);
  });

  test('exact beats prefix of headword beats alias beats pinyin', () => {
    // "db" is DreamBooth's headword (exact); "dbs"… nothing; "d" ranks headwords before aliases before pinyin.
    expect(top('db', 1)).toEqual([['dreambooth', 'db', 'headword']]);
    const ranked = search('d', { limit: 50 });
    const kinds = ranked.map((r) => r.matchedBy);
    const firstAlias = kinds.findIndex((k) => k === 'alias' || k === 'english');
    const firstPinyin = kinds.findIndex((k) => k === 'pinyin' || k === 'initials');
    expect(kinds.lastIndexOf('headword')).toBeLessThan(firstAlias);
    expect(kinds.slice(firstAlias).findIndex((k) => k === 'headword')).toBe(-1);
    expect(firstAlias).toBeLessThan(firstPinyin);
  });

  test('an exact pinyin match outranks a longer headword prefix', () => {
    expect(top('sunshi', 2)).toEqual([
      ['loss', '损失', 'pinyin'],
      ['loss-function', '损失函数', 'pinyin'],
    ]);
  });

  test('one result per entry, capped by limit', () => {
    const results = search('c', { limit: 5 });
    expect(results).toHaveLength(5);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(5);
  });

  test.each(['', '  ', '___'])('%j finds nothing', (q) => {
    expect(search(q)).toEqual([]);
  });

  test('limit 0 finds nothing', () => {
    expect(search('c', { limit: 0 })).toEqual([]);
  });
});

describe('search keeps the best few without ranking every match', () => {
  // The ranking spelled out the long way: every matching key, the best per entry, all sorted.
  const KIND_RANK = { headword: 1, alias: 2, english: 2, pinyin: 3, initials: 3 } as const;
  function reference(entries: readonly GlossaryEntry[], query: string, limit: number): Array<[string, string, string]> {
    const keys = entries.flatMap((entry, entryIndex) => [
      ...entry.forms.flatMap((form) => [
        ...formKeys(form.text).map((key) => ({
          key,
          entryIndex,
          form: form.text,
          matchedBy: form.kind as keyof typeof KIND_RANK,
        })),
        ...(form.pinyin && hasCjk(form.text)
          ? [
              { key: form.pinyin.full.replaceAll(' ', ''), entryIndex, form: form.text, matchedBy: 'pinyin' as const },
              { key: form.pinyin.initials, entryIndex, form: form.text, matchedBy: 'initials' as const },
            ]
          : []),
      ]),
      ...Object.values(entry.translations ?? {}).flatMap((t) =>
        formKeys(t!.headword).map((key) => ({ key, entryIndex, form: t!.headword, matchedBy: 'english' as const })),
      ),
    ]);
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const best = new Map<number, { key: (typeof keys)[number]; rank: number }>();
    for (const q of formKeys(query)) {
      for (const key of keys.filter((k) => k.key.startsWith(q))) {
        const rank = key.key.length === q.length ? 0 : KIND_RANK[key.matchedBy];
        const seen = best.get(key.entryIndex);
        if (!seen || rank < seen.rank || (rank === seen.rank && key.key.length < seen.key.key.length))
          best.set(key.entryIndex, { key, rank });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.rank - b.rank || a.key.key.length - b.key.key.length || a.key.entryIndex - b.key.entryIndex)
      .slice(0, limit)
      .map(({ key }) => [entries[key.entryIndex]!.id, key.form, key.matchedBy]);
  }

  test('finds what ranking every match finds, for any query and limit', () => {
    const index = createSearchIndex(glossary.entries);
    const letters = fc.constantFrom(
      'a',
      'b',
      'c',
      'd',
      'e',
      'l',
      'o',
      's',
      't',
      'z',
      'h',
      ' ',
      '炸',
      '损',
      '模',
      'A',
      'C',
    );
    fc.assert(
      fc.property(fc.string({ unit: letters, maxLength: 4 }), fc.integer({ min: 1, max: 60 }), (query, limit) => {
        expect(index.search(query, { limit }).map((r) => [r.entry.id, r.form, r.matchedBy])).toEqual(
          reference(glossary.entries, query, limit),
        );
      }),
      { numRuns: 500 },
    );
  });

  test('and over many look-alike entries, where ties decide', () => {
    const kinds = ['headword', 'alias', 'english'] as const;
    const forms = fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom('t', 'a', 'b'), minLength: 1, maxLength: 4 }),
        fc.constantFrom(...kinds),
      ),
      { minLength: 1, maxLength: 3 },
    );
    const entries = fc.array(forms, { minLength: 1, maxLength: 80 }).map((list) =>
      list.map(
        (f, i) =>
          ({
            id: `e${i}`,
            headword: f[0]![0],
            forms: f.map(([text, kind]) => ({ text, kind, origin: 'page' })),
          }) as unknown as GlossaryEntry,
      ),
    );
    fc.assert(
      fc.property(
        entries,
        fc.string({ unit: fc.constantFrom('t', 'a', 'b'), maxLength: 2 }),
        fc.integer({ min: 1, max: 12 }),
        (list, query, limit) => {
          expect(
            createSearchIndex(list)
              .search(query, { limit })
              .map((r) => [r.entry.id, r.form, r.matchedBy]),
          ).toEqual(reference(list, query, limit));
        },
      ),
      { numRuns: 500 },
    );
  });
});
