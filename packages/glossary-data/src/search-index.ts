import { formKeys, hasCjk } from './tokenize.js';
import type { GlossaryEntry } from './glossary-types.js';

/** How a search result matched. */
export type SearchMatchKind = 'headword' | 'alias' | 'english' | 'pinyin' | 'initials';

/** One entry found by `search`. */
export interface SearchResult {
  /** The entry found. */
  readonly entry: GlossaryEntry;
  /** The surface form whose key the query is a prefix of (the form to insert). */
  readonly form: string;
  /** What the query matched: the form itself, its pinyin, or its pinyin initials. */
  readonly matchedBy: SearchMatchKind;
  /** True when the query is the whole key, not only a prefix of it. */
  readonly exact: boolean;
}

/** Options of `search`. */
export interface SearchOptions {
  /** Most results to return (default 20). */
  readonly limit?: number;
}

/** Finds entries by the prefix of a form, its pinyin or its pinyin initials. */
export interface SearchIndex {
  /**
   * Finds the entries one of whose keys starts with the query, best first:
   * exact matches, then headword prefixes, then other forms, then pinyin and initials.
   * @param query - what the user typed so far (`Dream`, `cf`, `batch s`, `炸`, `zl`, `zhal`).
   * @param options - result limit.
   * @returns at most `limit` results, one per entry; empty for an empty query.
   */
  search(query: string, options?: SearchOptions): SearchResult[];
}

interface Key {
  readonly key: string;
  readonly entryIndex: number;
  readonly form: string;
  readonly matchedBy: SearchMatchKind;
}

const KIND_RANK: Record<SearchMatchKind, number> = { headword: 1, alias: 2, english: 2, pinyin: 3, initials: 3 };


/** A key that matched a query, and how well (0: exactly). */
interface Candidate {
  readonly key: Key;
  readonly rank: number;
}

/** Whether a key, matched with a rank, matches better than a candidate for the same entry: a better rank, or a shorter key. */
const better = (rank: number, key: Key, b: Candidate): boolean => rank < b.rank || (rank === b.rank && key.key.length < b.key.key.length);

/** Whether a key, matched with a rank, comes before a candidate: rank, then key length, then the entry's order. */
const before = (rank: number, key: Key, b: Candidate): boolean =>
  better(rank, key, b) || (rank === b.rank && key.key.length === b.key.key.length && key.entryIndex < b.key.entryIndex);

/** Where a candidate goes in a list kept in `before` order. */
function insertionPoint(list: readonly Candidate[], candidate: Candidate): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!.rank, list[mid]!.key, candidate)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the search index: a sorted array of keys, searched by binary search.
 * @param entries - the glossary's entries.
 * @returns the index.
 */
export function createSearchIndex(entries: readonly GlossaryEntry[]): SearchIndex {
  const keys: Key[] = [];
  entries.forEach((entry, entryIndex) => {
    for (const form of entry.forms) {
      for (const key of formKeys(form.text)) keys.push({ key, entryIndex, form: form.text, matchedBy: form.kind });
      if (form.pinyin && hasCjk(form.text)) {
        keys.push({ key: form.pinyin.full.replaceAll(' ', ''), entryIndex, form: form.text, matchedBy: 'pinyin' });
        keys.push({ key: form.pinyin.initials, entryIndex, form: form.text, matchedBy: 'initials' });
      }
    }
    // Translated headwords are names too: typing "overfit" finds 过拟合 (Overfitting) and 炸炉 (Overfitted training run).
    for (const translation of Object.values(entry.translations ?? {})) {
      if (!translation) continue;
      for (const key of formKeys(translation.headword)) keys.push({ key, entryIndex, form: translation.headword, matchedBy: 'english' });
    }
  });
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  function lowerBound(query: string): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]!.key < query) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 20;
    const queryKeys = formKeys(query);
    if (limit <= 0 || queryKeys.length === 0) return [];
    // The best `limit` entries, best first, each by its best key: a short prefix ("t") matches
    // thousands of keys, and most are turned away by one comparison with the last kept.
    const top: Candidate[] = [];
    const kept = new Map<number, Candidate>();
    for (const q of queryKeys) {
      for (let i = lowerBound(q); i < keys.length && keys[i]!.key.startsWith(q); i++) {
        const key = keys[i]!;
        const rank = key.key.length === q.length ? 0 : KIND_RANK[key.matchedBy];
        // Decided before a candidate is made: most keys of a short prefix are turned away here.
        if (top.length === limit && !before(rank, key, top[limit - 1]!)) continue;
        const same = kept.get(key.entryIndex);
        if (same) {
          // An entry counts once, by its best key (the first of equals).
          if (!better(rank, key, same)) continue;
          top.splice(top.indexOf(same), 1);
        }
        const candidate: Candidate = { key, rank };
        top.splice(insertionPoint(top, candidate), 0, candidate);
        kept.set(key.entryIndex, candidate);
        if (top.length > limit) kept.delete(top.pop()!.key.entryIndex);
      }
    }
    return top.map(({ key, rank }) => ({
      entry: entries[key.entryIndex]!,
      form: key.form,
      matchedBy: key.matchedBy,
      exact: rank === 0,
    }));
  }

  return { search };
}
