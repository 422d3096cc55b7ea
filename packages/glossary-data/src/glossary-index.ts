import { keepInContext, type FindTermsOptions } from './context.js';
import { createLookupIndex, type LookupIndex } from './lookup-index.js';
import { withoutLowerCaseKeywords, withPromptSyntax } from './prompt-syntax.js';
import { createSearchIndex, type SearchIndex, type SearchOptions, type SearchResult } from './search-index.js';
import { createTermMatcher, type TermMatch, type TermMatcher } from './term-matcher.js';
import type { Glossary, GlossaryEntry } from './glossary-types.js';

/** A glossary with its indexes: the typed API over one glossary document. */
export interface GlossaryIndex {
  /** The document the index was built from. */
  readonly glossary: Glossary;
  /** All entries, sorted by id. */
  readonly entries: readonly GlossaryEntry[];
  /**
   * Gets an entry by id.
   * @param id - an entry id such as `cfg`.
   * @returns the entry, or `undefined` when no entry has that id.
   */
  getEntry(id: string): GlossaryEntry | undefined;
  /**
   * Finds the entries a surface form names (case-insensitive; `_`, `-`, spaces and camelCase are
   * all the same; a plural finds its singular).
   * @param surface - a term as a user may write it.
   * @returns the entries; empty when nothing matches.
   */
  lookup(surface: string): GlossaryEntry[];
  /**
   * Completion-style prefix search over forms, pinyin and pinyin initials.
   * @param query - what the user typed so far.
   * @param options - result limit.
   * @returns the best results first, one per entry; empty for an empty query.
   */
  search(query: string, options?: SearchOptions): SearchResult[];
  /**
   * Finds every term occurrence in a text. Everyday forms (`steps`, `seed`, `db`) count only where the
   * text is about SD: see `FindTermsOptions`.
   * @param text - any string.
   * @param options - whether the whole text is about SD.
   * @returns the occurrences, with UTF-16 offsets, in order; empty when there are none.
   */
  findTerms(text: string, options?: FindTermsOptions): TermMatch[];
}

/**
 * Builds the indexes of a glossary document. Each index is built on first use, once.
 * @param glossary - a document that follows `schema/glossary.schema.json`.
 * @returns the API over that document.
 */
export function createGlossaryIndex(glossary: Glossary): GlossaryIndex {
  const entries = glossary.entries;
  let byId: Map<string, GlossaryEntry> | undefined;
  let lookupIndex: LookupIndex | undefined;
  let searchIndex: SearchIndex | undefined;
  let matcher: TermMatcher | undefined;

  const getEntry = (id: string): GlossaryEntry | undefined => (byId ??= new Map(entries.map((e) => [e.id, e]))).get(id);

  return {
    glossary,
    entries,
    getEntry,
    lookup: (surface) => (lookupIndex ??= createLookupIndex(entries)).lookup(surface),
    search: (query, options) => (searchIndex ??= createSearchIndex(entries)).search(query, options),
    findTerms: (text, options) => {
      matcher ??= createTermMatcher(
        entries.flatMap((e) => e.forms.map((f) => ({ text: f.text, id: e.id, context: f.scan === false }))),
      );
      const terms = withoutLowerCaseKeywords(keepInContext(text, matcher.findAll(text), options));
      return options?.prompt ? withPromptSyntax(text, terms, (id) => getEntry(id) !== undefined) : terms;
    },
  };
}
