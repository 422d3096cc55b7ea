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

/** An entry's score before any key matched it (worse than every real score). */
const UNSCORED = 0xffffffff;
/** Entry indexes take the low 24 bits of a result's sort value. */
const ENTRY_BITS = 2 ** 24;

/**
 * Builds the search index: a sorted array of keys, searched by binary search. A query scores each
 * entry by its best matching key — rank (0 for an exact match, else by kind), then key length —
 * and keeps the `limit` best entries. The scores live in typed arrays, one slot per entry: a short
 * prefix of a large glossary ("c" over 5 000 workspace terms and their pinyin) matches ten
 * thousand keys, each looked at once, with nothing allocated for it.
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
      for (const key of formKeys(translation.headword))
        keys.push({ key, entryIndex, form: translation.headword, matchedBy: 'english' });
    }
  });
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Each key's length, rank and entry side by side, in key order.
  const lengths = Uint16Array.from(keys, (k) => Math.min(k.key.length, 0xffff));
  const ranks = Uint8Array.from(keys, (k) => KIND_RANK[k.matchedBy]);
  const entryOf = Uint32Array.from(keys, (k) => k.entryIndex);
  // Per entry, during a query: its best score so far (rank × 2^16 + key length) and that key.
  const scores = new Uint32Array(entries.length).fill(UNSCORED);
  const bestKeys = new Uint32Array(entries.length);

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
    // Each entry's best key: the lowest score, the first of equals (queries in order, keys in order).
    const scored: number[] = [];
    for (const q of queryKeys) {
      // The keys that start with q: from q to the first key at or past q + U+FFFF (and any that
      // go on with U+FFFF itself).
      let end = lowerBound(`${q}\uffff`);
      while (end < keys.length && keys[end]!.key.startsWith(q)) end++;
      for (let i = lowerBound(q); i < end; i++) {
        const length = lengths[i]!;
        const score = (length === q.length ? 0 : ranks[i]! * 0x10000) + length;
        const entry = entryOf[i]!;
        const previous = scores[entry]!;
        if (score >= previous) continue;
        if (previous === UNSCORED) scored.push(entry);
        scores[entry] = score;
        bestKeys[entry] = i;
      }
    }
    // The `limit` lowest by score, then entry order, kept sorted; most are turned away by one
    // comparison with the last kept.
    const best: number[] = [];
    for (const entry of scored) {
      const value = scores[entry]! * ENTRY_BITS + entry;
      scores[entry] = UNSCORED;
      if (best.length === limit && value >= best[limit - 1]!) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (best[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, value);
      if (best.length > limit) best.pop();
    }
    return best.map((value) => {
      const entry = value % ENTRY_BITS;
      const key = keys[bestKeys[entry]!]!;
      return { entry: entries[entry]!, form: key.form, matchedBy: key.matchedBy, exact: value < 0x10000 * ENTRY_BITS };
    });
  }

  return { search };
}
