/**
 * @sd-glossary/data/parser: reads and validates glossary sources (the markdown page format and the
 * JSON document format). Used at build time, by `sd-glossary validate`, and for workspace glossaries.
 */
export {
  buildGlossary,
  summarize,
  type BuildGlossaryOptions,
  type BuildGlossaryResult,
  type EditorialInput,
  type Overlay,
  type OverlayEntry,
} from './build.js';
export type { BookPageInput, BookSelector } from './book.js';
export { checkGlossary } from './check.js';
export { checkHoverContent } from './hover-check.js';
export { formatIssue, type GlossaryIssue, type SourcePosition } from './issues.js';
export type { JsonPath } from './json-source.js';
export { glossaryLimits } from './limits.js';
export {
  parseGlossaryMarkdown,
  splitTermText,
  type DraftEntry,
  type DraftForm,
  type DraftLink,
  type DraftSource,
  type ParsedPage,
  type ParseOptions,
} from './markdown.js';
export { glossarySchema, overlaySchema } from './schemas.js';
export { serializeGlossary, validateGlossaryJson, type ValidateJsonResult } from './json-document.js';
export { sanitizeMarkdown, type SanitizedMarkdown, type SanitizeOptions } from './sanitize.js';
export { parseGlossaryFile } from './glossary-file.js';
export { readGlossaryFile } from './read-glossary-file.js';
