/**
 * @sd-glossary/data/core: the functions over any glossary document (indexes, matcher, annotator,
 * exports, types), without the built-in glossary. A host that loads the built-in glossary only when
 * it is first needed (a language server answering `initialize` first) imports these up front, and
 * `@sd-glossary/data` later; `@sd-glossary/data` exports all of this too.
 */
export { createAnnotator, type Annotator, type AnnotatorOptions, type TermAnnotation } from './annotate.js';
export { findDiscouraged, fixDiscouraged, type DiscouragedUse } from './spelling.js';
export { isInfotext, type FindTermsOptions } from './context.js';
export { localizeEntry, type LocalizedText } from './localize.js';
export { createGlossaryIndex, type GlossaryIndex } from './glossary-index.js';
export { createTermMatcher, type MatchableForm, type TermMatch, type TermMatcher } from './term-matcher.js';
export { charKind, type CharKind } from './tokenize.js';
export {
  exportFormats,
  exportGlossary,
  type ExportedFile,
  type ExportFormat,
  type ExportFormatInfo,
  type ExportOptions,
} from './export/export-glossary.js';
export type { SearchMatchKind, SearchOptions, SearchResult } from './search-index.js';
export type {
  Glossary,
  GlossaryEntry,
  License,
  Link,
  Pinyin,
  RichText,
  SourceLocation,
  SourcePage,
  SurfaceForm,
  Translation,
  TranslationSource,
} from './glossary-types.js';
