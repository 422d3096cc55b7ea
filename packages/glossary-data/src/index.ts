/**
 * @sd-glossary/data: the Stable Diffusion glossary as typed data, with lookup, search and a term
 * matcher. The glossary text is GFDL-1.3-or-later, © 2022 StableDiffusionBook; see NOTICE.md.
 */
import data from '../glossary.json' with { type: 'json' };
// The functions come from ./core.js, which the build keeps a file of its own: this file adds only the data.
import {
  createGlossaryIndex,
  localizeEntry,
  type FindTermsOptions,
  type Glossary,
  type GlossaryEntry,
  type GlossaryIndex,
  type LocalizedText,
  type SearchOptions,
  type SearchResult,
  type TermMatch,
} from './core.js';

// The JSON's inferred type is narrower than the schema's; the document is validated against the schema in tests.
const index: GlossaryIndex = createGlossaryIndex(data as unknown as Glossary);

/** The whole built-in glossary document: metadata (version, locale, licence, source) and entries. */
export const glossary: Glossary = index.glossary;

/** Every entry of the built-in glossary, sorted by id. */
export const entries: readonly GlossaryEntry[] = index.entries;

/**
 * Gets a built-in entry by id.
 * @param id - an entry id such as `cfg` or `overtrained`.
 * @returns the entry, or `undefined` when no entry has that id.
 */
export function getEntry(id: string): GlossaryEntry | undefined {
  return index.getEntry(id);
}

/**
 * Finds the built-in entries a surface form names: case-insensitive, `_`, `-`, spaces and camelCase
 * count the same (`cfg_scale`, `CFG Scale`, `cfgScale`), a plural finds its singular.
 * @param surface - a term as a user may write it.
 * @returns the entries (more than one where entries share the form); empty when nothing matches.
 */
export function lookup(surface: string): GlossaryEntry[] {
  return index.lookup(surface);
}

/**
 * Completion-style prefix search over the built-in entries' forms, pinyin and pinyin initials
 * (`Dream` → DreamBooth, `zl` → 炸炉).
 * @param query - what the user typed so far.
 * @param options - result limit (default 20).
 * @returns the best results first, one per entry; empty for an empty query.
 */
export function search(query: string, options?: SearchOptions): SearchResult[] {
  return index.search(query, options);
}

/**
 * Finds every built-in term occurrence in a text, with UTF-16 offsets. Everyday forms (`steps`, `seed`,
 * `db`) count only where the text is about SD: in a sentence with another term, on an A1111 infotext
 * line, beside another form of their entry, or anywhere when `options.sd` says the whole text is.
 * @param text - any string.
 * @param options - whether the whole text is about SD (a prompt, an SD config).
 * @returns the occurrences in order, longest match first, never overlapping; empty when there are none.
 */
export function findTerms(text: string, options?: FindTermsOptions): TermMatch[] {
  return index.findTerms(text, options);
}

/**
 * A built-in entry's text in a language, falling back to the Chinese source text.
 * @param entry - a built-in entry.
 * @param locale - `en`, `en-US`, `zh-CN`…; `undefined` for the source text.
 * @returns the English translation (SD Glossary's, GFDL-1.3-or-later) or the source text.
 */
export function localize(entry: GlossaryEntry, locale?: string): LocalizedText {
  return localizeEntry(entry, locale, glossary.locale);
}

// The functions and types of ./core.js, named one by one (the API test keeps the two lists the same).
export {
  charKind,
  createAnnotator,
  createGlossaryIndex,
  createTermMatcher,
  exportFormats,
  exportGlossary,
  findDiscouraged,
  fixDiscouraged,
  isInfotext,
  localizeEntry,
  type Annotator,
  type AnnotatorOptions,
  type CharKind,
  type DiscouragedUse,
  type ExportedFile,
  type ExportFormat,
  type ExportFormatInfo,
  type ExportOptions,
  type FindTermsOptions,
  type Glossary,
  type GlossaryEntry,
  type GlossaryIndex,
  type License,
  type Link,
  type LocalizedText,
  type MatchableForm,
  type Pinyin,
  type RichText,
  type SearchMatchKind,
  type SearchOptions,
  type SearchResult,
  type SourceLocation,
  type SourcePage,
  type SurfaceForm,
  type TermAnnotation,
  type TermMatch,
  type TermMatcher,
  type Translation,
  type TranslationSource,
} from './core.js';
