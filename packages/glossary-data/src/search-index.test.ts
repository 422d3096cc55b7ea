import { describe, expect, test } from 'vitest';
import { search } from './index.js';

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
